//! One escaping template mechanism for markup written as strings (issue #18): every value
//! interpolated into a string of HTML goes through the escaping layer of
//! `app/src/markup/html.rs`, or is known to need none. The islands build their markup with
//! `format!` (for wasm size), so nothing but this test stops a `href="{url}"` without `esc`.
//!
//! # The rule
//!
//! Plain text scanning of `app/src/` (as `tests/messages.rs` does; a file's `#[cfg(test)]`
//! part is left out). Every `format!(…)` and `write!(dest, …)` whose format string contains
//! markup — a `<` followed by a letter or `/` — has each of its interpolations (`{}`, `{0}`,
//! `{name}`, `{:?}`, whether an inline capture, a named or a positional argument) checked.
//! An interpolated expression is **safe** when it is
//!
//! - a call to the escaping layer: `esc(…)`, `rb(…)` (escaped, with `<ruby>`), or
//!   `….html(key)`, catalogue text that `Texts` has already escaped;
//! - a call to a function that returns markup built the same way, so checked here in its own
//!   turn: a name ending in `_html`, or one of [`MARKUP_FNS`] (matched by name, as a free
//!   function or a method);
//! - a number: an integer literal, `….len()`, `….count()`, `fixed(…)`, `grouped(…)`, an
//!   `as` cast, a parameter or `let` declared with a number type, the index of an
//!   `.enumerate()` (`for (i, x) in ….enumerate()`, `|(i, x)|`), a variable of a `for` over
//!   an array of number literals; or percent-encoded ([`NUMBER_FNS`]);
//! - a literal of the source (a string literal, a `SCREAMING_CASE` constant), or an
//!   `if … { a } else { b }` or `match` whose every branch is safe (also per element of a
//!   tuple: `let (a, b) = if … { (x, y) } else { … }`);
//! - a nested `format!` whose interpolations are all safe; `a.replace(pat, b)` with `a` and
//!   `b` safe; `….to_string()`, `.clone()`, `.as_str()` of a safe value; `….join(sep)` of an
//!   iterator whose last `.map(|…| body)` has a safe body;
//! - `t.html_with(key, &[("name", value), …])` whose every `value` is safe;
//! - `opt.map(|x| body)`, `signal.with(|x| body)` with a safe body; `.unwrap_or_default()`,
//!   `.min(b)`, `.max(b)` of safe values; `String::new()`;
//! - a local variable whose nearest `let` (in the same function) is initialised with a safe
//!   expression and, for `let mut`, everything appended to it (`x += …`, `x.push_str(…)`)
//!   before the use is safe too (`write!(x, …)` is checked as a format call of its own);
//! - a method or function whose every declaration in `app/src/` returns `&'static str`
//!   (text written in the source: enum ids and labels) or an integer;
//! - a call to a local closure (`let a = |p| esc(…)`) whose body is safe;
//! - a field named `…_html` (markup by the same convention as the functions);
//! - a name of [`SAFE_NAMES`]: bindings the scan cannot follow, each with why.
//!
//! Everything else — a field of the data (`c.name`), a `&str` parameter, a pattern binding
//! (`Some(x) =>`, `if let`) — is reported as `file:line`, to be wrapped in `esc(…)`: URLs in `href` too (`esc(&href(…))`).
//! What is not checked: format strings without markup (`format!("tel:{d}")`, an attribute
//! value built apart), the view macros (`view!` escapes by itself), and `inner_html` fed by
//! other means than these strings.

mod common;

use std::fs;

use common::{app_sources, root};

/// Functions that return markup built from checked `format!`s (or escaped text), so their
/// result may be interpolated as it is.
const MARKUP_FNS: &[(&str, &str)] = &[
    ("esc", "the escaping layer: text for content and quoted attributes"),
    ("rb", "the escaping layer: escaped text with <ruby> for the ふりがな notation"),
    ("html", "Texts::html, catalogue text already escaped by i18n"),
    ("call_list", "markup/call_list.rs, built with checked format!s"),
    ("call_button", "markup/call_button.rs, built with checked format!s"),
    ("call_button_in", "markup/call_button.rs, built with checked format!s"),
    ("bad_params", "finder/results.rs, built with checked format!s"),
    ("unchanged_note", "finder/results.rs: escaped Condition labels and constants"),
    ("municipality_options", "screening/screens.rs: <option>s built with checked format!s"),
    ("only_in_japanese", "i18n.rs Texts: a span around catalogue text that goes through rb"),
    ("published", "i18n.rs: text through esc, in a lang=\"ja\" span on English pages"),
    ("alternates", "site/render.rs: <link>s built with checked format!s"),
    ("files", "features/opendata.rs: <li>s of file_link and catalogue text"),
    ("file_link", "features/opendata.rs: a download link built with a checked format!"),
];

