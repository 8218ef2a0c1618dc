//! Splits a content file into its TOML front matter (between `+++` lines) and its
//! Markdown body, remembering line numbers for diagnostics.

/// A content file cut in two.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub front_matter: &'a str,
    /// 1-based file line of the first front-matter line.
    pub front_matter_line: usize,
    pub body: &'a str,
    /// 1-based file line of the first body line.
    pub body_line: usize,
}

/// Split `text`. The error message tells the editor what to do.
pub fn split(text: &str) -> Result<Split<'_>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(after_open) = text.strip_prefix("+++\n").or_else(|| text.strip_prefix("+++\r\n")) else {
        return Err("the file must start with a line `+++`, then the front matter, then another `+++` line".into());
    };
    let mut offset = 0;
    for (i, line) in after_open.split_inclusive('\n').enumerate() {
        if line.trim_end() == "+++" {
            let front_matter = &after_open[..offset];
            let body = &after_open[offset + line.len()..];
            return Ok(Split { front_matter, front_matter_line: 2, body, body_line: i + 3 });
        }
        offset += line.len();
    }
    Err("the front matter is not closed: add a line `+++` after it".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body_with_line_numbers() {
        let cases = [
            ("+++\na = 1\n+++\nbody\n", Ok(("a = 1\n", 2, "body\n", 4))),
            ("+++\n+++\n", Ok(("", 2, "", 3))),
            ("\u{feff}+++\r\na = 1\r\n+++\r\nx", Ok(("a = 1\r\n", 2, "x", 4))),
            ("a = 1\n", Err("the file must start")),
            ("+++\na = 1\n", Err("the front matter is not closed")),
        ];
        for (input, expected) in cases {
            let got = split(input);
            match expected {
                Ok((fm, fl, body, bl)) => {
                    let s = got.expect(input);
                    assert_eq!((s.front_matter, s.front_matter_line, s.body, s.body_line), (fm, fl, body, bl));
                }
                Err(prefix) => assert!(got.expect_err(input).starts_with(prefix), "{input:?}"),
            }
        }
    }
}
