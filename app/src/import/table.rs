//! Reads an import CSV: UTF-8 (with or without the BOM Excel and WAM NET write), a header
//! row, then records, each with the physical line it starts on — a quoted field may hold
//! commas and line breaks, and the line number still points at the row in a text editor.

use crate::load::Diagnostic;

/// One data row.
#[derive(Debug)]
pub struct Row {
    /// 1-based physical line where the row starts.
    pub line: usize,
    pub record: csv::StringRecord,
}

/// A parsed CSV file.
#[derive(Debug)]
pub struct Table {
    pub headers: csv::StringRecord,
    pub rows: Vec<Row>,
    /// Rows the CSV reader could not read (wrong number of fields), as diagnostics.
    pub broken: Vec<Diagnostic>,
}

/// Read `bytes` (the file) shown as `path`. Fails only when the file as a whole is unusable.
pub fn parse_table(path: &str, bytes: &[u8]) -> Result<Table, Diagnostic> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Diagnostic::new(
            path,
            1 + bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count(),
            "",
            "is not UTF-8 (perhaps Shift_JIS): in Excel save it as 「CSV UTF-8（コンマ区切り）」",
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
    let headers =
        reader.headers().map_err(|e| Diagnostic::new(path, 1, "", format!("cannot read the header row: {e}")))?.clone();
    if headers.is_empty() || (headers.len() == 1 && headers[0].trim().is_empty()) {
        return Err(Diagnostic::new(path, 1, "", "is empty: the first line must be the header row"));
    }
    let mut rows = Vec::new();
    let mut broken = Vec::new();
    // The reader's own line count is off for CRLF files and after a field that spans lines;
    // the line a text editor shows is one more than the line breaks before the record's
    // first byte.
    let lines = LineIndex::new(text);
    for result in reader.records() {
        match result {
            Ok(record) => {
                let line = record.position().map_or(0, |p| lines.record_line(text, p.byte() as usize));
                rows.push(Row { line, record });
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.record_line(text, p.byte() as usize));
                let message = match e.kind() {
                    csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                        format!("this row has {len} fields, the header has {expected_len} (a missing or extra comma, or an unclosed \" quote)")
                    }
                    _ => format!("unreadable row: {e}"),
                };
                broken.push(Diagnostic::new(path, line, "columns", message));
            }
        }
    }
    Ok(Table { headers, rows, broken })
}

/// The byte offsets where each line starts, to turn an offset into a 1-based line.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { starts }
    }

    /// The line of the first character at or after `byte` that is not a line break (the
    /// CSV reader reports a CRLF file's record as starting at the previous line's `\n`).
    pub fn record_line(&self, text: &str, byte: usize) -> usize {
        let skip = text
            .as_bytes()
            .get(byte..)
            .map_or(0, |rest| rest.iter().take_while(|b| matches!(b, b'\r' | b'\n')).count());
        self.line_at(byte + skip)
    }

    pub fn line_at(&self, byte: usize) -> usize {
        self.starts.partition_point(|&s| s <= byte).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_physical_even_with_line_breaks_inside_quotes() {
        let text = "\u{feff}a,b\n1,\"x, y\ny\nz\"\n2,w\n3\n4,\"q\"\n";
        let t = parse_table("f.csv", text.as_bytes()).expect("parses");
        assert_eq!(&t.headers[0], "a", "the BOM is not part of the first header");
        let lines: Vec<usize> = t.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 5, 7]);
        assert_eq!(&t.rows[0].record[1], "x, y\ny\nz");
        assert_eq!(t.broken.len(), 1);
        assert_eq!(t.broken[0].to_string(), "f.csv:6: columns: this row has 1 fields, the header has 2 (a missing or extra comma, or an unclosed \" quote)");
    }

    #[test]
    fn lines_are_right_for_crlf_files_and_after_multi_line_fields() {
        // Excel on Windows: CRLF; the second record spans lines 2–3; the broken row is line 6.
        let text = "a,b\r\n1,\"x\r\ny\"\r\n2,w\r\n3,v\r\n4\r\n5,u\r\n";
        let t = parse_table("f.csv", text.as_bytes()).expect("parses");
        let lines: Vec<usize> = t.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 4, 5, 7]);
        assert_eq!(t.broken.len(), 1);
        assert_eq!(t.broken[0].line, 6, "{}", t.broken[0]);
        let lf = text.replace("\r\n", "\n");
        let t = parse_table("f.csv", lf.as_bytes()).expect("parses");
        assert_eq!(t.rows.iter().map(|r| r.line).collect::<Vec<_>>(), vec![2, 4, 5, 7]);
        assert_eq!(t.broken[0].line, 6, "{}", t.broken[0]);
    }

    #[test]
    fn shift_jis_is_refused_with_a_hint() {
        let bytes = b"a,b\n1,\x83\x65\n";
        let e = parse_table("f.csv", bytes).expect_err("not utf-8");
        assert_eq!(e.line, 2);
        assert!(e.message.contains("CSV UTF-8"));
    }
}