/// Functions whose result has no character to escape: numbers (digits, a sign, `.`, `,`)
/// and percent-encoding (`[A-Za-z0-9-_.~%]` only).
const NUMBER_FNS: &[(&str, &str)] = &[
    ("fixed", "markup/html.rs: decimals of an f64"),
    ("grouped", "markup/html.rs: digits grouped with commas"),
    ("len", "a length"),
    ("count", "an iterator's count"),
    ("saturating_sub", "integer arithmetic"),
    ("encode", "screening/memo.rs: percent-encoding, [A-Za-z0-9-_.~%] only"),
    ("encode_component", "url.rs: percent-encoding, [A-Za-z0-9-_.~%] only"),
];

/// Names (or exact expressions) known to be safe where they are bound in a way the scan does
/// not follow (an `if let`, a parameter, a field of a number type): (file, name, why).
/// An empty file means any file.
const SAFE_NAMES: &[(&str, &str, &str)] = &[
    ("", "i", "an index by convention (usize or u32 of a loop); never text"),
    ("screening/screens.rs", "step", "`Some((step, _))` of the draft: Option<(usize, Answers)>, a step number"),
    ("screening/screens.rs", "empty", "list(): `empty` is markup by its contract (callers pass \"\" or Texts::html)"),
    (
        "finder/results.rs",
        "basis",
        "`Some(basis)` of FinderRow::emergency_basis(): Option<&'static str>, sentences written in row.rs",
    ),
    ("finder/map/draw.rs", "s.label[0]", "MapShape::label is [i32; 2]: a point of the SVG"),
    ("finder/map/draw.rs", "s.label[1]", "MapShape::label is [i32; 2]: a point of the SVG"),
    (
        "markup/call_button.rs",
        "label",
        "call_button_in(): `label` is markup by its contract (a literal or Texts::html(\"call.button\"))",
    ),
    ("site/render.rs", "body", "the page body as rendered by Leptos (view! escapes its text)"),
    ("site/render.rs", "json", "JSON for a <script> with every `<` written \\u003c: it cannot close the element"),
];

/// Files whose strings with `<` are not HTML: (path prefix, why).
const NOT_HTML: &[(&str, &str)] =
    &[("app/src/load/", "the loader's diagnostics for the terminal: `<slug>` there is a placeholder, not a tag")];

