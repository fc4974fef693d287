//! Rendering allocates nothing: a static message is one `write_str` of the stored text, and a
//! message with placeholders and particles writes its pieces into any `fmt::Write` without a
//! single allocation. Counted with a counting global allocator and a counting writer (one test
//! in this binary, so no other test allocates meanwhile).

use std::alloc::{GlobalAlloc, Layout, System};
use std::fmt::{self, Write as _};
use std::sync::atomic::{AtomicUsize, Ordering};

use payment_errors::{Locale, cancel, ebp};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: defers to the system allocator; only counts calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        // SAFETY: same contract as ours.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// A writer into a buffer allocated up front, counting `write_str` calls.
struct Sink {
    text: String,
    writes: usize,
}

impl fmt::Write for Sink {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.writes += 1;
        self.text.push_str(s);
        Ok(())
    }
}

/// Renders with `f` into a fresh sink; returns the text, the `write_str` calls and the
/// allocations made while rendering.
fn render(f: impl FnOnce(&mut Sink) -> fmt::Result) -> (String, usize, usize) {
    let mut sink = Sink {
        text: String::with_capacity(4096),
        writes: 0,
    };
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    f(&mut sink).unwrap();
    let allocations = ALLOCATIONS.load(Ordering::SeqCst) - before;
    (sink.text, sink.writes, allocations)
}

#[test]
fn rendering_allocates_nothing() {
    // A static message: the stored text in one write, in every locale.
    for locale in Locale::ALL.iter().copied() {
        let (text, writes, allocations) =
            render(|w| cancel::Error::LoginRequired.write_message(locale, w));
        assert_eq!(text, cancel::Code::LoginRequired.message(locale));
        assert_eq!((writes, allocations), (1, 0), "{locale}");
        let (_, writes, allocations) =
            render(|w| ebp::Error::ValidationFailed.write_message(locale, w));
        assert_eq!((writes, allocations), (1, 0), "{locale}");
    }

    // Placeholders and particles: pieces written as they are, particles chosen from the value.
    let err = cancel::Error::PaymentIdRequired {
        field: "결제 ID".into(),
    };
    let (text, _, allocations) = render(|w| err.write_message(Locale::Ko, w));
    assert_eq!(text, "결제 ID는 Null 일 수 없습니다.");
    assert_eq!(allocations, 0);
    let err = cancel::Error::BankCodeNotMapped {
        bank_code: "88".into(),
    };
    let (text, _, allocations) = render(|w| err.write_message(Locale::En, w));
    assert_eq!(text, "No bank name is mapped to the bank code (88).");
    assert_eq!(allocations, 0);

    // `Display` (the default locale) goes the same way.
    let err = cancel::Error::CancelReasonRequired {
        field: "취소 사유".into(),
    };
    let (text, _, allocations) = render(|w| write!(w, "{err}"));
    assert_eq!(text, "취소 사유는 Null 이거나 Blank 일 수 없습니다.");
    assert_eq!(allocations, 0);

    // The counter counts: `message` returns a new `String`.
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    let owned = err.message(Locale::Ko);
    assert!(ALLOCATIONS.load(Ordering::SeqCst) > before);
    assert_eq!(owned, "취소 사유는 Null 이거나 Blank 일 수 없습니다.");
}
