//! Edits one facility file's front matter line by line, keeping everything a person wrote.
//!
//! Every value an import writes carries a marker comment at the end of its line:
//! `phone = "042-707-9885" # WAM NET 024 3f2a`. The words say which import wrote it
//! (`WAM NET` and the file's number, or `一覧表`, the municipal spreadsheet) and the four hex
//! digits are a digest of the value it wrote. So on the next import a line is
//! - the import's own, to update, when its marker is there and the digest still matches;
//! - a person's, never touched, when it has no marker or its value was edited since
//!   (the digest no longer matches).
//!
//! A municipal list outranks WAM NET: `import sheet` may update a `WAM NET` line, `import
//! wamnet` never updates an `一覧表` line. One WAM NET file does not update another's lines
//! (a facility in two service files keeps the first file's value; importing either again
//! changes nothing). Values given on the command line (`--functions`) are written without a
//! marker, as if typed by hand.

use sha2::{Digest, Sha256};
use toml::Value;

/// Who proposes a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// `import wamnet`: WAM NET open data, with the file's number (`024` for
    /// `csvdownload024.csv`).
    WamNet(String),
    /// `import sheet`: the municipality's own list.
    Sheet,
    /// A person's statement on the command line: written without a marker.
    Hand,
}

impl Origin {
    fn marker(&self) -> Option<String> {
        match self {
            Origin::WamNet(file) => Some(format!("WAM NET {file}")),
            Origin::Sheet => Some("一覧表".into()),
            Origin::Hand => None,
        }
    }

    /// Whether a value this origin proposes may replace a line `owner` wrote.
    fn outranks(&self, owner: &Origin) -> bool {
        match self {
            Origin::WamNet(_) => owner == self,
            Origin::Sheet => matches!(owner, Origin::WamNet(_) | Origin::Sheet),
            Origin::Hand => matches!(owner, Origin::WamNet(_)),
        }
    }
}

/// What happened to one proposed value.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// The file did not have the key; it was added.
    Added,
    /// The import's own line was updated; `from` is the old value.
    Replaced { from: Value },
    /// The file already says exactly this.
    Same,
    /// The line belongs to someone else and says something different; kept.
    Left { current: Value, why: &'static str },
    /// Proposed only if present (`kyoten`, `functions` on update) and absent: nothing done.
    Absent,
    /// The import's own line was removed: the source no longer gives the value.
    Removed { from: Value },
}

/// One front-matter line (or lines, for a multi-line array) with its key and value.
struct Entry {
    key: String,
    value: Value,
    /// Byte range of the whole line(s) in the front matter, including the newline.
    start: usize,
    end: usize,
    /// Where the value ends (a comment may follow).
    value_end: usize,
    /// `Some(origin)` when the line carries an import marker whose digest still matches.
    owner: Option<Origin>,
    /// The line has a marker but the value was edited after the import.
    edited: bool,
}

/// A facility file being edited: its front matter and its Markdown body.
#[derive(Clone, Debug, PartialEq)]
pub struct Doc {
    front_matter: String,
    /// Everything after the closing `+++` line, kept byte for byte.
    pub body: String,
}

impl Doc {
    /// A new file whose front matter starts with `comment` lines (each becomes `# …`).
    pub fn new(comment: &[&str]) -> Doc {
        let front_matter = comment.iter().map(|c| format!("# {c}\n")).collect();
        Doc { front_matter, body: String::new() }
    }

    /// Parse a content file. The error says why it cannot be edited safely.
    pub fn parse(text: &str) -> Result<Doc, String> {
        let parts = crate::load::split::split(text)?;
        let doc = Doc { front_matter: parts.front_matter.to_string(), body: parts.body.to_string() };
        doc.entries()?;
        Ok(doc)
    }

    /// The whole file text.
    pub fn render(&self) -> String {
        format!("+++\n{}+++\n{}", self.front_matter, self.body)
    }

    /// The current value of `key`, when the file has it.
    pub fn get(&self, key: &str) -> Option<Value> {
        self.entries().ok()?.into_iter().find(|e| e.key == key).map(|e| e.value)
    }

    /// Propose `value` for `key` on behalf of `origin` (see the module comment for who wins).
    /// With `only_if_present`, an absent key stays absent (used where absence means something,
    /// e.g. a missing `kyoten` line means `true`).
    pub fn propose(&mut self, key: &str, value: Value, origin: &Origin, only_if_present: bool) -> Change {
        let entries = self.entries().unwrap_or_default();
        let Some(e) = entries.into_iter().find(|e| e.key == key) else {
            if only_if_present {
                return Change::Absent;
            }
            if !self.front_matter.is_empty() && !self.front_matter.ends_with('\n') {
                self.front_matter.push('\n');
            }
            self.front_matter.push_str(&line(key, &value, origin));
            return Change::Added;
        };
        if e.value == value {
            return Change::Same;
        }
        match &e.owner {
            Some(owner) if origin.outranks(owner) => {
                self.front_matter.replace_range(e.start..e.end, &line(key, &value, origin));
                Change::Replaced { from: e.value }
            }
            Some(Origin::Sheet) => Change::Left { current: e.value, why: "set by the municipal list (一覧表)" },
            Some(Origin::WamNet(_)) => Change::Left { current: e.value, why: "set by another WAM NET file" },
            Some(Origin::Hand) => Change::Left { current: e.value, why: "written by hand" },
            None if e.edited => Change::Left { current: e.value, why: "edited by hand after the last import" },
            None => Change::Left { current: e.value, why: "written by hand" },
        }
    }

