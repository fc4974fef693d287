//! Messages go into responses; explanations and actions are for staff and docs and never
//! appear in a response body. For every code of every domain, in every locale: render the
//! envelope (if the domain has one) and RFC 9457 problem details, and look for every
//! explanation and action of the whole catalog in them, as written and JSON-escaped.

use payment_errors::serve::Layout;
use payment_errors::serve::{Reply, ServeError};
use payment_errors::{Locale, cancel, ebp, toss};

/// Every explanation and action text of the catalog, in every locale.
fn staff_texts() -> Vec<String> {
    let mut out = Vec::new();
    for l in Locale::ALL {
        for c in ebp::Code::ALL {
            out.extend(
                c.explanation(*l)
                    .into_iter()
                    .chain(c.action(*l))
                    .map(str::to_owned),
            );
        }
        for c in cancel::Code::ALL {
            out.extend(
                c.explanation(*l)
                    .into_iter()
                    .chain(c.action(*l))
                    .map(str::to_owned),
            );
        }
        for c in toss::Code::ALL {
            out.extend(
                c.explanation(*l)
                    .into_iter()
                    .chain(c.action(*l))
                    .map(str::to_owned),
            );
        }
    }
    out.sort();
    out.dedup();
    out
}

fn json_escaped(s: &str) -> String {
    serde_json::to_string(s)
        .unwrap()
        .trim_matches('"')
        .to_owned()
}

fn bodies<E: ServeError + Clone>(err: E, extra: impl Fn(Reply<E>) -> Reply<E>) -> Vec<String> {
    let mut out = Vec::new();
    for l in Locale::ALL {
        for layout in [Layout::Compact, Layout::Pretty(2)] {
            let r = extra(Reply::new(err.clone()).locale(*l).layout(layout));
            out.push(r.body());
            out.push(r.problem_json().body());
        }
    }
    out
}

fn assert_clean(code: &str, bodies: &[String], texts: &[String]) -> usize {
    for b in bodies {
        for t in texts {
            assert!(
                !b.contains(t.as_str()) && !b.contains(&json_escaped(t)),
                "{code}: a staff text leaked into a response body:\n{b}\n---\n{t}"
            );
        }
    }
    bodies.len()
}

#[test]
fn no_explanation_or_action_reaches_a_response_body() {
    let texts = staff_texts();
    assert!(texts.len() > 40, "the catalog has explanations to look for");
    let mut rendered = 0;
    for c in ebp::Code::ALL {
        let b = bodies(ebp::Error::example(*c), |r| {
            r.detail(ebp::Detail::FieldBlank {
                field: "userNo".into(),
            })
            .detail(ebp::Detail::HeaderMissing {
                header: "X-Store-Id".into(),
            })
            .request_id("1")
            .timestamp("2026-01-02T00:00:00Z")
        });
        rendered += assert_clean(c.as_str(), &b, &texts);
    }
    for c in cancel::Code::ALL {
        let b = bodies(cancel::Error::example(*c), |r| r);
        rendered += assert_clean(c.as_str(), &b, &texts);
    }
    for c in toss::Code::ALL {
        let b = bodies(toss::Error::example(*c), |r| r);
        rendered += assert_clean(c.as_str(), &b, &texts);
    }
    // Pass-through errors carrying each known upstream code, with the provider's message.
    for c in toss::Code::ALL {
        let up = toss::Received::parse(c.as_str(), c.message(Locale::Ko));
        let b = bodies(cancel::Error::GatewayCancelFailed { upstream: up }, |r| r);
        rendered += assert_clean(c.as_str(), &b, &texts);
    }
    let codes = ebp::Code::ALL.len() + cancel::Code::ALL.len() + 2 * toss::Code::ALL.len();
    assert_eq!(rendered, codes * Locale::ALL.len() * 4);
}

#[test]
fn the_messages_do_reach_the_body() {
    // The check above would pass on empty bodies: make sure the message is what is sent.
    for c in cancel::Code::ALL {
        let e = cancel::Error::example(*c);
        let body = Reply::new(e.clone()).layout(Layout::Compact).body();
        assert!(
            body.contains(&json_escaped(&e.message(Locale::Ko))),
            "{body}"
        );
        let problem = Reply::new(e.clone()).problem_json().body();
        assert!(
            problem.contains(&json_escaped(&e.message(Locale::Ko))),
            "{problem}"
        );
    }
}
