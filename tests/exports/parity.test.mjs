// TypeScript/Rust parity of the exported module, with Node's own test runner:
//   node --test tests/exports/
// check.sh first writes what the Rust crate answers (target/exports/corpus.json, from
// `cargo run -p catalog-tests --example export_corpus`: final sounds, rendered messages, and
// every code's `Code::payment()` with its `decide(attempt)`) and exports the adversarial fixture
// catalog (target/exports/adversarial/). Without them the tests that need them fail.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const target = process.env.ERRSPEC_EXPORTS_TARGET ?? path.join(root, "target/exports");

const spec = await import(path.join(root, "exports/payment-errors.js"));
const adversarial = await import(path.join(target, "adversarial/payment-errors.js"));
const corpus = JSON.parse(readFileSync(path.join(target, "corpus.json"), "utf8"));
const catalog = JSON.parse(readFileSync(path.join(root, "exports/catalog.json"), "utf8"));

// Particle name (as the Rust table writes it) → canonical spelling, from the module.
const SPELLING = Object.fromEntries(spec.PARTICLES.map((p) => [p.name, p.spelling]));

/** A Rust string literal's value. */
function unescapeRust(body) {
  return body.replace(/\\(u\{([0-9a-fA-F]+)\}|.)/gu, (_, esc, hex) => {
    if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
    return { n: "\n", t: "\t", r: "\r", 0: "\0", "\\": "\\", '"': '"', "'": "'" }[esc] ?? esc;
  });
}

