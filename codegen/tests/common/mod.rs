//! Helpers shared by integration tests.

/// Asserts that generated Rust is exactly what prettyplease prints for it: parsing it and
/// printing it again gives the same lines, blank lines between items (which prettyplease does
/// not print) and the `//` header aside. The generator writes its per-code parts without
/// prettyplease (issue 18); this holds them to prettyplease's layout.
pub fn assert_prettyplease_layout(code: &str) {
    let file = match syn::parse_file(code) {
        Ok(f) => f,
        Err(e) => panic!("generated Rust does not parse: {e}\n{code}"),
    };
    let printed = prettyplease::unparse(&file);
    let header = |l: &&str| l.starts_with("//") && !l.starts_with("///") && !l.starts_with("//!");
    let ours: Vec<&str> = code
        .lines()
        .filter(|l| !l.trim().is_empty() && !header(l))
        .collect();
    let theirs: Vec<&str> = printed.lines().filter(|l| !l.trim().is_empty()).collect();
    for (i, (a, b)) in ours.iter().zip(&theirs).enumerate() {
        assert_eq!(
            a,
            b,
            "line {} (blank lines aside) is not prettyplease's",
            i + 1
        );
    }
    assert_eq!(
        ours.len(),
        theirs.len(),
        "not as many lines as prettyplease prints"
    );
}
