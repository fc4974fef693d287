//! Support for the generated code (`crate::__private`). Not a public API: only the code that
//! `errspec` generates (`src/catalog.rs`) calls it, and it may change in any release.

use core::fmt;

pub use crate::particle::{Coda, Particle};
pub use crate::payment::{Actor, Mapped, Outcome, Payment, Retry};
pub use crate::{UnknownCode, UnknownLocale};

/// The hash of `Code::from_code`'s tables, shared with the generator that builds them.
pub use payment_errors_core::strhash;

#[cfg(feature = "serde")]
pub use serde;

/// Re-exported so the generated code can call it by path.
pub use crate::__impl_code_serde as impl_code_serde;
pub use crate::__impl_received_serde as impl_received_serde;
pub use crate::__impl_web as impl_web;

/// Shown instead of a personal-data field in `Debug` output.
pub struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Compares language tags ASCII-case-insensitively, with `_` standing for `-`.
fn tag_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes().zip(b.bytes()).all(|(x, y)| {
            let norm = |c: u8| {
                if c == b'_' {
                    b'-'
                } else {
                    c.to_ascii_lowercase()
                }
            };
            norm(x) == norm(y)
        })
}

fn primary(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// Index of the catalog locale `tag` names: an exact match first (`zh-Hant`), then the
/// catalog tag equal to its primary language (`ko-KR` → `ko`), then one sharing it.
pub fn match_locale(tag: &str, tags: &[&str]) -> Option<usize> {
    let tag = tag.trim();
    if tag.is_empty() {
        return None;
    }
    tags.iter()
        .position(|t| tag_eq(t, tag))
        .or_else(|| tags.iter().position(|t| tag_eq(t, primary(tag))))
        .or_else(|| tags.iter().position(|t| tag_eq(primary(t), primary(tag))))
}

/// How an `amount` placeholder is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountStyle {
    /// `1,000원`
    Korean,
    /// `KRW 1,000`
    Code,
    /// Another currency as the locale writes it: `$1,500.00`, `JPY 1,500`, `1,500엔`. The
    /// value is in minor units (cents).
    Money {
        /// Written before the number (`$`, `JPY `).
        prefix: &'static str,
        /// Written after it (`엔`).
        suffix: &'static str,
        /// Digits after the decimal point (USD 2, JPY 0).
        minor_units: u8,
    },
}

/// Writes `n` with thousands separators, without allocating.
pub fn write_grouped<W: fmt::Write + ?Sized>(w: &mut W, n: i64) -> fmt::Result {
    if n < 0 {
        w.write_char('-')?;
    }
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut v = n.unsigned_abs();
    loop {
        digits[len] = b'0' + (v % 10) as u8;
        len += 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for i in (0..len).rev() {
        w.write_char(char::from(digits[i]))?;
        if i > 0 && i % 3 == 0 {
            w.write_char(',')?;
        }
    }
    Ok(())
}

/// Writes an integer placeholder.
pub fn write_integer<W: fmt::Write + ?Sized>(w: &mut W, n: i64) -> fmt::Result {
    w.write_fmt(format_args!("{n}"))
}

/// Writes an amount placeholder (won).
pub fn write_amount<W: fmt::Write + ?Sized>(w: &mut W, n: i64, style: AmountStyle) -> fmt::Result {
    match style {
        AmountStyle::Korean => {
            write_grouped(w, n)?;
            w.write_str("원")
        }
        AmountStyle::Code => {
            w.write_str("KRW ")?;
            write_grouped(w, n)
        }
        AmountStyle::Money {
            prefix,
            suffix,
            minor_units,
        } => {
            if n < 0 {
                w.write_char('-')?;
            }
            w.write_str(prefix)?;
            let scale = 10u64.pow(u32::from(minor_units));
            let v = n.unsigned_abs();
            write_grouped(w, (v / scale) as i64)?;
            if minor_units > 0 {
                let frac = v % scale;
                w.write_char('.')?;
                let mut div = scale / 10;
                while div > 0 {
                    w.write_char(char::from(b'0' + ((frac / div) % 10) as u8))?;
                    div /= 10;
                }
            }
            w.write_str(suffix)
        }
    }
}

/// The particle form after a string value; the writer's spelling when the sound is unknown.
pub fn particle(value: &str, p: Particle, undecided: &'static str) -> &'static str {
    crate::particle::resolve(value, p).unwrap_or(undecided)
}

/// The particle form after an integer value.
pub fn particle_integer(n: i64, p: Particle) -> &'static str {
    crate::particle::resolve_integer(n, p)
}

/// The final sound of an amount as `style` writes it.
pub fn amount_coda(n: i64, style: AmountStyle) -> Coda {
    let integer = |n: i64| crate::particle::integer_final_sound(n.unsigned_abs());
    match style {
        // Ends in 원, whose final ㄴ is a consonant.
        AmountStyle::Korean => Coda::Consonant,
        AmountStyle::Code => integer(n),
        AmountStyle::Money {
            suffix,
            minor_units,
            ..
        } => {
            if !suffix.is_empty() {
                crate::particle::final_sound(suffix).unwrap_or(Coda::Consonant)
            } else if minor_units > 0 {
                // The last digit written is the last of the cents.
                integer(n % 10)
            } else {
                integer(n)
            }
        }
    }
}

/// The particle form after an amount as `style` writes it.
pub fn particle_amount(n: i64, style: AmountStyle, p: Particle) -> &'static str {
    amount_coda(n, style).pick(p)
}

