//! The exported OpenAPI document's examples (`errspec export openapi`) are what the crate sends:
//! for every code of every domain we serve, the example of its status's response, in the
//! envelope and as RFC 9457 problem details, written back with the body's layout, equals byte
//! for byte `Reply::new(Error::example(code))` with the same request id and time. Messages with
//! Korean particles included (the document resolves them as the crate does).

use codegen::emit::envelope::Example;
use codegen::emit::export::openapi::{openapi, parse_ordered};
use codegen::json::{Json, Layout};
use codegen::model::{Catalog, Domain};
use payment_errors::serve::{Reply, ServeError};
use payment_errors::{Locale, cancel, ebp};

fn catalog() -> Catalog {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../error-spec");
    codegen::check_dir(&dir)
        .unwrap()
        .catalog
        .expect("a valid spec")
}

fn get<'a>(v: &'a Json, path: &[&str]) -> Option<&'a Json> {
    let mut v = v;
    for key in path {
        let Json::Object(members) = v else {
            return None;
        };
        v = &members.iter().find(|(k, _)| k == key)?.1;
    }
    Some(v)
}

/// The runtime's envelope and problem bodies for the docs' example request.
fn runtime<E: ServeError>(err: E) -> (String, String) {
    let ex = Example::default();
    let r = Reply::new(err)
        .locale(Locale::ALL[ex.locale])
        .request_id(ex.request_id.unwrap())
        .timestamp(ex.timestamp.unwrap());
    (r.body(), r.problem_json().body())
}

fn layout(d: &Domain) -> Layout {
    d.envelope
        .as_ref()
        .and_then(|e| e.indent)
        .map_or(Layout::Compact, Layout::Pretty)
}

#[test]
fn openapi_examples_are_the_bodies_the_crate_sends() {
    let cat = catalog();
    let doc = parse_ordered(&openapi(&cat));
    let mut compared = 0;
    for d in cat.domains.iter().filter(|d| !d.upstream) {
        for e in d.errors() {
            let (envelope, problem) = match d.id.as_str() {
                "ebp" => runtime(ebp::Error::example(ebp::Code::from_code(&e.code).unwrap())),
                "cancel" => runtime(cancel::Error::example(
                    cancel::Code::from_code(&e.code).unwrap(),
                )),
                other => panic!("a domain this test does not know: {other}"),
            };
            let response = format!("{}.{}", d.id, e.status);
            let example = |media: &str| {
                get(
                    &doc,
                    &[
                        "components",
                        "responses",
                        &response,
                        "content",
                        media,
                        "examples",
                        &e.code,
                        "value",
                    ],
                )
                .unwrap_or_else(|| panic!("no {media} example of {} {}", d.id, e.code))
                .to_string(layout(d))
            };
            if d.envelope.is_some() {
                assert_eq!(example("application/json"), envelope, "{} {}", d.id, e.code);
            }
            assert_eq!(
                example("application/problem+json"),
                problem,
                "{} {}",
                d.id,
                e.code
            );
            compared += 1;
        }
    }
    // Every code we serve, particles included (cancel's `{field}은(는)`).
    let served: usize = cat
        .domains
        .iter()
        .filter(|d| !d.upstream)
        .map(|d| d.errors().count())
        .sum();
    assert_eq!(compared, served);
    assert!(compared >= 30, "{compared}");
}
