//! ふりがな in content: the notation Japanese writers know from 青空文庫 and novel sites,
//! `｜漢字《かんじ》`, turned into `<ruby>` (issue #22). The bar `｜` marks where the base
//! begins; without it the base is the run of kanji just before `《`, so `漢字《かんじ》` works
//! too. Readings are hiragana. Used by the Markdown renderer for bodies and by the message
//! catalogues for UI text; `check` reports every mistake at its line.
//!
//! Not its business: choosing which words need ふりがな (authors do), or showing and hiding
//! them (a class on the page, see `style/components/ruby.css`).

use crate::markup::html::{esc, push_ruby};

/// A piece of text: plain, or a base with its reading.
#[derive(Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    Ruby { base: &'a str, reading: &'a str },
}

/// A mistake in the notation: the byte offset in the text where it is, and what to do.
#[derive(Debug, PartialEq, Eq)]
pub struct RubyError {
    pub offset: usize,
    pub message: String,
}

const BAR: char = '｜';
const OPEN: char = '《';
const CLOSE: char = '》';

/// Whether `c` can be the base of a reading without a bar: a kanji or a kanji-like mark.
fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '々' | '〆' | 'ヶ' | '〇')
}

/// Whether `c` may appear in a reading: hiragana, the long-vowel mark and iteration marks.
fn is_reading(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}' | 'ー' | 'ゝ' | 'ゞ')
}

/// Splits `text` into plain text and ruby, or returns every mistake found.
pub fn parse_ruby(text: &str) -> Result<Vec<Segment<'_>>, Vec<RubyError>> {
    let mut segments = Vec::new();
    let mut errors = Vec::new();
    let mut plain_from = 0; // start of the plain text not yet pushed
    let mut base_from: Option<usize> = None; // after a bar: where the base starts
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            BAR => {
                if base_from.is_some() {
                    errors.push(err(at, "a second `｜` before `《`: write `｜base《reading》` once per word"));
                }
                base_from = Some(at + BAR.len_utf8());
            }
            OPEN => {
                let Some(end) = text[at..].find(CLOSE).map(|i| at + i) else {
                    errors.push(err(at, "`《` is not closed: end the reading with `》`"));
                    break;
                };
                let reading = &text[at + OPEN.len_utf8()..end];
                let (base_start, plain_end) = match base_from.take() {
                    Some(start) => (start, start - BAR.len_utf8()),
                    None => {
                        let start = text[plain_from..at]
                            .char_indices()
                            .rev()
                            .take_while(|(_, c)| is_kanji(*c))
                            .last()
                            .map_or(at, |(i, _)| plain_from + i);
                        (start, start)
                    }
                };
                let base = &text[base_start..at];
                if base.is_empty() {
                    errors.push(err(
                        at,
                        "`《…》` has no base: write `｜base《reading》` (the bar marks where the base begins)",
                    ));
                } else if base.chars().any(|c| c.is_whitespace() || c == CLOSE) {
                    errors.push(err(
                        base_start,
                        format!("the base {base:?} contains a space: put `｜` right before the word"),
                    ));
                }
                if reading.is_empty() {
                    errors.push(err(at, "the reading in `《》` is empty: write it in hiragana"));
                } else if let Some(bad) = reading.chars().find(|c| !is_reading(*c)) {
                    errors.push(err(
                        at,
                        format!("the reading {reading:?} contains {bad:?}: write readings in hiragana only"),
                    ));
                }
                if plain_from < plain_end {
                    segments.push(Segment::Text(&text[plain_from..plain_end]));
                }
                segments.push(Segment::Ruby { base, reading });
                plain_from = end + CLOSE.len_utf8();
                while chars.peek().is_some_and(|(i, _)| *i < plain_from) {
                    chars.next();
                }
            }
            CLOSE => errors.push(err(at, "`》` without `《`: a reading is written `｜base《reading》`")),
            _ => {}
        }
    }
    if let Some(start) = base_from {
        errors.push(err(start - BAR.len_utf8(), "`｜` without a reading: write `｜base《reading》`"));
    }
    if plain_from < text.len() {
        segments.push(Segment::Text(&text[plain_from..]));
    }
    if errors.is_empty() {
        Ok(segments)
    } else {
        Err(errors)
    }
}

fn err(offset: usize, message: impl Into<String>) -> RubyError {
    RubyError { offset, message: message.into() }
}

/// Whether `text` uses the notation at all (most standard text does not).
pub fn has_ruby(text: &str) -> bool {
    text.contains([BAR, OPEN, CLOSE])
}

