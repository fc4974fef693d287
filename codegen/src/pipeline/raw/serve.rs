//! Raw types of what a domain says about serving its errors: the response envelope
//! (`[envelope]`) and the field/header details attached to errors (`[details.<KEY>]`).

use std::fmt;

use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};

use super::{RawText, S};

/// `[envelope]`: the JSON body of this domain's error responses.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        description = "이 도메인 에러 응답 본문(JSON)의 모양\n\nThe JSON body of this domain's error responses."
    )
)]
pub struct RawEnvelope {
    /// The locale of the response's texts: a catalog locale, or `request`.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "String",
            description = "응답 글의 언어. 카탈로그 언어(예: \"en\")면 늘 그 언어, \"request\"면 요청의 Accept-Language를 따릅니다 (기본 \"request\", 모르는 언어면 기본 언어)\n\nThe language of response texts: a catalog locale (\"en\") always, or \"request\" (default) to follow Accept-Language, falling back to the default locale."
        )
    )]
    pub locale: Option<S<String>>,
    /// Pretty-print with this many spaces per level; absent: one line.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "u8",
            description = "들여쓰기 칸 수 (선택, 0~8). 쓰면 한 줄에 한 항목씩 나가고, 빼면 한 줄로 붙여 씁니다. 0은 들여쓰기 없이 한 줄에 한 항목\n\nIndentation (optional, 0-8): with it, one member per line; without it, one line. 0 means one member per line, unindented."
        )
    )]
    pub indent: Option<S<i64>>,
    /// The members of the body, in order.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "std::collections::BTreeMap<String, serde_json::Value>",
            description = "응답 본문의 항목들. 쓴 순서대로 나갑니다. 값이 \"{code}\"처럼 이름 하나면 그 값이 들어가고, 그 밖의 글·숫자·true/false는 그대로 나갑니다. 쓸 수 있는 이름: {code}, {message}, {status}, {error_type}, {request_id}, {timestamp}, {data}, {details}, {retryable}, {outcome}, {retry}, {retry_after}, {actor}, {null}\n\nThe body members, sent in the order written. A value that is one name such as \"{code}\" is filled in; other text, numbers and true/false are sent as written."
        )
    )]
    pub body: Option<S<RawBody>>,
}

/// The members of an envelope body (or of an object inside it), in the order written.
#[derive(Debug, Default, Clone)]
pub struct RawBody(pub Vec<(S<String>, S<RawBodyValue>)>);

/// One member's value as written.
#[derive(Debug, Clone)]
pub enum RawBodyValue {
    /// `"{code}"` or constant text.
    Str(String),
    /// A constant integer.
    Int(i64),
    /// A constant boolean.
    Bool(bool),
    /// A nested object (`error.errorDetails = ...` or `[envelope.body.error]`).
    Table(RawBody),
}

impl<'de> Deserialize<'de> for RawBody {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(BodyVisitor)
    }
}

struct BodyVisitor;

impl<'de> Visitor<'de> for BodyVisitor {
    type Value = RawBody;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a table of body members")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawBody, A::Error> {
        let mut out = Vec::new();
        while let Some((k, v)) = map.next_entry::<S<String>, S<RawBodyValue>>()? {
            out.push((k, v));
        }
        // Members go out in the order written, whatever order the parser keeps.
        out.sort_by_key(|(k, _): &(S<String>, S<RawBodyValue>)| k.span().start);
        Ok(RawBody(out))
    }
}

impl<'de> Deserialize<'de> for RawBodyValue {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawBodyValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a body value (text, a number, true/false or a table)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawBodyValue, E> {
                Ok(RawBodyValue::Str(v.to_owned()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawBodyValue, E> {
                Ok(RawBodyValue::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawBodyValue, E> {
                i64::try_from(v)
                    .map(RawBodyValue::Int)
                    .map_err(|_| E::custom("integer too large"))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawBodyValue, E> {
                Ok(RawBodyValue::Bool(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawBodyValue, A::Error> {
                BodyVisitor.visit_map(map).map(RawBodyValue::Table)
            }
        }
        d.deserialize_any(V)
    }
}

/// `[details.<KEY>]`: a field- or header-level detail that can be attached to an error.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        description = "에러에 붙이는 항목·헤더 단위 상세\n\nA field- or header-level detail attached to an error."
    )
)]
pub struct RawDetail {
    /// What the detail is about: `field`, `header`, `query`, `path` or `cookie`.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "RawTargetKind",
            description = "무엇에 대한 상세인지: field(요청 본문의 항목), header(요청 헤더), query, path, cookie. 응답에 { \"field\": \"userNo\", ... }처럼 이 이름으로 나갑니다\n\nWhat the detail is about: field (request body member), header, query, path or cookie; the response names it with this key."
        )
    )]
    pub target: Option<S<String>>,
    /// The message per locale; `{field}`/`{header}` is the target's name.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "super::RawTextSchema",
            description = "상세 메시지 (언어별, 필수). {field}나 {header}처럼 target과 같은 이름의 자리표시자는 그 항목 이름으로 채워집니다\n\nThe detail message (per locale, required); the placeholder named like the target ({field}, {header}) is filled with the item's name."
        )
    )]
    pub message: Option<S<RawText>>,
    /// Rust variant name.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "String",
            description = "Rust 이름 (선택). 키에서 이름을 만들 수 없을 때만 씁니다. 예: FieldBlank\n\nRust name (optional), only when none can be made from the key."
        )
    )]
    pub name: Option<S<String>>,
}

/// The detail targets, for the schema's enum.
#[cfg(feature = "schema")]
#[derive(schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
#[cfg_attr(
    feature = "schema",
    schemars(description = "상세의 대상\n\nWhat a detail is about.")
)]
enum RawTargetKind {
    Field,
    Header,
    Query,
    Path,
    Cookie,
}
