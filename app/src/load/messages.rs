//! The message catalogues, `content/messages/<lang>.toml` (issue #22): the fixed text of the
//! pages in each reading, one file per language, keys grouped in tables by page
//! (`[home] title = "…"` is the key `home.title`).
//!
//! `ja.toml` is the reference: the code uses its keys (`tests/messages.rs` checks that each
//! key is used and each used key exists). Every other file must have exactly its keys — a
//! missing key, a key the site does not know, a value that is not text, a placeholder such as
//! `{count}` that differs from the reference, or a mistake in the ふりがな notation is a
//! diagnostic at its file and line, and the build stops. Adding a language is adding a file
//! here and a [`Lang`] variant.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::diagnostic::Diagnostic;
use super::front_matter::parse_front_matter;
use super::spans::{join, Spans};
use crate::i18n::{Lang, Message, Messages};
use crate::markdown::ruby::{explicit, has_ruby, parse_ruby, plain_text, ruby_html, Segment};

/// One catalogue as written: key → (text, line).
type Written = BTreeMap<String, (String, usize)>;

/// The line of each table (`home`, `function.emergency`) and the last line, where a
/// missing key's diagnostic points.
#[derive(Clone, Debug, Default)]
pub struct TableLines {
    tables: BTreeMap<String, usize>,
    last: usize,
}

impl TableLines {
    /// The line of `key`'s table, or of its nearest written parent, or the file's end.
    fn line_for(&self, key: &str) -> usize {
        let mut table = key;
        while let Some((parent, _)) = table.rsplit_once('.') {
            if let Some(line) = self.tables.get(parent) {
                return *line;
            }
            table = parent;
        }
        self.last
    }
}

/// Read and check every language's catalogue in `dir` (`content/messages/`).
pub fn load_messages(
    dir: &Path,
    display: &dyn Fn(&Path) -> String,
    out: &mut Vec<Diagnostic>,
) -> BTreeMap<Lang, Messages> {
    let mut written = BTreeMap::new();
    for lang in Lang::ALL {
        let path = dir.join(format!("{}.toml", lang.id()));
        let shown = display(&path);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let (entries, tables) = parse_catalogue(&shown, &text, out);
                written.insert(lang, (shown.clone(), entries, tables));
            }
            Err(e) => out.push(Diagnostic::new(
                &shown,
                0,
                "",
                format!("cannot read the {} catalogue ({e}); copy ja.toml and translate each text", lang.autonym()),
            )),
        }
    }
    let reference = written.get(&Lang::Ja).map(|(_, w, _)| w.clone()).unwrap_or_default();
    let reference_path = written.get(&Lang::Ja).map(|(p, _, _)| p.clone()).unwrap_or_default();
    let mut catalogues = BTreeMap::new();
    for (lang, (shown, entries, tables)) in written {
        if lang != Lang::Ja {
            compare(&shown, &entries, &tables, &reference_path, &reference, out);
        }
        catalogues.insert(lang, build(lang, &shown, &entries, out));
    }
    catalogues
}

/// The catalogue's texts by key, flattened from its tables, and the tables' lines; a value
/// that is not text is a diagnostic at its line.
pub fn parse_catalogue(path: &str, text: &str, out: &mut Vec<Diagnostic>) -> (Written, TableLines) {
    let spans = Spans::parse(text, 1);
    let mut lines = TableLines { last: spans.file_line(text.len()), ..TableLines::default() };
    let Ok(table) = parse_front_matter::<toml::Table>(path, text, 1).map_err(|d| out.push(d)) else {
        return (Written::new(), lines);
    };
    let mut entries = Written::new();
    let mut todo: Vec<(String, &toml::Value)> = table.iter().map(|(k, v)| (k.clone(), v)).collect();
    while let Some((key, value)) = todo.pop() {
        match value {
            toml::Value::String(s) => {
                entries.insert(key.clone(), (s.clone(), spans.line(&key)));
            }
            toml::Value::Table(t) => {
                lines.tables.insert(key.clone(), spans.line(&key));
                todo.extend(t.iter().map(|(k, v)| (join(&key, k), v)));
            }
            other => {
                out.push(Diagnostic::new(
                    path,
                    spans.line(&key),
                    &key,
                    format!("expected text in quotes, found {}", other.type_str()),
                ));
                // Known, so not also reported as missing.
                entries.insert(key.clone(), (String::new(), spans.line(&key)));
            }
        }
    }
    (entries, lines)
}

