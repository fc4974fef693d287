//! Behaviour tests of the generated `payment-errors` crate live in `tests/tests/`.

pub mod seeds;
