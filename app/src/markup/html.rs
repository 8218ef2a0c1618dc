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

#[cfg(test)]
mod tests {
    use super::{esc, fixed, grouped};

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
}
