//! A content mistake with its place: file, line and field. The loader collects every
//! diagnostic of a run, sorted, so that one `check` reports all of them.

use std::cell::OnceCell;
use std::fmt;

use super::spans::{field_name, Spans};

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// Path as the editor knows it, e.g. `content/facilities/kokubunji-kikan.md`.
    pub path: String,
    /// 1-based line in the file (0 when the mistake is about the whole file).
    pub line: usize,
    /// The front-matter field, e.g. `phone` or `practice.emergency`; empty for the body.
    pub field: String,
    /// What was found and what is expected.
    pub message: String,
}

impl Diagnostic {
    pub fn new(path: &str, line: usize, field: &str, message: impl Into<String>) -> Self {
        Diagnostic { path: path.to_string(), line, field: field.to_string(), message: message.into() }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        if !self.field.is_empty() {
            write!(f, ": {}", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Where diagnostics of one file go: knows the file's path and TOML text, so a validator
/// names the place (`contacts[1].phone`) and gets its line from the file's span index,
/// built the first time a mistake is reported (most files have none).
pub struct FileReport<'a> {
    path: &'a str,
    /// The TOML text: front matter (between the `+++` lines) or a whole `.toml` file.
    text: &'a str,
    /// Line number of the text's first line in the file.
    first_line: usize,
    spans: OnceCell<Spans>,
    pub out: &'a mut Vec<Diagnostic>,
}

impl<'a> FileReport<'a> {
    pub fn new(path: &'a str, text: &'a str, first_line: usize, out: &'a mut Vec<Diagnostic>) -> Self {
        FileReport { path, text, first_line, spans: OnceCell::new(), out }
    }

    /// Report a mistake at `place`: a key path with array positions (`contacts[1].phone`,
    /// `sources[2]`, `practice.emergency`), or `""` for the whole file. The diagnostic names
    /// the field without positions (`contacts.phone`) at the place's line.
    pub fn error(&mut self, place: &str, message: impl Into<String>) {
        let line = self.line_of(place);
        self.out.push(Diagnostic::new(self.path, line, &field_name(place), message));
    }

    /// The file line of `place`; when it is not written, the line of its table, or the
    /// opening `+++` line at the top ([`Spans::line`]).
    pub fn line_of(&self, place: &str) -> usize {
        self.spans.get_or_init(|| Spans::parse(self.text, self.first_line)).line(place)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_lines_of_plain_and_table_keys() {
        let fm = "name = \"x\"\nphone = \"1\"\n[practice]\nnumber = 3\nemergency = \"(空:)\"\n";
        let mut out = Vec::new();
        let report = FileReport::new("a.md", fm, 2, &mut out);
        assert_eq!(report.line_of("phone"), 3);
        assert_eq!(report.line_of("practice.emergency"), 6);
        assert_eq!(report.line_of("missing"), 1);
    }

    #[test]
    fn displays_as_path_line_field_message() {
        let d = Diagnostic::new("content/f.md", 7, "phone", "\"042-123\" is incomplete");
        assert_eq!(d.to_string(), "content/f.md:7: phone: \"042-123\" is incomplete");
    }
}
