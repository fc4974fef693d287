//! The few Rust constructs the generated catalog repeats per code, printed through
//! [`super::pp`] the way prettyplease prints them (its `expr.rs`, `item.rs`, `data.rs`,
//! `pat.rs`, `attr.rs`): same boxes, same breaks, so the text is what prettyplease would print.
//!
//! Every string in here is either our own fixed Rust or a value passed through
//! [`super::pp::str_lit`] ([`Expr::str`]): staff text never becomes source any other way.

use super::pp::{Break, INDENT, Printer};

/// An expression.
pub enum Expr {
    /// A path or any other token printed as one word (`Code::X`, `None`, `*name`).
    Path(String),
    /// An integer, boolean or character literal (prettyplease packs arrays of these).
    Lit(String),
    /// A string literal, already escaped ([`Expr::str`]).
    Str(String),
    /// `func(args)`.
    Call(String, Vec<Expr>),
    /// `[elems]`.
    Array(Vec<Expr>),
    /// `&expr`.
    Ref(Box<Expr>),
    /// `(elems)`.
    Tuple(Vec<Expr>),
    /// `Path { field: value, … }`.
    Struct(String, Vec<(String, Expr)>),
    /// `match scrutinee { arms }`.
    Match(String, Vec<Arm>),
    /// `receiver.method(args)`.
    MethodCall(Box<Expr>, String, Vec<Expr>),
    /// `if flag { then } else { otherwise }`.
    If(String, Box<Expr>, Box<Expr>),
}

/// A `match` arm.
pub struct Arm {
    pub pat: Pat,
    pub body: Expr,
}

/// A pattern.
pub enum Pat {
    /// `Error::X`, `Locale::Ko`, `_`.
    Path(String),
    /// `Error::X { a, b }` or, with `rest`, `Error::X { a, .. }`.
    Struct(String, Vec<String>, bool),
}

impl Expr {
    pub fn path(s: impl Into<String>) -> Expr {
        Expr::Path(s.into())
    }

    pub fn str(s: &str) -> Expr {
        Expr::Str(super::pp::str_lit(s))
    }

    pub fn call(func: impl Into<String>, args: Vec<Expr>) -> Expr {
        Expr::Call(func.into(), args)
    }

    pub fn some(e: Expr) -> Expr {
        Expr::call("Some", vec![e])
    }

    pub fn reference(e: Expr) -> Expr {
        Expr::Ref(Box::new(e))
    }

    /// `Some("text")` or `None`.
    pub fn opt_str(s: Option<&str>) -> Expr {
        match s {
            Some(s) => Expr::some(Expr::str(s)),
            None => Expr::path("None"),
        }
    }

    /// Arrays, structs and tuples: a sole call argument of this kind is not boxed.
    fn blocklike(&self) -> bool {
        matches!(self, Expr::Array(_) | Expr::Struct(..) | Expr::Tuple(_))
    }

    /// The expression as one line of source, for the parts still built with `quote`.
    pub fn source(&self) -> String {
        let list = |v: &[Expr]| v.iter().map(Expr::source).collect::<Vec<_>>().join(", ");
        match self {
            Expr::Path(s) | Expr::Lit(s) | Expr::Str(s) => s.clone(),
            Expr::Call(f, args) => format!("{f}({})", list(args)),
            Expr::Array(v) => format!("[{}]", list(v)),
            Expr::Ref(e) => format!("&{}", e.source()),
            Expr::Tuple(v) if v.len() == 1 => format!("({},)", v[0].source()),
            Expr::Tuple(v) => format!("({})", list(v)),
            Expr::Struct(path, fields) => {
                let fields: Vec<String> = fields
                    .iter()
                    .map(|(n, v)| format!("{n}: {}", v.source()))
                    .collect();
                format!("{path} {{ {} }}", fields.join(", "))
            }
            Expr::Match(s, arms) => {
                let arms: Vec<String> = arms
                    .iter()
                    .map(|a| format!("{} => {},", a.pat.source(), a.body.source()))
                    .collect();
                format!("match {s} {{ {} }}", arms.join(" "))
            }
            Expr::MethodCall(r, m, args) => format!("{}.{m}({})", r.source(), list(args)),
            Expr::If(flag, a, b) => {
                format!("if {flag} {{ {} }} else {{ {} }}", a.source(), b.source())
            }
        }
    }