/// `text` as escaped HTML with `<ruby>` for every reading; the parentheses in `<rp>` show
/// where ruby is not supported (and in copied text).
pub fn ruby_html(segments: &[Segment]) -> String {
    let mut html = String::new();
    for segment in segments {
        match segment {
            Segment::Text(text) => html.push_str(&esc(text)),
            Segment::Ruby { base, reading } => push_ruby(&mut html, base, reading),
        }
    }
    html
}

/// `text` with every reading written with its bar (`漢字《かんじ》` → `｜漢字《かんじ》`): the
/// form islands receive, which `markup::html::rb` turns into `<ruby>` without kanji tables.
pub fn explicit(segments: &[Segment]) -> String {
    let mut out = String::new();
    for segment in segments {
        match segment {
            Segment::Text(text) => out.push_str(text),
            Segment::Ruby { base, reading } => {
                out.push(BAR);
                out.push_str(base);
                out.push(OPEN);
                out.push_str(reading);
                out.push(CLOSE);
            }
        }
    }
    out
}

/// `text` with the readings left out: for attributes, `<title>` and search, where markup
/// cannot go.
pub fn plain_text(segments: &[Segment]) -> String {
    segments
        .iter()
        .map(|s| match s {
            Segment::Text(text) => *text,
            Segment::Ruby { base, .. } => base,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(text: &str) -> String {
        ruby_html(&parse_ruby(text).expect("valid"))
    }

    fn first_error(text: &str) -> (usize, String) {
        let errors = parse_ruby(text).expect_err("invalid");
        (errors[0].offset, errors[0].message.clone())
    }

    #[test]
    fn bar_marks_the_base() {
        assert_eq!(html("｜地域《ちいき》で暮らす"), "<ruby>地域<rp>（</rp><rt>ちいき</rt><rp>）</rp></ruby>で暮らす");
        assert_eq!(
            parse_ruby("いつもの｜相談支援《そうだんしえん》です").expect("valid"),
            vec![
                Segment::Text("いつもの"),
                Segment::Ruby { base: "相談支援", reading: "そうだんしえん" },
                Segment::Text("です"),
            ]
        );
    }

    #[test]
    fn without_a_bar_the_base_is_the_kanji_before() {
        assert_eq!(
            parse_ruby("ここで相談《そうだん》します").expect("valid"),
            vec![Segment::Text("ここで"), Segment::Ruby { base: "相談", reading: "そうだん" }, Segment::Text("します"),]
        );
        assert_eq!(plain_text(&parse_ruby("｜拠点《きょてん》と相談《そうだん》").expect("valid")), "拠点と相談");
    }

    #[test]
    fn text_without_notation_is_one_escaped_segment() {
        assert!(!has_ruby("普通の文です"));
        assert_eq!(html("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
        assert_eq!(parse_ruby("").expect("valid"), vec![]);
    }

    #[test]
    fn base_and_reading_are_escaped() {
        assert_eq!(html("｜<b>《あ》"), "<ruby>&lt;b&gt;<rp>（</rp><rt>あ</rt><rp>）</rp></ruby>");
    }

    #[test]
    fn mistakes_are_found_with_their_offset() {
        let cases: &[(&str, usize, &str)] = &[
            ("ちいき《ちいき》", 9, "has no base"),
            ("｜地域《》", 9, "empty"),
            ("｜地域《チイキ》", 9, "hiragana only"),
            ("｜地域《ちいき", 9, "not closed"),
            ("地域》です", 6, "without `《`"),
            ("これは｜地域", 9, "without a reading"),
            ("｜地 域《ちいき》", 3, "contains a space"),
            ("｜地｜域《ちいき》", 6, "a second `｜`"),
        ];
        for (text, offset, message) in cases {
            let (at, found) = first_error(text);
            assert_eq!(at, *offset, "{text}: {found}");
            assert!(found.contains(message), "{text}: {found}");
        }
    }

    #[test]
    fn every_mistake_is_reported() {
        let errors = parse_ruby("地域》と》").expect_err("invalid");
        assert_eq!(errors.len(), 2);
    }

    #[test]
    fn explicit_notation_round_trips_through_the_island_helpers() {
        let text = "いつもの相談《そうだん》と｜支援《しえん》です";
        let e = explicit(&parse_ruby(text).expect("valid"));
        assert_eq!(e, "いつもの｜相談《そうだん》と｜支援《しえん》です");
        assert_eq!(crate::markup::html::rb(&e), html(text));
        assert_eq!(crate::markup::html::unruby(&e), plain_text(&parse_ruby(text).expect("valid")));
    }
}