/// A particle written together with the text that follows it up to the next placeholder, in
/// its four spellings: `[undecided, after a vowel, after ㄹ, after another consonant]`
/// (`["은(는) 비어 있습니다.", "는 비어 있습니다.", "은 비어 있습니다.", "은 비어 있습니다."]`).
/// The generator decides the forms from the particle table; rendering only finds the value's
/// final sound and writes one of them, in one `write_str`.
pub type Forms = [&'static str; 4];

/// The spelling of `forms` that fits a value ending in `coda` (`None`: the sound is unknown).
#[inline]
pub fn pick(forms: &Forms, coda: Option<Coda>) -> &'static str {
    forms[match coda {
        None => 0,
        Some(Coda::Vowel) => 1,
        Some(Coda::Rieul) => 2,
        Some(Coda::Consonant) => 3,
    }]
}

/// One piece of a message template, as the generated `Error::write_message` hands it to
/// [`render`]: literal text, or the value of an argument (by index) written one way or
/// another, or the particle that fits it with the text after it.
#[derive(Clone, Copy, Debug)]
pub enum Piece {
    /// Literal text.
    Text(&'static str),
    /// A string argument.
    Str(usize),
    /// The particle after a string argument, and the text after it; the writer's spelling
    /// when the value's sound is unknown.
    StrParticle(usize, &'static Forms),
    /// An integer argument.
    Int(usize),
    /// The particle after an integer argument, and the text after it.
    IntParticle(usize, &'static Forms),
    /// An amount argument.
    Amount(usize, AmountStyle),
    /// The particle after an amount argument, and the text after it.
    AmountParticle(usize, AmountStyle, &'static Forms),
}

/// The value of a placeholder, for [`render`].
#[derive(Clone, Copy, Debug)]
pub enum Arg<'a> {
    /// A string (`String` fields, upstream codes and messages).
    Str(&'a str),
    /// An integer or an amount.
    Int(i64),
    /// A personal-data value left out (`Display`): written as [`MASK`], whatever its type,
    /// and a particle after it keeps the writer's undecided spelling.
    Masked,
}

/// What `Display` writes instead of a personal-data (`pii`) value.
pub const MASK: &str = "<redacted>";

fn is_masked(args: &[Arg<'_>], i: usize) -> bool {
    matches!(args.get(i), Some(Arg::Masked))
}

/// Writes a message from its pieces and its arguments, without allocating: the way
/// `fmt::Arguments` works, with staff text kept out of format strings and particles chosen
/// from the values. Data rather than code per message keeps the generated crate small and
/// quick to compile at any catalog size.
pub fn render(w: &mut dyn fmt::Write, args: &[Arg<'_>], pieces: &[Piece]) -> fmt::Result {
    for piece in pieces {
        match *piece {
            Piece::Text(t) => w.write_str(t)?,
            // A masked value: the mask for the value, the undecided spelling for its particle.
            Piece::Str(i) | Piece::Int(i) | Piece::Amount(i, _) if is_masked(args, i) => {
                w.write_str(MASK)?;
            }
            Piece::StrParticle(i, forms)
            | Piece::IntParticle(i, forms)
            | Piece::AmountParticle(i, _, forms)
                if is_masked(args, i) =>
            {
                w.write_str(pick(forms, None))?;
            }
            Piece::Str(i) => w.write_str(str_arg(args, i))?,
            Piece::StrParticle(i, forms) => {
                w.write_str(pick(forms, crate::particle::final_sound(str_arg(args, i))))?;
            }
            Piece::Int(i) => write_integer(w, int_arg(args, i))?,
            Piece::IntParticle(i, forms) => {
                let coda = crate::particle::integer_final_sound(int_arg(args, i).unsigned_abs());
                w.write_str(pick(forms, Some(coda)))?;
            }
            Piece::Amount(i, style) => write_amount(w, int_arg(args, i), style)?,
            Piece::AmountParticle(i, style, forms) => {
                let coda = amount_coda(int_arg(args, i), style);
                w.write_str(pick(forms, Some(coda)))?;
            }
        }
    }
    Ok(())
}

// The generator pairs every piece with an argument of its kind; anything else writes nothing
// rather than panic.
fn str_arg<'a>(args: &[Arg<'a>], i: usize) -> &'a str {
    match args.get(i) {
        Some(Arg::Str(s)) => s,
        _ => "",
    }
}

fn int_arg(args: &[Arg<'_>], i: usize) -> i64 {
    match args.get(i) {
        Some(Arg::Int(n)) => *n,
        _ => 0,
    }
}

/// `s.to_owned()`, kept out of line: `Error::example` calls it once per placeholder, and
/// thousands of inlined allocations in one function make large catalogs slow to compile.
#[inline(never)]
pub fn owned(s: &str) -> String {
    s.to_owned()
}

/// Any `fmt::Write`, sized or not, as a `&mut dyn fmt::Write`: the generic
/// `Error::write_message` hands its writer to one non-generic body through this.
pub struct DynWrite<'a, W: ?Sized>(pub &'a mut W);

impl<W: fmt::Write + ?Sized> fmt::Write for DynWrite<'_, W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.write_str(s)
    }

    fn write_char(&mut self, c: char) -> fmt::Result {
        self.0.write_char(c)
    }
}

/// Deserializes a `Code` from its wire code.
#[cfg(feature = "serde")]
pub struct CodeVisitor<T> {
    /// The domain, for the error message.
    pub domain: &'static str,
    /// `Code::from_code`.
    pub from_code: fn(&str) -> Option<T>,
}

#[cfg(feature = "serde")]
impl<T> serde::de::Visitor<'_> for CodeVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an error code of the `{}` domain", self.domain)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        (self.from_code)(v).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(v), &self))
    }
}

