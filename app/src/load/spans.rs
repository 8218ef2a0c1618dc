//! The one span index of a TOML text: every key, table and array element by its path
//! (`contacts[1].phone`, `sources[2]`, `practice.emergency`), with its file line. Built from
//! the `toml` crate's own spanned parse ([`toml::de::DeTable`]), so it knows what the parser
//! knows: the second `[[contacts]]` table, a key inside an inline table, an element on the
//! second line of an array. Every diagnostic of `load/` that points into front matter,
//! `site.toml` or `sources.toml` takes its line from here (through
//! [`super::diagnostic::FileReport`] and [`super::front_matter`]); no other code in `load/`
//! reads TOML lines.
//!
//! Not here: what a field means or whether its value is right (`fields`, `validate`).

use std::collections::BTreeMap;
use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// The places of one TOML text. Built even when the text has syntax errors (the parser
/// recovers), so a syntax error can still name its key.
#[derive(Debug, Default)]
pub struct Spans {
    /// File line of the text's first line (front matter starts after the `+++` line).
    first_line: usize,
    /// Byte offset of the start of each line of the text.
    line_starts: Vec<usize>,
    /// Every place.
    places: Vec<Place>,
    /// Path → index in `places`.
    by_path: BTreeMap<String, usize>,
    /// The tables opened by a header line (`[practice]`, `[[contacts]]`), by header offset.
    headers: Vec<(usize, usize)>,
}

#[derive(Debug)]
struct Place {
    path: String,
    /// Where the key is written (for an array element or a `[[table]]`: where it starts).
    key: Range<usize>,
    /// Where the value is written (for a `[table]` or `[[table]]`: its header).
    value: Range<usize>,
}

impl Spans {
    /// Index `text`, whose first line is file line `first_line` (1-based).
    pub fn parse(text: &str, first_line: usize) -> Spans {
        let (root, _errors) = DeTable::parse_recoverable(text);
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        let mut spans = Spans { first_line, line_starts, ..Spans::default() };
        spans.walk(text, root.get_ref());
        spans.headers.sort();
        spans
    }

    /// The file line of `path`: its key's line, or, when it is not written, the line of the
    /// nearest table or array that is (`contacts[1].sources` missing → the second
    /// `[[contacts]]` line), or the line before the text (the opening `+++`) at the top.
    pub fn line(&self, path: &str) -> usize {
        let mut path = path;
        loop {
            if let Some(&i) = self.by_path.get(path) {
                return self.file_line(self.places[i].key.start);
            }
            match parent(path) {
                Some(p) => path = p,
                None => return self.first_line.saturating_sub(1),
            }
        }
    }

    /// The file line of byte `offset` of the text.
    pub fn file_line(&self, offset: usize) -> usize {
        self.first_line + self.line_starts.partition_point(|&s| s <= offset).saturating_sub(1)
    }

    /// The path of the innermost place whose key or value is written at `offset` (ends
    /// included, so the end of an unclosed string still names its key).
    pub fn path_at(&self, offset: usize) -> Option<&str> {
        let at = |r: &Range<usize>| r.start <= offset && offset <= r.end;
        self.places
            .iter()
            .filter_map(|p| [&p.key, &p.value].into_iter().filter(|r| at(r)).map(|r| (r.len(), p)).min_by_key(|x| x.0))
            .min_by_key(|(len, p)| (*len, usize::MAX - p.path.len()))
            .map(|(_, p)| p.path.as_str())
    }

    /// The table a header line opened most recently before `offset` (`""` at the top): the
    /// table a key written there belongs to.
    pub fn table_at(&self, offset: usize) -> &str {
        let n = self.headers.partition_point(|&(start, _)| start <= offset);
        n.checked_sub(1).map_or("", |k| self.places[self.headers[k].1].path.as_str())
    }

