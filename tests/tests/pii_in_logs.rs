//! A `pii` placeholder's value never reaches a log (issue 13): `Display` and `Debug` are what
//! `tracing`'s `error!(%e)` and `error!(?e)` record, and both mask it. The value appears only
//! where the guide says: the message the caller asks for (`message`, `write_message`) and the
//! response body.

use std::fmt;
use std::sync::{Arc, Mutex};

use catalog_tests::adversarial::{Locale, weird};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

/// A subscriber that writes every recorded field of every event into one string, the way a
/// formatting subscriber would (`Display` for `%`, `Debug` for `?`).
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<String>>);

struct Fields<'a>(&'a mut String);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.0.push_str(&format!("{}={:?} ", field.name(), value));
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        let mut out = self.0.lock().unwrap();
        event.record(&mut Fields(&mut out));
        out.push('\n');
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

fn logged(f: impl FnOnce()) -> String {
    let capture = Capture::default();
    tracing::subscriber::with_default(capture.clone(), f);
    capture.0.lock().unwrap().clone()
}

const CARD: &str = "1234-5678-9012-3456";

#[test]
fn pii_values_never_reach_logs() {
    // `fields.type = { pii = true }` in the adversarial fixture.
    let e = weird::Error::BadType {
        r#type: CARD.into(),
    };
    let log = logged(|| {
        tracing::error!(%e, "display");
        tracing::error!(?e, "debug");
        tracing::error!(error = %e, "as a named field");
        tracing::error!("inline {e} {e:?}");
    });
    assert_eq!(log.lines().count(), 4, "{log}");
    assert!(!log.contains(CARD), "a pii value reached the log:\n{log}");
    assert!(!log.contains("1234"), "{log}");
    assert!(log.contains("<redacted>"), "{log}");
    // The rest of the message is still there, particle left undecided for the masked value.
    assert!(
        log.contains("<redacted>은(는) 지원하지 않는 형식입니다"),
        "{log}"
    );
}

#[test]
fn pii_values_appear_where_the_guide_says() {
    let e = weird::Error::BadType {
        r#type: CARD.into(),
    };
    // Explicitly asked for: the message with the value.
    assert!(e.message(Locale::Ko).contains(CARD));
    assert!(e.message(Locale::En).contains(CARD));
    let mut s = String::new();
    e.write_message(Locale::En, &mut s).unwrap();
    assert!(s.contains(CARD));
    // Not in Display / Debug.
    assert!(!e.to_string().contains(CARD));
    assert!(!format!("{e:?}").contains(CARD));
    assert!(!format!("{e:#?}").contains(CARD));
}
