//! Emitters: pure, infallible functions from a validated [`crate::model::Catalog`] to an
//! artifact. They do no I/O and never report user errors — the validator already did.

pub mod envelope;
pub mod lookup;
pub mod payment;
pub(crate) mod pp;
pub mod rust;
pub mod serve;
pub(crate) mod syntax;

#[cfg(feature = "cli")]
pub mod docs;
#[cfg(feature = "cli")]
pub mod explain;
#[cfg(feature = "cli")]
pub mod export;
#[cfg(feature = "cli")]
pub mod facts;
#[cfg(feature = "schema")]
pub mod schema;
