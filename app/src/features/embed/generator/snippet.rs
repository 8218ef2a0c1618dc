//! The embed snippets for a [`Choice`]: the loader script, the plain iframe, the widget's
//! address and title, and the accent colour as the snippet may carry it. Pure string work,
//! shared by the pre-rendered page and the generator's island.

use super::super::options;
use crate::data::Widget;
use crate::i18n::Lang;
use crate::markup::html::esc;
use crate::model::Function;
use crate::routes::Route;
use crate::url::encode_component;

/// What the form says.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Choice {
    pub widget: Widget,
    /// Municipality code or region slug.
    pub area: String,
    pub area_name: String,
    /// The finder's `fn` (ignored by the other widgets).
    pub functions: Vec<Function>,
    /// `#rrggbb`, already readable (see `options::accent`).
    pub accent: Option<String>,
    pub compact: bool,
    /// The reading the widget speaks (`data-lang`).
    pub lang: Lang,
}

/// The reading the widget of `c` is shown in: every widget has all three (issue #22).
pub fn reading(c: &Choice) -> Lang {
    c.lang
}

/// The plain iframe's height in CSS pixels: it cannot follow its content, so it is what the
/// widget's first screen needs on a 360 px phone, measured on the built site (issue #8): the
/// finder's form with its first result ends at about 630 px, 国分寺市's emergency card at
/// 660 px, the self-check's first question at 984 px. Longer content scrolls in the frame.
pub fn fallback_height(w: Widget) -> u32 {
    match w {
        Widget::Finder => 900,
        Widget::Emergency => 680,
        Widget::Screening => 1000,
    }
}

/// The frame's title (WCAG 4.1.2: every iframe is named), e.g. 「拠点ナビ：国分寺市の相談先をさがす」.
/// In English for an English widget, as its screen reader users will hear it.
pub fn frame_title(c: &Choice) -> String {
    match (c.widget, reading(c)) {
        (Widget::Finder, Lang::En) => format!("Kyoten Navi: find where to ask for help in {}", c.area_name),
        (Widget::Finder, _) => format!("拠点ナビ：{}の相談先をさがす", c.area_name),
        (Widget::Emergency, Lang::En) => format!("Kyoten Navi: emergency contacts for {}", c.area_name),
        (Widget::Emergency, _) => format!("拠点ナビ：{}の緊急時の連絡先", c.area_name),
        (Widget::Screening, Lang::En) => "Kyoten Navi: pre-registration self-check".to_string(),
        (Widget::Screening, _) => "拠点ナビ：事前登録のセルフチェック".to_string(),
    }
}

/// `(name, value)` of each option that differs from the default, in the loader's order.
fn option_pairs(c: &Choice) -> Vec<(&'static str, String)> {
    let mut pairs = vec![("area", c.area.clone())];
    if c.widget == Widget::Finder && !c.functions.is_empty() {
        pairs.push(("fn", c.functions.iter().map(|f| f.id()).collect::<Vec<_>>().join(",")));
    }
    if let Some(a) = &c.accent {
        pairs.push(("accent", a.clone()));
    }
    if c.compact {
        pairs.push(("compact", "1".into()));
    }
    pairs
}

/// The widget's address below the portal, e.g. `embed/finder/?area=132144&fn=emergency`.
pub fn widget_path(c: &Choice) -> String {
    let query =
        option_pairs(c).iter().map(|(k, v)| format!("{k}={}", encode_component(v))).collect::<Vec<_>>().join("&");
    format!("{}{}?{query}", reading(c).prefix(), Route::Widget(c.widget).path().trim_start_matches('/'))
}

/// The loader form: one script element where the widget should appear. `portal` is the
/// site's address with its base path, ending in `/`.
pub fn script_snippet(portal: &str, c: &Choice) -> String {
    let mut s = format!("<script src=\"{}embed.js\" data-widget=\"{}\"", esc(portal), esc(c.widget.id()));
    for (k, v) in option_pairs(c) {
        s += &format!(" data-{k}=\"{}\"", esc(&v));
    }
    if reading(c) != Lang::Ja {
        s += &format!(" data-lang=\"{}\"", reading(c).id());
    }
    s += &format!(" data-title=\"{}\" async></script>", esc(&frame_title(c)));
    s
}

/// The plain iframe for websites that remove scripts: fixed height, titled, lazy. The
/// finder may ask for the position (「近くを探す」), which a frame from another site needs
/// `allow="geolocation"` for.
pub fn iframe_snippet(portal: &str, c: &Choice) -> String {
    format!(
        "<iframe src=\"{}{}\" title=\"{}\" width=\"100%\" height=\"{}\" style=\"border:0\" loading=\"lazy\"{}></iframe>",
        esc(portal),
        esc(&widget_path(c)),
        esc(&frame_title(c)),
        fallback_height(c.widget),
        if c.widget == Widget::Finder { " allow=\"geolocation\"" } else { "" }
    )
}

