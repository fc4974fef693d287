//! Korean particles and message rendering: a placeholder value of arbitrary text, rendered
//! through every particle and through messages that resolve particles after it.
use payment_errors::particle::{Particle, final_sound, resolve, resolve_integer};
use payment_errors::{Locale, cancel};

/// One run of the target.
pub fn body(data: &[u8]) {
    let value = String::from_utf8_lossy(data).into_owned();
    let _ = final_sound(&value);
    for p in [
        Particle::EunNeun,
        Particle::IGa,
        Particle::EulReul,
        Particle::GwaWa,
        Particle::EuroRo,
    ] {
        let _ = resolve(&value, p);
        let n = data
            .iter()
            .fold(0i64, |n, &b| n.wrapping_mul(257).wrapping_add(i64::from(b)));
        let _ = resolve_integer(n, p);
    }
    let err = cancel::Error::PaymentIdRequired { field: value };
    for l in [Locale::Ko, Locale::En] {
        let _ = err.message(l);
    }
    let _ = err.to_string();
    let _ = format!("{err:?}");
}