    /// [`Expr::source`] as tokens.
    pub fn tokens(&self) -> proc_macro2::TokenStream {
        // Built from checked identifiers and escaped literals, so it lexes.
        self.source().parse().unwrap_or_default()
    }
}

/// Is `e` a path of one identifier of at most four characters (`__f`)?
fn short_ident(e: &Expr) -> bool {
    matches!(e, Expr::Path(p) if !p.contains("::") && p.len() as isize <= INDENT)
}

impl Pat {
    fn source(&self) -> String {
        match self {
            Pat::Path(p) => p.clone(),
            Pat::Struct(p, fields, rest) => {
                let mut parts = fields.clone();
                if *rest {
                    parts.push("..".into());
                }
                format!("{p} {{ {} }}", parts.join(", "))
            }
        }
    }
}

impl Arm {
    pub fn new(pat: Pat, body: Expr) -> Arm {
        Arm { pat, body }
    }
}

/// Prints constructs onto a [`Printer`].
pub struct Out {
    pub p: Printer,
}

impl Out {
    pub fn at(indent: usize) -> Out {
        Out {
            p: Printer::at(indent),
        }
    }

    pub fn finish(self) -> String {
        self.p.finish()
    }

    /// `///` lines (prettyplease prints a one-line doc attribute as `///` and its text,
    /// trailing spaces trimmed).
    pub fn docs(&mut self, lines: &[String]) {
        for l in lines {
            for part in l.split('\n') {
                let text = part.trim_end_matches(' ');
                let mut line = String::with_capacity(text.len() + 4);
                line.push_str("///");
                if !text.is_empty() {
                    line.push(' ');
                    line.push_str(text);
                }
                self.p.word(line);
                self.p.hardbreak();
            }
        }
    }

    /// `#[name]` or `#[name(key = "value")]` (an outer attribute that is not a doc).
    pub fn attr(&mut self, name: &str, key_value: Option<(&str, &str)>) {
        self.p.word("#");
        self.p.word("[");
        self.p.word(name.to_owned());
        if let Some((k, v)) = key_value {
            self.p.word("(");
            self.p.cbox(INDENT);
            self.p.zerobreak();
            self.p.word(k.to_owned());
            self.p.nbsp();
            self.p.word("=");
            self.p.nbsp();
            self.p.word(super::pp::str_lit(v));
            self.p.zerobreak();
            self.p.offset(-INDENT);
            self.p.end();
            self.p.word(")");
        }
        self.p.word("]");
        self.p.space();
    }

    pub fn expr(&mut self, e: Expr) {
        self.expr_bol(e, false);
    }

    /// An expression; `bol`: at the beginning of a line (an arm's body), where a method call
    /// on a short receiver keeps its first call on the receiver's line.
    fn expr_bol(&mut self, e: Expr, bol: bool) {
        match e {
            Expr::MethodCall(ref receiver, ..) => {
                let unindent = bol && short_ident(receiver);
                self.p.cbox(INDENT);
                self.method_call(e, bol, unindent);
                self.p.end();
            }
            Expr::If(flag, then, otherwise) => {
                self.p.cbox(INDENT);
                self.p.word("if ");
                self.p.cbox(-INDENT);
                self.p.cbox(0);
                self.p.word(flag);
                self.p.nbsp();
                self.p.end();
                self.p.end();
                self.small_block(*then);
                self.p.word(" else ");
                self.small_block(*otherwise);
                self.p.end();
            }
            Expr::Path(s) | Expr::Lit(s) | Expr::Str(s) => self.p.word(s),
            Expr::Call(func, args) => {
                self.p.word(func);
                self.p.word("(");
                self.call_args(args);
                self.p.word(")");
            }
            Expr::Array(elems) => self.array(elems),
            Expr::Ref(inner) => {
                self.p.word("&");
                self.expr(*inner);
            }
            Expr::Tuple(elems) => self.tuple(elems),
            Expr::Struct(path, fields) => self.struct_lit(path, fields),
            Expr::Match(scrutinee, arms) => self.match_expr(scrutinee, arms),
        }
    }

