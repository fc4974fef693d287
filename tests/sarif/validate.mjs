// Validates SARIF logs written by `errspec check --format sarif` against the SARIF 2.1.0 JSON
// Schema (the copy shipped in the npm package @microsoft/jest-sarif, draft-04), with ajv.
// Usage: node tests/sarif/validate.mjs ERRSPEC SPEC_DIR EXPECTED_RESULTS [SPEC_DIR N ...]
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const Ajv = require("ajv");
const schema = require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
const ajv = new Ajv({ schemaId: "auto", allErrors: true, validateSchema: false });
ajv.addMetaSchema(require("ajv/lib/refs/json-schema-draft-04.json"));
const validate = ajv.compile(schema);

const [errspec, ...pairs] = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (let i = 0; i < pairs.length; i += 2) {
  const dir = pairs[i];
  const expected = Number(pairs[i + 1]);
  let out;
  try {
    out = execFileSync(errspec, ["check", "--locked", "--format", "sarif", dir], { encoding: "utf8" });
  } catch (e) {
    out = e.stdout; // exit 1: the spec has problems
  }
  const log = JSON.parse(out);
  const problems = [];
  if (!validate(log)) problems.push(...validate.errors.map((e) => `${e.dataPath} ${e.message}`));
  const results = log.runs?.[0]?.results ?? [];
  if (results.length !== expected) problems.push(`expected ${expected} results, got ${results.length}`);
  const rules = log.runs?.[0]?.tool?.driver?.rules ?? [];
  for (const r of results) {
    if (rules[r.ruleIndex]?.id !== r.ruleId) problems.push(`ruleIndex of ${r.ruleId} points at ${rules[r.ruleIndex]?.id}`);
    if (!r.locations?.[0]?.physicalLocation?.region?.startLine) problems.push(`${r.ruleId} has no line`);
  }
  if (problems.length) {
    failed++;
    console.log(`FAIL ${dir}:\n  ${problems.join("\n  ")}`);
  } else {
    passed++;
    console.log(`ok   ${dir}: valid SARIF 2.1.0, ${results.length} result(s)`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
