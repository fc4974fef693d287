//! `errspec`: check, explain and generate the payment error catalog. See `errspec help`.

fn main() {
    std::process::exit(codegen::cmd::run(std::env::args_os().skip(1).collect()));
}
