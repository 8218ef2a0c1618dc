//! A content mistake with its place: file, line and field. The loader collects every
//! diagnostic of a run, sorted, so that one `check` reports all of them.

use std::fmt;

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

/// Where diagnostics of one file go: knows the file's path and front matter, so a
/// validator can say `field` and get the line.
pub struct FileReport<'a> {
    pub path: &'a str,
    /// The front matter text (between the `+++` lines).
    pub front_matter: &'a str,
    /// Line number of the first front-matter line in the file.
    pub first_line: usize,
    pub out: &'a mut Vec<Diagnostic>,
}

impl FileReport<'_> {
    /// Report a mistake in `field` (dotted for tables: `practice.emergency`,
    /// `contacts.phone`).
    pub fn error(&mut self, field: &str, message: impl Into<String>) {
        let line = self.line_of(field);
        self.out.push(Diagnostic::new(self.path, line, field, message));
    }

    /// The file line of `field`'s `key =`, searched after its table header when dotted;
    /// the opening `+++` line when the key is absent.
    pub fn line_of(&self, field: &str) -> usize {
        let (table, key) = match field.rsplit_once('.') {
            Some((t, k)) => (Some(t), k),
            None => (None, field),
        };
        let mut in_table = table.is_none();
        for (i, line) in self.front_matter.lines().enumerate() {
            let trimmed = line.trim();
            if let Some(t) = table {
                if trimmed.starts_with('[') {
                    let name = trimmed.trim_matches(|c| c == '[' || c == ']').trim();
                    in_table = name == t;
                    continue;
                }
            }
            if in_table {
                if let Some(rest) = trimmed.strip_prefix(key) {
                    if rest.trim_start().starts_with('=') {
                        return self.first_line + i;
                    }
                }
            }
        }
        self.first_line.saturating_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_lines_of_plain_and_table_keys() {
        let fm = "name = \"x\"\nphone = \"1\"\n[practice]\nnumber = 3\nemergency = \"(空:)\"\n";
        let mut out = Vec::new();
        let report = FileReport { path: "a.md", front_matter: fm, first_line: 2, out: &mut out };
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
