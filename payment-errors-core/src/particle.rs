//! Picking the form of a Korean particle that fits the value placed before it.
//!
//! Message templates are written by Korean staff, who cannot know the value a placeholder will
//! hold, so a particle right after a placeholder is written in its undecided form:
//! `{name}은(는)`, `{reason}이(가)`, `{city}(으)로`. At render time the form is chosen from
//! the **last pronounced sound** of the value:
//!
//! | particle | after a vowel | after ㄹ | after another consonant |
//! |----------|---------------|----------|-------------------------|
//! | 은(는)   | 는            | 은       | 은                      |
//! | 이(가)   | 가            | 이       | 이                      |
//! | 을(를)   | 를            | 을       | 을                      |
//! | 과(와)   | 와            | 과       | 과                      |
//! | (으)로   | 로            | 로       | 으로                    |
//! | 아(야)   | 야            | 아       | 아                      |
//! | (이)나   | 나            | 이나     | 이나                    |
//! | (이)에요 | 예요          | 이에요   | 이에요                  |
//!
//! The (이) family — (이)나, (이)라, (이)랑, (이)고, (이)며, (이)면, (이)든, (이)다 — drops 이
//! after a vowel, and (이)에요 contracts to 예요. Text written right after a particle stays as
//! written, so compound endings need no rule of their own: `(이)라는`, `(이)라고`, `(으)로서`,
//! `과(와)는`, `은(는)커녕`. [`Particle::RULES`] holds every row as data.
//!
//! [`final_sound`] finds that sound ([`Coda`]) and [`resolve`] turns it into the form. When the
//! sound cannot be known, both return `None` and the renderer keeps the writer's undecided
//! spelling, which is always acceptable Korean. The functions never allocate and never panic.
//!
//! # How a value is read
//!
//! Trailing whitespace, invisible format characters (RTL/LTR marks, zero-width spaces, BOM),
//! closing brackets and quotes (`) ] } > " ' ” ’ 」 』 》 〉 】 »`) and sentence punctuation
//! (`. , ! ? ; : … 。 、 ~`) are skipped; fullwidth ASCII (`１２３`, `ＩＤ`) counts as ASCII.
//! Then the last character decides how the end of the value is read:
//!
//! * **Hangul syllable**: by its final consonant (받침): none → vowel, ㄹ → ㄹ, any other →
//!   consonant (`사과는`, `책은`, `서울로`, `집으로`, `닭이`). Decomposed (NFD) Hangul counts
//!   too: a trailing medial vowel jamo is a vowel, a trailing final jamo a consonant (ᆯ → ㄹ).
//! * **Compatibility jamo**: a lone consonant letter is read by its name, `ㄱ` 기역, `ㅋ` 키읔,
//!   `ㄹ` 리을, so ㄹ → ㄹ and every other consonant letter → consonant; a vowel letter (`ㅏ` 아)
//!   → vowel. A consonant letter right after other Hangul (`ㅋㅋ`, `ㅇㅋ`, `가ㅋ`) is usually
//!   laughter or an abbreviation read some other way (크크, 오케이), so it gives `None`.
//! * **Numbers** are read the Korean way. The last digit is read by its name: 0 영, 1 일, 2 이,
//!   3 삼, 4 사, 5 오, 6 육, 7 칠, 8 팔, 9 구. An integer ending in zeros ends with its place
//!   word: 10 십, 100 백, 1000 천, then the 만/억/조/경/해 unit of its last non-zero group of
//!   four digits, since that unit is what is spoken last: 10⁴ 만, 10⁵ 십**만**, 10⁸ 억,
//!   10¹² 조, 10¹³ 십**조**, 10¹⁶ 경, 10²⁰ 해. Beyond 해 (24 or more trailing zeros) → `None`.
//!   `0` alone is 영, which ends in ㅇ like 공: `0은`, `0이`, `0으로`. Thousands separators are
//!   ignored (`1,000` 천), a leading sign too (`-3` 삼). Digits after a decimal point are read
//!   one by one, so `3.5` ends in 오 and `3.0` / `2.50` in 영.
//!   Codes are read digit by digit, and their last digit decides (a trailing 0 is 영 or 공,
//!   ㅇ either way): numbers with a leading zero (`010`), groups after `-`, `_`, `#` or a
//!   letter-led dot (`010-1234-5670`, `ord_100`, `v1.10`), dotted groups (`1.2.10`;
//!   `192.168.0.1` ends in 일). Dates
//!   (`2024-01-15`, `2024. 1. 15.`; read with a trailing 일 or digit by digit), fractions
//!   (`3/4`, read 사분의 삼) and times or ratios (`10:30`) give `None`.
//!   Digits glued to Latin letters (`MP3`, `EC2`, `S24`) are often read in English, so they
//!   are decided only when the English and Korean readings agree: a last digit 2, 4 or 5
//!   (two/이, four/사, five/오) outside the teens → vowel; 10, 13, 16 (ten/십, thirteen/십삼,
//!   sixteen/십육: `OS10`, `iOS16`) → consonant; otherwise `None`.
//!   `%`, `°`, `℃` (퍼센트, 도) right after a number, and a currency sign on either side of
//!   it, are read as their unit word, which comes last: `10%` 십 퍼센트, `$10` and `10$`
//!   십 달러, `₩10,000` 만 원, `€5` 오 유로.
//! * **Latin letters**: the last word of the value decides. Identifiers are split on `_`, `-`,
//!   `.`, digits and camelCase, and the last part is used (`userNo` → No, `bankCode` → Code,
//!   `cancel_reason` → reason, `paymentAPI` → API), unless the whole letter run is itself a
//!   known word (`KakaoTalk` 카카오톡, `PayPal` 페이팔). In order:
//!   1. a built-in dictionary of about 400 words and acronyms common in payments and APIs,
//!      with the reading Korean developers use (`ID` 아이디, `URL` 유알엘, `PIN` 핀, `JSON`
//!      제이슨, `email` 이메일, `type` 타입, `app` 앱, …), case-insensitive; a few entries are
//!      marked as having two common readings that disagree (`set` 세트/셋, `kg` 킬로그램/킬로,
//!      `Park` 박/파크) → `None`;
//!   2. a plural acronym (`IDs`, `URLs`) ends in 즈/스 → vowel;
//!   3. a single letter, or a word without any of `aeiouy` (`XML`, `pdf`), is read letter by
//!      letter, so its last letter's name decides: L 엘, R 알 → ㄹ; M 엠, N 엔 → consonant; all
//!      other letters (에이, 비, 씨, …, 제트/지) → vowel. A single lowercase letter right after a
//!      number (`10g`, `5m`) is a unit with a different reading, so it gives `None`;
//!   4. an all-uppercase token of two or three letters is read letter by letter (`ABC`, `KRW`);
//!      one of four letters is decided only when the letter-by-letter reading and the English
//!      word reading agree (`UUID`, `FAIL`; but `DONE` 디오엔이/던 → `None`); longer uppercase
//!      tokens are words (`PENDING`);
//!   5. otherwise only word endings that Korean loanword spelling renders reliably are used:
//!      `-ing`, `-tion`, `-sion`, `-m`, `-n`, `-ng`, `-ne`, `-ic` → consonant; `-l`, `-le` → ㄹ;
//!      a final vowel letter, `-y`, `-w`, `-r`, `-re`, `-s`, `-x`, `-z`, `-f`, `-v`, `-sh`,
//!      `-ch`, `-th`, `-ph`, `-gh`, `-ce`, `-se`, `-ge`, `-ve`, `-de`, `-ke`, `-be`, `-d` (not
//!      `-od`), and `-t`, `-k`, `-p` after another consonant (`-nt` 트, `-sk` 크, `-mp` 프) →
//!      vowel; `-ame`, `-ime`, `-ome`, `-ume` (`game` 게임, `time` 타임, `home` 홈), `-ack`,
//!      `-ick`, `-uck`, `-ook` (`truck` 트럭, `click` 클릭, `cook` 쿡) → consonant. Endings
//!      whose reading varies (`-t`, `-k`, `-p`, `-b`, `-g` after a vowel, `-eck`, `-ock`,
//!      `-eme`, `-pe`, `-te`, `-que`, `-ille`) give `None` rather than a guess.
//! * A **parenthetical remark** at the end is an aside: the word before it decides
//!   (`카드(신한)` → 드, `결제 (1회)` → 제, `30(분)` → 십), as the national punctuation guide
//!   writes `해(1443년)와`. Round, square and curly brackets are remarks; a value that is
//!   entirely bracketed (`(폰)`) is read from inside.
//! * A **quoted** ending, or one in title brackets, is read out loud, so from inside
//!   (`'서울'` → 울, `『책』` → 책, `<사과>` → 과).
//! * **Anything else** as the last character (emoji, CJK ideographs, kana, other scripts,
//!   symbols, combining marks, opening brackets) or a value that is empty or only
//!   punctuation and whitespace → `None`.
//!
//! # Examples
//!
//! ```text
//! 결제 ID      + 은(는) → 결제 ID는      (아이디)
//! 취소 사유    + 은(는) → 취소 사유는
//! 서울         + (으)로 → 서울로         (final ㄹ)
//! 집           + (으)로 → 집으로
//! 3            + 이(가) → 3이            (삼)
//! 10,000       + 을(를) → 10,000을       (만)
//! 1000000000000 + 은(는) → …는           (조)
//! 3.5          + 이(가) → 3.5가          (삼 점 오)
//! URL          + (으)로 → URL로          (유알엘)
//! bankCode     + 이(가) → bankCode가     (코드)
//! 카드(신한)   + 은(는) → 카드(신한)는   (the remark is an aside)
//! 해(1443년)   + 과(와) → 해(1443년)와
//! 책           + (이)에요 → 책이에요
//! 사과         + (이)에요 → 사과예요
//! game         + 이(가) → game이         (게임)
//! OS10         + 은(는) → OS10은         (텐, 십)
//! 👍           + 은(는) → None: the renderer keeps 은(는)
//! ```

use core::iter::{Map, Peekable, Rev};
use core::str::Chars;

/// A Korean particle whose form depends on the preceding word's final sound.
///
/// Every particle's spelling and forms are one row of [`Particle::RULES`]; the methods only
/// read that table (ports of these rules to other languages can copy it as data).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Particle {
    /// 은/는, the topic particle.
    EunNeun,
    /// 이/가, the subject particle.
    IGa,
    /// 을/를, the object particle.
    EulReul,
    /// 과/와, "and"/"with".
    GwaWa,
    /// 으로/로, "to"/"by"/"as".
    EuroRo,
    /// 아/야, the vocative particle.
    AYa,
    /// (이)나, "or"/"as much as".
    INa,
    /// (이)라, the quotative copula (`(이)라는`, `(이)라고`, `(이)라도`, `(이)라면` …).
    IRa,
    /// (이)랑, "and"/"with" (spoken).
    IRang,
    /// (이)고, "and" (copula, connective).
    IGo,
    /// (이)며, "and" (copula, listing).
    IMyeo,
    /// (이)면, "if it is".
    IMyeon,
    /// (이)든, "whether/any" (`(이)든지`, `(이)든가`).
    IDeun,
    /// (이)다, "is" (copula, plain ending).
    IDa,
    /// (이)에요, "is" (copula, polite ending): 예요 after a vowel.
    IEyo,
}