const INT_TYPES: &[&str] =
    &["usize", "isize", "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "f32", "f64", "bool"];

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// If a string, char literal or comment starts at `i`, the index just after it.
fn skip_literal(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    let prev_ident = i > 0 && is_ident(b[i - 1]);
    match b[i] {
        b'"' => {
            let mut j = i + 1;
            while j < b.len() {
                match b[j] {
                    b'\\' => j += 2,
                    b'"' => return Some(j + 1),
                    _ => j += 1,
                }
            }
            Some(b.len())
        }
        b'r' if !prev_ident => {
            let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
            if b.get(i + 1 + hashes) != Some(&b'"') {
                return None;
            }
            let end = format!("\"{}", "#".repeat(hashes));
            let from = i + 2 + hashes;
            Some(s[from..].find(&end).map_or(b.len(), |k| from + k + end.len()))
        }
        b'/' if b.get(i + 1) == Some(&b'/') => Some(s[i..].find('\n').map_or(b.len(), |k| i + k)),
        b'/' if b.get(i + 1) == Some(&b'*') => Some(s[i + 2..].find("*/").map_or(b.len(), |k| i + 2 + k + 2)),
        b'\'' => {
            if b.get(i + 1) == Some(&b'\\') {
                return Some(s[i + 2..].find('\'').map_or(b.len(), |k| i + 2 + k + 1));
            }
            let c = s[i + 1..].chars().next()?;
            // `'x'` is a char; `'a` a lifetime.
            (b.get(i + 1 + c.len_utf8()) == Some(&b'\'')).then_some(i + 2 + c.len_utf8())
        }
        _ => None,
    }
}

/// The index of the bracket closing the one at `open`, literals and comments skipped.
fn find_close(s: &str, open: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut depth = 0usize;
    let mut i = open;
    while i < b.len() {
        if let Some(j) = skip_literal(s, i) {
            i = j;
            continue;
        }
        match b[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// `s` split at `sep` (`,` or `;`) outside brackets and literals; a trailing empty part
/// (`a, b,`) is dropped.
fn split_top(s: &str, sep: u8) -> Vec<&str> {
    let sep = [sep];
    let mut parts = split_top_str(s, std::str::from_utf8(&sep).unwrap_or(","));
    if parts.last().is_some_and(|p| p.trim().is_empty()) {
        parts.pop();
    }
    parts
}

/// The value of a string literal (escapes that matter here undone), if `e` is exactly one.
fn literal_value(e: &str) -> Option<String> {
    let e = e.trim();
    let end = skip_literal(e, 0)?;
    if end != e.len() {
        return None;
    }
    if let Some(body) = e.strip_prefix('r') {
        let hashes = body.len() - body.trim_start_matches('#').len();
        return Some(body[hashes + 1..body.len() - hashes - 1].to_string());
    }
    let body = e.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::new();
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('\n') => {
                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                    chars.next();
                }
            }
            Some(c) => {
                out.push('\\');
                out.push(c)
            }
            None => {}
        }
    }
    Some(out)
}

/// The placeholders of a format string (`{{` and `}}` skipped): each as (argument, spec).
fn placeholders(fmt: &str) -> (Vec<(String, String)>, String) {
    let mut found = Vec::new();
    let mut text = String::new();
    let mut rest = fmt;
    while let Some(k) = rest.find(['{', '}']) {
        text.push_str(&rest[..k]);
        let tail = &rest[k..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            text.push(' ');
            rest = &tail[2..];
            continue;
        }
        if let Some(after) = tail.strip_prefix('}') {
            rest = after;
            continue;
        }
        let close = tail.find('}').unwrap_or(tail.len() - 1);
        let inner = &tail[1..close];
        let (arg, spec) = inner.split_once(':').unwrap_or((inner, ""));
        found.push((arg.trim().to_string(), spec.to_string()));
        // A placeholder is a value, not markup: `{:<5}` is no tag.
        text.push(' ');
        rest = &tail[close + 1..];
    }
    text.push_str(rest);
    (found, text)
}

fn is_markup(literal_text: &str) -> bool {
    literal_text.as_bytes().windows(2).any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/'))
}

/// Each interpolation of a format call: (placeholder as written, expression).
fn interpolations(fmt: &str, args: &[&str]) -> Vec<(String, String)> {
    let mut positional = Vec::new();
    let mut named = Vec::new();
    for a in args {
        let t = a.trim();
        let name_len = t.bytes().take_while(|&c| is_ident(c)).count();
        let after = t[name_len..].trim_start();
        if name_len > 0 && after.starts_with('=') && !after.starts_with("==") {
            named.push((t[..name_len].to_string(), after[1..].trim().to_string()));
        } else {
            positional.push(t.to_string());
        }
    }
    let mut out = Vec::new();
    let mut next = 0;
    for (arg, spec) in placeholders(fmt).0 {
        if spec.contains(".*") {
            next += 1;
        }
        let expr = if arg.is_empty() {
            next += 1;
            positional.get(next - 1).cloned()
        } else if let Ok(n) = arg.parse::<usize>() {
            positional.get(n).cloned()
        } else {
            Some(named.iter().find(|(n, _)| *n == arg).map_or(arg.clone(), |(_, e)| e.clone()))
        };
        out.push((format!("{{{arg}}}"), expr.unwrap_or_default()));
    }
    out
}

/// One format call found in a source: where, its format string, its arguments.
struct Call<'a> {
    at: usize,
    fmt: String,
    args: Vec<&'a str>,
}

/// The `format!` and `write!` calls of `text` (or of one expression).
fn calls(text: &str) -> Vec<Call<'_>> {
    let mut out = Vec::new();
    for mac in ["format!", "write!"] {
        let mut from = 0;
        while let Some(k) = text[from..].find(mac) {
            let at = from + k;
            from = at + mac.len();
            if at > 0 && is_ident(text.as_bytes()[at - 1]) {
                continue;
            }
            let open = at + mac.len();
            if text.as_bytes().get(open) != Some(&b'(') {
                continue;
            }
            let Some(close) = find_close(text, open) else { continue };
            let mut args = split_top(&text[open + 1..close], b',');
            if mac == "write!" && !args.is_empty() {
                args.remove(0);
            }
            let Some(fmt) = args.first().and_then(|f| literal_value(f)) else { continue };
            out.push(Call { at, fmt, args: args[1..].to_vec() });
        }
    }
    out
}

/// `e` without the `&`, `*` and parentheses around it.
fn strip(e: &str) -> &str {
    let mut e = e.trim();
    loop {
        if let Some(r) = e.strip_prefix('&').or_else(|| e.strip_prefix('*')) {
            e = r.trim_start();
        } else if e.starts_with('(') && find_close(e, 0) == Some(e.len() - 1) {
            e = e[1..e.len() - 1].trim();
        } else {
            return e;
        }
    }
}

/// One link of a postfix chain: `name`, `name(args)`, `name!(args)`, `.name(args)`, `.name`.
#[derive(Debug)]
struct Link<'a> {
    name: &'a str,
    args: Option<&'a str>,
}

