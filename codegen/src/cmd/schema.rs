//! `errspec schema`: the editor JSON Schema, printed or written to `--out`.

use super::Ctx;

#[cfg(feature = "schema")]
pub(super) fn run(cx: &mut Ctx<'_, '_>) -> i32 {
    cx.write_or_print(&crate::emit::schema::render())
}

#[cfg(not(feature = "schema"))]
pub(super) fn run(cx: &mut Ctx<'_, '_>) -> i32 {
    cx.say(
        "오류: 이 errspec은 schema 기능 없이 빌드되었습니다 (cargo build --features schema)",
        "error: this errspec was built without the schema feature (cargo build --features schema)",
    );
    2
}
