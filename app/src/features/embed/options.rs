//! A widget's options, read from its address (issue #8): `area`, `fn`, `accent`,
//! `compact`, and `kn_id`, the name `embed.js` gave the frame. Pure functions, tested
//! natively; nothing here touches the browser.
//!
//! Bad options never blank the widget: each one becomes a [`Notice`] for the host's web
//! staff, written in the widget's reading (`[widget]` in the message catalogues), and the
//! widget carries on with what it can (the default colour, the area question …).

use crate::i18n::Texts;
use crate::markup::html::fixed;
use crate::model::Function;

/// The site's own brand colour (`--kn-color-brand` in `style/tokens.css`).
pub const DEFAULT_ACCENT: &str = "#1d4f91";

/// Contrast the accent must reach against white and against its own pale tint: it is the
/// background of white button text and the colour of link text (WCAG 1.4.3, 4.5:1).
pub const MIN_CONTRAST: f64 = 4.5;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct WidgetOptions {
    /// A municipality code or region slug, as the finder uses it (`132144`, `higashi-iburi`).
    pub area: Option<String>,
    /// The finder's `fn` (checked by the finder itself); kept for the link to the full page.
    pub functions: Vec<Function>,
    /// The accent to apply, already made readable; `None` keeps the site's colours.
    pub accent: Option<Accent>,
    pub compact: bool,
    /// Where to report heights; `None` when the frame was not made by the loader.
    pub id: Option<String>,
    /// Messages for the host's web staff about options that could not be used as given.
    pub notices: Vec<Notice>,
}

/// An option that could not be used as given, for the host's web staff.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// `accent` is not a colour: the site's colours are used.
    BadAccent { value: String },
    /// `accent` was too pale for white text (contrast `ratio`:1): `used` is shown instead.
    DarkenedAccent { given: String, ratio: f64, used: String },
}

impl Notice {
    /// The notice in the reading of `t` (which holds the `widget` section), as plain text.
    pub fn text(&self, t: &Texts) -> String {
        match self {
            Notice::BadAccent { value } => t.plain_with("widget.bad_accent", &[("value", value)]),
            Notice::DarkenedAccent { given, ratio, used } => t.plain_with(
                "widget.darkened_accent",
                &[("given", given), ("ratio", &fixed(*ratio, 1)), ("used", used)],
            ),
        }
    }
}

/// The colours derived from one accent, as `#rrggbb`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Accent {
    /// Buttons' background, links, borders.
    pub color: String,
    /// Hover and pressed states.
    pub dark: String,
    /// Pale backgrounds (selected cards, highlighted rows).
    pub subtle: String,
}

impl WidgetOptions {
    /// Read the options from query pairs. Unknown names are left to the widget's content
    /// (the finder reads `dis`, `age` …).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> WidgetOptions {
        let mut o = WidgetOptions::default();
        for (name, value) in pairs {
            let value = value.trim();
            match name {
                "area" if !value.is_empty() => o.area = Some(value.to_string()),
                "fn" => o.functions.extend(value.split(',').filter_map(Function::from_id)),
                "accent" if !value.is_empty() => match accent(value) {
                    Ok((a, note)) => {
                        o.notices.extend(note);
                        o.accent = Some(a);
                    }
                    Err(note) => o.notices.push(note),
                },
                "compact" => o.compact = matches!(value, "1" | "true" | "yes"),
                "kn_id" => o.id = valid_id(value).then(|| value.to_string()),
                _ => {}
            }
        }
        o
    }
}

/// The loader's ids are short and plain; anything else is not from the loader.
fn valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// An accent from `#1d4f91`, `1d4f91` or `#14f`: made dark enough for white text and for
/// links on its pale tint, with a notice saying so; or a notice why it cannot be used.
pub fn accent(value: &str) -> Result<(Accent, Option<Notice>), Notice> {
    let Some((a, darkened)) = readable_accent(value) else {
        return Err(Notice::BadAccent { value: value.to_string() });
    };
    let note = darkened.then(|| {
        let rgb = parse_hex(value).unwrap_or(WHITE);
        Notice::DarkenedAccent { given: hex(rgb), ratio: contrast(rgb, WHITE), used: a.color.clone() }
    });
    Ok((a, note))
}

/// The colours of an accent from `#1d4f91`, `1d4f91` or `#14f`, darkened until white text and
/// links on its pale tint are readable, and whether it had to be; `None` for no colour. No
/// words: the widget ([`accent`]) and the generator each say it in their own.
pub fn readable_accent(value: &str) -> Option<(Accent, bool)> {
    let rgb = parse_hex(value)?;
    let darkened = !readable(rgb);
    let mut c = rgb;
    // Darken in small steps, keeping the hue, until white text and links are readable.
    let mut k = 1.0;
    while !readable(c) && k > 0.0 {
        k -= 0.02;
        c = scale(rgb, k);
    }
    Some((Accent { color: hex(c), dark: hex(scale(c, 0.7)), subtle: hex(tint(c)) }, darkened))
}

/// The contrast of `color` (`#rrggbb`) with white text, e.g. 8.1 for `#1d4f91`.
pub fn contrast_with_white(color: &str) -> Option<f64> {
    parse_hex(color).map(|c| contrast(c, WHITE))
}

