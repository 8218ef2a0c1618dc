//! Parses front matter TOML into a model type, turning a TOML or serde error into a
//! diagnostic with the file line and the field it is about.

use serde::de::DeserializeOwned;

use super::diagnostic::Diagnostic;

/// Parse `front_matter` (which starts at file line `first_line`) into `T`.
pub fn parse_front_matter<T: DeserializeOwned>(
    path: &str,
    front_matter: &str,
    first_line: usize,
) -> Result<T, Diagnostic> {
    toml::from_str::<T>(front_matter).map_err(|e| {
        let (line, field) = match e.span() {
            Some(span) => locate(front_matter, span.start),
            None => (0, String::new()),
        };
        let mut file_line = if e.span().is_some() { first_line + line } else { first_line.saturating_sub(1) };
        let mut field = field;
        // A missing key has no line of its own: point at the opening `+++` and name the key.
        if let Some(missing) = e.message().strip_prefix("missing field `").and_then(|r| r.split('`').next()) {
            let table = field.rsplit_once('.').map(|(t, _)| t.to_string()).filter(|t| !t.is_empty());
            field = match table {
                Some(t) if !line_is_key(front_matter, line) => format!("{t}.{missing}"),
                _ => missing.to_string(),
            };
            file_line = first_line.saturating_sub(1);
        }
        Diagnostic::new(path, file_line, &field, explain(e.message()))
    })
}

/// The 0-based line of byte `offset` and the dotted key written on that line.
fn locate(text: &str, offset: usize) -> (usize, String) {
    let offset = offset.min(text.len());
    let line = text[..offset].matches('\n').count();
    let mut table = String::new();
    for l in text.lines().take(line + 1) {
        let t = l.trim();
        if t.starts_with('[') {
            table = t.trim_matches(|c| c == '[' || c == ']').trim().to_string();
        }
    }
    let this = text.lines().nth(line).unwrap_or("");
    let key = match this.split_once('=') {
        Some((k, _)) if !this.trim_start().starts_with('[') => k.trim().trim_matches('"').to_string(),
        _ => String::new(),
    };
    let field = match (table.is_empty(), key.is_empty()) {
        (_, true) => table,
        (true, false) => key,
        (false, false) => format!("{table}.{key}"),
    };
    (line, field)
}

fn line_is_key(text: &str, line: usize) -> bool {
    text.lines().nth(line).is_some_and(|l| l.contains('=') && !l.trim_start().starts_with('['))
}

/// Make serde's wording a little friendlier for people who edit content.
fn explain(message: &str) -> String {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field ") {
        return format!("unknown field {rest} (check the spelling; see the field list in README)");
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return format!("unknown value {rest}");
    }
    message.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        name: String,
        count: u32,
        #[serde(default)]
        inner: Option<Inner>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        size: u32,
    }

    #[test]
    fn errors_name_line_and_field() {
        let cases = [
            ("name = \"a\"\ncount = \"x\"\n", 3, "count", "invalid type"),
            ("name = \"a\"\ncount = 1\ncolour = 2\n", 4, "colour", "unknown field `colour`"),
            ("name = \"a\"\ncount = 1\n[inner]\nsize = -1\n", 5, "inner.size", "invalid value"),
            ("name = \"a\"\ncount = 1\nname = \"b\"\n", 4, "name", "duplicate key"),
        ];
        for (fm, line, field, msg) in cases {
            let d = parse_front_matter::<T>("x.md", fm, 2).expect_err(fm);
            assert_eq!((d.line, d.field.as_str()), (line, field), "{fm:?}: {d}");
            assert!(d.message.contains(msg), "{fm:?}: {}", d.message);
        }
    }
}