/// `e` as a chain `primary.method(…).field…`, or `None` if it is something else (an
/// operator, a block).
fn chain(e: &str) -> Option<Vec<Link<'_>>> {
    let b = e.as_bytes();
    let mut links = Vec::new();
    let mut i = 0;
    loop {
        let start = i;
        // An array to iterate: `[a, b].into_iter()…`.
        if i == 0 && b.first() == Some(&b'[') {
            i = find_close(e, 0)? + 1;
            links.push(Link { name: "[]", args: None });
            let rest = e[i..].trim_start();
            if !rest.starts_with('.') {
                return None;
            }
            i = e.len() - rest.len() + 1;
            continue;
        }
        // A path: `a::b::c`, with a turbofish `::<…>` skipped.
        loop {
            while i < b.len() && is_ident(b[i]) {
                i += 1;
            }
            if e[i..].starts_with("::<") {
                let mut depth = 0;
                i += 2;
                while i < b.len() {
                    match b[i] {
                        b'<' => depth += 1,
                        b'>' => {
                            depth -= 1;
                            if depth == 0 {
                                i += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            } else if e[i..].starts_with("::") {
                i += 2;
            } else {
                break;
            }
        }
        if i == start {
            return None;
        }
        let path = &e[start..i];
        let name = path.split("::<").next().unwrap_or(path).rsplit("::").next().unwrap_or("");
        if e[i..].starts_with('!') {
            i += 1;
        }
        let mut args = None;
        if b.get(i) == Some(&b'(') {
            let close = find_close(e, i)?;
            args = Some(&e[i + 1..close]);
            i = close + 1;
        }
        links.push(Link { name, args });
        while b.get(i) == Some(&b'?') {
            i += 1;
        }
        if i == b.len() {
            return Some(links);
        }
        // A chain broken over lines.
        let rest = e[i..].trim_start();
        if !rest.starts_with('.') || rest.starts_with("..") {
            return None;
        }
        i = e.len() - rest.len() + 1;
        while b.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
            i += 1;
        }
    }
}

fn listed(list: &[(&str, &str)], name: &str) -> bool {
    list.iter().any(|(n, _)| *n == name)
}

/// The checker: a source (one file) and where the expression being judged is.
struct Source<'a> {
    text: &'a str,
    shown: &'a str,
    /// Functions whose every declaration returns `&'static str` or a number.
    plain_fns: &'a [String],
}

/// The names of functions whose every declaration in `texts` returns `&'static str` or a
/// number type: text written in the source, or digits.
fn plain_fns(texts: &[&str]) -> Vec<String> {
    let mut all: std::collections::BTreeMap<String, bool> = Default::default();
    for text in texts {
        let mut from = 0;
        while let Some(k) = text[from..].find("fn ") {
            let at = from + k;
            from = at + 3;
            if at > 0 && is_ident(text.as_bytes()[at - 1]) {
                continue;
            }
            let name: String = text[at + 3..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            let Some(open) = text[at..].find('(').map(|o| at + o) else { continue };
            let Some(close) = find_close(text, open) else { continue };
            let rest = &text[close + 1..];
            let sig = &rest[..rest.find(['{', ';']).unwrap_or(rest.len())];
            let ret = sig.split_once("->").map(|(_, r)| r.split(" where").next().unwrap_or(r).trim()).unwrap_or("");
            let plain = ret == "&'static str" || INT_TYPES.contains(&ret);
            *all.entry(name).or_insert(true) &= plain;
        }
    }
    all.into_iter().filter(|(_, p)| *p).map(|(n, _)| n).collect()
}

impl Source<'_> {
    /// The part of the source from the start of the function around `at` to `at`.
    fn function_start(&self, at: usize) -> usize {
        let head = &self.text[..at];
        let mut k = head.len();
        while let Some(p) = head[..k].rfind("fn ") {
            if p == 0 || !is_ident(head.as_bytes()[p - 1]) {
                return p;
            }
            k = p;
        }
        0
    }

    fn safe(&self, expr: &str, at: usize, depth: usize) -> bool {
        self.safe_part(expr, None, at, depth)
    }

    /// Whether `expr` is safe, or with `part`, its element `part` (a tuple literal, or
    /// branches that are).
    fn safe_part(&self, expr: &str, part: Option<usize>, at: usize, depth: usize) -> bool {
        // A tuple's parentheses are kept when an element of it is asked for.
        let e = if part.is_some() { expr.trim() } else { strip(expr) };
        if depth > 12 || e.is_empty() {
            return false;
        }
        if part.is_none() && SAFE_NAMES.iter().any(|(file, n, _)| *n == e && self.shown.ends_with(file)) {
            return true;
        }
        if let Some(rest) = e.strip_prefix("if ") {
            return self.if_safe(rest, part, at, depth);
        }
        if let Some(rest) = e.strip_prefix("match ") {
            return self.match_safe(rest, part, at, depth);
        }
        if let Some(k) = part {
            if e.starts_with('(') && find_close(e, 0) == Some(e.len() - 1) {
                let items = split_top(&e[1..e.len() - 1], b',');
                return items.get(k).is_some_and(|x| self.safe(x, at, depth + 1));
            }
            return false;
        }
        if depth > 12 || e.is_empty() {
            return false;
        }
        let b = e.as_bytes();
        if b[0].is_ascii_digit() && e.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'.') {
            return true;
        }
        if (b[0] == b'"' || e.starts_with("r#") || e.starts_with("r\"")) && literal_value(e).is_some() {
            return true;
        }
        // An empty string to append markup to.
        if e == "String::new()" || e.starts_with("String::with_capacity(") {
            return true;
        }
        // A cast to a number.
        if let Some((_, ty)) = e.rsplit_once(" as ") {
            if INT_TYPES.contains(&ty.trim()) {
                return true;
            }
        }
        // Arithmetic (or concatenation) of safe operands.
        for op in [" + ", " - ", " * ", " / ", " % "] {
            let parts = split_top_str(e, op);
            if parts.len() > 1 {
                return parts.iter().all(|p| self.safe(p, at, depth + 1));
            }
        }
        // A literal made a `String`.
        for suffix in [".to_string()", ".to_owned()", ".into()"] {
            if let Some(x) = e.strip_suffix(suffix) {
                if literal_value(x).is_some() {
                    return true;
                }
            }
        }
        let Some(links) = chain(e) else { return false };
        self.chain_safe(&links, e, at, depth)
    }

    /// `match x { p => a, q => { …; b } }`: every arm's value.
    fn match_safe(&self, rest: &str, part: Option<usize>, at: usize, depth: usize) -> bool {
        let Some(open) = self.block_open(rest) else { return false };
        let Some(close) = find_close(rest, open) else { return false };
        split_top(&rest[open + 1..close], b',').iter().all(|arm| {
            let Some(k) = split_top_str(arm, "=>").get(1).map(|v| v.len()) else { return false };
            let value = arm[arm.len() - k..].trim();
            match value.strip_prefix('{') {
                Some(block) => self.block_safe(&block[..block.len() - 1], part, at, depth),
                None => self.safe_part(value, part, at, depth + 1),
            }
        })
    }

    /// The `{` opening the block after a condition or scrutinee.
    fn block_open(&self, rest: &str) -> Option<usize> {
        let b = rest.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if let Some(j) = skip_literal(rest, i) {
                i = j;
                continue;
            }
            match b[i] {
                b'(' | b'[' => i = find_close(rest, i)?,
                b'{' => return Some(i),
                _ => {}
            }
            i += 1;
        }
        None
    }

    fn if_safe(&self, rest: &str, part: Option<usize>, at: usize, depth: usize) -> bool {
        // `cond { a } else { b }` or `cond { a } else if …`.
        let Some(i) = self.block_open(rest) else { return false };
        let Some(close) = find_close(rest, i) else { return false };
        if !self.block_safe(&rest[i + 1..close], part, at, depth) {
            return false;
        }
        let tail = rest[close + 1..].trim_start();
        let Some(tail) = tail.strip_prefix("else") else { return false };
        let tail = tail.trim_start();
        if let Some(next) = tail.strip_prefix("if ") {
            return self.if_safe(next, part, at, depth + 1);
        }
        let tail = tail.trim_end();
        tail.starts_with('{') && self.block_safe(&tail[1..tail.len() - 1], part, at, depth)
    }

    /// Where `sub`, a slice of the source, starts in it; `at` for other text.
    fn offset(&self, sub: &str, at: usize) -> usize {
        let (start, here) = (self.text.as_ptr() as usize, sub.as_ptr() as usize);
        if here >= start && here + sub.len() <= start + self.text.len() {
            here - start
        } else {
            at
        }
    }

    /// A block's value: its last expression, judged where it is (after the block's `let`s).
    fn block_safe(&self, body: &str, part: Option<usize>, at: usize, depth: usize) -> bool {
        let last = split_top(body, b';').last().copied().unwrap_or("");
        let at = self.offset(last, at);
        self.safe_part(last, part, at, depth + 1)
    }

    /// The body of a closure `|…| body` or `move |…| body`, if `e` is one.
    fn closure_body<'e>(&self, e: &'e str) -> Option<&'e str> {
        let c = e.trim();
        let c = c.strip_prefix("move").unwrap_or(c).trim_start();
        let c = c.strip_prefix('|')?;
        Some(c[c.find('|')? + 1..].trim())
    }

    /// Whether a closure's body is safe.
    fn closure_safe(&self, closure: &str, at: usize, depth: usize) -> bool {
        let Some(body) = self.closure_body(closure) else { return false };
        let body = body.split_once("->").filter(|(t, _)| !t.contains(['(', '"'])).map_or(body, |(_, b)| b.trim());
        match body.strip_prefix('{') {
            Some(block) if body.ends_with('}') => self.block_safe(&block[..block.len() - 1], None, at, depth),
            _ => self.safe(body, at, depth + 1),
        }
    }

    fn chain_safe(&self, links: &[Link], e: &str, at: usize, depth: usize) -> bool {
        let Some((last, before)) = links.split_last() else { return false };
        let name = last.name;
        if before.is_empty() {
            return match last.args {
                Some(args) if e[..e.find('(').unwrap_or(0)].ends_with('!') => {
                    name == "format" && self.format_safe(args, at, depth)
                }
                Some(_) => {
                    self.fn_safe(name)
                        || self
                            .binding(name, at)
                            .is_some_and(|(init, _, from)| self.closure_safe(init, from, depth + 1))
                }
                None => self.name_safe(name, at, depth),
            };
        }
        match (name, last.args) {
            (_, Some(_)) if self.fn_safe(name) => true,
            (_, None) if name.ends_with("_html") => true,
            ("map" | "with" | "with_untracked", Some(closure)) if self.closure_body(closure).is_some() => {
                self.closure_safe(closure, at, depth + 1)
            }
            ("unwrap_or_default" | "min" | "max", Some(args)) => {
                (args.trim().is_empty() || self.safe(args, at, depth + 1)) && self.chain_safe(before, e, at, depth + 1)
            }
            ("collect", Some(_)) => self.items_safe(links, e, at, depth + 1),
            ("replace", Some(args)) => {
                let args = split_top(args, b',');
                args.len() == 2 && self.safe(args[1], at, depth + 1) && self.chain_safe(before, e, at, depth + 1)
            }
            ("to_string" | "clone" | "as_str" | "to_owned", Some(_)) => self.chain_safe(before, e, at, depth + 1),
            // `t.html_with(key, &[("n", value), …])`: catalogue markup whose placeholders take
            // each `value` as it is, so every value must be safe.
            ("html_with", Some(args)) => self.values_safe(args, at, depth + 1),
            ("join", Some(sep)) => self.safe(sep, at, depth + 1) && self.items_safe(before, e, at, depth + 1),
            _ => false,
        }
    }

    /// Whether the items of an iterator chain are safe: the body of its last `.map`.
    fn items_safe(&self, links: &[Link], e: &str, at: usize, depth: usize) -> bool {
        for l in links.iter().rev() {
            match (l.name, l.args) {
                (
                    "collect" | "iter" | "into_iter" | "filter" | "take" | "skip" | "rev" | "copied" | "cloned"
                    | "enumerate",
                    _,
                ) => {}
                ("map", Some(closure)) => return self.closure_safe(closure, at, depth),
                (name, None) if links.len() == 1 => {
                    return self.binding(name, at).is_some_and(|(init, _, from)| {
                        chain(strip(init)).is_some_and(|l| self.items_safe(&l, init, from, depth + 1))
                    });
                }
                _ => return false,
            }
        }
        let _ = e;
        false
    }

    /// The values of `key, &[("name", value), …]` (the arguments of `Texts::html_with`).
    fn values_safe(&self, args: &str, at: usize, depth: usize) -> bool {
        let args = split_top(args, b',');
        let Some(list) = args.get(1).map(|l| l.trim()) else { return false };
        let Some(list) = list.strip_prefix("&[").and_then(|l| l.strip_suffix(']')) else { return false };
        split_top(list, b',').iter().all(|pair| {
            let pair = pair.trim();
            let Some(inner) = pair.strip_prefix('(').and_then(|p| p.strip_suffix(')')) else { return pair.is_empty() };
            split_top(inner, b',').get(1).is_some_and(|v| self.safe(v.trim().trim_start_matches('&'), at, depth))
        })
    }

    fn fn_safe(&self, name: &str) -> bool {
        listed(MARKUP_FNS, name)
            || name.ends_with("_html")
            || listed(NUMBER_FNS, name)
            || self.plain_fns.iter().any(|f| f == name)
    }

    fn format_safe(&self, args: &str, at: usize, depth: usize) -> bool {
        let args = split_top(args, b',');
        let Some(fmt) = args.first().and_then(|f| literal_value(f)) else { return false };
        interpolations(&fmt, &args[1..]).iter().all(|(_, e)| self.safe(e, at, depth + 1))
    }

    /// The initializer of the nearest `let name` (or `let (…, name, …)`) of the function
    /// before `at`, with the tuple element `name` is, and where the `let` is.
    fn binding(&self, name: &str, at: usize) -> Option<(&str, Option<usize>, usize)> {
        let start = self.function_start(at);
        let head = &self.text[start..at];
        let mut k = head.len();
        while let Some(p) = head[..k].rfind("let ") {
            k = p;
            if p > 0 && is_ident(head.as_bytes()[p - 1]) {
                continue;
            }
            let after = head[p + 4..].trim_start();
            let after = after.strip_prefix("mut ").unwrap_or(after).trim_start();
            let (part, after) = if let Some(tuple) = after.strip_prefix('(') {
                let Some(close) = tuple.find(')') else { continue };
                let names: Vec<&str> = tuple[..close].split(',').map(|n| n.trim().trim_start_matches("mut ")).collect();
                let Some(i) = names.iter().position(|n| *n == name) else { continue };
                (Some(i), &tuple[close + 1..])
            } else {
                let Some(after) = after.strip_prefix(name) else { continue };
                if after.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                (None, after)
            };
            let after = after.trim_start();
            // `let n: usize` — a number by its type.
            if let Some(ty) = after.strip_prefix(':') {
                let ty = ty.trim_start();
                if part.is_none() && INT_TYPES.iter().any(|t| ty.starts_with(t)) {
                    return Some(("0", None, start + p));
                }
            }
            let Some(eq) = after.find('=') else { continue };
            let init = &after[eq + 1..];
            let end = split_top(init, b';').first().map_or(0, |s| s.len());
            // The `let` being initialised by the very expression looked at is not its binding.
            if end == init.len() {
                continue;
            }
            return Some((&init[..end], part, start + p));
        }
        None
    }

    fn name_safe(&self, name: &str, at: usize, depth: usize) -> bool {
        if name.bytes().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'_') {
            return true;
        }
        let start = self.function_start(at);
        let head = &self.text[start..at];
        // A parameter of a number type.
        if let Some(params) = head.find('(').and_then(|o| find_close(head, o).map(|c| &head[o + 1..c])) {
            for p in split_top(params, b',') {
                if let Some((n, ty)) = p.split_once(':') {
                    if n.trim() == name && INT_TYPES.contains(&ty.trim()) {
                        return true;
                    }
                }
            }
        }
        // The index of an `.enumerate()`: `for (i, x) in ….enumerate()`, `|(i, x)|`.
        let pattern = format!("({name}, ");
        if head.lines().any(|l| l.contains(&pattern) && l.contains(".enumerate()")) {
            return true;
        }
        // A `for` over an array of number literals: `for (from, to) in [(4, 6), (3, 5)]`.
        for line in head.lines().filter(|l| l.trim_start().starts_with("for ")) {
            if let Some((pat, iter)) = line.split_once(" in ") {
                let numbers = iter.trim().trim_end_matches('{').trim();
                if pat.split(|c: char| !(c.is_alphanumeric() || c == '_')).any(|w| w == name)
                    && numbers.starts_with('[')
                    && numbers.chars().all(|c| c.is_ascii_digit() || "[](), ".contains(c))
                {
                    return true;
                }
            }
        }
        let Some((init, part, from)) = self.binding(name, at) else { return false };
        if !self.safe_part(init, part, from, depth + 1) {
            return false;
        }
        // Whatever is appended to a `let mut` before the use.
        let between = &self.text[from..at];
        for op in [format!("{name} += "), format!("{name}.push_str(")] {
            let mut k = 0;
            while let Some(p) = between[k..].find(&op) {
                let p = k + p;
                k = p + op.len();
                if p > 0 && is_ident(between.as_bytes()[p - 1]) {
                    continue;
                }
                let rest = &between[k..];
                let end = if op.ends_with('(') {
                    find_close(&between[k - 1..], 0).map_or(rest.len(), |c| c - 1)
                } else {
                    split_top(rest, b';').first().map_or(rest.len(), |s| s.len())
                };
                let appended = split_top(&rest[..end], b',').first().copied().unwrap_or("");
                if !self.safe(appended, from + k, depth + 1) {
                    return false;
                }
            }
        }
        true
    }
}

