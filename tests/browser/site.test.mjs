// The docs site in a real browser: generates it with `errspec docs`, opens it from file:// in
// headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core; no browser
// download), and checks what a reader does: search (Korean and English), filters, the
// language switch, following a code's link, phones, and that hostile spec text stays text.
//
// Run from anywhere: node tests/browser/site.test.mjs   (scripts/test runs it after cargo test)
// Environment: CHROMIUM (default /usr/bin/chromium), ERRSPEC_SKIP_BUILD=1 to reuse a built site.
// Screenshots: target/docs-screenshot.png (index, searching 세션), target/docs-screenshot-code.png,
// target/docs-screenshot-phone.png; on failure target/docs-failure.png.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const target = join(repo, 'target');
const site = join(target, 'docs-site');
const hostileSite = join(target, 'docs-site-hostile');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  console.error(
    'browser test: cannot load playwright-core. Install it with:\n' +
      '  (cd tests/browser && npm ci)\n' +
      `(${e.message})`
  );
  process.exit(2);
}
if (!existsSync(chromiumPath)) {
  console.error(
    `browser test: no Chromium at ${chromiumPath}.\n` +
      'Install Debian\'s chromium (apt-get install -y chromium; scripts/test does it when run as root),\n' +
      'or point CHROMIUM at a Chromium binary.'
  );
  process.exit(2);
}

// ---- Build the sites -------------------------------------------------------------------