    /// Record `root`'s places, walking with a stack of its own (a dotted key can nest
    /// tables deeper than the parser's recursion limit counts).
    fn walk(&mut self, text: &str, root: &DeTable<'_>) {
        let mut todo: Vec<(String, Range<usize>, &Spanned<DeValue<'_>>)> =
            root.iter().map(|(k, v)| (k.get_ref().to_string(), k.span(), v)).collect();
        while let Some((path, key, value)) = todo.pop() {
            let span = value.span();
            let index = self.places.len();
            match value.get_ref() {
                DeValue::Table(t) => {
                    if text.get(span.clone()).is_some_and(|s| s.starts_with('[')) {
                        self.headers.push((span.start, index));
                    }
                    todo.extend(t.iter().map(|(k, v)| (join(&path, k.get_ref()), k.span(), v)));
                }
                DeValue::Array(items) => {
                    todo.extend(items.iter().enumerate().map(|(n, v)| (format!("{path}[{n}]"), v.span(), v)));
                }
                _ => {}
            }
            self.by_path.insert(path.clone(), index);
            self.places.push(Place { path, key, value: span });
        }
    }
}

/// `table.key`, or `key` at the top.
pub fn join(table: &str, key: &str) -> String {
    if table.is_empty() {
        key.to_string()
    } else {
        format!("{table}.{key}")
    }
}

/// The field a path names, without array positions: `contacts[1].phone` → `contacts.phone`,
/// as content editors know it from the field list.
pub fn field_name(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut depth = 0;
    for c in path.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The path one step up: `a[1].b` → `a[1]` → `a` → none.
fn parent(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    Some(path.rfind(['.', '[']).map_or("", |i| &path[..i]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\
development_type = \"area\"
sources = [\"doc\",
  \"web\"]
inline = { x = 1, y = [1, 2] }

[[contacts]]
name = \"一つ目\"
phone = \"042-123-4567\"

[[contacts]]
name = \"二つ目\"
phone = \"042-123\"
[contacts.hours]
weekday = \"9-17\"

[practice]
emergency = \"◎\"

[[questions]]
id = \"a\"
[[questions.options]]
id = \"yes\"
[[questions.options]]
id = \"no\"
weight = -1
";

    #[test]
    fn paths_name_their_lines_in_nested_tables_and_arrays_of_tables() {
        let spans = Spans::parse(TEXT, 2);
        for (path, line) in [
            ("development_type", 2),
            ("sources", 3),
            ("sources[1]", 4),
            ("inline.y[1]", 5),
            ("contacts[0].phone", 9),
            ("contacts[1]", 11),
            ("contacts[1].phone", 13),
            ("contacts[1].hours.weekday", 15),
            ("practice.emergency", 18),
            ("questions[0].options[1].weight", 26),
            // Not written: the nearest place that is, or the `+++` line at the top.
            ("contacts[1].sources", 11),
            ("questions[0].options[1].label", 24),
            ("practice.number", 17),
            ("last_verified", 1),
            ("", 1),
        ] {
            assert_eq!(spans.line(path), line, "{path}");
        }
    }

    #[test]
    fn offsets_name_their_place_and_table() {
        let spans = Spans::parse(TEXT, 2);
        let at = |needle: &str| TEXT.find(needle).expect(needle);
        assert_eq!(spans.path_at(at("\"042-123\"")), Some("contacts[1].phone"));
        assert_eq!(spans.path_at(at("\"web\"")), Some("sources[1]"));
        assert_eq!(spans.path_at(at("y = ")), Some("inline.y"));
        assert_eq!(spans.path_at(at("[[questions.options]]\nid = \"no\"")), Some("questions[0].options[1]"));
        assert_eq!(spans.table_at(at("weight")), "questions[0].options[1]");
        assert_eq!(spans.table_at(at("emergency")), "practice");
        assert_eq!(spans.table_at(at("inline")), "");
        assert_eq!(spans.file_line(at("weight")), 26);
    }

    #[test]
    fn fields_drop_array_positions() {
        for (path, field) in [
            ("contacts[1].phone", "contacts.phone"),
            ("questions[0].options[12].id", "questions.options.id"),
            ("sources[2]", "sources"),
            ("practice.emergency", "practice.emergency"),
            ("", ""),
        ] {
            assert_eq!(field_name(path), field, "{path}");
        }
    }
}