type Rgb = [u8; 3];
const WHITE: Rgb = [255, 255, 255];

fn parse_hex(value: &str) -> Option<Rgb> {
    let h = value.strip_prefix('#').unwrap_or(value);
    let digits: Vec<u8> = h.chars().map(|c| c.to_digit(16).map(|d| d as u8)).collect::<Option<_>>()?;
    match digits[..] {
        [r, g, b] => Some([r * 17, g * 17, b * 17]),
        [r1, r0, g1, g0, b1, b0] => Some([r1 * 16 + r0, g1 * 16 + g0, b1 * 16 + b0]),
        _ => None,
    }
}

pub fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

fn scale(c: Rgb, k: f64) -> Rgb {
    c.map(|x| (f64::from(x) * k.max(0.0)).round() as u8)
}

/// 10 % of the colour on white: the pale background behind selected items.
fn tint(c: Rgb) -> Rgb {
    c.map(|x| (255.0 - (255.0 - f64::from(x)) * 0.1 + 0.5).floor() as u8)
}

fn readable(c: Rgb) -> bool {
    contrast(c, WHITE) >= MIN_CONTRAST && contrast(c, tint(c)) >= MIN_CONTRAST
}

/// WCAG 2.x relative luminance.
fn luminance(c: Rgb) -> f64 {
    let lin = |x: u8| {
        let s = f64::from(x) / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            crate::math::powf((s + 0.055) / 1.055, 2.4)
        }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

/// WCAG 2.x contrast ratio, 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn reads_every_option_and_leaves_the_rest_to_the_widget() {
        let o = WidgetOptions::from_pairs([
            ("area", "132144"),
            ("fn", "emergency,flying"),
            ("compact", "1"),
            ("kn_id", "kn-3f_a"),
            ("dis", "mental"),
        ]);
        assert_eq!(o.area.as_deref(), Some("132144"));
        assert_eq!(o.functions, vec![Function::Emergency]);
        assert!(o.compact);
        assert_eq!(o.id.as_deref(), Some("kn-3f_a"));
        assert!(o.notices.is_empty() && o.accent.is_none());
        for bad in ["", "a b", "<x>", &"x".repeat(65)] {
            assert_eq!(WidgetOptions::from_pairs([("kn_id", bad)]).id, None, "{bad:?}");
        }
    }

    #[test]
    fn a_readable_accent_is_kept_as_given() {
        for (given, want) in [("#1d4f91", "#1d4f91"), ("1D4F91", "#1d4f91"), ("#036", "#003366")] {
            let (a, note) = accent(given).expect(given);
            assert_eq!(a.color, want);
            assert_eq!(note, None);
        }
    }

    #[test]
    fn a_pale_accent_is_darkened_until_text_on_it_and_links_in_it_pass_aa() {
        let (a, note) = accent("#ffcc00").expect("hex");
        let c = parse_hex(&a.color).expect("hex out");
        assert!(contrast(c, WHITE) >= 4.5, "{}", a.color);
        assert!(contrast(c, parse_hex(&a.subtle).expect("subtle")) >= 4.5);
        // Not darker than it needs to be: one step lighter would fail.
        assert!(!readable(scale(parse_hex("#ffcc00").expect("hex"), f64::from(c[0]) / 255.0 + 0.03)));
        let note = note.expect("a notice");
        for lang in [Lang::Ja, Lang::Easy, Lang::En] {
            let text = note.text(&widget_texts(lang));
            assert!(text.contains("#ffcc00") && text.contains(&a.color) && text.contains("1.5:1"), "{lang:?}: {text}");
        }
    }

    #[test]
    fn a_bad_accent_is_refused_with_a_message_in_each_reading() {
        for bad in ["red", "#12345", "#gggggg", "rgb(0,0,0)", "#1d4f91ff"] {
            let o = WidgetOptions::from_pairs([("accent", bad)]);
            assert_eq!(o.accent, None, "{bad}");
            assert_eq!(o.notices, [Notice::BadAccent { value: bad.to_string() }], "{bad}");
        }
        let note = Notice::BadAccent { value: "red".into() };
        assert!(note
            .text(&widget_texts(Lang::Ja))
            .starts_with("ホームページ担当の方へ：色の指定（accent=red）は使えない"));
        assert!(note.text(&widget_texts(Lang::En)).contains("accent=red"));
        // やさしい日本語 as plain text: the readings go, the words stay.
        let easy = note.text(&widget_texts(Lang::Easy));
        assert!(easy.contains("accent=red") && !easy.contains('《'), "{easy}");
    }

    fn widget_texts(lang: Lang) -> Texts {
        crate::i18n::catalogue(lang).texts(&["widget"])
    }

    #[test]
    fn contrast_matches_wcag_examples() {
        assert!((contrast([0, 0, 0], WHITE) - 21.0).abs() < 0.01);
        assert!((contrast([0x1d, 0x4f, 0x91], WHITE) - 8.1).abs() < 0.1);
        assert!((contrast([0x76, 0x76, 0x76], WHITE) - 4.54).abs() < 0.01);
    }
}