/** The rows of the crate's own particle table (`CASES` in payment-errors-core/src/particle.rs). */
function rustTable() {
  const src = readFileSync(path.join(root, "payment-errors-core/src/particle.rs"), "utf8");
  const start = src.indexOf("const CASES");
  assert.ok(start > 0, "no CASES table in particle.rs");
  const end = src.indexOf("\n    ];", start);
  const block = src.slice(start, end);
  const str = String.raw`"((?:[^"\\]|\\.)*)"`;
  const row = new RegExp(
    String.raw`\(\s*${str}\s*,\s*([A-Z][A-Za-z]*)\s*,\s*(None|Some\(\s*${str}\s*\))\s*,?\s*\)`,
    "gu",
  );
  const rows = [];
  for (const m of block.matchAll(row)) {
    rows.push([unescapeRust(m[1]), m[2], m[4] === undefined ? null : unescapeRust(m[4])]);
  }
  // Every row of the table was read: one per line that opens a tuple.
  const lines = block.split("\n").filter((l) => /^\s*\(/.test(l)).length;
  assert.equal(rows.length, lines, "rows read from CASES");
  return rows;
}

test("every row of the crate's particle table", () => {
  const rows = rustTable();
  assert.ok(rows.length >= 200, `${rows.length} rows`);
  const failures = [];
  for (const [value, particle, expected] of rows) {
    assert.ok(particle in SPELLING, `the module knows no particle ${particle}`);
    const got = spec.resolveParticle(value, SPELLING[particle]);
    if (got !== expected) failures.push(`${JSON.stringify(value)} + ${SPELLING[particle]}: ${got} != ${expected}`);
  }
  assert.deepEqual(failures, [], `${failures.length} of ${rows.length} rows differ`);
});

test("the final sound of every corpus value, as the crate reads it", () => {
  assert.ok(corpus.sounds.length > 50000, `${corpus.sounds.length} values`);
  const coda = (v) => {
    const eun = spec.resolveParticle(v, "은(는)");
    const ro = spec.resolveParticle(v, "(으)로");
    if (eun === null) return null;
    return eun === "는" ? "V" : ro === "로" ? "R" : "C";
  };
  const failures = [];
  for (const [value, expected] of corpus.sounds) {
    const got = coda(value);
    if (got !== expected) failures.push(`${JSON.stringify(value)}: ${got} != ${expected}`);
  }
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} of ${corpus.sounds.length} values differ`);
});

const modules = { spec, adversarial };

function params(p) {
  const out = {};
  for (const [k, v] of Object.entries(p)) out[k] = typeof v === "string" ? v : BigInt(v.int);
  return out;
}

test("every message of the spec and of the adversarial catalog, in every locale", () => {
  const seen = new Set();
  const failures = [];
  for (const r of corpus.renders) {
    seen.add(r.catalog);
    const domain = modules[r.catalog].DOMAINS[r.domain];
    const got = domain.render(r.code, params(r.params), r.locale);
    if (got !== r.text) failures.push(`${r.catalog} ${r.domain} ${r.code} ${r.locale}: ${JSON.stringify(got)} != ${JSON.stringify(r.text)}`);
  }
  assert.deepEqual([...seen].sort(), ["adversarial", "spec"]);
  const specCodes = catalog.domains.flatMap((d) => d.errors.filter((e) => e.retired === null));
  const specRenders = corpus.renders.filter((r) => r.catalog === "spec").length;
  assert.equal(specRenders, specCodes.length * catalog.locales.length);
  assert.deepEqual(failures, []);
});

test("integers resolve as their decimal strings do", () => {
  const values = [];
  for (let n = -300n; n <= 2100n; n += 1n) values.push(n);
  for (let p = 1n; p < 10n ** 19n; p *= 10n) for (const d of [1n, 3n, 7n]) values.push(p * d, -p * d);
  values.push(9223372036854775807n, -9223372036854775808n);
  for (const n of values) {
    for (const s of Object.values(SPELLING)) {
      assert.equal(spec.resolveIntegerParticle(n, s), spec.resolveParticle(n.toString(), s), `${n} ${s}`);
    }
  }
  assert.equal(spec.resolveIntegerParticle(3, "이(가)"), "이");
  assert.equal(spec.resolveIntegerParticle(10000, "은(는)"), "은");
});

test("the module lists exactly the catalog's live codes, with their facts", () => {
  for (const d of catalog.domains) {
    const m = spec.DOMAINS[d.id];
    const live = d.errors.filter((e) => e.retired === null);
    assert.deepEqual([...m.codes], live.map((e) => e.code), d.id);
    for (const e of live) {
      assert.equal(m.status(e.code), e.status);
      assert.equal(m.category(e.code), e.category);
      assert.equal(m.retryable(e.code), e.retryable);
      assert.deepEqual(m.payment(e.code), e.payment, `${d.id} ${e.code}: payment`);
      for (const l of catalog.locales) assert.equal(m.message(e.code, l), e.message[l]);
    }
  }
});

const DECISIONS = ["check_status", "give_up", "retry_after", "retry_now", "retry_with_new_key"];

test("every code's payment facts and decisions, as the crate says", () => {
  assert.equal(spec.DEFAULT_MAX_ATTEMPTS, corpus.defaultMaxAttempts);
  assert.equal(adversarial.DEFAULT_MAX_ATTEMPTS, corpus.defaultMaxAttempts);
  const seen = new Set();
  const failures = [];
  for (const r of corpus.payments) {
    const where = `${r.catalog} ${r.domain} ${r.code}`;
    seen.add(where);
    const m = modules[r.catalog].DOMAINS[r.domain];
    const got = m.payment(r.code);
    assert.ok(Object.isFrozen(got), `${where}: frozen`);
    try {
      assert.deepEqual(got, r.payment);
    } catch {
      failures.push(`${where}: ${JSON.stringify(got)} != ${JSON.stringify(r.payment)}`);
    }
    for (const [attempt, decision, seconds] of r.decisions) {
      const d = m.decide(r.code, attempt);
      if (d !== decision) failures.push(`${where} decide(${attempt}): ${d} != ${decision}`);
      // The crate's RetryAfter carries its seconds; the module's are the facts' retryAfter.
      if (decision === "retry_after" && got.retryAfter !== seconds) {
        failures.push(`${where} decide(${attempt}): waits ${got.retryAfter} != ${seconds} s`);
      }
    }
  }
  assert.deepEqual(failures, []);
  // Every code of both modules was compared, and every decision was reached.
  for (const [name, mod] of Object.entries(modules)) {
    for (const [id, m] of Object.entries(mod.DOMAINS)) {
      for (const code of m.codes) assert.ok(seen.has(`${name} ${id} ${code}`), `${name} ${id} ${code}`);
    }
  }
  assert.equal(seen.size, corpus.payments.length);
  const reached = new Set(corpus.payments.flatMap((p) => p.decisions.map((d) => d[1])));
  assert.deepEqual([...reached].sort(), DECISIONS);
  for (const key of ["retryAfter", "maxAttempts"]) {
    assert.ok(corpus.payments.some((p) => p.payment[key] !== null), `some code has a ${key}`);
  }
  assert.ok(corpus.payments.some((p) => p.payment.customerSafe), "some code is customer-safe");
});

test("codes we do not list never throw", () => {
  const strange = ["NOPE", "", "__proto__", "constructor", "toString", "hasOwnProperty", "💳", 42, null, undefined, {}];
  for (const m of [...Object.values(spec.DOMAINS), ...Object.values(adversarial.DOMAINS)]) {
    for (const code of strange) {
      assert.equal(m.isCode(code), false);
      const parsed = m.parse(code);
      assert.equal(parsed.known, false);
      assert.equal(parsed.code, String(code));
      assert.equal(m.status(code), undefined);
      assert.equal(m.payment(code), undefined);
      assert.equal(m.decide(code, 1), undefined);
      assert.equal(m.render(code, {}, "ko"), undefined);
    }
    for (const code of m.codes) {
      assert.deepEqual(m.parse(code), { known: true, code });
      // Missing or odd parameters and locales render something, never throw.
      assert.equal(typeof m.render(code, {}, "xx"), "string");
      assert.equal(typeof m.render(code, null, undefined), "string");
      assert.equal(typeof m.render(code, { field: NaN, amount: Infinity }, "ko-KR"), "string");
      // Odd attempt numbers decide something too.
      for (const attempt of [NaN, -1, 0, 1.5, Infinity, undefined, null, "2"]) {
        assert.ok(DECISIONS.includes(m.decide(code, attempt)), `${code} ${String(attempt)}`);
      }
    }
  }
});

test("locales are matched as the crate matches them", () => {
  const m = spec.cancel;
  const ko = m.render("PAYMENT_ID_REQUIRED", { field: "결제 ID" }, "ko");
  const en = m.render("PAYMENT_ID_REQUIRED", { field: "결제 ID" }, "en");
  assert.equal(ko, "결제 ID는 Null 일 수 없습니다.");
  assert.equal(en, "결제 ID must not be null.");
  for (const tag of ["ko-KR", "KO", "ko_KR", undefined, "", "fr", " ko "]) assert.equal(m.render("PAYMENT_ID_REQUIRED", { field: "결제 ID" }, tag), ko, String(tag));
  for (const tag of ["en-US", "EN", "en_GB"]) assert.equal(m.render("PAYMENT_ID_REQUIRED", { field: "결제 ID" }, tag), en, tag);
});
