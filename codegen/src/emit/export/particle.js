// Korean particles: a port of the crate's rules (payment-errors-core/src/particle.rs), which its
// documentation explains. The tables above (FORMS, SPELLINGS, WORDS) are emitted from the Rust
// side; Node's test runner checks that both agree on every row of the Rust test table and on
// every message of the spec (tests/exports/).

const V = "V"; // no final consonant
const R = "R"; // final ㄹ
const C = "C"; // another final consonant
const WORD_BUF = 32;

/** The value's code points from the end, fullwidth ASCII folded to ASCII. */
class Rev {
  constructor(value) {
    const cps = [];
    for (const ch of String(value)) {
      let c = ch.codePointAt(0);
      if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
      cps.push(c);
    }
    cps.reverse();
    this.a = cps;
    this.i = 0;
  }
  peek() {
    return this.a[this.i];
  }
  next() {
    return this.a[this.i++];
  }
  clone() {
    const r = Object.create(Rev.prototype);
    r.a = this.a;
    r.i = this.i;
    return r;
  }
}

const isDigit = (c) => c !== undefined && c >= 0x30 && c <= 0x39;
const isUpper = (c) => c !== undefined && c >= 0x41 && c <= 0x5a;
const isLower = (c) => c !== undefined && c >= 0x61 && c <= 0x7a;
const isAlpha = (c) => isUpper(c) || isLower(c);
const isAlnum = (c) => isAlpha(c) || isDigit(c);

// Rust's char::is_whitespace (Unicode White_Space).
function isWhitespace(c) {
  return (
    (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0x85 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000
  );
}

const SKIPPED = new Set(
  Array.from(")]}>\"'`.,!?;:~\u00bb\u2019\u201d\u203a\u2025\u2026\u3001\u3002\u3009\u300b\u300d\u300f\u3011\u3015\u3017\u3019\u301b\u301c\u301e\u301f\uff60\uff61\uff63\uff64\u00ad\u061c\u180e\ufeff", (s) => s.codePointAt(0)),
);

function isSkippable(c) {
  return (
    isWhitespace(c) || SKIPPED.has(c) ||
    (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069)
  );
}

function isHangul(c) {
  return (
    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3131 && c <= 0x318e) ||
    (c >= 0xa960 && c <= 0xa97f) || (c >= 0xd7b0 && c <= 0xd7ff)
  );
}

function syllableCoda(c) {
  const t = (c - 0xac00) % 28;
  return t === 0 ? V : t === 8 ? R : C;
}

function digitCoda(d) {
  if (d === 1 || d === 7 || d === 8) return R; // 일, 칠, 팔
  if (d === 0 || d === 3 || d === 6) return C; // 영/공, 삼, 육
  return V; // 이, 사, 오, 구
}

function placeCoda(zeros) {
  if (zeros >= 1 && zeros <= 11) return C; // 십 백 천 만 억
  if (zeros >= 12 && zeros <= 15) return V; // 조
  if (zeros >= 16 && zeros <= 19) return C; // 경
  if (zeros >= 20 && zeros <= 23) return V; // 해
  return null;
}

function currencyCoda(c) {
  if (c === 0x20ac || c === 0xa3 || c === 0x24) return V; // 유로, 파운드, 달러
  if (c === 0x20a9 || c === 0xffe6 || c === 0xa5 || c === 0xffe5) return C; // 원, 엔/위안
  return null;
}

function unitSymbolSound(c, it) {
  let coda;
  if (c === 0x25 || c === 0xb0 || c === 0x2103 || c === 0x2109) coda = V; // 퍼센트, 도
  else coda = currencyCoda(c);
  if (coda === null) return null;
  return isDigit(it.peek()) ? coda : null;
}

function scanDigits(it) {
  const run = { last: 0, tens: null, first: 0, digits: 0, zeros: 0 };
  for (;;) {
    const c = it.peek();
    if (isDigit(c)) {
      const d = c - 0x30;
      if (run.digits === 0) run.last = d;
      else if (run.digits === 1) run.tens = d;
      if (d === 0 && run.zeros === run.digits) run.zeros += 1;
      run.first = d;
      run.digits += 1;
      it.next();
    } else if (c === 0x2c && run.digits > 0 && digitFollows(it)) {
      it.next();
    } else {
      return run;
    }
  }
}

function digitFollows(it) {
  const look = it.clone();
  look.next();
  return isDigit(look.peek());
}

function asInteger(run) {
  if (run.last !== 0 || run.zeros === run.digits || run.first === 0) return digitCoda(run.last);
  return placeCoda(run.zeros);
}

function afterLetters(run) {
  if (run.last === 2) return V;
  if ((run.last === 0 || run.last === 3 || run.last === 6) && run.tens === 1) return C; // OS10
  if ((run.last === 4 || run.last === 5) && run.tens === 1) return null;
  if (run.last === 4 || run.last === 5) return V;
  return null;
}

