//! The escaping template layer, for markup written as strings: the islands that render HTML text instead of view trees (the
//! finder's form and results, the self-check, the map's SVG), which keeps their wasm small.

/// Text for HTML, in content or in a quoted attribute: `& < > " '` are escaped.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `x` with `places` decimals (at most 9), e.g. `fixed(1.25, 1)` is `"1.3"`, for SVG
/// coordinates and distances. Integer arithmetic only: `format!("{x:.2}")` would bring
/// Rust's float printing, about 7 KB of wasm, into every bundle that draws the map.
pub fn fixed(x: f64, places: u32) -> String {
    let scale = 10u64.pow(places.min(9));
    // Half away from zero; a NaN or an infinity is written as 0 rather than break the SVG.
    let n = if x.is_finite() { (x.abs() * scale as f64 + 0.5).floor() as u64 } else { 0 };
    let sign = if x < 0.0 && n != 0 { "-" } else { "" };
    if places == 0 {
        return format!("{sign}{n}");
    }
    format!("{sign}{}.{:0width$}", n / scale, n % scale, width = places.min(9) as usize)
}

/// `n` with a comma every three digits, as Japanese public documents print counts: `2,543`.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Text in the explicit ふりがな notation `｜base《reading》` as escaped HTML with `<ruby>`:
/// how islands show catalogue and content text in やさしい日本語 (issue #22). The loader has
/// checked the notation and written every reading with its bar
/// (`markdown::ruby::explicit`), so this needs no kanji tables; text without a bar is
/// simply escaped.
pub fn rb(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    ruby_parts(text, |plain, reading| match reading {
        None => out.push_str(&esc(plain)),
        Some(r) => push_ruby(&mut out, plain, r),
    });
    out
}

/// `base` with its `reading` as `<ruby>`, both escaped; the parentheses in `<rp>` show where
/// ruby is not supported (and in copied text). The one place ruby markup is written.
///
/// A word and its reading stay on one line (`ruby.css`): a kanji word split over two lines,
/// its reading split with it, is hard to read. Long ones (names, mostly) may still wrap, as a
/// phone's line holds about 20 characters: they are marked `kn-ruby-long`.
pub fn push_ruby(out: &mut String, base: &str, reading: &str) {
    // 10 kanji at the phone's heading size (28 px), or 18 kana at 0.6 of it, fit its 328 px.
    let long = base.chars().count() > 10 || reading.chars().count() > 18;
    out.push_str(if long { "<ruby class=\"kn-ruby-long\">" } else { "<ruby>" });
    out.push_str(&esc(base));
    out.push_str("<rp>（</rp><rt>");
    out.push_str(&esc(reading));
    out.push_str("</rt><rp>）</rp></ruby>");
}

/// `base` escaped, with its `reading` as ふりがな when there is one: a name as a やさしい日本語
/// page shows it.
pub fn with_reading(base: &str, reading: Option<&str>) -> String {
    match reading {
        Some(r) => {
            let mut out = String::new();
            push_ruby(&mut out, base, r);
            out
        }
        None => esc(base),
    }
}

/// Text in the explicit notation without its readings: for plain text (the 相談メモ) and
/// attributes.
pub fn unruby(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    ruby_parts(text, |plain, _| out.push_str(plain));
    out
}

/// Calls `f` with each plain run (`None`) and each base with its reading, in order.
fn ruby_parts<'a>(text: &'a str, mut f: impl FnMut(&'a str, Option<&'a str>)) {
    let mut rest = text;
    while let Some(bar) = rest.find('｜') {
        let after = &rest[bar + '｜'.len_utf8()..];
        let (Some(open), Some(close)) = (after.find('《'), after.find('》')) else { break };
        if close < open {
            break;
        }
        f(&rest[..bar], None);
        f(&after[..open], Some(&after[open + '《'.len_utf8()..close]));
        rest = &after[close + '》'.len_utf8()..];
    }
    f(rest, None);
}

#[cfg(test)]
mod tests {
    use super::{esc, fixed, grouped, rb, unruby};

    #[test]
    fn counts_are_grouped_by_thousands() {
        for (n, want) in
            [(0, "0"), (999, "999"), (1000, "1,000"), (2543, "2,543"), (50000, "50,000"), (1234567, "1,234,567")]
        {
            assert_eq!(grouped(n), want);
        }
    }

    #[test]
    fn fixed_writes_rounded_decimals() {
        for (x, places, want) in [
            (0.0, 2, "0.00"),
            (1.25, 1, "1.3"),
            (-1.25, 1, "-1.3"),
            (12.345678, 2, "12.35"),
            (-0.004, 2, "0.00"),
            (0.000123, 6, "0.000123"),
            (123456.789, 0, "123457"),
            (f64::NAN, 2, "0.00"),
        ] {
            assert_eq!(fixed(x, places), want, "{x} {places}");
        }
        // Within half a unit of the last place, like Rust's own `{:.N}`.
        for x in [1.23456, -9.87654, 1e-7, 99.999, 5432.1] {
            for places in [0, 1, 2, 6] {
                let got: f64 = fixed(x, places).parse().unwrap_or(f64::NAN);
                assert!((got - x).abs() <= 0.5 / 10f64.powi(places as i32) + 1e-12, "{x} {places}: {got}");
            }
        }
    }

    #[test]
    fn markup_characters_are_escaped_and_others_kept() {
        assert_eq!(
            esc(r#"<a href="x">'&'</a> 国分寺"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; 国分寺"
        );
    }

    #[test]
    fn explicit_ruby_becomes_markup_or_plain_text() {
        let t = "｜緊急《きんきゅう》の<とき>";
        assert_eq!(rb(t), "<ruby>緊急<rp>（</rp><rt>きんきゅう</rt><rp>）</rp></ruby>の&lt;とき&gt;");
        // A long name may wrap; a word stays whole.
        assert!(rb("｜障害者地域生活支援センター《しょうがいしゃちいきせいかつしえんせんたー》")
            .starts_with("<ruby class=\"kn-ruby-long\">障害者"));
        assert!(rb("｜地域生活支援拠点等《ちいきせいかつしえんきょてんとう》").starts_with("<ruby>"));
        assert_eq!(unruby(t), "緊急の<とき>");
        assert_eq!(rb("a & b"), "a &amp; b");
        // A stray bar is text, never lost.
        assert_eq!(unruby("｜だけ"), "｜だけ");
    }
}
