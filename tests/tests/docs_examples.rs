//! The docs' example bodies (rendered by the pipeline from the catalog alone,
//! `codegen::emit::envelope`) are the bytes the runtime sends for the same error
//! (`Error::example(code)`) and the same request: every code of every domain, every locale,
//! envelope and problem details. Messages with a particle after a placeholder are skipped:
//! the runtime resolves the particle (`결제 ID는`), the docs keep the spec's `은(는)`.

use codegen::emit::envelope::{Example, envelope_body, problem_body};
use codegen::model::{Catalog, ErrorDef};
use codegen::template::Segment;
use payment_errors::serve::{Reply, ServeError};
use payment_errors::{Locale, cancel, ebp, toss};

fn catalog() -> Catalog {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../error-spec");
    codegen::check_dir(&dir)
        .unwrap()
        .catalog
        .expect("a valid spec")
}

fn has_particles(e: &ErrorDef) -> bool {
    e.message.templates.iter().any(|t| {
        t.segments.iter().any(|s| {
            matches!(
                s,
                Segment::Hole {
                    particle: Some(_),
                    ..
                }
            )
        })
    })
}

fn runtime<E: ServeError>(err: E, ex: &Example<'_>) -> (String, String) {
    let mut r = Reply::new(err).locale(Locale::ALL[ex.locale]);
    if let Some(id) = ex.request_id {
        r = r.request_id(id);
    }
    if let Some(t) = ex.timestamp {
        r = r.timestamp(t);
    }
    let envelope = r.body();
    (envelope, r.problem_json().body())
}

#[test]
fn docs_examples_are_what_the_service_sends() {
    let cat = catalog();
    let mut compared = 0;
    for d in &cat.domains {
        for e in d.errors().filter(|e| !has_particles(e)) {
            for locale in 0..cat.locales.len() {
                let ex = Example {
                    locale,
                    ..Example::default()
                };
                let (envelope, problem) = match d.id.as_str() {
                    "ebp" => runtime(
                        ebp::Error::example(ebp::Code::from_code(&e.code).unwrap()),
                        &ex,
                    ),
                    "cancel" => runtime(
                        cancel::Error::example(cancel::Code::from_code(&e.code).unwrap()),
                        &ex,
                    ),
                    "toss" => runtime(
                        toss::Error::example(toss::Code::from_code(&e.code).unwrap()),
                        &ex,
                    ),
                    other => panic!("a domain this test does not know: {other}"),
                };
                match envelope_body(&cat, d, e, &ex) {
                    Some(docs) => assert_eq!(docs, envelope, "{} {}", d.id, e.code),
                    // No envelope: the runtime falls back to problem details.
                    None => assert_eq!(problem_body(&cat, d, e, &ex), envelope),
                }
                assert_eq!(
                    problem_body(&cat, d, e, &ex),
                    problem,
                    "{} {}",
                    d.id,
                    e.code
                );
                compared += 1;
            }
        }
    }
    assert!(compared > 80, "{compared}");
}