    fn tuple(&mut self, elems: Vec<Expr>) {
        self.p.word("(");
        self.p.cbox(INDENT);
        self.p.zerobreak();
        let n = elems.len();
        for (i, e) in elems.into_iter().enumerate() {
            self.expr(e);
            if n == 1 {
                self.p.word(",");
                self.p.zerobreak();
            } else {
                self.p.trailing_comma(i + 1 == n);
            }
        }
        self.p.offset(-INDENT);
        self.p.end();
        self.p.word(")");
    }

    /// A struct literal (prettyplease's `expr_struct`): on one line only up to 34 columns.
    fn struct_lit(&mut self, path: String, fields: Vec<(String, Expr)>) {
        self.p.cbox(INDENT);
        self.p.ibox(-INDENT);
        self.p.word(path);
        self.p.end();
        self.p.word(" {");
        self.p.space_if_nonempty();
        let n = fields.len();
        for (i, (name, value)) in fields.into_iter().enumerate() {
            self.p.word(name);
            self.p.word(": ");
            self.p.ibox(0);
            self.expr(value);
            self.p.end();
            self.p.trailing_comma_or_space(i + 1 == n);
        }
        self.p.offset(-INDENT);
        self.p.end_with_max_width(34);
        self.p.word("}");
    }

    fn match_expr(&mut self, scrutinee: String, arms: Vec<Arm>) {
        self.p.ibox(0);
        self.p.word("match ");
        self.p.word(scrutinee);
        self.p.word(" ");
        self.p.word("{");
        self.p.neverbreak();
        self.p.cbox(INDENT);
        self.p.hardbreak_if_nonempty();
        for arm in arms {
            self.arm(arm);
            self.p.hardbreak();
        }
        self.p.offset(-INDENT);
        self.p.end();
        self.p.word("}");
        self.p.end();
    }

    /// A method call's receiver, then `.method(args)` (prettyplease's
    /// `prefix_subexpr_method_call`).
    fn method_call(&mut self, e: Expr, bol: bool, unindent: bool) {
        let Expr::MethodCall(receiver, method, args) = e else {
            return self.expr(e);
        };
        let short = short_ident(&receiver);
        match *receiver {
            r @ Expr::MethodCall(..) => self.method_call(r, bol, false),
            r => {
                self.p.cbox(-INDENT);
                self.expr(r);
                self.p.end();
            }
        }
        if !(bol && short) {
            self.p.zerobreak();
        }
        self.p.word(".");
        self.p.word(method);
        self.p.cbox(if unindent { -INDENT } else { 0 });
        self.p.word("(");
        self.call_args(args);
        self.p.word(")");
        self.p.end();
    }

    /// `{ expr }` (prettyplease's `small_block` of one expression).
    fn small_block(&mut self, e: Expr) {
        self.p.word("{");
        self.p.space();
        self.p.ibox(0);
        self.expr_bol(e, true);
        self.p.end();
        self.p.space();
        self.p.offset(-INDENT);
        self.p.word("}");
    }

    fn call_args(&mut self, mut args: Vec<Expr>) {
        if args.len() == 1 && args[0].blocklike() {
            return self.expr(args.remove(0));
        }
        self.list(args, Self::expr);
    }