/// A translation against the reference: the same keys, the same placeholders.
fn compare(
    path: &str,
    entries: &Written,
    tables: &TableLines,
    reference_path: &str,
    reference: &Written,
    out: &mut Vec<Diagnostic>,
) {
    for (key, (text, line)) in reference {
        match entries.get(key) {
            None => out.push(Diagnostic::new(
                path,
                tables.line_for(key),
                key,
                format!(
                    "missing: add `{}` in its table (the Japanese at {reference_path}:{line} is {text:?})",
                    leaf(key)
                ),
            )),
            Some((translated, at)) => {
                let (want, found) = (placeholders(text), placeholders(translated));
                if want != found {
                    out.push(Diagnostic::new(
                        path,
                        *at,
                        key,
                        format!("placeholders {found:?} differ from the reference's {want:?} ({reference_path}:{line}); keep each `{{name}}` as written"),
                    ));
                }
            }
        }
    }
    for (key, (_, line)) in entries {
        if !reference.contains_key(key) {
            out.push(Diagnostic::new(
                path,
                *line,
                key,
                format!("unused: the site has no text called `{key}` ({reference_path} has no such key); remove it or correct its name"),
            ));
        }
    }
}

fn leaf(key: &str) -> &str {
    key.rsplit_once('.').map_or(key, |(_, k)| k)
}

/// The `{name}` placeholders of a text.
pub fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name)).collect()
}

/// Escaped markup and plain text for each key; ふりがな mistakes are diagnostics at the key.
fn build(lang: Lang, path: &str, entries: &Written, out: &mut Vec<Diagnostic>) -> Messages {
    let mut built = BTreeMap::new();
    for (key, (text, line)) in entries {
        let segments = if has_ruby(text) {
            match parse_ruby(text) {
                Ok(segments) => segments,
                Err(errors) => {
                    for e in errors {
                        out.push(Diagnostic::new(path, *line, key, format!("ふりがな: {}", e.message)));
                    }
                    vec![Segment::Text(text)]
                }
            }
        } else {
            vec![Segment::Text(text)]
        };
        built.insert(
            key.clone(),
            Message { html: ruby_html(&segments), plain: plain_text(&segments), source: explicit(&segments) },
        );
    }
    Messages::new(lang, built)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(reference: &str, translated: &str) -> Vec<String> {
        let mut out = Vec::new();
        let (r, _) = parse_catalogue("ja.toml", reference, &mut out);
        let (t, tables) = parse_catalogue("en.toml", translated, &mut out);
        compare("en.toml", &t, &tables, "ja.toml", &r, &mut out);
        build(Lang::En, "en.toml", &t, &mut out);
        out.sort();
        out.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn keys_are_flattened_with_their_lines() {
        let mut out = Vec::new();
        let (w, _) =
            parse_catalogue("ja.toml", "[home]\ntitle = \"拠点ナビ\"\n\n[home.entry]\nsearch = \"さがす\"\n", &mut out);
        assert!(out.is_empty(), "{out:?}");
        assert_eq!(w.get("home.title"), Some(&("拠点ナビ".to_string(), 2)));
        assert_eq!(w.get("home.entry.search"), Some(&("さがす".to_string(), 5)));
    }

    #[test]
    fn a_complete_translation_passes() {
        let ja = "[home]\ntitle = \"{n}件\"\nlead = \"説明\"\n";
        assert_eq!(check(ja, "[home]\nlead = \"About\"\ntitle = \"{n} places\"\n"), Vec::<String>::new());
    }

    #[test]
    fn every_mistake_names_file_line_and_key() {
        let ja = "[home]\ntitle = \"{n}件\"\nlead = \"説明\"\n\n[footer]\nabout = \"このサイト\"\n";
        let en = "[home]\ntitle = \"{count} places\"\nleed = \"About\"\n\n[footer]\nabout = 3\n[extra]\nx = \"｜地域《チイキ》\"\n";
        assert_eq!(
            check(ja, en),
            vec![
                "en.toml:1: home.lead: missing: add `lead` in its table (the Japanese at ja.toml:3 is \"説明\")",
                "en.toml:2: home.title: placeholders {\"count\"} differ from the reference's {\"n\"} (ja.toml:2); keep each `{name}` as written",
                "en.toml:3: home.leed: unused: the site has no text called `home.leed` (ja.toml has no such key); remove it or correct its name",
                "en.toml:6: footer.about: expected text in quotes, found integer",
                "en.toml:8: extra.x: unused: the site has no text called `extra.x` (ja.toml has no such key); remove it or correct its name",
                "en.toml:8: extra.x: ふりがな: the reading \"チイキ\" contains 'チ': write readings in hiragana only",
            ]
        );
    }

    #[test]
    fn ruby_becomes_markup_and_plain_text() {
        let mut out = Vec::new();
        let (w, _) = parse_catalogue("easy.toml", "[a]\nb = \"｜相談《そうだん》 <する>\"\n", &mut out);
        let m = build(Lang::Easy, "easy.toml", &w, &mut out);
        assert!(out.is_empty(), "{out:?}");
        assert_eq!(m.html("a.b"), "<ruby>相談<rp>（</rp><rt>そうだん</rt><rp>）</rp></ruby> &lt;する&gt;");
        assert_eq!(m.plain("a.b"), "相談 <する>");
    }
}