    /// Remove `key` when its line is `origin`'s own (marker and digest intact): the source
    /// no longer gives that fact. A person's line stays.
    pub fn retract(&mut self, key: &str, origin: &Origin) -> Change {
        let entries = self.entries().unwrap_or_default();
        match entries.into_iter().find(|e| e.key == key) {
            Some(e) if e.owner.as_ref() == Some(origin) => {
                self.front_matter.replace_range(e.start..e.end, "");
                Change::Removed { from: e.value }
            }
            Some(_) => Change::Same,
            None => Change::Absent,
        }
    }

    /// Replace `key`'s value without a marker, whoever wrote it (for `last_verified` and the
    /// additive `sources` list, which are never someone's opinion to protect).
    pub fn set_plain(&mut self, key: &str, value: Value) -> Change {
        let entries = self.entries().unwrap_or_default();
        match entries.into_iter().find(|e| e.key == key) {
            Some(e) if e.value == value => Change::Same,
            Some(e) => {
                // A comment after the value stays.
                self.front_matter.replace_range(e.start..e.value_end, &format!("{key} = {value}"));
                Change::Replaced { from: e.value }
            }
            None => self.propose(key, value, &Origin::Hand, false),
        }
    }

    /// The import that owns `key`'s line (marker and digest intact), if any.
    pub fn owner(&self, key: &str) -> Option<Origin> {
        self.entries().ok()?.into_iter().find(|e| e.key == key)?.owner
    }

    fn entries(&self) -> Result<Vec<Entry>, String> {
        let table: std::collections::BTreeMap<String, toml::Spanned<Value>> = toml::from_str(&self.front_matter)
            .map_err(|e| format!("the front matter is not valid TOML: {}", e.message()))?;
        let fm = &self.front_matter;
        let mut out = Vec::new();
        for (key, spanned) in table {
            let span = spanned.span();
            let start = fm[..span.start].rfind('\n').map_or(0, |i| i + 1);
            let end = fm[span.end..].find('\n').map_or(fm.len(), |i| span.end + i + 1);
            let value = spanned.into_inner();
            let (owner, edited) = match parse_marker(&fm[span.end..end]) {
                Some((origin, digest)) if digest == digest_of(&value) => (Some(origin), false),
                Some(_) => (None, true),
                None => (None, false),
            };
            out.push(Entry { key, value, start, end, value_end: span.end, owner, edited });
        }
        Ok(out)
    }
}

/// `key = value # MARKER digest` (no marker for [`Origin::Hand`]).
fn line(key: &str, value: &Value, origin: &Origin) -> String {
    match origin.marker() {
        Some(m) => format!("{key} = {value} # {m} {}\n", digest_of(value)),
        None => format!("{key} = {value}\n"),
    }
}

/// The first four hex digits of the SHA-256 of the value as TOML writes it.
fn digest_of(value: &Value) -> String {
    let hash = Sha256::digest(value.to_string().as_bytes());
    format!("{:02x}{:02x}", hash[0], hash[1])
}

