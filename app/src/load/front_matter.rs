//! Parses front matter TOML into a model type, turning a TOML or serde error into a
//! diagnostic with the file line and the field it is about (both from the file's span
//! index, `spans`).

use serde::de::DeserializeOwned;

use super::diagnostic::Diagnostic;
use super::spans::{field_name, join, Spans};

/// Parse `front_matter` (which starts at file line `first_line`) into `T`.
pub fn parse_front_matter<T: DeserializeOwned>(
    path: &str,
    front_matter: &str,
    first_line: usize,
) -> Result<T, Diagnostic> {
    toml::from_str::<T>(front_matter).map_err(|e| {
        let Some(span) = e.span() else {
            return Diagnostic::new(path, first_line.saturating_sub(1), "", explain(e.message()));
        };
        let spans = Spans::parse(front_matter, first_line);
        // A missing key has no line of its own: name it in its table (the span is the
        // table's header, empty at the top) and point at that table's line.
        if let Some(missing) = e.message().strip_prefix("missing field `").and_then(|r| r.split('`').next()) {
            let table = if span.is_empty() { "" } else { spans.path_at(span.start).unwrap_or("") };
            let key = join(table, missing);
            return Diagnostic::new(path, spans.line(&key), &field_name(&key), explain(e.message()));
        }
        // A key the parser refused (a duplicate) is in no place: it belongs to the table
        // whose header comes before it.
        let key = match spans.path_at(span.start) {
            Some(p) => p.to_string(),
            None => join(spans.table_at(span.start), front_matter.get(span.clone()).unwrap_or("").trim()),
        };
        Diagnostic::new(path, spans.file_line(span.start), &field_name(&key), explain(e.message()))
    })
}

/// What a content file is told about a key the loader fills in (`id`, `body_html`, …).
pub const FILLED_IN: &str = "is filled in by the site builder; remove it from the file";

/// Parse a content file's front matter into `T`, the part of a model type authors write
/// (`FacilityFile`): a key of the `derived` fields, which `T` lacks, is not called unknown but
/// said to be filled in by the site builder, at its line.
pub fn parse_authored<T: DeserializeOwned>(
    path: &str,
    front_matter: &str,
    first_line: usize,
    derived: &[&str],
) -> Result<T, Diagnostic> {
    parse_front_matter(path, front_matter, first_line).map_err(|mut d| {
        if d.message.starts_with("unknown field") && derived.contains(&d.field.as_str()) {
            d.message = FILLED_IN.to_string();
        }
        d
    })
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
        #[serde(default)]
        list: Vec<Inner>,
        #[serde(default)]
        sizes: Vec<u32>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        size: u32,
        #[serde(default)]
        options: Vec<Opt>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Opt {
        id: String,
    }

    /// Two `[[list]]` tables, the second with two options; each case puts one mistake in.
    const LISTS: &str = "name = \"a\"\ncount = 1\n\n[[list]]\nsize = 1\n[[list]]\n\nsize = 2\n[[list.options]]\nid = \"yes\"\n\n[[list.options]]\nid = \"no\"\n";

    #[test]
    fn errors_name_line_and_field() {
        let cases: &[(&str, usize, &str, &str)] = &[
            ("name = \"a\"\ncount = \"x\"\n", 3, "count", "invalid type"),
            ("name = \"a\"\ncount = 1\ncolour = 2\n", 4, "colour", "unknown field `colour`"),
            ("name = \"a\"\ncount = 1\n[inner]\nsize = -1\n", 5, "inner.size", "invalid value"),
            ("name = \"a\"\ncount = 1\nname = \"b\"\n", 4, "name", "duplicate key"),
            ("count = 1\n", 1, "name", "missing field `name`"),
            ("name = \"a\ncount = 1\n", 2, "name", "invalid basic string"),
            // Nested tables and arrays of tables: the second table's own line.
            (&LISTS.replace("size = 2", "size = -2"), 9, "list.size", "invalid value"),
            (&LISTS.replace("size = 2", "colour = 2"), 9, "list.colour", "unknown field `colour`"),
            (&LISTS.replace("size = 2\n", ""), 7, "list.size", "missing field `size`"),
            (&LISTS.replace("id = \"no\"", "id = \"no\"\nlabel = 1"), 15, "list.options.label", "unknown field"),
            (&LISTS.replace("id = \"no\"", ""), 13, "list.options.id", "missing field `id`"),
            ("name = \"a\"\ncount = 1\ninner = { size = 1, colour = 2 }\n", 4, "inner.colour", "unknown field"),
            ("name = \"a\"\ncount = 1\nsizes = [1,\n  -2]\n", 5, "sizes", "invalid value"),
        ];
        for &(fm, line, field, msg) in cases {
            let d = parse_front_matter::<T>("x.md", fm, 2).expect_err(fm);
            assert_eq!((d.line, d.field.as_str()), (line, field), "{fm:?}: {d}");
            assert!(d.message.contains(msg), "{fm:?}: {}", d.message);
        }
    }

    #[test]
    fn derived_keys_are_said_to_be_filled_in() {
        let d = parse_authored::<T>("x.md", "name = \"a\"\ncount = 1\nid = \"b\"\n", 2, &["id"]).expect_err("id");
        assert_eq!((d.line, d.field.as_str(), d.message.as_str()), (4, "id", FILLED_IN));
        // Any other unknown key, and a derived name inside a table, stay unknown fields.
        for fm in ["name = \"a\"\ncount = 1\ncolour = 2\n", "name = \"a\"\ncount = 1\ninner = { size = 1, id = 2 }\n"] {
            let d = parse_authored::<T>("x.md", fm, 2, &["id"]).expect_err(fm);
            assert!(d.message.starts_with("unknown field"), "{fm:?}: {d}");
        }
    }
}