/// One particle: the Rust name of its variant, its canonical undecided spelling, and the form
/// written after a vowel, after a final ㄹ and after any other final consonant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParticleRule {
    /// The variant's name (`EunNeun`).
    pub name: &'static str,
    /// The canonical undecided spelling (`은(는)`).
    pub spelling: &'static str,
    /// After a vowel (`사과는`).
    pub after_vowel: &'static str,
    /// After a final ㄹ (`서울은`, `서울로`).
    pub after_rieul: &'static str,
    /// After any other final consonant (`책은`).
    pub after_consonant: &'static str,
}

const fn rule(
    name: &'static str,
    spelling: &'static str,
    after_vowel: &'static str,
    after_rieul: &'static str,
    after_consonant: &'static str,
) -> ParticleRule {
    ParticleRule {
        name,
        spelling,
        after_vowel,
        after_rieul,
        after_consonant,
    }
}

impl Particle {
    /// All particles, in declaration order.
    pub const ALL: [Particle; 15] = [
        Particle::EunNeun,
        Particle::IGa,
        Particle::EulReul,
        Particle::GwaWa,
        Particle::EuroRo,
        Particle::AYa,
        Particle::INa,
        Particle::IRa,
        Particle::IRang,
        Particle::IGo,
        Particle::IMyeo,
        Particle::IMyeon,
        Particle::IDeun,
        Particle::IDa,
        Particle::IEyo,
    ];

    /// Each particle's rule, in declaration order (`RULES[p as usize]` is `p`'s).
    ///
    /// Only 으로/로 treats ㄹ apart (`서울로`); the (이) family drops 이 after a vowel
    /// (`사과나`, `책이나`), and (이)에요 contracts to 예요 (`사과예요`, `책이에요`).
    pub const RULES: [ParticleRule; 15] = [
        rule("EunNeun", "은(는)", "는", "은", "은"),
        rule("IGa", "이(가)", "가", "이", "이"),
        rule("EulReul", "을(를)", "를", "을", "을"),
        rule("GwaWa", "과(와)", "와", "과", "과"),
        rule("EuroRo", "(으)로", "로", "로", "으로"),
        rule("AYa", "아(야)", "야", "아", "아"),
        rule("INa", "(이)나", "나", "이나", "이나"),
        rule("IRa", "(이)라", "라", "이라", "이라"),
        rule("IRang", "(이)랑", "랑", "이랑", "이랑"),
        rule("IGo", "(이)고", "고", "이고", "이고"),
        rule("IMyeo", "(이)며", "며", "이며", "이며"),
        rule("IMyeon", "(이)면", "면", "이면", "이면"),
        rule("IDeun", "(이)든", "든", "이든", "이든"),
        rule("IDa", "(이)다", "다", "이다", "이다"),
        rule("IEyo", "(이)에요", "예요", "이에요", "이에요"),
    ];

    /// Every accepted undecided spelling with the particle it stands for: each canonical
    /// spelling, and the two-form ones in either order (`는(은)`). No spelling is a prefix of
    /// another, so a template can be matched against them in any order. Text right after a
    /// spelling stays literal, which is how compound endings work: `(으)로서`, `과(와)는`,
    /// `은(는)커녕`, `(이)라는`, `(이)든지`.
    pub const SPELLINGS: &'static [(&'static str, Particle)] = &[
        ("은(는)", Particle::EunNeun),
        ("는(은)", Particle::EunNeun),
        ("이(가)", Particle::IGa),
        ("가(이)", Particle::IGa),
        ("을(를)", Particle::EulReul),
        ("를(을)", Particle::EulReul),
        ("과(와)", Particle::GwaWa),
        ("와(과)", Particle::GwaWa),
        ("(으)로", Particle::EuroRo),
        ("아(야)", Particle::AYa),
        ("야(아)", Particle::AYa),
        ("(이)나", Particle::INa),
        ("(이)라", Particle::IRa),
        ("(이)랑", Particle::IRang),
        ("(이)고", Particle::IGo),
        ("(이)며", Particle::IMyeo),
        ("(이)면", Particle::IMyeon),
        ("(이)든", Particle::IDeun),
        ("(이)다", Particle::IDa),
        ("(이)에요", Particle::IEyo),
    ];

    /// Parses the spelling writers use for the undecided form: one of [`SPELLINGS`](Self::SPELLINGS)
    /// exactly; anything else (including surrounding whitespace) gives `None`.
    pub const fn from_spelling(s: &str) -> Option<Particle> {
        let s = s.as_bytes();
        let mut i = 0;
        while i < Self::SPELLINGS.len() {
            let (spelling, particle) = Self::SPELLINGS[i];
            if bytes_eq(spelling.as_bytes(), s) {
                return Some(particle);
            }
            i += 1;
        }
        None
    }

    /// This particle's row of [`RULES`](Self::RULES).
    pub const fn rule(self) -> &'static ParticleRule {
        &Self::RULES[self as usize]
    }

    /// The name of this variant (`EunNeun`), as generated code spells it.
    pub const fn name(self) -> &'static str {
        self.rule().name
    }

    /// The canonical undecided spelling: 은(는), 이(가), 을(를), 과(와), (으)로, 아(야), (이)나 ….
    pub const fn spelling(self) -> &'static str {
        self.rule().spelling
    }

    /// Form after a final consonant: 은, 이, 을, 과, 으로, 아, 이나 ….
    pub const fn after_consonant(self) -> &'static str {
        self.rule().after_consonant
    }

    /// Form after a vowel: 는, 가, 를, 와, 로, 야, 나 …, 예요.
    pub const fn after_vowel(self) -> &'static str {
        self.rule().after_vowel
    }

    /// Form after a final ㄹ: same as [`after_consonant`](Self::after_consonant) except that
    /// `EuroRo` gives 로 (`서울로`, `물로`).
    pub const fn after_rieul(self) -> &'static str {
        self.rule().after_rieul
    }
}

/// The last pronounced sound of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Coda {
    /// No final consonant (사과, 아이디, 구).
    Vowel,
    /// Final ㄹ (서울, 유알엘, 일).
    Rieul,
    /// Any other final consonant (책, 핀, 삼).
    Consonant,
}

impl Coda {
    /// The form of `p` that fits a word ending in this sound.
    pub const fn pick(self, p: Particle) -> &'static str {
        match self {
            Coda::Vowel => p.after_vowel(),
            Coda::Rieul => p.after_rieul(),
            Coda::Consonant => p.after_consonant(),
        }
    }
}

/// The last pronounced sound of `value`, or `None` when it cannot be known.
///
/// See the [module documentation](self) for how values are read.
pub fn final_sound(value: &str) -> Option<Coda> {
    // The common case, a value ending in a Hangul syllable, without the general reader.
    if let Some(c @ '\u{AC00}'..='\u{D7A3}') = value.chars().next_back() {
        return Some(syllable_coda(c));
    }
    let mut it = reversed(before_parenthetical(value));
    while it.next_if(|&c| is_skippable(c)).is_some() {}
    let c = *it.peek()?;
    if c.is_ascii_digit() {
        return number_sound(&mut it);
    }
    if c.is_ascii_alphabetic() {
        return word_sound(&mut it);
    }
    it.next();
    match c {
        '\u{AC00}'..='\u{D7A3}' => Some(syllable_coda(c)),
        // Compatibility consonant letters, read by their names (기역, 니은, …, 리을, …).
        '\u{3131}'..='\u{314E}' => {
            if it.peek().is_some_and(|&p| is_hangul(p)) {
                None
            } else if c == 'ㄹ' {
                Some(Coda::Rieul)
            } else {
                Some(Coda::Consonant)
            }
        }
        // Compatibility vowel letters (아, 애, …, 이) and modern conjoining medial vowels.
        '\u{314F}'..='\u{3163}' | '\u{1161}'..='\u{1175}' => Some(Coda::Vowel),
        // Modern conjoining final consonants (decomposed Hangul); U+11AF is ᆯ.
        '\u{11AF}' => Some(Coda::Rieul),
        '\u{11A8}'..='\u{11C2}' => Some(Coda::Consonant),
        _ => unit_symbol_sound(c, &mut it),
    }
}

/// The particle form that fits `value`, or `None` when its sound cannot be known
/// (the caller then keeps the undecided spelling the writer wrote).
pub fn resolve(value: &str, particle: Particle) -> Option<&'static str> {
    final_sound(value).map(|coda| coda.pick(particle))
}

/// The particle form that fits the integer `n` as Korean reads it (`3` 삼 → 이, `10000` 만 →
/// 이, `1000000000000` 조 → 가), without formatting it. Integers are always decidable.
pub const fn resolve_integer(n: i64, particle: Particle) -> &'static str {
    integer_final_sound(n.unsigned_abs()).pick(particle)
}

/// [`resolve_integer`] for `u64`.
pub const fn resolve_u64(n: u64, particle: Particle) -> &'static str {
    integer_final_sound(n).pick(particle)
}

/// The last pronounced sound of the integer `n` read in Korean: its last digit's name, or the
/// place word it ends with (십, 백, 천, 만, 억, 조, 경).
pub const fn integer_final_sound(n: u64) -> Coda {
    if n == 0 {
        return Coda::Consonant; // 영
    }
    let mut n = n;
    let mut zeros = 0;
    while n.is_multiple_of(10) {
        n /= 10;
        zeros += 1;
    }
    if zeros == 0 {
        return digit_coda((n % 10) as u8);
    }
    match place_coda(zeros) {
        Some(coda) => coda,
        // A u64 has at most 19 trailing zeros (10^19 = 천경), which place_coda always knows.
        None => Coda::Consonant,
    }
}

const fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Korean name of a digit: 영 (or 공) 일 이 삼 사 오 육 칠 팔 구.
const fn digit_coda(d: u8) -> Coda {
    match d {
        1 | 7 | 8 => Coda::Rieul,     // 일, 칠, 팔
        0 | 3 | 6 => Coda::Consonant, // 영 and 공 (ㅇ), 삼, 육
        _ => Coda::Vowel,             // 이, 사, 오, 구
    }
}

/// The place word an integer with `zeros` trailing zeros (at least one) ends with.
const fn place_coda(zeros: usize) -> Option<Coda> {
    match zeros {
        // 십, 백, 천; 만 (10^4..10^7: 만, 십만, 백만, 천만); 억 (10^8..10^11).
        1..=11 => Some(Coda::Consonant),
        12..=15 => Some(Coda::Vowel),     // 조
        16..=19 => Some(Coda::Consonant), // 경
        20..=23 => Some(Coda::Vowel),     // 해
        _ => None,
    }
}

fn syllable_coda(c: char) -> Coda {
    match u32::from(c).saturating_sub(0xAC00) % 28 {
        0 => Coda::Vowel,
        8 => Coda::Rieul,
        _ => Coda::Consonant,
    }
}

fn is_hangul(c: char) -> bool {
    matches!(
        c,
        '\u{AC00}'..='\u{D7A3}'
            | '\u{1100}'..='\u{11FF}'
            | '\u{3131}'..='\u{318E}'
            | '\u{A960}'..='\u{A97F}'
            | '\u{D7B0}'..='\u{D7FF}'
    )
}

