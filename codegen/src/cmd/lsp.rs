//! `errspec lsp`: the language server ([`crate::lsp`]) over stdin/stdout, for editors.

use super::Ctx;

/// Serves until the editor says `exit` (or closes stdin); 0 after an orderly shutdown.
pub fn run(_: &mut Ctx<'_, '_>) -> i32 {
    crate::lsp::run_stdio()
}