/// What the generator tells the person about the colour they typed; the island words it in
/// the page's reading (`generator.island.accent_*`).
#[derive(Clone, Debug, PartialEq)]
pub enum AccentNote {
    /// Nothing typed.
    None,
    /// Readable as it is: its contrast ratio with white text.
    Contrast(f64),
    /// Too pale: this darker colour went into the code.
    Darkened(String),
    /// Not a colour: the code has none.
    Invalid,
}

/// The accent for the snippet and what to tell the person: a refused colour is left out,
/// a pale one goes in darkened, so the widget itself never has to complain.
pub fn accent_choice(typed: &str) -> (Option<String>, AccentNote) {
    let typed = typed.trim();
    if typed.is_empty() {
        return (None, AccentNote::None);
    }
    match options::readable_accent(typed) {
        Some((a, true)) => (Some(a.color.clone()), AccentNote::Darkened(a.color)),
        Some((a, false)) => {
            let ratio = options::contrast_with_white(&a.color).unwrap_or_default();
            (Some(a.color), AccentNote::Contrast(ratio))
        }
        None => (None, AccentNote::Invalid),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice() -> Choice {
        Choice {
            widget: Widget::Finder,
            area: "132144".into(),
            area_name: "国分寺市".into(),
            functions: vec![Function::Emergency, Function::Consultation],
            accent: Some("#1d4f91".into()),
            compact: true,
            lang: Lang::Ja,
        }
    }

    #[test]
    fn the_script_snippet_carries_every_option_as_a_data_attribute() {
        assert_eq!(
            script_snippet("https://kyoten-navi.example/kyoten/navi/", &choice()),
            "<script src=\"https://kyoten-navi.example/kyoten/navi/embed.js\" data-widget=\"finder\" data-area=\"132144\" data-fn=\"emergency,consultation\" data-accent=\"#1d4f91\" data-compact=\"1\" data-title=\"拠点ナビ：国分寺市の相談先をさがす\" async></script>"
        );
    }

    #[test]
    fn the_iframe_snippet_is_titled_sized_and_encoded() {
        assert_eq!(
            iframe_snippet("https://kyoten-navi.example/", &choice()),
            "<iframe src=\"https://kyoten-navi.example/embed/finder/?area=132144&amp;fn=emergency%2Cconsultation&amp;accent=%231d4f91&amp;compact=1\" title=\"拠点ナビ：国分寺市の相談先をさがす\" width=\"100%\" height=\"900\" style=\"border:0\" loading=\"lazy\" allow=\"geolocation\"></iframe>"
        );
        let c = Choice {
            widget: Widget::Emergency,
            functions: vec![Function::Emergency],
            accent: None,
            compact: false,
            ..choice()
        };
        assert_eq!(
            iframe_snippet("https://kyoten-navi.example/", &c),
            "<iframe src=\"https://kyoten-navi.example/embed/emergency/?area=132144\" title=\"拠点ナビ：国分寺市の緊急時の連絡先\" width=\"100%\" height=\"680\" style=\"border:0\" loading=\"lazy\"></iframe>"
        );
    }

    #[test]
    fn the_generator_never_puts_an_unreadable_or_broken_colour_in_a_snippet() {
        let (a, note) = accent_choice("#ffcc00");
        let a = a.expect("darkened");
        assert_ne!(a, "#ffcc00");
        assert_eq!(note, AccentNote::Darkened(a));
        assert_eq!(accent_choice("blue"), (None, AccentNote::Invalid));
        let (a, note) = accent_choice(" #1D4F91 ");
        assert_eq!(a.as_deref(), Some("#1d4f91"));
        assert!(matches!(note, AccentNote::Contrast(r) if (r - 8.1).abs() < 0.05), "{note:?}");
        assert_eq!(accent_choice(""), (None, AccentNote::None));
    }

    #[test]
    fn a_reading_goes_into_the_loader_and_the_address() {
        let c = Choice { widget: Widget::Emergency, lang: Lang::En, accent: None, compact: false, ..choice() };
        assert_eq!(
            script_snippet("https://x/", &c),
            "<script src=\"https://x/embed.js\" data-widget=\"emergency\" data-area=\"132144\" data-lang=\"en\" data-title=\"Kyoten Navi: emergency contacts for 国分寺市\" async></script>"
        );
        assert!(iframe_snippet("https://x/", &c).contains("src=\"https://x/en/embed/emergency/?area=132144\""));
        let easy = Choice { widget: Widget::Screening, lang: Lang::Easy, ..c.clone() };
        assert!(widget_path(&easy).starts_with("easy/embed/screening/?"));
        let finder = Choice { widget: Widget::Finder, ..c };
        assert!(script_snippet("https://x/", &finder).contains("data-lang=\"en\""));
        assert!(widget_path(&finder).starts_with("en/embed/finder/?"));
    }

    #[test]
    fn names_are_escaped_in_attributes() {
        let c = Choice { area_name: "\"><script>".into(), ..choice() };
        assert!(!script_snippet("https://x/", &c).contains("\"><script>"));
    }
}