function numberSound(it) {
  if (isDate(it.clone())) return null;
  const run = scanDigits(it);
  const c = it.next();
  if (c === undefined) return asInteger(run);
  if (c === 0x2e) {
    const p = it.peek();
    if (isDigit(p)) {
      scanDigits(it);
      const q = it.peek();
      if (q !== undefined && currencyCoda(q) !== null) return currencyCoda(q);
      if (q !== undefined && (q === 0x2e || q === 0x5f || isAlpha(q))) return digitCoda(run.last);
      return digitCoda(run.last);
    }
    if (p !== undefined && (isAlpha(p) || p === 0x5f)) return digitCoda(run.last);
    return digitCoda(run.last);
  }
  if (currencyCoda(c) !== null) return currencyCoda(c);
  if (isAlpha(c)) return afterLetters(run);
  if (c === 0x5f || c === 0x23) return digitCoda(run.last);
  if (c === 0x2f || c === 0x3a) return isDigit(it.peek()) ? null : digitCoda(run.last);
  if (c === 0x2d) {
    const p = it.peek();
    if (p !== undefined && (isAlnum(p) || p === 0x5f)) return digitCoda(run.last);
    return asInteger(run);
  }
  return asInteger(run);
}

function isDate(it) {
  const day = digitGroup(it, 1, 2);
  if (day === null) return false;
  const sep = dateSeparator(it);
  if (sep === null) return false;
  const month = digitGroup(it, 1, 2);
  if (month === null) return false;
  if (dateSeparator(it) !== sep) return false;
  return digitGroup(it, 4, 4) !== null && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function digitGroup(it, min, max) {
  let count = 0;
  let value = 0;
  let scale = 1;
  while (isDigit(it.peek())) {
    const c = it.next();
    count += 1;
    if (count <= max) {
      value += scale * (c - 0x30);
      scale *= 10;
    }
  }
  return count >= min && count <= max ? value : null;
}

function dateSeparator(it) {
  while (it.peek() === 0x20) it.next();
  const c = it.peek();
  if (c === 0x2e || c === 0x2d || c === 0x2f) {
    it.next();
    return c;
  }
  return null;
}

const isVowelLetter = (b) => "aeiouy".includes(b);
const isConsonantLetter = (b) => b >= "a" && b <= "z" && !isVowelLetter(b);

function letterCoda(b) {
  if (b === "l" || b === "r") return R; // 엘, 알
  if (b === "m" || b === "n") return C; // 엠, 엔
  return V;
}

/** `undefined` for an unknown word; `null` for a word with two readings that disagree. */
function dictionary(word) {
  return WORDS.has(word) ? WORDS.get(word) : undefined;
}

function suffixRule(w) {
  if (w.length < 2) return null;
  const last = w[w.length - 1];
  const prev = w[w.length - 2];
  if (w.endsWith("ing") || w.endsWith("tion") || w.endsWith("sion")) return C;
  if (w.endsWith("ille") || w.endsWith("que")) return null;
  switch (last) {
    case "m":
    case "n":
      return C;
    case "l":
      return R;
    case "a": case "i": case "o": case "u": case "y": case "w":
    case "r": case "s": case "x": case "z": case "f": case "v":
      return V;
    case "h":
      return "cstpg".includes(prev) ? V : null;
    case "e":
      if (prev === "l") return R;
      if (prev === "n") return C;
      if ("aeiouyrbcdfghksvz".includes(prev)) return V;
      // -ame/-ime/-ome/-ume: 게임, 타임, 홈, 볼륨
      if (prev === "m" && w.length >= 3 && "aiou".includes(w[w.length - 3])) return C;
      return null;
    case "d":
      return prev !== "o" ? V : null;
    case "t":
    case "p":
      return isConsonantLetter(prev) && prev !== last ? V : null;
    case "k": {
      const before = w.length >= 3 ? w[w.length - 3] : undefined;
      if (prev === "c" && before !== undefined && "aiu".includes(before)) return C; // 백, 클릭, 트럭
      if (prev === "o" && before === "o") return C; // 북, 쿡, 훅
      if (prev === "c") return null;
      return isConsonantLetter(prev) ? V : null;
    }
    case "c":
      return prev === "i" ? C : prev === "n" ? V : null;
    case "g":
      return prev === "n" ? C : null;
    default:
      return null;
  }
}

function wordSound(it) {
  const kept = [];
  let total = 0;
  while (isAlpha(it.peek())) {
    const c = it.next();
    if (total < WORD_BUF) kept.push(c);
    total += 1;
  }
  const afterDigit = isDigit(it.peek());
  const run = kept.reverse().map((c) => String.fromCharCode(c));
  const stored = run.length;
  const lower = run.map((c) => c.toLowerCase());
  const truncated = total > WORD_BUF;
  if (!truncated) {
    const entry = dictionary(lower.join(""));
    if (entry !== undefined) return entry;
  }
  const lowerCase = (c) => c >= "a" && c <= "z";
  const upperCase = (c) => c >= "A" && c <= "Z";
  const last = run[stored - 1];
  let start;
  let allCaps;
  if (lowerCase(last)) {
    let i = stored - 1;
    while (i > 0 && lowerCase(run[i - 1])) i -= 1;
    if (i === 0) {
      start = 0;
      allCaps = false;
    } else if (stored - i === 1 && last === "s" && i >= 2 && upperCase(run[i - 2])) {
      return V; // IDs, URLs
    } else {
      start = i - 1;
      allCaps = false;
    }
  } else {
    let i = stored - 1;
    while (i > 0 && upperCase(run[i - 1])) i -= 1;
    start = i;
    allCaps = true;
  }
  const part = lower.slice(start).join("");
  if (start > 0) {
    const entry = dictionary(part);
    if (entry !== undefined) return entry;
  }
  const lastLetter = part[part.length - 1];
  if (part.length === 1) {
    if (afterDigit && start === 0 && !allCaps) return null;
    return letterCoda(lastLetter);
  }
  if (!Array.from(part).some(isVowelLetter)) return letterCoda(lastLetter);
  if (allCaps && !(truncated && start === 0)) {
    if (part.length <= 3) return letterCoda(lastLetter);
    if (part.length === 4) {
      const letters = letterCoda(lastLetter);
      return suffixRule(part) === letters ? letters : null;
    }
  }
  return suffixRule(part);
}

const foldWidth = (c) => (c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c);

/** A closing round, square or curly bracket (fullwidth too): [open, close], or null. */
function parenthesisPair(c) {
  const f = foldWidth(c);
  if (f === 0x29) return [0x28, 0x29];
  if (f === 0x5d) return [0x5b, 0x5d];
  if (f === 0x7d) return [0x7b, 0x7d];
  return null;
}

/**
 * `value` without a parenthetical remark at its end when a word comes before it
 * (`카드(신한)는`); a wholly bracketed value, or an unclosed bracket, is read from inside.
 */
function beforeParenthetical(value) {
  let cps = Array.from(String(value), (ch) => ch.codePointAt(0));
  for (;;) {
    let end = cps.length;
    while (end > 0 && isSkippable(cps[end - 1]) && parenthesisPair(cps[end - 1]) === null) end -= 1;
    if (end === 0) return cps;
    const pair = parenthesisPair(cps[end - 1]);
    if (pair === null) return cps;
    const [open, close] = pair;
    let depth = 0;
    let openAt = -1;
    for (let i = end - 2; i >= 0; i -= 1) {
      const c = foldWidth(cps[i]);
      if (c === close) depth += 1;
      else if (c === open) {
        if (depth === 0) {
          openAt = i;
          break;
        }
        depth -= 1;
      }
    }
    if (openAt < 0) return cps;
    const before = cps.slice(0, openAt);
    if (before.every(isSkippable)) return cps;
    cps = before;
  }
}

/** The last pronounced sound of `value`: "V", "R", "C", or null when it cannot be known. */
function finalSound(value) {
  const it = new Rev(beforeParenthetical(value).map((c) => String.fromCodePoint(c)).join(""));
  while (it.peek() !== undefined && isSkippable(it.peek())) it.next();
  const c = it.peek();
  if (c === undefined) return null;
  if (isDigit(c)) return numberSound(it);
  if (isAlpha(c)) return wordSound(it);
  it.next();
  if (c >= 0xac00 && c <= 0xd7a3) return syllableCoda(c);
  if (c >= 0x3131 && c <= 0x314e) {
    const p = it.peek();
    if (p !== undefined && isHangul(p)) return null;
    return c === 0x3139 ? R : C; // ㄹ 리을
  }
  if ((c >= 0x314f && c <= 0x3163) || (c >= 0x1161 && c <= 0x1175)) return V;
  if (c === 0x11af) return R;
  if (c >= 0x11a8 && c <= 0x11c2) return C;
  return unitSymbolSound(c, it);
}

function pick(coda, particle) {
  const forms = FORMS[particle];
  return coda === V ? forms[0] : coda === R ? forms[1] : forms[2];
}

/** The particle spelling's canonical particle, or undefined. */
function particleOf(spelling) {
  return Object.prototype.hasOwnProperty.call(SPELLINGS, spelling) ? SPELLINGS[spelling] : undefined;
}

/**
 * The form of the particle written `spelling` (`은(는)`, `이(가)`, `(으)로` …) that fits
 * `value`, or null when the value's sound cannot be known (keep the spelling then).
 */
export function resolveParticle(value, spelling) {
  const particle = particleOf(spelling);
  if (particle === undefined) return null;
  const coda = finalSound(value);
  return coda === null ? null : pick(coda, particle);
}

function toBigInt(n) {
  if (typeof n === "bigint") return n;
  const x = Number(n);
  return Number.isFinite(x) ? BigInt(Math.trunc(x)) : 0n;
}

function integerFinalSound(n) {
  let v = n < 0n ? -n : n;
  if (v === 0n) return C; // 영
  let zeros = 0;
  while (v % 10n === 0n) {
    v /= 10n;
    zeros += 1;
  }
  if (zeros === 0) return digitCoda(Number(v % 10n));
  const coda = placeCoda(zeros);
  return coda === null ? C : coda;
}

/** The form of the particle written `spelling` after the integer `n` read in Korean. */
export function resolveIntegerParticle(n, spelling) {
  const particle = particleOf(spelling);
  if (particle === undefined) return null;
  return pick(integerFinalSound(toBigInt(n)), particle);
}