/// `s` split at `op` outside brackets and literals (and, for `,`, outside a closure's
/// `|a, b|`).
fn split_top_str<'a>(s: &'a str, op: &str) -> Vec<&'a str> {
    let b = s.as_bytes();
    let mut parts = Vec::new();
    let (mut depth, mut start, mut i) = (0i32, 0, 0);
    while i < b.len() {
        if let Some(j) = skip_literal(s, i) {
            i = j;
            continue;
        }
        match b[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            // `|a, b|` of a closure at the top of an argument.
            b'|' if depth == 0 && op == "," && s[start..i].trim().is_empty() => {
                if let Some(k) = s[i + 1..].find('|') {
                    i += k + 2;
                    continue;
                }
            }
            _ if depth == 0 && s[i..].starts_with(op) => {
                parts.push(&s[start..i]);
                i += op.len();
                start = i;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    parts.push(&s[start..]);
    parts
}

/// Every interpolation into markup in `text` not known to be safe, as
/// `` file:line: `{x}` interpolates `expr` ``.
fn check(shown: &str, text: &str) -> Vec<String> {
    let plain = plain_fns(&[text]);
    check_with(shown, text, &plain)
}

fn check_with(shown: &str, text: &str, plain_fns: &[String]) -> Vec<String> {
    if NOT_HTML.iter().any(|(prefix, _)| shown.starts_with(prefix)) {
        return Vec::new();
    }
    let source = Source { text, shown, plain_fns };
    let mut out = Vec::new();
    for call in calls(text) {
        if !is_markup(&placeholders(&call.fmt).1) {
            continue;
        }
        for (placeholder, expr) in interpolations(&call.fmt, &call.args) {
            if !source.safe(&expr, call.at, 0) {
                let line = text[..call.at].matches('\n').count() + 1;
                let expr = expr.split_whitespace().collect::<Vec<_>>().join(" ");
                out.push(format!("{shown}:{line}: {placeholder} interpolates `{expr}` into markup unescaped"));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_value_in_string_markup_is_escaped() {
    let files = app_sources();
    let mut sources = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("read");
        // A file's unit tests build made-up markup of their own.
        let text = text.split("#[cfg(test)]").next().unwrap_or_default().to_string();
        let shown = file.strip_prefix(root()).unwrap_or(&file).display().to_string();
        sources.push((shown, text));
    }
    let plain = plain_fns(&sources.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>());
    let mut found = Vec::new();
    for (shown, text) in &sources {
        found.extend(check_with(shown, text, &plain));
    }
    assert!(
        found.is_empty(),
        "values in markup strings must go through esc(…)/rb(…)/Texts::html (see tests/escaping.rs):\n{}",
        found.join("\n")
    );
}

#[test]
fn an_unescaped_value_is_reported_and_an_escaped_one_is_not() {
    let bad = r##"fn card(c: &Card) -> String {
    let mut h = String::new();
    h += &format!("<a href=\"{}\">{}</a>", c.url, esc(&c.name));
    h += &format!("<p>{note}</p>", note = c.note);
    let name = &c.name;
    h.push_str(&format!(r#"<h3>{name}</h3>"#));
    h
}"##;
    let found = check("x.rs", bad);
    assert_eq!(
        found,
        [
            "x.rs:3: {} interpolates `c.url` into markup unescaped",
            "x.rs:4: {note} interpolates `c.note` into markup unescaped",
            "x.rs:6: {name} interpolates `name` into markup unescaped",
        ]
    );
    let good = r#"fn card(c: &Card, n: usize, t: &Texts) -> String {
    let mut h = String::new();
    let name = esc(&c.name);
    h += &format!("<a href=\"{}\">{}</a>", esc(&href(&c.url)), rb(&c.why));
    h += &format!("<p>{name} {n} {}</p>", t.html("card.note").replace("{n}", &n.to_string()));
    for (i, x) in c.items.iter().enumerate() {
        h += &format!("<li data-i=\"{i}\">{}{}</li>", esc(x), if x.is_empty() { "" } else { " selected" });
    }
    let parts = c.tags.iter().map(|t| esc(t)).collect::<Vec<_>>().join("・");
    format!("<div id=\"{ID}\">{h}{parts}{{x}}</div>", ID = CARD_ID)
}"#;
    assert_eq!(check("x.rs", good), Vec::<String>::new());
    // A tuple element and a `match` arm are followed to what they are made of.
    let tuple = r#"fn f(c: &Card, kind: &str) -> String {
    let (id, name) = (esc(&c.id), c.name.clone());
    let extra = match kind { "a" => " a", _ => c.extra.as_str() };
    format!("<p id=\"{id}\">{name}{extra}</p>")
}"#;
    assert_eq!(
        check("x.rs", tuple),
        [
            "x.rs:4: {extra} interpolates `extra` into markup unescaped",
            "x.rs:4: {name} interpolates `name` into markup unescaped"
        ]
    );
    // `Texts::html_with` puts its values into catalogue markup as they are: each must be safe.
    let with = r#"fn f(c: &Card, t: &Texts) -> String {
    format!("<p>{}</p><p>{}</p>", t.html_with("card.a", &[("name", &esc(&c.name)), ("n", &c.len().to_string())]), t.html_with("card.b", &[("name", &c.name)]))
}"#;
    assert_eq!(
        check("x.rs", with),
        ["x.rs:2: {} interpolates `t.html_with(\"card.b\", &[(\"name\", &c.name)])` into markup unescaped"]
    );
    // Not markup: a `tel:` URL, a `{:<5}` alignment.
    assert_eq!(check("x.rs", r#"fn f(p: &str) -> String { format!("tel:{p}{:<5}", p) }"#), Vec::<String>::new());
}