function errspec(args) {
  try {
    return execFileSync('cargo', ['run', '--quiet', '--bin', 'errspec', '--', ...args], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  } catch (e) {
    console.error(`browser test: \`errspec ${args.join(' ')}\` failed:\n${e.stdout || ''}${e.stderr || ''}`);
    process.exit(1);
  }
}

if (!process.env.ERRSPEC_SKIP_BUILD) {
  errspec(['docs', '--out', site]);
  errspec(['docs', join('codegen', 'tests', 'fixtures', 'hostile'), '--out', hostileSite]);
}
// How many codes the spec holds, as `errspec check` counts them ("3 domains, 46 codes").
const specCodes = Number(
  /, (\d+) codes?\n/.exec(errspec(['check', '--locked', '--lang', 'en']))?.[1] ?? NaN
);
const indexUrl = pathToFileURL(join(site, 'index.html')).href;

// ---- Checks ----------------------------------------------------------------------------

const failures = [];
let step = '';
function check(ok, what, details) {
  if (ok) {
    console.log(`  ok   ${what}`);
  } else {
    const d = details === undefined ? '' : `\n         got: ${JSON.stringify(details)}`;
    console.log(`  FAIL ${what}${d}`);
    failures.push(`[${step}] ${what}${d}`);
  }
}
function section(name) {
  step = name;
  console.log(`\n${name}`);
}

const userDataDir = mkdtempSync(join(tmpdir(), 'errspec-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: chromiumPath,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  viewport: { width: 1280, height: 900 },
});

const page = context.pages()[0] || (await context.newPage());
const pageErrors = [];
const dialogs = [];
const requests = [];
page.on('pageerror', (e) => pageErrors.push(String(e)));
page.on('console', (m) => {
  if (m.type() === 'error') pageErrors.push(m.text());
});
page.on('dialog', async (d) => {
  dialogs.push(d.message());
  await d.dismiss();
});
page.on('request', (r) => {
  if (!r.url().startsWith('file:')) requests.push(r.url());
});

// Codes of the rows the reader sees (really rendered, not just un-hidden), in order.
async function visibleCodes() {
  return page.$$eval('#results tbody tr', (trs) =>
    trs
      .filter((tr) => tr.getClientRects().length > 0 && getComputedStyle(tr).display !== 'none')
      .map((tr) => tr.querySelector('a.code').textContent)
  );
}
async function search(text) {
  await page.fill('#q', '');
  await page.locator('#q').pressSequentially(text, { delay: 20 });
}
// Waits for the page script to have set up search; says why when it did not.
async function searchReady() {
  try {
    await page.waitForSelector('html[data-search-ready="true"]', { state: 'attached', timeout: 10000 });
  } catch (e) {
    throw new Error(
      `the page script never finished setting up search on ${page.url()}` +
        (pageErrors.length ? `; page errors: ${pageErrors.join(' | ')}` : '; no page errors (is site-assets/site.js loaded?)')
    );
  }
}
async function allCodes() {
  return page.$$eval('#results tbody tr a.code', (as) => as.map((a) => a.textContent));
}

try {
  section('index page');
  await page.goto(indexUrl);
  await searchReady();
  const all = await allCodes();
  check(all.length === specCodes, `the index lists every code (${all.length} of ${specCodes})`, all.length);
  check((await visibleCodes()).length === all.length, 'with an empty search every code shows');
  check(
    (await page.textContent('#count')).includes(String(all.length)),
    'the count says how many codes there are',
    await page.textContent('#count')
  );
  check(await page.isVisible('a.card[href="toss/index.html"]'), 'a card links to each domain');

  section('search: 세션 (Korean, found in explanations)');
  await search('세션');
  let codes = await visibleCodes();
  check(codes.includes('NOT_FOUND_PAYMENT_SESSION'), '세션 finds NOT_FOUND_PAYMENT_SESSION', codes);
  check(codes.length > 0 && codes.length < all.length, 'and filters the others out', codes.length);
  const snippet = await page.textContent(
    'tr:not([hidden]):has(a.code[href*="/NOT_FOUND_PAYMENT_SESSION/"]) .snippet'
  );
  check(snippet && snippet.includes('세션'), 'the row shows where 세션 was found', snippet);
  check(
    (await page.locator('tr:not([hidden]) .snippet mark').first().textContent()) === '세션',
    'the match is highlighted'
  );
  await page.screenshot({ path: join(target, 'docs-screenshot.png'), fullPage: false });

  section('search: NOT_FOUND (codes)');
  await search('NOT_FOUND');
  codes = await visibleCodes();
  const notFound = all.filter((c) => c.startsWith('NOT_FOUND'));
  check(notFound.length >= 3, 'the spec has NOT_FOUND* codes', notFound);
  check(
    notFound.every((c) => codes.includes(c)),
    `NOT_FOUND finds every NOT_FOUND* code (${notFound.join(', ')})`,
    codes
  );
  check(codes[0] === 'NOT_FOUND', 'the exact code comes first', codes);
  check(codes.every((c) => c.includes('NOT_FOUND')), 'and nothing unrelated', codes);
  await search('not found payment');
  codes = await visibleCodes();
  check(codes.includes('NOT_FOUND_PAYMENT'), 'lower case words find codes too', codes);
  await search('zzzz-no-such-thing');
  check(await page.isVisible('#no-results'), 'no match says so');

  section('filters');
  await search('');
  await page.selectOption('#f-domain', 'ebp');
  await page.selectOption('#f-status', '500');
  const rows = await page.$$eval('#results tbody tr:not([hidden])', (trs) =>
    trs.map((tr) => [tr.querySelector('a.code').textContent, tr.querySelector('.c-status').textContent.trim()])
  );
  check(rows.length > 0, 'domain ebp + status 500 shows codes', rows.length);
  check(
    rows.every(([c, s]) => c.startsWith('EBP-') && s === '500'),
    'only ebp codes with status 500',
    rows
  );
  await page.selectOption('#f-category', 'ebp/Z');
  codes = await visibleCodes();
  check(codes.length > 0 && codes.every((c) => c.startsWith('EBP-Z-')), 'category Z shows EBP-Z-* only', codes);
  await page.click('#clear');
  await page.selectOption('#f-operation', 'toss/payment_lookup');
  codes = await visibleCodes();
  check(
    codes.includes('NOT_FOUND_PAYMENT') && !codes.includes('NOT_FOUND_PAYMENT_SESSION'),
    'operation toss/payment_lookup shows its codes only',
    codes
  );
  await page.click('#clear');
  check((await visibleCodes()).length === all.length, 'clearing shows every code again');

  section('payment meaning: badges and filters');
  const retryOption = await page.textContent('#f-retry option[value="retryable"]');
  check(retryOption === '재시도 가능한 코드만', 'the retry filter offers 재시도 가능한 코드만', retryOption);
  await page.selectOption('#f-retry', 'retryable');
  codes = await visibleCodes();
  check(
    codes.includes('EBP-C-0011') && codes.includes('DUPLICATED_ORDER_ID'),
    '재시도 가능한 코드만 shows EBP-C-0011 (retry recommended) and DUPLICATED_ORDER_ID (new order ID)',
    codes
  );
  check(
    !codes.includes('CANCEL_PERIOD_EXPIRED') && !codes.includes('NOT_FOUND_PAYMENT_SESSION'),
    'and not the codes that cannot be retried as they are',
    codes
  );
  const retryBadges = await page.$$eval('#results tbody tr:not([hidden])', (trs) =>
    trs.map((tr) => !!tr.querySelector('.badge.r-same_key, .badge.r-new_key'))
  );
  check(retryBadges.length > 0 && retryBadges.every(Boolean), 'every row shown has a retry badge', retryBadges);
  check(page.url().includes('retry=retryable'), 'the filter is kept in the URL', page.url());
  await page.click('#clear');
  await page.selectOption('#f-actor', 'customer');
  codes = await visibleCodes();
  check(
    codes.includes('NOT_FOUND_PAYMENT_SESSION') && codes.includes('SUSPECTED_PHISHING_PAYMENT') && !codes.includes('DUPLICATED_ORDER_ID'),
    'who acts = customer shows NOT_FOUND_PAYMENT_SESSION and SUSPECTED_PHISHING_PAYMENT only of those',
    codes
  );
  await page.click('#clear');
  await page.selectOption('#f-retry', 'never');
  codes = await visibleCodes();
  check(codes.includes('CANCEL_PERIOD_EXPIRED'), 'retry = never shows CANCEL_PERIOD_EXPIRED (410)', codes);
  await page.click('#clear');
  const badge = (await page.innerText('tr:has(a.code[href*="/DUPLICATED_ORDER_ID/"]) .pay')).trim();
  check(badge.includes('새 키로 재시도') && badge.includes('가맹점 조치'), 'DUPLICATED_ORDER_ID has its badges', badge);

  section('language switch');
  const msgSel = 'tr:has(a.code[href*="/NOT_FOUND_PAYMENT_SESSION/"]) .msg';
  const ko = (await page.innerText(msgSel)).trim();
  check(ko === '결제 시간이 만료되어 결제 진행 데이터가 존재하지 않습니다.', 'messages start in Korean', ko);
  await page.click('button[data-set-lang="en"]');
  const en = (await page.innerText(msgSel)).trim();
  check(
    en === 'Payment session does not exist because the session time has expired.',
    'English switches the message to English',
    en
  );
  check((await page.getAttribute('html', 'lang')) === 'en', '<html lang> follows');
  check(
    ((await page.getAttribute('#q', 'placeholder')) || '').startsWith('Find by code'),
    'the search box speaks English',
    await page.getAttribute('#q', 'placeholder')
  );
  await search('session');
  codes = await visibleCodes();
  check(codes.includes('NOT_FOUND_PAYMENT_SESSION'), 'English words find codes (session)', codes);
  check(
    (await page.textContent('#f-retry option[value="retryable"]')) === 'Retryable codes only',
    'the retry filter speaks English too'
  );

  section('following a code link');
  await page.click('#results a.code[href*="/NOT_FOUND_PAYMENT_SESSION/"]');
  await page.waitForLoadState('load');
  check(
    page.url().includes('/toss/NOT_FOUND_PAYMENT_SESSION/index.html'),
    'the link leads to toss/NOT_FOUND_PAYMENT_SESSION/',
    page.url()
  );
  check((await page.textContent('h1')).trim() === 'NOT_FOUND_PAYMENT_SESSION', 'the page is the code\'s');
  check((await page.getAttribute('html', 'lang')) === 'en', 'the language carries over', await page.getAttribute('html', 'lang'));
  const lead = (await page.innerText('.lead.message')).trim();
  check(lead.startsWith('Payment session does not exist'), 'its message shows in English', lead);
  const body = await page.innerText('main');
  check(body.includes('404'), 'it shows the HTTP status');
  check(body.includes('30'), 'and the explanation (30 minutes)');
  const payFacts = await page.$$eval('dl.facts [data-fact]', (ds) =>
    Object.fromEntries(ds.map((d) => [d.getAttribute('data-fact'), d.querySelector('dd').innerText.trim()]))
  );
  check(
    (payFacts.outcome || '').startsWith('nothing applied') &&
      payFacts.retry === 'only once the cause is fixed' &&
      payFacts.actor === 'the customer',
    'it says what happened, how to retry and who acts (in English)',
    payFacts
  );
  const json = await page.innerText('pre.json >> visible=true');
  let parsed = null;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    /* reported below */
  }
  check(parsed && parsed.code === 'NOT_FOUND_PAYMENT_SESSION', 'the example response body is JSON with the code', json);
  check(
    (await page.innerText('.permalink')).includes('payment_errors::toss::Code::NotFoundPaymentSession'),
    'without a docs_url, the permalink names the Rust code'
  );
  await page.screenshot({ path: join(target, 'docs-screenshot-code.png'), fullPage: true });
  await page.click('.breadcrumb a:nth-of-type(2)');
  await page.waitForLoadState('load');
  check(page.url().includes('/toss/index.html'), 'the breadcrumb leads to the domain page', page.url());
  check((await page.locator('table.codes a.code').count()) > 5, 'which lists its codes');
  await page.click('button[data-set-lang="ko"]');
  check((await page.getAttribute('html', 'lang')) === 'ko', 'and can switch back to Korean');

  section('phone');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(indexUrl + '?q=NOT_FOUND');
  await searchReady();
  codes = await visibleCodes();
  check(codes[0] === 'NOT_FOUND', 'a ?q= link opens with that search', codes);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, 'nothing is wider than a phone screen', overflow);
  await page.screenshot({ path: join(target, 'docs-screenshot-phone.png'), fullPage: false });
  for (const p of ['ebp/index.html', 'ebp/EBP-A-0001/index.html', 'cancel/REFUND_ACCOUNT_REQUIRED/index.html']) {
    await page.goto(pathToFileURL(join(site, p)).href);
    const o = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(o <= 1, `${p} fits a phone screen`, o);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  section('hostile spec text stays text');
  await page.goto(pathToFileURL(join(hostileSite, 'evil', 'XSS_CODE', 'index.html')).href);
  const main = await page.innerText('main');
  check(main.includes('<script>alert("message")</script>'), 'a <script> message shows as text', main.slice(0, 300));
  check(main.includes('"><img src=x onerror=alert(1)>'), 'an "><img onerror> message shows as text');
  check((await page.locator('main script, main img, main iframe').count()) === 0, 'no element came from spec text');
  check(
    (await page.locator('a[href^="javascript:" i]').count()) === 0,
    'no javascript: link survives'
  );
  await page.goto(pathToFileURL(join(hostileSite, 'index.html')).href);
  await searchReady();
  await search('onerror');
  codes = await visibleCodes();
  check(codes.includes('XSS_CODE'), 'searching hostile text finds it', codes);
  await search('script');
  check((await page.locator('main img, main iframe, #results script').count()) === 0, 'search results and snippets stay text');
  check(dialogs.length === 0, 'no script from the spec ran', dialogs);

  section('the page itself');
  check(pageErrors.length === 0, 'no JavaScript errors', pageErrors);
  check(requests.length === 0, 'nothing was fetched from the network', requests);
} catch (e) {
  failures.push(`[${step}] ${e.stack || e}`);
  console.log(`  FAIL ${e.message}`);
}

if (failures.length) {
  try {
    await page.screenshot({ path: join(target, 'docs-failure.png'), fullPage: true });
  } catch (e) {
    /* the page may be gone */
  }
}
await context.close();
rmSync(userDataDir, { recursive: true, force: true });

if (failures.length) {
  console.error(`\nbrowser test: ${failures.length} check(s) failed (screenshot: target/docs-failure.png):`);
  for (const f of failures) console.error(`  - ${f}`);
  process.exit(1);
}
console.log(`\nbrowser test: all checks passed. Screenshots: target/docs-screenshot.png, target/docs-screenshot-code.png, target/docs-screenshot-phone.png`);