/// Implements `Serialize`/`Deserialize` for a generated `Code` (as its wire code) when the
/// `serde` feature is on.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_code_serde {
    ($ty:ident) => {
        impl $crate::__private::serde::Serialize for $ty {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                s: S,
            ) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $ty {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                d: D,
            ) -> Result<$ty, D::Error> {
                d.deserialize_str($crate::__private::CodeVisitor {
                    domain: DOMAIN,
                    from_code: $ty::from_code,
                })
            }
        }
    };
}

/// Without the `serde` feature there is nothing to implement.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_code_serde {
    ($ty:ident) => {};
}

/// Deserializes an upstream provider's `{"code": ..., "message": ...}` (other keys ignored).
#[cfg(feature = "serde")]
pub struct ReceivedVisitor<T> {
    /// `Received::parse`.
    pub parse: fn(&str, &str) -> T,
}

#[cfg(feature = "serde")]
impl<'de, T> serde::de::Visitor<'de> for ReceivedVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an error object with `code` and `message`")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        use serde::de::Error as _;
        let mut code: Option<String> = None;
        let mut message: Option<String> = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "code" => code = Some(map.next_value()?),
                "message" => message = Some(map.next_value()?),
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        let code = code.ok_or_else(|| A::Error::missing_field("code"))?;
        let message = message.ok_or_else(|| A::Error::missing_field("message"))?;
        Ok((self.parse)(&code, &message))
    }
}

/// Implements `Serialize`/`Deserialize` for a generated `Received` as the provider's
/// `{"code": ..., "message": ...}` when the `serde` feature is on.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_received_serde {
    ($ty:ident) => {
        impl $crate::__private::serde::Serialize for $ty {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                s: S,
            ) -> Result<S::Ok, S::Error> {
                use $crate::__private::serde::ser::SerializeStruct as _;
                let mut st = s.serialize_struct("Received", 2)?;
                st.serialize_field("code", self.code())?;
                st.serialize_field("message", self.message())?;
                st.end()
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $ty {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                d: D,
            ) -> Result<$ty, D::Error> {
                d.deserialize_map($crate::__private::ReceivedVisitor { parse: $ty::parse })
            }
        }
    };
}

