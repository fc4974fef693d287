//! The response examples of seeds 003 and 004, byte for byte as the seed documents show them
//! (one member per line, no indentation). Shared by the behaviour tests (`catalog-tests`) and
//! by `payment-errors/tests/cancel_service.rs`.

/// The seed documents these examples were copied from, and the files they are in.
pub const SEED_FILES: &[(&str, &str)] = &[
    ("003", "003_7c7b4b389db7d923.txt"),
    ("004", "004_29a22c1d5870df4b.txt"),
];

/// Seed 003: 필수 헤더 누락 (EBP-A-0001).
pub const EBP_A_0001: &str = r#"{
"resultCode": "EBP-A-0001",
"message": "Missing Mandatory Headers",
"requestId": "1704201234567",
"timestamp": "2025-01-02T10:00:00Z",
"error": {
"errorDetails": [
{
"header": "X-Store-Id",
"message": "Missing Mandatory Header"
},
{
"header": "X-Country-Code",
"message": "Missing Mandatory Header"
}
]
}
}"#;

/// Seed 003: 유효성 검증 실패 (EBP-C-0004), Single Field Error.
pub const EBP_C_0004_SINGLE: &str = r#"{
"resultCode": "EBP-C-0004",
"message": "Validation Failed",
"requestId": "1767329889073",
"timestamp": "2026-01-02T04:58:09.073097700Z",
"data": null,
"error": {
"errorDetails": [
{
"field": "userNo",
"message": "The field 'userNo' must not be blank."
}
]
}
}"#;

/// Seed 003: 유효성 검증 실패 (EBP-C-0004), Multiple Fields Error.
pub const EBP_C_0004_MULTIPLE: &str = r#"{
"resultCode": "EBP-C-0004",
"message": "Validation Failed",
"requestId": "1767331147785",
"timestamp": "2026-01-02T05:19:07.785507100Z",
"data": null,
"error": {
"errorDetails": [
{
"field": "paymentMethodCode",
"message": "The field 'paymentMethodCode' must not be blank."
},
{
"field": "totalAmount",
"message": "The field 'totalAmount' is required."
},
{
"field": "cancelUrl",
"message": "The field 'cancelUrl' must not be blank."
},
{
"field": "currency",
"message": "The field 'currency' must not be blank."
},
{
"field": "successUrl",
"message": "The field 'successUrl' must not be blank."
},
{
"field": "purchaseChannel",
"message": "The field 'purchaseChannel' is required."
}
]
}
}"#;

/// Seed 004: 200 OK — 취소/환불 성공.
pub const CANCEL_200: &str = r#"{
"status": "success",
"errorType": null,
"errorCode": null,
"message": null,
"data": null
}"#;

/// Seed 004: 400 Bad Request — 검증 실패 (가상계좌 환불 계좌정보 누락).
pub const CANCEL_400: &str = r#"{
"status": "error",
"errorType": "IllegalArguemntError",
"errorCode": null,
"message": "가상계좌 입금 후 취소 요청시 반드시 환불받으실 계좌의 은행, 계좌번호, 예금주 정보를 입력해 주셔야 합니다.",
"data": null
}"#;

/// Seed 004: 401 Unauthorized — 로그인 필요.
pub const CANCEL_401: &str = r#"{
"status": "error",
"errorType": "LoginFailException",
"errorCode": null,
"message": "인증되지 않은 사용자입니다.",
"data": null
}"#;

/// Seed 004: 403 Forbidden — 본인 결제만 취소 가능.
pub const CANCEL_403: &str = r#"{
"status": "error",
"errorType": "AuthorizationException",
"errorCode": null,
"message": "당신은 취소하려고 하는 예약내역의 예약자가 아닙니다.",
"data": null
}"#;

/// Seed 004: 410 Gone — 취소 불가 (시간 초과).
pub const CANCEL_410: &str = r#"{
"status": "error",
"errorType": "ResourceValidTimePassedException",
"errorCode": null,
"message": "결제 취소는 예약시작시각 30분전 까지만 가능합니다.",
"data": null
}"#;

/// Seed 004: 토스페이먼츠 결제 취소 오류 (pass-through).
pub const CANCEL_GATEWAY: &str = r#"{
"status": "error",
"errorType": "ALREADY_CANCELED_PAYMENT",
"errorCode": null,
"message": "[결제 취소 요청 에러]이미 취소된 결제 입니다.",
"data": null
}"#;

/// Every example with its seed.
pub const ALL: &[(&str, &str, &str)] = &[
    ("EBP_A_0001", "003", EBP_A_0001),
    ("EBP_C_0004_SINGLE", "003", EBP_C_0004_SINGLE),
    ("EBP_C_0004_MULTIPLE", "003", EBP_C_0004_MULTIPLE),
    ("CANCEL_200", "004", CANCEL_200),
    ("CANCEL_400", "004", CANCEL_400),
    ("CANCEL_401", "004", CANCEL_401),
    ("CANCEL_403", "004", CANCEL_403),
    ("CANCEL_410", "004", CANCEL_410),
    ("CANCEL_GATEWAY", "004", CANCEL_GATEWAY),
];
