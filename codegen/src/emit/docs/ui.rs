//! The docs' own words (headings, labels), in Korean and English. Catalog locales other than
//! Korean get the English words.

/// A fixed text of the docs in Korean and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ui {
    /// Korean.
    pub ko: &'static str,
    /// English.
    pub en: &'static str,
}

impl Ui {
    /// The text for catalog locale `tag`.
    pub fn get(self, tag: &str) -> &'static str {
        if is_korean(tag) { self.ko } else { self.en }
    }
}

/// Is `tag` Korean (`ko`, `ko-KR`)?
pub fn is_korean(tag: &str) -> bool {
    tag == "ko" || tag.starts_with("ko-") || tag.starts_with("ko_")
}

/// The name of a language in that language, for the language switch.
pub fn language_name(tag: &str) -> String {
    match tag.split(['-', '_']).next().unwrap_or(tag) {
        "ko" => "한국어".into(),
        "en" => "English".into(),
        "ja" => "日本語".into(),
        "zh" => "中文".into(),
        _ => tag.to_owned(),
    }
}

macro_rules! ui {
    ($($name:ident = $ko:literal / $en:literal;)*) => {
        $(
            #[allow(missing_docs)]
            pub const $name: Ui = Ui { ko: $ko, en: $en };
        )*
        /// Every text with its key, for the page script.
        pub const ALL: &[(&str, Ui)] = &[$((stringify!($name), $name)),*];
    };
}

ui! {
    REFERENCE = "에러 코드 레퍼런스" / "Error code reference";
    ALL_CODES = "전체 코드" / "All codes";
    SEARCH = "찾기" / "Search";
    SEARCH_PLACEHOLDER = "코드, 메시지, 설명으로 찾기 (예: 세션, NOT_FOUND)" / "Find by code, message or explanation (e.g. session, NOT_FOUND)";
    SEARCH_ALL = "전체 코드에서 찾기" / "Search all codes";
    DOMAIN = "도메인" / "Domain";
    DOMAINS = "도메인" / "Domains";
    CATEGORY = "분류" / "Category";
    CATEGORIES = "분류" / "Categories";
    STATUS = "HTTP 상태" / "HTTP status";
    OPERATION = "발생하는 API" / "Operation";
    OPERATIONS = "발생하는 API" / "Operations";
    ANY = "전체" / "All";
    CODE = "코드" / "Code";
    CODES = "코드" / "Codes";
    KEY = "키" / "Key";
    CODE_COUNT = "코드 수" / "Codes";
    MESSAGE = "메시지" / "Message";
    MESSAGES = "메시지" / "Messages";
    LANGUAGE = "언어" / "Language";
    EXPLANATION = "설명" / "What it means";
    ACTION = "조치" / "What to do";
    NO_EXPLANATION = "스펙에 설명이 없습니다." / "The spec has no explanation yet.";
    RETRYABLE = "재시도" / "Retryable";
    PAY_RETRY = "재시도" / "Retry";
    PAY_OUTCOME = "결제 결과" / "Outcome";
    PAY_ACTOR = "조치할 사람" / "Who acts";
    YES = "가능" / "yes";
    NO = "불가" / "no";
    ERROR_TYPE = "errorType" / "errorType";
    PLACEHOLDERS = "자리표시자" / "Placeholders";
    NAME = "이름" / "Name";
    TYPE = "타입" / "Type";
    EXAMPLE = "예" / "Example";
    PERSONAL = "개인정보 (로그에서 가림)" / "Personal data (redacted in logs)";
    DESCRIPTION = "설명" / "Description";
    TITLE = "이름" / "Title";
    EXAMPLE_RESPONSE = "응답 예시" / "Example response";
    EXAMPLE_NOTE = "자리표시자에는 스펙의 예시 값을 넣었습니다." / "Placeholders hold the spec's example values.";
    PERMALINK = "고유 주소" / "Permalink";
    UPSTREAM = "연동사 코드" / "Upstream provider";
    UPSTREAM_NOTE = "우리가 보내는 코드가 아니라 연동사가 우리에게 보내는 코드입니다." / "Codes a provider sends us, not codes we send.";
    CODE_FORMAT = "코드 형식" / "Code format";
    DEPRECATED = "사용 중단 예정" / "Deprecated";
    DEPRECATED_BANNER = "사용 중단 예정인 코드입니다. 아직 나가지만 새로 쓰지 마세요." / "This code is deprecated: still sent, but do not rely on it in new code.";
    RETIRED = "폐기됨" / "Retired";
    RETIRED_BANNER = "폐기된 코드입니다. 더 이상 나가지 않으며, 다시 쓰지도 않습니다." / "This code is retired: no longer sent, and never reused.";
    SINCE = "{v}부터" / "since {v}";
    USE_INSTEAD = "대신 쓸 코드" / "Use instead";
    NOT_TRANSLATED = "번역 없음: 기본 언어를 보여 줍니다" / "Not translated: showing the default language";
    COUNT = "코드 {n}개" / "{n} codes";
    COUNT_OF = "코드 {total}개 중 {n}개" / "{n} of {total} codes";
    NO_RESULTS = "맞는 코드가 없습니다. 다른 낱말로 찾거나 필터를 푸세요." / "No code matches. Try other words or clear the filters.";
    CLEAR = "지우기" / "Clear";
    MATCHED_IN = "설명에서 찾음" / "Found in the explanation";
    MATCHED_IN_ACTION = "조치에서 찾음" / "Found in what to do";
    RUST = "Rust" / "Rust";
    PREVIOUS = "이전 코드" / "Previous code";
    NEXT = "다음 코드" / "Next code";
    HOME = "전체" / "All domains";
    GENERATED = "error-spec/에서 errspec docs로 만든 문서입니다. 고칠 곳이 있으면 스펙을 고치세요." / "Generated from error-spec/ by errspec docs. To change it, change the spec.";
    EXPORTS = "다른 언어와 도구용 내보내기:" / "Exports for other languages and tools:";
    SKIP = "본문으로 건너뛰기" / "Skip to content";
    JS_OFF = "찾기와 필터는 자바스크립트가 켜져 있어야 동작합니다." / "Search and filters need JavaScript.";
}