/// Without the `serde` feature there is nothing to implement.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_received_serde {
    ($ty:ident) => {};
}

/// The web framework impls of a generated `Error`, for the features that are on.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_web {
    ($ty:ident) => {
        $crate::__impl_axum!($ty);
        $crate::__impl_actix!($ty);
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grouped(n: i64) -> String {
        let mut s = String::new();
        write_grouped(&mut s, n).unwrap();
        s
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(1234567), "1,234,567");
        assert_eq!(grouped(-1000), "-1,000");
        assert_eq!(grouped(i64::MIN), "-9,223,372,036,854,775,808");
        assert_eq!(grouped(i64::MAX), "9,223,372,036,854,775,807");
    }

    #[test]
    fn amounts_in_other_currencies() {
        let usd = AmountStyle::Money {
            prefix: "$",
            suffix: "",
            minor_units: 2,
        };
        let jpy_ko = AmountStyle::Money {
            prefix: "",
            suffix: "엔",
            minor_units: 0,
        };
        let mut s = String::new();
        write_amount(&mut s, 150_000, usd).unwrap();
        s.push('|');
        write_amount(&mut s, -5, usd).unwrap();
        s.push('|');
        write_amount(&mut s, 1500, jpy_ko).unwrap();
        assert_eq!(s, "$1,500.00|-$0.05|1,500엔");
        assert_eq!(particle_amount(150_000, usd, Particle::IGa), "이"); // …영
        assert_eq!(particle_amount(1500, jpy_ko, Particle::EulReul), "을");
    }

    #[test]
    fn amounts_in_both_styles() {
        let mut s = String::new();
        write_amount(&mut s, 15000, AmountStyle::Korean).unwrap();
        s.push('|');
        write_amount(&mut s, 15000, AmountStyle::Code).unwrap();
        assert_eq!(s, "15,000원|KRW 15,000");
        assert_eq!(
            particle_amount(15000, AmountStyle::Korean, Particle::IGa),
            "이"
        );
        assert_eq!(particle_amount(2, AmountStyle::Code, Particle::IGa), "가");
    }

    #[test]
    fn locale_tags_match_by_primary_language() {
        let tags = ["ko", "en", "zh-Hant"];
        assert_eq!(match_locale("ko", &tags), Some(0));
        assert_eq!(match_locale("ko-KR", &tags), Some(0));
        assert_eq!(match_locale("KO_kr", &tags), Some(0));
        assert_eq!(match_locale("en-US", &tags), Some(1));
        assert_eq!(match_locale("zh-Hant", &tags), Some(2));
        assert_eq!(match_locale("zh-TW", &tags), Some(2));
        assert_eq!(match_locale("fr", &tags), None);
        assert_eq!(match_locale("", &tags), None);
        assert_eq!(match_locale("e", &tags), None);
    }

    #[test]
    fn unknown_particle_sounds_keep_the_writers_spelling() {
        assert_eq!(particle("🙂", Particle::EunNeun, "는(은)"), "는(은)");
        assert_eq!(particle("결제 ID", Particle::EunNeun, "은(는)"), "는");
    }

    #[test]
    fn render_picks_one_spelling_of_particle_and_text() {
        const FORMS: Forms = ["은(는) 없음", "는 없음", "은 없음", "은 없음"];
        const PIECES: &[Piece] = &[
            Piece::Str(0),
            Piece::StrParticle(0, &FORMS),
            Piece::Text(", "),
            Piece::Int(1),
            Piece::IntParticle(1, &["(으)로", "로", "로", "으로"]),
            Piece::Text(" / "),
            Piece::Amount(1, AmountStyle::Korean),
            Piece::AmountParticle(1, AmountStyle::Korean, &FORMS),
        ];
        let mut out = String::new();
        for (value, n, expected) in [
            ("카드", 10, "카드는 없음, 10으로 / 10원은 없음"),
            ("🙂", 7, "🙂은(는) 없음, 7로 / 7원은 없음"),
            ("서울", 2, "서울은 없음, 2로 / 2원은 없음"),
        ] {
            out.clear();
            render(&mut out, &[Arg::Str(value), Arg::Int(n)], PIECES).unwrap();
            assert_eq!(out, expected);
        }
    }
}