    /// Items, one per line with a trailing comma when the list breaks (prettyplease's shape
    /// of call arguments, arrays and tuple types).
    fn list<T>(&mut self, items: Vec<T>, mut each: impl FnMut(&mut Self, T)) {
        self.p.cbox(INDENT);
        self.p.zerobreak();
        let n = items.len();
        for (i, item) in items.into_iter().enumerate() {
            each(self, item);
            self.p.trailing_comma(i + 1 == n);
        }
        self.p.offset(-INDENT);
        self.p.end();
    }

    fn array(&mut self, elems: Vec<Expr>) {
        if elems.is_empty() {
            return self.p.word("[]");
        }
        if elems.iter().all(|e| matches!(e, Expr::Lit(_))) {
            self.p.cbox(INDENT);
            self.p.word("[");
            self.p.zerobreak();
            self.p.ibox(0);
            let n = elems.len();
            for (i, e) in elems.into_iter().enumerate() {
                self.expr(e);
                if i + 1 < n {
                    self.p.word(",");
                    self.p.space();
                }
            }
            self.p.end();
            self.p.trailing_comma(true);
            self.p.offset(-INDENT);
            self.p.word("]");
            self.p.end();
        } else {
            self.p.word("[");
            self.list(elems, Self::expr);
            self.p.word("]");
        }
    }

    pub fn pat(&mut self, pat: Pat) {
        match pat {
            Pat::Path(s) => self.p.word(s),
            Pat::Struct(path, fields, rest) => {
                self.p.cbox(INDENT);
                self.p.word(path);
                self.p.word(" {");
                self.p.space_if_nonempty();
                let n = fields.len();
                for (i, f) in fields.into_iter().enumerate() {
                    self.p.word(f);
                    self.p.trailing_comma_or_space(i + 1 == n && !rest);
                }
                if rest {
                    self.p.word("..");
                    self.p.space();
                }
                self.p.offset(-INDENT);
                self.p.end();
                self.p.word("}");
            }
        }
    }

    /// A `match` arm, its body not a block (prettyplease's `arm`): on the same line if it
    /// fits, else broken into `{`, the body, `}`.
    pub fn arm(&mut self, arm: Arm) {
        self.p.ibox(0);
        let is_match = matches!(arm.body, Expr::Match(..));
        self.pat(arm.pat);
        self.p.word(" => ");
        self.p.neverbreak();
        self.p.cbox(INDENT);
        self.p.scan_break(Break {
            pre_break: Some('{'),
            ..Break::default()
        });
        self.expr_bol(arm.body, true);
        self.p.scan_break(Break {
            offset: -INDENT,
            post_break: "}",
            no_break: (!is_match).then_some(','),
            ..Break::default()
        });
        self.p.end();
        self.p.end();
    }

    /// `static NAME: TY = expr;` (prettyplease's `item_static`), with `///` docs.
    pub fn item(&mut self, docs: &[String], kind: &str, name: &str, ty: Ty, value: Expr) {
        self.docs(docs);
        self.p.cbox(0);
        self.p.word(format!("{kind} {name}: "));
        self.ty(ty);
        self.p.word(" = ");
        self.p.neverbreak();
        self.expr(value);
        self.p.word(";");
        self.p.end();
        self.p.hardbreak();
    }

    fn ty(&mut self, ty: Ty) {
        match ty {
            Ty::Word(s) => self.p.word(s),
            Ty::Tuple(elems) => {
                self.p.word("(");
                self.list(elems, Self::ty);
                self.p.word(")");
            }
            Ty::Array(elem, n) => {
                self.p.word("[");
                self.ty(*elem);
                self.p.word(format!("; {n}]"));
            }
        }
    }
}

/// A type.
pub enum Ty {
    /// `&str`, `u16`, `Option<&str>`: no breaks inside.
    Word(String),
    /// `(A, B)`.
    Tuple(Vec<Ty>),
    /// `[T; n]`.
    Array(Box<Ty>, usize),
}

impl Ty {
    pub fn word(s: &str) -> Ty {
        Ty::Word(s.to_owned())
    }

    pub fn array(elem: Ty, n: usize) -> Ty {
        Ty::Array(Box::new(elem), n)
    }
}