/// Characters that do not end a word: whitespace, invisible format characters, closing
/// brackets and quotes, sentence punctuation.
fn is_skippable(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            ')' | ']'
                | '}'
                | '>'
                | '"'
                | '\''
                | '`'
                | '.'
                | ','
                | '!'
                | '?'
                | ';'
                | ':'
                | '~'
                | '\u{00BB}' // »
                | '\u{2019}' // ’
                | '\u{201D}' // ”
                | '\u{203A}' // ›
                | '\u{2025}' // ‥
                | '\u{2026}' // …
                | '\u{3001}' // 、
                | '\u{3002}' // 。
                | '\u{3009}' // 〉
                | '\u{300B}' // 》
                | '\u{300D}' // 」
                | '\u{300F}' // 』
                | '\u{3011}' // 】
                | '\u{3015}' // 〕
                | '\u{3017}' // 〗
                | '\u{3019}' // 〙
                | '\u{301B}' // 〛
                | '\u{301C}' // 〜
                | '\u{301E}' // 〞
                | '\u{301F}' // 〟
                | '\u{FF60}' // ⦆
                | '\u{FF61}' // ｡
                | '\u{FF63}' // ｣
                | '\u{FF64}' // ､
                | '\u{00AD}' // soft hyphen
                | '\u{061C}' // Arabic letter mark
                | '\u{180E}' // Mongolian vowel separator
                | '\u{200B}'..='\u{200F}' // zero-width space/joiners, LRM, RLM
                | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
                | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
                | '\u{2066}'..='\u{2069}' // bidi isolates
                | '\u{FEFF}' // BOM / zero-width no-break space
        )
}

/// A closing round, square or curly bracket (fullwidth too), with its opening bracket.
fn parenthesis_pair(c: char) -> Option<(char, char)> {
    match fold_width(c) {
        ')' => Some(('(', ')')),
        ']' => Some(('[', ']')),
        '}' => Some(('{', '}')),
        _ => None,
    }
}

/// `value` without a parenthetical remark at its end, when a word comes before it: a particle
/// after a bracket agrees with the word before the bracket (`카드(신한)는`, `결제 (1회)가`,
/// `30(분)으로`; the national punctuation guide's `해(1443년)와`), since the remark is an
/// aside. A value that is entirely bracketed (`(폰)`), or whose bracket does not close, is
/// read as it is, from inside. Quotes and title brackets (`'서울'`, `『책』`) are read out
/// loud, so they are not remarks and are read from inside too.
fn before_parenthetical(mut value: &str) -> &str {
    loop {
        let trimmed =
            value.trim_end_matches(|c: char| is_skippable(c) && parenthesis_pair(c).is_none());
        let Some(close) = trimmed.chars().next_back() else {
            return value;
        };
        let Some((open, close_folded)) = parenthesis_pair(close) else {
            return value;
        };
        let inner = &trimmed[..trimmed.len() - close.len_utf8()];
        let mut depth = 0usize;
        let mut open_at = None;
        for (i, c) in inner.char_indices().rev() {
            let c = fold_width(c);
            if c == close_folded {
                depth += 1;
            } else if c == open {
                if depth == 0 {
                    open_at = Some(i);
                    break;
                }
                depth -= 1;
            }
        }
        let Some(open_at) = open_at else {
            return value;
        };
        let before = &inner[..open_at];
        if before.chars().all(is_skippable) {
            return value;
        }
        value = before;
    }
}

/// A symbol right after a number, read as its unit word.
fn unit_symbol_sound(c: char, it: &mut Reversed<'_>) -> Option<Coda> {
    let coda = match c {
        '%' | '°' | '℃' | '℉' => Coda::Vowel, // 퍼센트/프로, 도
        _ => currency_coda(c)?,
    };
    it.peek()
        .is_some_and(|p| p.is_ascii_digit())
        .then_some(coda)
}

/// A currency sign, read as its word after the amount whichever side it is written on
/// (`$10` and `10$` are both 십 달러).
fn currency_coda(c: char) -> Option<Coda> {
    match c {
        '€' | '£' | '$' => Some(Coda::Vowel), // 유로, 파운드, 달러
        '₩' | '\u{FFE6}' | '¥' | '\u{FFE5}' => Some(Coda::Consonant), // 원, 엔/위안
        _ => None,
    }
}

/// The value's characters from the end, fullwidth ASCII folded to ASCII.
type Reversed<'a> = Peekable<Map<Rev<Chars<'a>>, fn(char) -> char>>;

fn reversed(value: &str) -> Reversed<'_> {
    let fold: fn(char) -> char = fold_width;
    value.chars().rev().map(fold).peekable()
}

fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

/// A run of digits (with thousands separators) read from its end.
#[derive(Clone, Copy)]
struct DigitRun {
    /// The last digit.
    last: u8,
    /// The digit before the last one, if any.
    tens: Option<u8>,
    /// The first (most significant) digit.
    first: u8,
    /// Number of digits.
    digits: usize,
    /// Number of trailing zero digits.
    zeros: usize,
}

impl DigitRun {
    /// Consumes digits and commas that sit between digits, from the end.
    fn scan(it: &mut Reversed<'_>) -> DigitRun {
        let mut run = DigitRun {
            last: 0,
            tens: None,
            first: 0,
            digits: 0,
            zeros: 0,
        };
        loop {
            match it.peek().copied() {
                Some(c @ '0'..='9') => {
                    let d = c as u8 - b'0';
                    match run.digits {
                        0 => run.last = d,
                        1 => run.tens = Some(d),
                        _ => {}
                    }
                    if d == 0 && run.zeros == run.digits {
                        run.zeros = run.zeros.saturating_add(1);
                    }
                    run.first = d;
                    run.digits = run.digits.saturating_add(1);
                    it.next();
                }
                Some(',') if run.digits > 0 && digit_follows(it) => {
                    it.next();
                }
                _ => return run,
            }
        }
    }

    /// Read as a whole integer: 영, a digit name, or a place word.
    fn as_integer(self) -> Option<Coda> {
        if self.last != 0 || self.zeros == self.digits || self.first == 0 {
            // "0" is 영; "00" and "010" are codes read digit by digit, whose last 0 is 영 or
            // 공: both end in ㅇ.
            Some(digit_coda(self.last))
        } else {
            place_coda(self.zeros)
        }
    }

    /// Read digit by digit; a trailing 0 is 영 or 공, both ending in ㅇ.
    fn as_code(self) -> Option<Coda> {
        Some(digit_coda(self.last))
    }

    /// Digits after a decimal point, read one by one; 0 is 영.
    fn as_fraction(self) -> Coda {
        digit_coda(self.last)
    }

    /// Digits glued to Latin letters (`MP3`, `EC2`, `S24`) may be read in English or Korean;
    /// decide only where both agree.
    fn after_letters(self) -> Option<Coda> {
        match (self.last, self.tens) {
            (2, _) => Some(Coda::Vowel), // two / twelve / 이
            // ten, thirteen, sixteen / 십, 십삼, 십육 (OS10, iOS16)
            (0 | 3 | 6, Some(1)) => Some(Coda::Consonant),
            (4 | 5, Some(1)) => None,        // fourteen, fifteen / 사, 오
            (4 | 5, _) => Some(Coda::Vowel), // four, five / 사, 오
            _ => None,
        }
    }
}

fn digit_follows(it: &Reversed<'_>) -> bool {
    let mut look = it.clone();
    look.next();
    look.peek().is_some_and(|c| c.is_ascii_digit())
}

fn number_sound(it: &mut Reversed<'_>) -> Option<Coda> {
    if is_date(it.clone()) {
        return None;
    }
    let run = DigitRun::scan(it);
    match it.next() {
        None => run.as_integer(),
        Some('.') => match it.peek().copied() {
            Some('0'..='9') => {
                DigitRun::scan(it);
                match it.peek().copied() {
                    // $3.50 is 삼 점 오 달러.
                    Some(p) if currency_coda(p).is_some() => currency_coda(p),
                    // 1.2.10, 192.168.0.1, v1.10: versions and addresses.
                    Some(p) if p == '.' || p == '_' || p.is_ascii_alphabetic() => run.as_code(),
                    _ => Some(run.as_fraction()),
                }
            }
            Some(p) if p.is_ascii_alphabetic() || p == '_' => run.as_code(),
            _ => Some(run.as_fraction()), // ".5"
        },
        // $10 is 십 달러, ₩10,000 만 원.
        Some(c) if currency_coda(c).is_some() => currency_coda(c),
        Some(c) if c.is_ascii_alphabetic() => run.after_letters(),
        Some('_' | '#') => run.as_code(),
        Some('/' | ':') => {
            if it.peek().is_some_and(|p| p.is_ascii_digit()) {
                None // 3/4 (사분의 삼), 2024/01/15, 10:30
            } else {
                run.as_code()
            }
        }
        Some('-') => {
            if it
                .peek()
                .is_some_and(|&p| p.is_ascii_alphanumeric() || p == '_')
            {
                run.as_code() // 010-1234-5678, ORDER-1234
            } else {
                run.as_integer() // a minus sign
            }
        }
        Some(_) => run.as_integer(),
    }
}

