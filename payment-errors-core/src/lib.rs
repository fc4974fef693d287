//! What `payment-errors` (the runtime) and `codegen` (its generator, the `errspec` command)
//! share, so that both compute the same bytes: the JSON writer of response bodies, the
//! response envelope and its one writer, the hash of `Code::from_code`'s tables, the spec
//! fingerprint that ties the committed generated code to its spec, and the Korean particle
//! rules.
//!
//! Services do not use this crate directly: `payment-errors` re-exports what they need. It
//! uses nothing but `std`, and both sides depend on it with an exact version.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod envelope;
pub mod fingerprint;
pub mod json;
pub mod particle;
pub mod strhash;