/// `# WAM NET 024 3f2a` → (WamNet("024"), "3f2a"); `# 一覧表 3f2a` → (Sheet, "3f2a");
/// anything else → None.
fn parse_marker(tail: &str) -> Option<(Origin, String)> {
    let comment = tail.trim().strip_prefix('#')?.trim();
    let (word, digest) = comment.rsplit_once(' ')?;
    let origin = match word.trim() {
        "一覧表" => Origin::Sheet,
        w => match w.strip_prefix("WAM NET ") {
            Some(file) if !file.is_empty() && file.bytes().all(|b| b.is_ascii_digit()) => {
                Origin::WamNet(file.to_string())
            }
            _ => return None,
        },
    };
    (digest.len() == 4 && digest.bytes().all(|b| b.is_ascii_hexdigit())).then(|| (origin, digest.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w() -> Origin {
        Origin::WamNet("024".into())
    }

    fn s(v: &str) -> Value {
        Value::String(v.into())
    }

    #[test]
    fn imports_own_their_lines_until_a_person_edits_them() {
        let mut doc = Doc::new(&["comment"]);
        assert_eq!(doc.propose("phone", s("042-111-1111"), &w(), false), Change::Added);
        assert_eq!(doc.propose("phone", s("042-111-1111"), &w(), false), Change::Same);
        assert_eq!(doc.propose("phone", s("042-222-2222"), &w(), false), Change::Replaced { from: s("042-111-1111") });
        // A person changes the value but leaves the marker: the digest no longer matches.
        let edited = doc.render().replace("042-222-2222", "042-333-3333");
        let mut doc = Doc::parse(&edited).expect("parses");
        assert_eq!(
            doc.propose("phone", s("042-444-4444"), &w(), false),
            Change::Left { current: s("042-333-3333"), why: "edited by hand after the last import" }
        );
        assert_eq!(doc.get("phone"), Some(s("042-333-3333")));
    }

    #[test]
    fn hand_lines_and_list_lines_outrank_wamnet() {
        let text = "+++\nname = \"手書き\"\nphone = \"042-111-1111\" # 一覧表 0000\n+++\n本文\n";
        let mut doc = Doc::parse(text).expect("parses");
        assert!(matches!(doc.propose("name", s("WAM"), &w(), false), Change::Left { why: "written by hand", .. }));
        assert!(matches!(doc.propose("name", s("一覧"), &Origin::Sheet, false), Change::Left { .. }));
        // The marker's digest does not match: treated as edited by hand.
        assert!(matches!(
            doc.propose("phone", s("042-999-9999"), &Origin::Sheet, false),
            Change::Left { why: "edited by hand after the last import", .. }
        ));
        let mut doc = Doc::new(&[]);
        doc.propose("phone", s("042-111-1111"), &Origin::Sheet, false);
        assert!(matches!(
            doc.propose("phone", s("042-222-2222"), &w(), false),
            Change::Left { why: "set by the municipal list (一覧表)", .. }
        ));
        let other = Origin::WamNet("054".into());
        doc.propose("url", s("https://a.example"), &w(), false);
        assert!(matches!(
            doc.propose("url", s("https://b.example"), &other, false),
            Change::Left { why: "set by another WAM NET file", .. }
        ));
        assert_eq!(doc.retract("url", &other), Change::Same, "only the file that wrote a line removes it");
        doc.propose("hours", s("9時"), &w(), false);
        assert!(matches!(doc.propose("hours", s("10時"), &Origin::Sheet, false), Change::Replaced { .. }));
        assert!(doc.render().ends_with("+++\n"), "the body is kept: {}", doc.render());
    }

    #[test]
    fn multi_line_arrays_and_comments_are_replaced_whole_and_kept() {
        let text = "+++\n# a person's note\nfunctions = [\n  \"consultation\",\n] # WAM NET 0000\narea = \"132144\"\n+++\nbody";
        let mut doc = Doc::parse(text).expect("parses");
        let v = Value::Array(vec![s("emergency")]);
        // Digest 0000 does not match: left.
        assert!(matches!(doc.propose("functions", v.clone(), &w(), false), Change::Left { .. }));
        let mut doc = Doc::new(&[]);
        doc.propose("functions", Value::Array(vec![s("consultation")]), &w(), false);
        doc.propose("area", s("132144"), &Origin::Hand, false);
        assert!(matches!(doc.propose("functions", v.clone(), &w(), false), Change::Replaced { .. }));
        assert_eq!(doc.get("functions"), Some(v));
        assert_eq!(doc.propose("kyoten", Value::Boolean(false), &w(), true), Change::Absent);
        let again = Doc::parse(&doc.render()).expect("parses");
        assert_eq!(again, doc);
        assert_eq!(doc.retract("area", &w()), Change::Same, "a hand line stays");
        assert!(matches!(doc.retract("functions", &w()), Change::Removed { .. }));
        assert_eq!(doc.get("functions"), None);
        assert_eq!(doc.get("area"), Some(s("132144")));
    }

    #[test]
    fn plain_values_keep_a_persons_comment() {
        let mut doc = Doc::parse("+++\nlast_verified = \"2024-01-01\" # 電話で確認\n+++\n").expect("parses");
        assert!(matches!(doc.set_plain("last_verified", s("2026-11-22")), Change::Replaced { .. }));
        assert_eq!(doc.render(), "+++\nlast_verified = \"2026-11-22\" # 電話で確認\n+++\n");
    }

    #[test]
    fn strings_with_quotes_and_newlines_survive() {
        let mut doc = Doc::new(&[]);
        let tricky = s("平日 9:00～17:00, \"要予約\"\n土曜 休み");
        doc.propose("hours", tricky.clone(), &w(), false);
        let again = Doc::parse(&doc.render()).expect("parses");
        assert_eq!(again.get("hours"), Some(tricky.clone()));
        let mut again = again;
        assert_eq!(again.propose("hours", tricky, &w(), false), Change::Same);
    }
}