/// `2024-01-15`, `2024.01.15`, `2024/1/15`, `2024. 1. 15` (seen from the end).
fn is_date(mut it: Reversed<'_>) -> bool {
    let Some(day) = digit_group(&mut it, 1, 2) else {
        return false;
    };
    let Some(sep) = date_separator(&mut it) else {
        return false;
    };
    let Some(month) = digit_group(&mut it, 1, 2) else {
        return false;
    };
    if date_separator(&mut it) != Some(sep) {
        return false;
    }
    digit_group(&mut it, 4, 4).is_some() && (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// Consumes all consecutive digits; their value if there are `min..=max` of them.
fn digit_group(it: &mut Reversed<'_>, min: u32, max: u32) -> Option<u32> {
    let mut count = 0u32;
    let mut value = 0u32;
    let mut scale = 1u32;
    while let Some(c) = it.next_if(char::is_ascii_digit) {
        count = count.saturating_add(1);
        if count <= max {
            value = value.saturating_add(scale.saturating_mul(u32::from(c) - u32::from('0')));
            scale = scale.saturating_mul(10);
        }
    }
    (min..=max).contains(&count).then_some(value)
}

fn date_separator(it: &mut Reversed<'_>) -> Option<char> {
    while it.next_if_eq(&' ').is_some() {}
    it.next_if(|&c| matches!(c, '.' | '-' | '/'))
}

// ---------------------------------------------------------------------------------------------
// Latin words
// ---------------------------------------------------------------------------------------------

/// Letters kept from the end of a word; longer than any dictionary word, and suffix rules need
/// only the last few.
const WORD_BUF: usize = 32;

fn word_sound(it: &mut Reversed<'_>) -> Option<Coda> {
    // The trailing run of letters, right-aligned in `buf`.
    let mut buf = [0u8; WORD_BUF];
    let mut total = 0usize;
    while let Some(c) = it.next_if(char::is_ascii_alphabetic) {
        if total < WORD_BUF {
            buf[WORD_BUF - 1 - total] = c as u8;
        }
        total = total.saturating_add(1);
    }
    let after_digit = it.peek().is_some_and(|c| c.is_ascii_digit());
    let stored = total.min(WORD_BUF);
    let run = &buf[WORD_BUF - stored..];
    let mut lower_buf = [0u8; WORD_BUF];
    for (dst, src) in lower_buf.iter_mut().zip(run) {
        *dst = src.to_ascii_lowercase();
    }
    let lower = &lower_buf[..stored];
    let truncated = total > WORD_BUF;

    // The whole run may be a known word (KakaoTalk, PayPal).
    if !truncated && let Some(entry) = dictionary(lower) {
        return entry;
    }

    // Otherwise its last part: camelCase, snake_case, ALLCAPS.
    let &last = run.last()?;
    let (start, all_caps) = if last.is_ascii_lowercase() {
        let mut i = stored - 1;
        while i > 0 && run[i - 1].is_ascii_lowercase() {
            i -= 1;
        }
        if i == 0 {
            (0, false)
        } else if stored - i == 1 && last == b's' && i >= 2 && run[i - 2].is_ascii_uppercase() {
            // IDs, URLs, APIs: 아이디즈, 유알엘즈.
            return Some(Coda::Vowel);
        } else {
            (i - 1, false) // Code in bankCode
        }
    } else {
        let mut i = stored - 1;
        while i > 0 && run[i - 1].is_ascii_uppercase() {
            i -= 1;
        }
        (i, true) // ID in userID, URL
    };
    let part = &lower[start..];
    if start > 0
        && let Some(entry) = dictionary(part)
    {
        return entry;
    }
    let &last = part.last()?;
    if part.len() == 1 {
        // A lone lowercase letter after a number is a unit (10g 그램, 5m 미터).
        if after_digit && start == 0 && !all_caps {
            return None;
        }
        return Some(letter_coda(last));
    }
    if !part.iter().any(|&b| is_vowel_letter(b)) {
        // Cannot be pronounced as a word: XML, pdf, HTTP.
        return Some(letter_coda(last));
    }
    if all_caps && !(truncated && start == 0) {
        match part.len() {
            ..=3 => return Some(letter_coda(last)),
            4 => {
                let letters = letter_coda(last);
                return (suffix_rule(part) == Some(letters)).then_some(letters);
            }
            _ => {}
        }
    }
    suffix_rule(part)
}

fn is_vowel_letter(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

fn is_consonant_letter(b: u8) -> bool {
    b.is_ascii_lowercase() && !is_vowel_letter(b)
}

/// The final sound of a Latin letter's Korean name (lowercase input).
fn letter_coda(b: u8) -> Coda {
    match b {
        b'l' | b'r' => Coda::Rieul,     // 엘, 알
        b'm' | b'n' => Coda::Consonant, // 엠, 엔
        // 에이 비 씨 디 이 에프 지 에이치 아이 제이 케이 오 피 큐 에스 티 유 브이 더블유 엑스
        // 와이 제트/지
        _ => Coda::Vowel,
    }
}

/// Endings that Korean loanword spelling renders reliably (lowercase input, two or more
/// letters). `None` where common words disagree.
fn suffix_rule(w: &[u8]) -> Option<Coda> {
    let &[.., prev, last] = w else {
        return None;
    };
    if w.ends_with(b"ing") || w.ends_with(b"tion") || w.ends_with(b"sion") {
        return Some(Coda::Consonant); // 잉, 션
    }
    if w.ends_with(b"ille") || w.ends_with(b"que") {
        return None; // Marseille 마르세유; technique 테크닉 vs unique 유니크
    }
    match last {
        b'm' | b'n' => Some(Coda::Consonant), // 시스템, 토큰, 링
        b'l' => Some(Coda::Rieul),            // 레벨, 이메일
        // 데이터, 유저 (final r is silent), 키, 뷰, 스테이터스, 박스, 퀴즈, 오프
        b'a' | b'i' | b'o' | b'u' | b'y' | b'w' | b'r' | b's' | b'x' | b'z' | b'f' | b'v' => {
            Some(Coda::Vowel)
        }
        // 배치, 해시, 패스, 그래프, 하이
        b'h' => matches!(prev, b'c' | b's' | b't' | b'p' | b'g').then_some(Coda::Vowel),
        b'e' => match prev {
            b'l' => Some(Coda::Rieul),     // 파일, 애플
            b'n' => Some(Coda::Consonant), // 폰, 라인
            // 쿠키, 밸류, 스토어, 튜브, 서비스, 코드, 세이프, 페이지, 캐시, 메이크, 케이스,
            // 라이브, 사이즈
            b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'r' | b'b' | b'c' | b'd' | b'f' | b'g'
            | b'h' | b'k' | b's' | b'v' | b'z' => Some(Coda::Vowel),
            // 게임, 타임, 홈, 볼륨 (-me after a vowel letter; 세서미 and 애니메 are in the
            // dictionary)
            b'm' if w.len() >= 3 && matches!(w[w.len() - 3], b'a' | b'i' | b'o' | b'u') => {
                Some(Coda::Consonant)
            }
            // -eme (테마, 스킴), -pe (타입, but 레시피), -te (데이트, but 템플릿), …
            _ => None,
        },
        // 카드, 필드, 페일드 (but good 굿, iPod 아이팟)
        b'd' => (prev != b'o').then_some(Coda::Vowel),
        // 페이먼트, 리퀘스트, 헬프 (but after a vowel: 리밋/데이트, 킵/루프)
        b't' | b'p' => (is_consonant_letter(prev) && prev != last).then_some(Coda::Vowel),
        // 뱅크, 데스크, 워크 (but 백, 체크; 북, 메이크)
        b'k' => {
            let before = w.len().checked_sub(3).map(|i| w[i]);
            match (before, prev) {
                // 트럭, 백, 클릭 (but -eck 체크/넥, -ock 록/노크)
                (Some(b'a' | b'i' | b'u'), b'c') => Some(Coda::Consonant),
                (Some(b'o'), b'o') => Some(Coda::Consonant), // 북, 쿡, 훅
                (_, b'c') => None,
                _ => is_consonant_letter(prev).then_some(Coda::Vowel),
            }
        }
        b'c' => match prev {
            b'i' => Some(Coda::Consonant), // 퍼블릭, 로직
            b'n' => Some(Coda::Vowel),     // 싱크
            _ => None,
        },
        b'g' => (prev == b'n').then_some(Coda::Consonant), // 롱, 스트링 (but 백, 로그)
        _ => None,                                         // -b (웹, 허브), -j, -q
    }
}

/// Dictionary lookup: `Some(Some(coda))` for a known reading, `Some(None)` for a word with
/// two common readings that disagree, `None` for an unknown word.
fn dictionary(word: &[u8]) -> Option<Option<Coda>> {
    WORDS
        .binary_search_by(|&(w, _)| w.as_bytes().cmp(word))
        .ok()
        .and_then(|i| WORDS.get(i))
        .map(|&(_, coda)| coda)
}

const V: Option<Coda> = Some(Coda::Vowel);
const R: Option<Coda> = Some(Coda::Rieul);
const C: Option<Coda> = Some(Coda::Consonant);
/// Two common readings that disagree.
const EITHER: Option<Coda> = None;

/// Words and acronyms with the reading Korean developers use, lowercase, sorted by bytes.
/// (Public for the generator, which writes it into the TypeScript export; not an API.)
#[doc(hidden)]
pub const WORDS: &[(&str, Option<Coda>)] = &[
    ("account", V),          // 어카운트
    ("address", V),          // 어드레스
    ("admin", C),            // 어드민
    ("algorithm", C),        // 알고리즘
    ("amex", V),             // 아멕스
    ("amount", V),           // 어마운트
    ("anime", EITHER),       // 애니메이션 / 아니메
    ("api", V),              // 에이피아이
    ("app", C),              // 앱
    ("apple", R),            // 애플
    ("approval", R),         // 어프루벌
    ("ars", V),              // 에이알에스
    ("asap", EITHER),        // 에이샙 / 에이에스에이피
    ("asset", C),            // 에셋
    ("attempt", V),          // 어템프트
    ("auth", V),             // 오스
    ("aws", V),              // 에이더블유에스
    ("back", C),             // 백
    ("bag", C),              // 백
    ("balance", V),          // 밸런스
    ("bank", V),             // 뱅크
    ("big", C),              // 빅
    ("bill", R),             // 빌
    ("billing", C),          // 빌링
    ("bin", C),              // 빈
    ("birthday", V),         // 버스데이
    ("bit", V),              // 비트
    ("block", C),            // 블록
    ("blog", V),             // 블로그
    ("book", C),             // 북
    ("bot", C),              // 봇
    ("brand", V),            // 브랜드
    ("bucket", C),           // 버킷
    ("budget", C),           // 버짓
    ("bug", V),              // 버그
    ("buyer", V),            // 바이어
    ("cache", V),            // 캐시
    ("callback", C),         // 콜백
    ("cancel", R),           // 캔슬
    ("cap", C),              // 캡
    ("capture", V),          // 캡처
    ("card", V),             // 카드
    ("cart", V),             // 카트
    ("cash", V),             // 캐시
    ("cat", C),              // 캣
    ("category", V),         // 카테고리
    ("certificate", EITHER), // 서티피케이트 / 서티피킷
    ("channel", R),          // 채널
    ("charset", C),          // 캐릭터셋
    ("chat", C),             // 챗
    ("check", V),            // 체크
    ("checkout", C),         // 체크아웃
    ("ci", V),               // 씨아이
    ("city", V),             // 시티
    ("click", C),            // 클릭
    ("client", V),           // 클라이언트
    ("club", C),             // 클럽
    ("cm", V),               // 센티미터 / 센티
    ("code", V),             // 코드
    ("com", C),              // 컴 / 닷컴
    ("comment", V),          // 코멘트
    ("commit", C),           // 커밋
    ("company", V),          // 컴퍼니
    ("config", V),           // 컨피그
    ("cookie", V),           // 쿠키
    ("corp", EITHER),        // 코프 / 코퍼레이션
    ("count", V),            // 카운트
    ("country", V),          // 컨트리
    ("coupon", C),           // 쿠폰
    ("credit", C),           // 크레딧
    ("currency", V),         // 커런시
    ("customer", V),         // 커스터머
    ("cvc", V),              // 씨브이씨
    ("cvv", V),              // 씨브이브이
    ("data", V),             // 데이터
    ("date", V),             // 데이트
    ("day", V),              // 데이
    ("debit", C),            // 데빗
    ("delete", V),           // 딜리트
    ("delivery", V),         // 딜리버리
    ("deposit", C),          // 디파짓
    ("description", C),      // 디스크립션
    ("detail", R),           // 디테일
    ("device", V),           // 디바이스
    ("di", V),               // 디아이
    ("digit", C),            // 디짓
    ("discount", V),         // 디스카운트
    ("dollar", V),           // 달러
    ("domain", C),           // 도메인
    ("dr", V),               // 닥터
    ("drop", C),             // 드롭
    ("duplicate", V),        // 듀플리케이트
    ("email", R),            // 이메일
    ("encoding", C),         // 인코딩
    ("endpoint", V),         // 엔드포인트
    ("entry", V),            // 엔트리
    ("err", EITHER),         // 에러 / 이알알
    ("error", V),            // 에러
    ("eur", EITHER),         // 유로 / 이유알
    ("euro", V),             // 유로
    ("excel", R),            // 엑셀
    ("expiry", V),           // 익스파이어리
    ("external", R),         // 익스터널
    ("failure", V),          // 페일러
    ("fax", V),              // 팩스
    ("fee", V),              // 피
    ("field", V),            // 필드
    ("file", R),             // 파일
    ("flag", V),             // 플래그
    ("format", C),           // 포맷
    ("fraud", V),            // 프로드
    ("gap", C),              // 갭
    ("gateway", V),          // 게이트웨이
    ("gb", V),               // 기가바이트 / 지비
    ("get", C),              // 겟
    ("gift", V),             // 기프트
    ("global", R),           // 글로벌
    ("good", C),             // 굿
    ("google", R),           // 구글
    ("grant", V),            // 그랜트
    ("group", C),            // 그룹
    ("hash", V),             // 해시
    ("head", V),             // 헤드
    ("header", V),           // 헤더
    ("history", V),          // 히스토리
    ("holder", V),           // 홀더
    ("hook", C),             // 훅
    ("host", V),             // 호스트
    ("hour", V),             // 아워
    ("hr", EITHER),          // 시간 / 에이치알
    ("html", R),             // 에이치티엠엘
    ("hub", V),              // 허브
    ("hyundai", V),          // 현대
    ("id", V),               // 아이디
    ("identity", V),         // 아이덴티티
    ("image", V),            // 이미지
    ("index", V),            // 인덱스
    ("info", V),             // 인포
    ("input", C),            // 인풋
    ("internal", R),         // 인터널
    ("internet", C),         // 인터넷
    ("invalid", V),          // 인밸리드
    ("invoice", V),          // 인보이스
    ("ios", V),              // 아이오에스
    ("ip", V),               // 아이피
    ("iphone", C),           // 아이폰
    ("issuer", V),           // 이슈어
    ("item", C),             // 아이템
    ("job", C),              // 잡
    ("jpeg", C),             // 제이펙
    ("jpg", EITHER),         // 제이피지 / 제이펙
    ("jpy", V),              // 제이피와이
    ("jr", V),               // 주니어
    ("json", C),             // 제이슨
    ("kakao", V),            // 카카오
    ("kakaopay", V),         // 카카오페이
    ("kakaotalk", C),        // 카카오톡
    ("kb", V),               // 킬로바이트 / 케이비
    ("keep", C),             // 킵
    ("key", V),              // 키
    ("kg", EITHER),          // 킬로그램 / 킬로
    ("kind", V),             // 카인드
    ("km", V),               // 킬로미터 / 킬로
    ("krw", V),              // 케이알더블유
    ("label", R),            // 레이블
    ("language", V),         // 랭귀지
    ("layout", C),           // 레이아웃
    ("level", R),            // 레벨
    ("limit", C),            // 리밋
    ("link", V),             // 링크
    ("list", V),             // 리스트
    ("live", V),             // 라이브
    ("local", R),            // 로컬
    ("locale", R),           // 로케일
    ("lock", C),             // 록 / 락
    ("log", V),              // 로그
    ("login", C),            // 로그인
    ("logout", C),           // 로그아웃
    ("look", C),             // 룩
    ("loop", V),             // 루프
    ("lotte", V),            // 롯데
    ("mac", C),              // 맥
    ("mail", R),             // 메일
    ("mall", R),             // 몰
    ("manager", V),          // 매니저
    ("manual", R),           // 매뉴얼
    ("map", C),              // 맵
    ("market", C),           // 마켓
    ("master", V),           // 마스터
    ("mastercard", V),       // 마스터카드
    ("max", V),              // 맥스
    ("mb", V),               // 메가바이트 / 엠비
    ("member", V),           // 멤버
    ("memo", V),             // 메모
    ("merchant", V),         // 머천트
    ("message", V),          // 메시지
    ("method", V),           // 메서드
    ("mg", EITHER),          // 밀리그램 / 밀리
    ("mid", V),              // 엠아이디
    ("mileage", V),          // 마일리지
    ("min", C),              // 민 / 분
    ("minute", C),           // 미닛
    ("missing", C),          // 미싱
    ("ml", V),               // 밀리리터 / 밀리
    ("mm", V),               // 밀리미터 / 밀리
    ("mobile", R),           // 모바일
    ("mode", V),             // 모드
    ("model", R),            // 모델
    ("money", V),            // 머니
    ("month", V),            // 먼스
    ("mr", V),               // 미스터
    ("mrs", V),              // 미시즈
    ("ms", V),               // 밀리초 / 엠에스
    ("name", C),             // 네임
    ("naver", V),            // 네이버
    ("naverpay", V),         // 네이버페이
    ("net", C),              // 넷
    ("network", V),          // 네트워크
    ("nfc", V),              // 엔에프씨
    ("nickname", C),         // 닉네임
    ("nil", R),              // 닐
    ("no", V),               // 넘버
    ("nonce", V),            // 논스
    ("nonghyup", C),         // 농협
    ("note", V),             // 노트
    ("null", R),             // 널
    ("number", V),           // 넘버
    ("oauth", V),            // 오어스
    ("offset", C),           // 오프셋
    ("ok", V),               // 오케이
    ("okay", V),             // 오케이
    ("option", C),           // 옵션
    ("order", V),            // 오더
    ("os", V),               // 오에스
    ("otp", V),              // 오티피
    ("output", C),           // 아웃풋
    ("owner", V),            // 오너
    ("packet", C),           // 패킷
    ("page", V),             // 페이지
    ("pan", C),              // 팬
    ("park", EITHER),        // 박 / 파크
    ("partner", V),          // 파트너
    ("password", V),         // 패스워드
    ("patch", V),            // 패치
    ("path", V),             // 패스
    ("pay", V),              // 페이
    ("payco", V),            // 페이코
    ("payment", V),          // 페이먼트
    ("payout", C),           // 페이아웃
    ("paypal", R),           // 페이팔
    ("pdf", V),              // 피디에프
    ("pg", V),               // 피지
    ("phone", C),            // 폰
    ("pick", C),             // 픽
    ("pin", C),              // 핀
    ("plan", C),             // 플랜
    ("platform", C),         // 플랫폼
    ("pm", EITHER),          // 피엠 / 오후
    ("png", EITHER),         // 피엔지 / 핑
    ("point", V),            // 포인트
    ("policy", V),           // 폴리시
    ("pool", R),             // 풀
    ("pop", C),              // 팝
    ("port", V),             // 포트
    ("portal", R),           // 포털
    ("pos", V),              // 포스
    ("post", V),             // 포스트
    ("prepaid", V),          // 프리페이드
    ("price", V),            // 프라이스
    ("product", V),          // 프로덕트
    ("provider", V),         // 프로바이더
    ("proxy", V),            // 프록시
    ("put", C),              // 풋
    ("px", EITHER),          // 픽셀 / 피엑스
    ("qr", R),               // 큐알
    ("quantity", V),         // 퀀티티
    ("query", V),            // 쿼리
    ("rate", V),             // 레이트
    ("reason", C),           // 리즌
    ("receipt", V),          // 리시트
    ("redirect", V),         // 리다이렉트
    ("reference", V),        // 레퍼런스
    ("refund", V),           // 리펀드
    ("request", V),          // 리퀘스트
    ("required", V),         // 리콰이어드
    ("reset", C),            // 리셋
    ("response", V),         // 리스폰스
    ("result", V),           // 리절트
    ("resume", EITHER),      // 레주메 / 리줌
    ("retry", V),            // 리트라이
    ("reward", V),           // 리워드
    ("risk", V),             // 리스크
    ("role", R),             // 롤
    ("root", V),             // 루트
    ("route", V),            // 라우트
    ("rule", R),             // 룰
    ("salt", V),             // 솔트
    ("samsung", C),          // 삼성
    ("sandbox", V),          // 샌드박스
    ("scope", V),            // 스코프
    ("score", V),            // 스코어
    ("sdk", V),              // 에스디케이
    ("sec", EITHER),         // 초 / 섹
    ("second", V),           // 세컨드
    ("secret", C),           // 시크릿
    ("seller", V),           // 셀러
    ("server", V),           // 서버
    ("service", V),          // 서비스
    ("sesame", V),           // 세서미
    ("session", C),          // 세션
    ("set", EITHER),         // 세트 / 셋
    ("setting", C),          // 세팅
    ("settlement", V),       // 세틀먼트
    ("setup", C),            // 셋업
    ("shinhyup", C),         // 신협
    ("shop", C),             // 숍
    ("signal", R),           // 시그널
    ("signature", V),        // 시그니처
    ("site", V),             // 사이트
    ("sms", V),              // 에스엠에스
    ("socket", C),           // 소켓
    ("sql", R),              // 에스큐엘 / 시퀄
    ("sr", V),               // 시니어
    ("ssl", R),              // 에스에스엘
    ("st", V),               // 스트리트 / 세인트
    ("stack", C),            // 스택
    ("stage", V),            // 스테이지
    ("state", V),            // 스테이트
    ("status", V),           // 스테이터스
    ("step", C),             // 스텝
    ("stop", C),             // 스톱
    ("store", V),            // 스토어
    ("stripe", V),           // 스트라이프
    ("submit", C),           // 서밋
    ("subscription", C),     // 서브스크립션
    ("subtotal", R),         // 서브토탈
    ("success", V),          // 석세스
    ("suhyup", C),           // 수협
    ("sum", C),              // 섬
    ("summary", V),          // 서머리
    ("system", C),           // 시스템
    ("tab", C),              // 탭
    ("tag", V),              // 태그
    ("talk", V),             // 토크
    ("target", C),           // 타깃
    ("tax", V),              // 택스
    ("tb", V),               // 테라바이트 / 티비
    ("team", C),             // 팀
    ("tel", R),              // 텔
    ("terminal", R),         // 터미널
    ("test", V),             // 테스트
    ("ticket", C),           // 티켓
    ("tid", V),              // 티아이디
    ("time", C),             // 타임
    ("timeout", C),          // 타임아웃
    ("timestamp", V),        // 타임스탬프
    ("timezone", C),         // 타임존
    ("tip", C),              // 팁
    ("title", R),            // 타이틀
    ("token", C),            // 토큰
    ("tool", R),             // 툴
    ("top", C),              // 톱
    ("toss", V),             // 토스
    ("tosspay", V),          // 토스페이
    ("total", R),            // 토탈
    ("track", C),            // 트랙
    ("transfer", V),         // 트랜스퍼
    ("trial", R),            // 트라이얼
    ("type", C),             // 타입
    ("ui", V),               // 유아이
    ("unit", C),             // 유닛
    ("unknown", C),          // 언노운
    ("unlock", C),           // 언록 / 언락
    ("uri", V),              // 유알아이
    ("url", R),              // 유알엘
    ("usd", V),              // 유에스디
    ("user", V),             // 유저
    ("uuid", V),             // 유유아이디
    ("ux", V),               // 유엑스
    ("valid", V),            // 밸리드
    ("value", V),            // 밸류
    ("van", C),              // 밴
    ("version", C),          // 버전
    ("virtual", R),          // 버추얼
    ("visa", V),             // 비자
    ("void", V),             // 보이드
    ("voucher", V),          // 바우처
    ("vs", V),               // 버서스 / 브이에스
    ("wallet", C),           // 월렛
    ("web", C),              // 웹
    ("webhook", C),          // 웹훅
    ("week", V),             // 위크
    ("widget", C),           // 위젯
    ("withdrawal", R),       // 위드로얼
    ("won", C),              // 원
    ("xml", R),              // 엑스엠엘
    ("year", V),             // 이어
    ("yen", C),              // 엔
    ("york", C),             // 뉴욕
    ("zip", C),              // 집
];

#[cfg(test)]
mod tests {
    use super::Particle::{
        AYa, EulReul, EunNeun, EuroRo, GwaWa, IDa, IDeun, IEyo, IGa, IGo, IMyeo, IMyeon, INa, IRa,
        IRang,
    };
    use super::*;

    /// (value, particle, expected form). Every expected form is written from the Korean
    /// reading noted in the comment, not computed.
    const CASES: &[(&str, Particle, Option<&str>)] = &[
        // The issue's examples.
        ("결제 ID", EunNeun, Some("는")),   // 결제 아이디는
        ("취소 사유", EunNeun, Some("는")), // 취소 사유는
        ("서울", EuroRo, Some("로")),       // 서울로
        ("3", IGa, Some("이")),             // 삼이
        // Every particle after a vowel, ㄹ and another consonant.
        ("사과", EunNeun, Some("는")),
        ("사과", IGa, Some("가")),
        ("사과", EulReul, Some("를")),
        ("사과", GwaWa, Some("와")),
        ("사과", EuroRo, Some("로")),
        ("책", EunNeun, Some("은")),
        ("책", IGa, Some("이")),
        ("책", EulReul, Some("을")),
        ("책", GwaWa, Some("과")),
        ("책", EuroRo, Some("으로")),
        ("물", EunNeun, Some("은")),
        ("물", IGa, Some("이")),
        ("물", EulReul, Some("을")),
        ("물", GwaWa, Some("과")),
        ("물", EuroRo, Some("로")),
        // Hangul.
        ("서울", EunNeun, Some("은")),
        ("집", EuroRo, Some("으로")),
        ("바다", EuroRo, Some("로")),
        ("카드", IGa, Some("가")),
        ("계좌", EulReul, Some("를")),
        ("은행", GwaWa, Some("과")),
        ("금액", EunNeun, Some("은")),
        ("주문 번호", IGa, Some("가")),
        ("휴대폰", EulReul, Some("을")),
        ("결제 수단", EuroRo, Some("으로")),
        ("신용카드", EuroRo, Some("로")),
        ("할부 개월", EuroRo, Some("로")),
        ("닭", IGa, Some("이")),        // 받침 ㄺ
        ("삶", EuroRo, Some("으로")),   // 받침 ㄻ
        ("여덟", EuroRo, Some("으로")), // 받침 ㄼ
        ("값", IGa, Some("이")),        // 받침 ㅄ
        ("가", EunNeun, Some("는")),    // U+AC00
        ("힣", EunNeun, Some("은")),    // U+D7A3, 받침 ㅎ
        // Trailing brackets, quotes, punctuation, whitespace and marks are skipped.
        ("결제(카드)", EunNeun, Some("는")),
        ("\"결제\"", IGa, Some("가")),
        ("'서울'", EuroRo, Some("로")),
        ("「카드」", EulReul, Some("를")),
        ("『책』", EunNeun, Some("은")),
        ("《은행》", IGa, Some("이")),
        ("〈물〉", EuroRo, Some("로")),
        ("“금액”", EunNeun, Some("은")),
        ("‘계좌’", EulReul, Some("를")),
        ("[은행]", GwaWa, Some("과")),
        ("{책}", GwaWa, Some("과")),
        ("<사과>", GwaWa, Some("와")),
        ("카드.", IGa, Some("가")),
        ("카드!", IGa, Some("가")),
        ("카드?", IGa, Some("가")),
        ("카드, ", IGa, Some("가")),
        ("  카드  ", IGa, Some("가")),
        ("카드\u{200F}", IGa, Some("가")),
        ("카드)))", EunNeun, Some("는")),
        ("'ABC'", EunNeun, Some("는")),   // 에이비씨
        ("'card'", IGa, Some("가")),      // 카드
        ("(URL)", EuroRo, Some("로")),    // 유알엘로
        ("\"PIN\"", EulReul, Some("을")), // 핀을
        // A parenthetical remark is an aside: the word before it decides.
        ("카드(신한)", EunNeun, Some("는")),    // 카드는
        ("결제(1회)", IGa, Some("가")),         // 결제가
        ("30(분)", EuroRo, Some("으로")),       // 삼십으로
        ("해(1443년)", GwaWa, Some("와")),      // the punctuation guide's example
        ("반포된 해(1446년)", IGa, Some("가")), // 해가
        ("결제 (카드)", EulReul, Some("를")),   // 결제를
        ("카드(신한).", EunNeun, Some("는")),
        ("카드（신한）", EunNeun, Some("는")), // fullwidth brackets
        ("카드[신한]", IGa, Some("가")),
        ("은행(KB)(신한)", IGa, Some("이")), // 은행이
        ("은행(국민(KB))", EunNeun, Some("은")),
        ("URL(주소)", EuroRo, Some("로")), // 유알엘로
        ("(폰)", EuroRo, Some("으로")),    // entirely bracketed: read inside
        ("((카드))", EunNeun, Some("는")),
        (" (신한) ", EunNeun, Some("은")),
        ("카드(신한", EunNeun, Some("은")), // unclosed: read as written
        ("👍(카드)", EunNeun, None),        // the word before has no known sound
        ("'서울(역)'", EuroRo, Some("로")), // inside quotes, then the remark
        // The (이) family: 이 after a final consonant, nothing after a vowel.
        ("책", INa, Some("이나")),
        ("사과", INa, Some("나")),
        ("서울", INa, Some("이나")), // ㄹ is a consonant here
        ("3", IRa, Some("이라")),    // 삼이라
        ("2", IRa, Some("라")),      // 이라
        ("카드", IRang, Some("랑")),
        ("계좌", IGo, Some("고")),
        ("URL", IMyeo, Some("이며")), // 유알엘이며
        ("ID", IMyeon, Some("면")),   // 아이디면
        ("금액", IDeun, Some("이든")),
        ("10,000", IDa, Some("이다")), // 만이다
        ("사과", IEyo, Some("예요")),
        ("책", IEyo, Some("이에요")),
        ("서울", IEyo, Some("이에요")),
        ("카드(신한)", IEyo, Some("예요")),
        ("👍", INa, None),
        // 아/야.
        ("철수", AYa, Some("야")),
        ("길동", AYa, Some("아")),
        ("별", AYa, Some("아")),
        ("혜미", AYa, Some("야")),
        // English endings Korean loanword spelling renders one way.
        ("game", IGa, Some("이")),          // 게임
        ("cook", EunNeun, Some("은")),      // 쿡
        ("truck", EuroRo, Some("으로")),    // 트럭
        ("frame", EulReul, Some("을")),     // 프레임
        ("home", EuroRo, Some("으로")),     // 홈
        ("welcome", IGa, Some("이")),       // 웰컴
        ("volume", EunNeun, Some("은")),    // 볼륨
        ("stack", IGa, Some("이")),         // 스택
        ("quick", EunNeun, Some("은")),     // 퀵
        ("facebook", EuroRo, Some("으로")), // 페이스북
        ("outlook", GwaWa, Some("과")),     // 아웃룩
        ("check", IGa, Some("가")),         // 체크 (dictionary)
        ("neck", EunNeun, None),            // 넥, but check 체크
        ("shock", EunNeun, None),           // 쇼크, but lock 록
        ("theme", EunNeun, None),           // 테마 or 팀
        ("sesame", IGa, Some("가")),        // 세서미 (dictionary)
        ("resume", EunNeun, None),          // 레주메 or 리줌
        ("anime", EunNeun, None),           // 애니메이션 or 아니메
        // Letters and 10, 13, 16: the English and Korean readings agree.
        ("OS10", EunNeun, Some("은")), // 오에스 텐 / 십
        ("iOS16", IGa, Some("이")),    // 식스틴 / 십육
        ("A13", EulReul, Some("을")),  // 서틴 / 십삼
        ("A110", EulReul, Some("을")), // 원텐 / 백십
        ("A11", EuroRo, None),         // 일레븐 / 십일
        ("B20", IGa, None),            // 트웬티 / 이십
        ("OS14", IGa, None),           // 포틴 / 십사
        // Jamo.
        ("ㄱ", EunNeun, Some("은")), // 기역은
        ("ㅋ", IGa, Some("이")),     // 키읔이
        ("ㄹ", EuroRo, Some("로")),  // 리을로
        ("ㅏ", EunNeun, Some("는")), // 아는
        ("ㅋㅋ", IGa, None),         // 크크 or 키읔키읔
        (
            "\u{1109}\u{1165}\u{110B}\u{116E}\u{11AF}",
            EuroRo,
            Some("로"),
        ), // 서울 (NFD)
        ("\u{1107}\u{1161}\u{1103}\u{1161}", IGa, Some("가")), // 바다 (NFD)
        ("\u{110C}\u{1175}\u{11B8}", EuroRo, Some("으로")), // 집 (NFD)
        // Every digit with every particle.
        ("0", EunNeun, Some("은")), // 영 (ㅇ)
        ("0", IGa, Some("이")),
        ("0", EulReul, Some("을")),
        ("0", GwaWa, Some("과")),
        ("0", EuroRo, Some("으로")),
        ("1", EunNeun, Some("은")), // 일
        ("1", IGa, Some("이")),
        ("1", EulReul, Some("을")),
        ("1", GwaWa, Some("과")),
        ("1", EuroRo, Some("로")),
        ("2", EunNeun, Some("는")), // 이
        ("2", IGa, Some("가")),
        ("2", EulReul, Some("를")),
        ("2", GwaWa, Some("와")),
        ("2", EuroRo, Some("로")),
        ("3", EunNeun, Some("은")), // 삼
        ("3", EulReul, Some("을")),
        ("3", GwaWa, Some("과")),
        ("3", EuroRo, Some("으로")),
        ("4", EunNeun, Some("는")), // 사
        ("4", IGa, Some("가")),
        ("4", EulReul, Some("를")),
        ("4", GwaWa, Some("와")),
        ("4", EuroRo, Some("로")),
        ("5", EunNeun, Some("는")), // 오
        ("5", IGa, Some("가")),
        ("5", EulReul, Some("를")),
        ("5", GwaWa, Some("와")),
        ("5", EuroRo, Some("로")),
        ("6", EunNeun, Some("은")), // 육
        ("6", IGa, Some("이")),
        ("6", EulReul, Some("을")),
        ("6", GwaWa, Some("과")),
        ("6", EuroRo, Some("으로")),
        ("7", EunNeun, Some("은")), // 칠
        ("7", IGa, Some("이")),
        ("7", EulReul, Some("을")),
        ("7", GwaWa, Some("과")),
        ("7", EuroRo, Some("로")),
        ("8", EunNeun, Some("은")), // 팔
        ("8", IGa, Some("이")),
        ("8", EulReul, Some("을")),
        ("8", GwaWa, Some("과")),
        ("8", EuroRo, Some("로")),
        ("9", EunNeun, Some("는")), // 구
        ("9", IGa, Some("가")),
        ("9", EulReul, Some("를")),
        ("9", GwaWa, Some("와")),
        ("9", EuroRo, Some("로")),
        // Place words.
        ("10", EunNeun, Some("은")),                    // 십
        ("100", IGa, Some("이")),                       // 백
        ("1000", EulReul, Some("을")),                  // 천
        ("10000", GwaWa, Some("과")),                   // 만
        ("100000", EuroRo, Some("으로")),               // 십만
        ("1000000", EunNeun, Some("은")),               // 백만
        ("10000000", IGa, Some("이")),                  // 천만
        ("100000000", EunNeun, Some("은")),             // 억
        ("1000000000", EuroRo, Some("으로")),           // 십억
        ("1000000000000", EunNeun, Some("는")),         // 조
        ("1000000000000", EuroRo, Some("로")),          // 조
        ("10000000000000", IGa, Some("가")),            // 십조
        ("10000000000000000", EulReul, Some("을")),     // 경
        ("100000000000000000000", EunNeun, Some("는")), // 해
        ("1000000000000000000000000", EunNeun, None),   // 10^24: beyond 해
        ("5000000000000000000000000000000", EunNeun, None),
        ("99999999999999999999999999999", IGa, Some("가")), // …구
        ("20", IGa, Some("이")),                            // 이십
        ("30", EuroRo, Some("으로")),                       // 삼십
        ("110", EunNeun, Some("은")),                       // 백십
        ("21", EunNeun, Some("은")),                        // 이십일
        ("15", IGa, Some("가")),                            // 십오
        ("1,000", EunNeun, Some("은")),                     // 천
        ("10,000", IGa, Some("이")),                        // 만
        ("1,000,000", EulReul, Some("을")),                 // 백만
        ("12,345", EunNeun, Some("는")),                    // 만 이천삼백사십오
        ("50,000원", EunNeun, Some("은")),                  // 원
        ("9223372036854775807", EunNeun, Some("은")),       // …칠
        // Decimals, signs, units.
        ("3.5", EunNeun, Some("는")),   // 삼 점 오
        ("3.0", EunNeun, Some("은")),   // 삼 점 영
        ("3.14", IGa, Some("가")),      // 삼 점 일 사
        ("0.1", EuroRo, Some("로")),    // 영 점 일
        ("2.50", EunNeun, Some("은")),  // 이 점 오 영
        (".5", IGa, Some("가")),        // 점 오
        ("1,234.50", IGa, Some("이")),  // … 점 오 영
        ("-3", EunNeun, Some("은")),    // 마이너스 삼
        ("-10", IGa, Some("이")),       // 마이너스 십
        ("-0", EunNeun, Some("은")),    // 마이너스 영
        ("+82", EunNeun, Some("는")),   // 플러스 팔십이
        ("1.", EunNeun, Some("은")),    // 일
        ("10%", EunNeun, Some("는")),   // 십 퍼센트
        ("30℃", IGa, Some("가")),       // 삼십 도
        ("100$", EuroRo, Some("로")),   // 백 달러
        ("$10", EuroRo, Some("로")),    // 십 달러
        ("$3.50", EunNeun, Some("는")), // 삼 점 오 달러
        ("₩10,000", IGa, Some("이")),   // 만 원
        ("€5", EunNeun, Some("는")),    // 오 유로
        ("%", EunNeun, None),
        ("１２３", EunNeun, Some("은")), // fullwidth: 백이십삼
        ("１０", IGa, Some("이")),       // fullwidth: 십
        ("회차10", IGa, Some("이")),     // 회차 십
        // Codes read digit by digit.
        ("007", IGa, Some("이")),               // 공공칠
        ("010", IGa, Some("이")),               // 공일공 or 영일영: ㅇ either way
        ("00", EunNeun, Some("은")),            // 영영 or 공공
        ("010-1234-5678", EunNeun, Some("은")), // …오육칠팔
        ("010-1234-5670", EunNeun, Some("은")), // …칠공 or 칠영
        ("192.168.0.1", EunNeun, Some("은")),   // …점 일
        ("1.2.10", EunNeun, Some("은")),        // 일 점 이 점 십, or 일영
        ("v1.10", EunNeun, Some("은")),         // 일 점 십, or 일 점 일영
        ("ord_100", EunNeun, Some("은")),       // 백, or 일공공
        ("ord_101", EunNeun, Some("은")),       // …일
        ("ORDER-1234", IGa, Some("가")),        // 오더 일이삼사
        ("2024-01-15", EunNeun, None),          // 십오 일, or 일오
        ("2024.01.15", EunNeun, None),
        ("2024. 1. 15.", EunNeun, None),
        ("10:30", EunNeun, None), // 열 시 삼십 분
        ("3/4", EunNeun, None),   // 사분의 삼
        // Digits glued to Latin letters.
        ("MP3", EunNeun, None),       // 엠피쓰리 or 엠피삼
        ("EC2", EunNeun, Some("는")), // 이씨투, 이씨이
        ("S24", IGa, Some("가")),     // 에스 이십사, 에스 트웬티포
        ("A15", IGa, None),           // 에이 십오 or 에이 피프틴
        // Acronyms.
        ("ID", EunNeun, Some("는")), // 아이디
        ("id", IGa, Some("가")),
        ("API", EulReul, Some("를")), // 에이피아이
        ("URL", EuroRo, Some("로")),  // 유알엘
        ("URL", EunNeun, Some("은")),
        ("PIN", EulReul, Some("을")), // 핀
        ("PIN", EuroRo, Some("으로")),
        ("SMS", EuroRo, Some("로")),  // 에스엠에스
        ("OTP", IGa, Some("가")),     // 오티피
        ("KRW", EuroRo, Some("로")),  // 케이알더블유
        ("CVC", EunNeun, Some("는")), // 씨브이씨
        ("PG", IGa, Some("가")),      // 피지
        ("QR", EuroRo, Some("로")),   // 큐알
        ("QR", EunNeun, Some("은")),
        ("JSON", EuroRo, Some("으로")), // 제이슨
        ("HTTP", EunNeun, Some("는")),  // 에이치티티피
        ("HTML", EuroRo, Some("로")),   // 에이치티엠엘
        ("XML", EunNeun, Some("은")),   // 엑스엠엘
        ("pdf", EuroRo, Some("로")),    // 피디에프
        ("IDs", EunNeun, Some("는")),   // 아이디즈
        ("APIs", IGa, Some("가")),      // 에이피아이즈
        ("ABC", IGa, Some("가")),       // 에이비씨
        ("BCM", IGa, Some("이")),       // 비씨엠
        ("UUID", IGa, Some("가")),      // 유유아이디
        ("DONE", EunNeun, None),        // 디오엔이 or 던
        ("5G", EunNeun, Some("는")),    // 파이브지, 오지
        ("3D", IGa, Some("가")),        // 쓰리디, 삼디
        // Single letters.
        ("A", EunNeun, Some("는")),  // 에이
        ("L", IGa, Some("이")),      // 엘
        ("M", EuroRo, Some("으로")), // 엠
        ("N", EulReul, Some("을")),  // 엔
        ("R", EuroRo, Some("로")),   // 알
        ("Z", IGa, Some("가")),      // 제트, 지
        ("W", EunNeun, Some("는")),  // 더블유
        ("x", EunNeun, Some("는")),  // 엑스
        // Identifiers: the last word decides.
        ("userNo", EunNeun, Some("는")),            // 넘버
        ("bankCode", IGa, Some("가")),              // 코드
        ("cancel_reason", IGa, Some("이")),         // 리즌
        ("paymentMethodCode", EulReul, Some("를")), // 코드
        ("userId", EunNeun, Some("는")),            // 아이디
        ("userID", EunNeun, Some("는")),
        ("card-number", EuroRo, Some("로")),      // 넘버
        ("INVALID_CARD_NUMBER", IGa, Some("가")), // 넘버
        ("TIMEOUT", IGa, Some("이")),             // 타임아웃
        ("PENDING", EunNeun, Some("은")),         // 펜딩
        ("KakaoTalk", EuroRo, Some("으로")),      // 카카오톡
        ("PayPal", EuroRo, Some("로")),           // 페이팔
        ("iPhone", IGa, Some("이")),              // 아이폰
        ("example.com", EunNeun, Some("은")),     // 닷컴
        ("user@example.com", EuroRo, Some("으로")),
        // Dictionary words.
        ("email", EuroRo, Some("로")), // 이메일
        ("email", EunNeun, Some("은")),
        ("name", IGa, Some("이")),         // 네임
        ("code", IGa, Some("가")),         // 코드
        ("key", EulReul, Some("를")),      // 키
        ("token", EunNeun, Some("은")),    // 토큰
        ("card", EuroRo, Some("로")),      // 카드
        ("bank", GwaWa, Some("와")),       // 뱅크
        ("amount", IGa, Some("가")),       // 어마운트
        ("order", EunNeun, Some("는")),    // 오더
        ("payment", EulReul, Some("를")),  // 페이먼트
        ("account", IGa, Some("가")),      // 어카운트
        ("phone", EuroRo, Some("으로")),   // 폰
        ("user", GwaWa, Some("와")),       // 유저
        ("type", IGa, Some("이")),         // 타입
        ("date", EunNeun, Some("는")),     // 데이트
        ("time", EunNeun, Some("은")),     // 타임
        ("status", IGa, Some("가")),       // 스테이터스
        ("message", EulReul, Some("를")),  // 메시지
        ("currency", EunNeun, Some("는")), // 커런시
        ("channel", EuroRo, Some("로")),   // 채널
        ("mail", IGa, Some("이")),         // 메일
        ("app", EuroRo, Some("으로")),     // 앱
        ("web", EunNeun, Some("은")),      // 웹
        ("server", IGa, Some("가")),       // 서버
        ("client", EunNeun, Some("는")),   // 클라이언트
        ("file", EuroRo, Some("로")),      // 파일
        ("level", IGa, Some("이")),        // 레벨
        ("model", EuroRo, Some("로")),     // 모델
        ("total", EunNeun, Some("은")),    // 토탈
        ("holder", IGa, Some("가")),       // 홀더
        ("store", EuroRo, Some("로")),     // 스토어
        ("header", EulReul, Some("를")),   // 헤더
        ("field", IGa, Some("가")),        // 필드
        ("method", EuroRo, Some("로")),    // 메서드
        ("session", IGa, Some("이")),      // 세션
        ("cookie", EunNeun, Some("는")),   // 쿠키
        ("mobile", EuroRo, Some("로")),    // 모바일
        ("apple", GwaWa, Some("과")),      // 애플
        ("google", EunNeun, Some("은")),   // 구글
        ("naver", IGa, Some("가")),        // 네이버
        ("kakao", EuroRo, Some("로")),     // 카카오
        ("toss", GwaWa, Some("와")),       // 토스
        ("Toss", EunNeun, Some("는")),
        ("pay", EunNeun, Some("는")),      // 페이
        ("refund", EunNeun, Some("는")),   // 리펀드
        ("webhook", EunNeun, Some("은")),  // 웹훅
        ("callback", IGa, Some("이")),     // 콜백
        ("password", EulReul, Some("를")), // 패스워드
        ("coupon", EuroRo, Some("으로")),  // 쿠폰
        ("wallet", EuroRo, Some("으로")),  // 월렛
        ("limit", IGa, Some("이")),        // 리밋
        ("good", EunNeun, Some("은")),     // 굿
        ("set", EunNeun, None),            // 세트 or 셋
        ("kg", EunNeun, None),             // 킬로그램 or 킬로
        ("10kg", EunNeun, None),
        ("100ms", EunNeun, Some("는")), // 밀리초, 엠에스
        ("10g", EunNeun, None),         // 그램 or 지
        // Unknown English words: reliable endings only.
        ("processing", IGa, Some("이")),        // 프로세싱
        ("transaction", EunNeun, Some("은")),   // 트랜잭션
        ("subscription", EuroRo, Some("으로")), // 서브스크립션
        ("kerfuffling", IGa, Some("이")),       // -잉
        ("zorbification", EunNeun, Some("은")), // -션
        ("florm", EuroRo, Some("으로")),        // -ㅁ
        ("blenn", EunNeun, Some("은")),         // -ㄴ
        ("snorfle", EuroRo, Some("로")),        // -ㄹ
        ("quibbler", EunNeun, Some("는")),      // -러
        ("zonky", IGa, Some("가")),             // -키
        ("widgets", EunNeun, Some("는")),       // 위젯츠
        ("zorbak", EunNeun, None),              // -박 or -바크
        ("framisat", IGa, None),                // -샛 or -새트
        // No readable sound.
        ("", EunNeun, None),
        ("   ", IGa, None),
        ("\t\n", EunNeun, None),
        ("!!!", EulReul, None),
        ("()", IGa, None),
        ("-", EunNeun, None),
        ("漢", GwaWa, None),
        ("👍", EuroRo, None),
        ("카드 👍", EunNeun, None),
        ("\u{200F}", EunNeun, None),
        ("\u{0301}", EunNeun, None),
        ("e\u{0301}", EunNeun, None),
        ("1234-****", EunNeun, None),
        ("Привет", EunNeun, None),
        ("こんにちは", IGa, None),
    ];
    #[test]
    fn table() {
        assert!(CASES.len() >= 200, "only {} cases", CASES.len());
        let mut failures = 0;
        for &(value, particle, expected) in CASES {
            let got = resolve(value, particle);
            if got != expected {
                failures += 1;
                eprintln!(
                    "{value:?} + {}: expected {expected:?}, got {got:?}",
                    particle.spelling()
                );
            }
        }
        assert_eq!(failures, 0, "{failures} of {} cases failed", CASES.len());
    }

    #[test]
    fn final_sounds() {
        assert_eq!(final_sound("사과"), Some(Coda::Vowel));
        assert_eq!(final_sound("서울"), Some(Coda::Rieul));
        assert_eq!(final_sound("책"), Some(Coda::Consonant));
        assert_eq!(final_sound("URL"), Some(Coda::Rieul));
        assert_eq!(final_sound("PIN"), Some(Coda::Consonant));
        assert_eq!(final_sound("ID"), Some(Coda::Vowel));
        assert_eq!(final_sound("7"), Some(Coda::Rieul));
        assert_eq!(final_sound("👍"), None);
    }

    #[test]
    fn forms() {
        let consonant: Vec<&str> = Particle::ALL.iter().map(|p| p.after_consonant()).collect();
        let vowel: Vec<&str> = Particle::ALL.iter().map(|p| p.after_vowel()).collect();
        let rieul: Vec<&str> = Particle::ALL.iter().map(|p| p.after_rieul()).collect();
        assert_eq!(
            consonant,
            [
                "은",
                "이",
                "을",
                "과",
                "으로",
                "아",
                "이나",
                "이라",
                "이랑",
                "이고",
                "이며",
                "이면",
                "이든",
                "이다",
                "이에요"
            ]
        );
        assert_eq!(
            vowel,
            [
                "는", "가", "를", "와", "로", "야", "나", "라", "랑", "고", "며", "면", "든", "다",
                "예요"
            ]
        );
        assert_eq!(
            rieul,
            [
                "은",
                "이",
                "을",
                "과",
                "로",
                "아",
                "이나",
                "이라",
                "이랑",
                "이고",
                "이며",
                "이면",
                "이든",
                "이다",
                "이에요"
            ]
        );
        for (i, p) in Particle::ALL.into_iter().enumerate() {
            assert_eq!(p as usize, i);
            assert_eq!(p.name(), format!("{p:?}"));
        }
        // No spelling is a prefix of another: templates match them in any order.
        for (a, _) in Particle::SPELLINGS {
            for (b, _) in Particle::SPELLINGS {
                assert!(a == b || !b.starts_with(a), "{a} / {b}");
            }
        }
        for p in Particle::ALL {
            assert_eq!(Coda::Vowel.pick(p), p.after_vowel());
            assert_eq!(Coda::Rieul.pick(p), p.after_rieul());
            assert_eq!(Coda::Consonant.pick(p), p.after_consonant());
            assert_eq!(Particle::from_spelling(p.spelling()), Some(p));
        }
    }

    #[test]
    fn spellings() {
        let expected = [
            ("은(는)", EunNeun),
            ("는(은)", EunNeun),
            ("이(가)", IGa),
            ("가(이)", IGa),
            ("을(를)", EulReul),
            ("를(을)", EulReul),
            ("과(와)", GwaWa),
            ("와(과)", GwaWa),
            ("(으)로", EuroRo),
            ("아(야)", AYa),
            ("야(아)", AYa),
            ("(이)나", INa),
            ("(이)라", IRa),
            ("(이)랑", IRang),
            ("(이)고", IGo),
            ("(이)며", IMyeo),
            ("(이)면", IMyeon),
            ("(이)든", IDeun),
            ("(이)다", IDa),
            ("(이)에요", IEyo),
        ];
        assert_eq!(Particle::SPELLINGS, &expected[..]);
        for (spelling, particle) in expected {
            assert_eq!(
                Particle::from_spelling(spelling),
                Some(particle),
                "{spelling}"
            );
        }
        const PARSED_AT_COMPILE_TIME: Option<Particle> = Particle::from_spelling("(으)로");
        assert_eq!(PARSED_AT_COMPILE_TIME, Some(EuroRo));
        for near_miss in [
            "",
            "은(은)",
            "은",
            "는",
            "(로)",
            "으로",
            "로",
            "(으)로로",
            " 은(는)",
            "은(는) ",
            "은(는",
            "은는",
            "이(가",
            "(이)가",
            "(이)라는",
            "(이)",
            "이(나)",
            "아야",
            "을(를)을",
            "과와",
            "(으)",
        ] {
            assert_eq!(Particle::from_spelling(near_miss), None, "{near_miss:?}");
        }
    }

    #[test]
    fn integers_agree_with_their_decimal_strings() {
        let mut values: Vec<i64> = (0..=2000).collect();
        values.extend((-2000..0).step_by(7));
        let mut power = 1i64;
        for _ in 0..=18 {
            for digit in 1..=9 {
                if let Some(v) = power.checked_mul(digit) {
                    values.push(v);
                    values.push(-v);
                    values.push(v.saturating_add(1));
                }
            }
            power = power.saturating_mul(10);
        }
        values.extend([
            i64::MIN,
            i64::MIN + 1,
            i64::MAX,
            i64::MAX - 7,
            12_345_678_900,
        ]);
        for n in values {
            for p in Particle::ALL {
                assert_eq!(
                    Some(resolve_integer(n, p)),
                    resolve(&n.to_string(), p),
                    "{n}"
                );
            }
        }
        for n in [
            u64::MAX,
            10_000_000_000_000_000_000,
            18_000_000_000_000_000_000,
            0,
            1,
        ] {
            for p in Particle::ALL {
                assert_eq!(Some(resolve_u64(n, p)), resolve(&n.to_string(), p), "{n}");
            }
        }
    }

    #[test]
    fn integers_by_hand() {
        assert_eq!(resolve_integer(0, IGa), "이"); // 영
        assert_eq!(resolve_integer(3, IGa), "이"); // 삼
        assert_eq!(resolve_integer(-8, EuroRo), "로"); // 팔
        assert_eq!(resolve_integer(10, EuroRo), "으로"); // 십
        assert_eq!(resolve_integer(100_000, EunNeun), "은"); // 십만
        assert_eq!(resolve_integer(1_000_000_000_000, EunNeun), "는"); // 조
        assert_eq!(resolve_integer(10_000_000_000_000, IGa), "가"); // 십조
        assert_eq!(resolve_integer(10_000_000_000_000_000, IGa), "이"); // 경
        assert_eq!(resolve_integer(i64::MAX, EunNeun), "은"); // …칠
        assert_eq!(resolve_integer(i64::MIN, EunNeun), "은"); // …팔
        assert_eq!(resolve_u64(u64::MAX, EunNeun), "는"); // …오
        assert_eq!(resolve_u64(10_000_000_000_000_000_000, EunNeun), "은"); // 천경
        assert_eq!(integer_final_sound(1_000), Coda::Consonant); // 천
    }

    #[test]
    fn words_are_sorted_unique_lowercase() {
        for pair in WORDS.windows(2) {
            assert!(
                pair[0].0.as_bytes() < pair[1].0.as_bytes(),
                "{} / {}",
                pair[0].0,
                pair[1].0
            );
        }
        for &(word, _) in WORDS {
            assert!(
                !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase()),
                "{word}"
            );
            assert!(word.len() <= WORD_BUF, "{word}");
            assert!(dictionary(word.as_bytes()).is_some(), "{word}");
        }
        assert!(WORDS.len() >= 80);
        assert_eq!(dictionary(b"idx"), None);
    }

    #[test]
    fn never_panics() {
        let long_hangul = "가".repeat(10_000);
        let long_letters = "a".repeat(10_000);
        let long_digits = "7".repeat(10_000);
        let long_zeros = format!("1{}", "0".repeat(9_999));
        let long_bangs = "!".repeat(10_000);
        let long_camel = "userName".repeat(1_250);
        let long_caps = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".repeat(400);
        let long_commas = "1,".repeat(5_000);
        assert_eq!(final_sound(&long_hangul), Some(Coda::Vowel));
        assert_eq!(final_sound(&long_letters), Some(Coda::Vowel));
        assert_eq!(final_sound(&long_digits), Some(Coda::Rieul));
        assert_eq!(final_sound(&long_zeros), None);
        assert_eq!(final_sound(&long_bangs), None);
        assert_eq!(final_sound(&long_camel), Some(Coda::Consonant)); // 네임
        assert_eq!(final_sound(&long_commas), Some(Coda::Rieul)); // 일
        let _ = final_sound(&long_caps);

        let awkward = [
            "",
            " ",
            "\u{0301}",
            "\u{200F}",
            "\u{202E}",
            "\u{FEFF}",
            "\0",
            "\u{7F}",
            "\u{FE0F}",
            "\u{20E3}",
            "3\u{FE0F}\u{20E3}",
            "👨\u{200D}👩\u{200D}👧",
            "🇰🇷",
            "\u{10FFFF}",
            "\u{D7A4}",
            "\u{3164}",
            "\u{318E}",
            "\u{1100}",
            "\u{11FF}",
            "\u{FFA0}",
            ",",
            ",1",
            "1,",
            ",,,1",
            "1,,0",
            ".",
            "..",
            "1..0",
            "-.",
            "-.0",
            "0.",
            "/1",
            ":0",
            "_0",
            "#0",
            "a-0",
            "a.0",
            "0x10",
            "9999999999999999999999999999999999999999",
            "Ａ",
            "ｚ",
            "０",
            "～",
            "﹏",
            "ﾟ",
            "اختبار\u{200F}",
            "שלום",
            "\u{061C}1",
            "\r\n",
            "\u{2028}",
            "0000.0000",
            "2024-13-40",
            "2024-1-1",
            "99999-01-01",
            " - 0",
            "--0",
            "+-+0",
        ];
        let mixed = "결제 ID(카드)는 3.5% \"URL\" userNo_10,000 ㅋ👍漢\u{0301}\u{200F} e\u{0301}ñ";
        let mut inputs: Vec<&str> = awkward.to_vec();
        inputs.extend([
            long_hangul.as_str(),
            long_letters.as_str(),
            long_digits.as_str(),
            long_zeros.as_str(),
            long_bangs.as_str(),
            long_camel.as_str(),
            long_caps.as_str(),
            long_commas.as_str(),
        ]);
        for (i, _) in mixed.char_indices() {
            inputs.push(&mixed[..i]);
            inputs.push(&mixed[i..]);
        }
        let mut checked = 0;
        for value in inputs {
            for p in Particle::ALL {
                let forms = [p.after_vowel(), p.after_rieul(), p.after_consonant()];
                match resolve(value, p) {
                    None => {}
                    Some(form) => assert!(forms.contains(&form), "{value:?}: {form}"),
                }
                checked += 1;
            }
        }
        assert!(checked > 500);
    }
}
