//! The site's readings (issue #22): standard Japanese at the root, やさしい日本語 with ふりがな
//! under `/easy/`, English under `/en/`. Each has one message catalogue in
//! `content/messages/<id>.toml`, loaded and checked by `load::messages`; views take their
//! fixed text from the active catalogue with [`t`] (as markup) or [`tx`] (as plain text for
//! attributes), found in context as [`Messages`].
//!
//! Not here: which pages have versions ([`crate::routes::Route::translated`]), the facts on a
//! page (content and data, the same in every reading), or the switch's markup
//! (`components/site_header.rs`).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A reading of the site.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Standard Japanese, the reference catalogue (`ja.toml`).
    #[default]
    Ja,
    /// やさしい日本語 with ふりがな (`easy.toml`).
    Easy,
    /// English (`en.toml`).
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Ja, Lang::Easy, Lang::En];

    /// The catalogue's file name (`content/messages/<id>.toml`) and the path segment.
    pub fn id(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::Easy => "easy",
            Lang::En => "en",
        }
    }

    /// The reading named `id` (`"en"`), as the embed loader's `data-lang` gives it.
    pub fn from_id(id: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.id() == id)
    }

    /// What goes before a page's path under the base path: `""`, `"easy/"`, `"en/"`.
    pub fn prefix(self) -> &'static str {
        match self {
            Lang::Ja => "",
            Lang::Easy => "easy/",
            Lang::En => "en/",
        }
    }

    /// The page's `lang` attribute: やさしい日本語 is Japanese.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Ja | Lang::Easy => "ja",
            Lang::En => "en",
        }
    }

    /// `hreflang` of the alternate links: a private-use subtag tells the two Japanese
    /// readings apart (BCP 47 `x-`), as no registered tag names やさしい日本語.
    pub fn hreflang(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::Easy => "ja-x-easy",
            Lang::En => "en",
        }
    }

    /// `og:locale`.
    pub fn locale(self) -> &'static str {
        match self {
            Lang::Ja | Lang::Easy => "ja_JP",
            Lang::En => "en_US",
        }
    }

    /// The reading's own name, the same on every page (a switch shows each in itself).
    pub fn autonym(self) -> &'static str {
        match self {
            Lang::Ja => "日本語",
            Lang::Easy => "やさしい にほんご",
            Lang::En => "English",
        }
    }

    /// The reading a site path (after the base path) is in, and the path without its prefix.
    pub fn of_path(path: &str) -> (Lang, &str) {
        let trimmed = path.trim_start_matches('/');
        for lang in [Lang::Easy, Lang::En] {
            if let Some(rest) = trimmed.strip_prefix(lang.prefix()) {
                return (lang, &path[path.len() - rest.len() - 1..]);
            }
            if trimmed == lang.prefix().trim_end_matches('/') {
                return (lang, "/");
            }
        }
        (Lang::Ja, path)
    }
}

/// One reading's fixed text, by key (`home.title`): `html` is escaped markup with ふりがな as
/// `<ruby>`, `plain` the same text without readings (for attributes and `<title>`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Messages {
    pub lang: Lang,
    entries: Arc<BTreeMap<String, Message>>,
    /// For each reading but the standard one, the paths (`/guides/faq/`) that have a page
    /// in it; a link to any other goes to the standard page and says so. Set by the builder.
    pub pages: Arc<BTreeMap<Lang, BTreeSet<String>>>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Message {
    pub html: String,
    pub plain: String,
    /// The catalogue's text with every reading in the explicit notation, for [`Texts`].
    pub source: String,
}

impl Messages {
    pub fn new(lang: Lang, entries: BTreeMap<String, Message>) -> Self {
        Messages { lang, entries: Arc::new(entries), pages: Arc::default() }
    }

    /// The same texts for a site whose pages in the other readings are `pages`.
    pub fn with_pages(&self, pages: Arc<BTreeMap<Lang, BTreeSet<String>>>) -> Self {
        Messages { pages, ..self.clone() }
    }

    /// Whether `path` (before the base path, no query) has a page in `lang`.
    pub fn has_page_in(&self, lang: Lang, path: &str) -> bool {
        lang == Lang::Ja || self.pages.get(&lang).is_some_and(|p| p.contains(path))
    }

    /// Whether `path` has a page in this reading.
    pub fn has_page(&self, path: &str) -> bool {
        self.has_page_in(self.lang, path)
    }

    /// Whether `path` has a page in any reading but the standard one.
    pub fn has_versions(&self, path: &str) -> bool {
        self.pages.values().any(|p| p.contains(path))
    }

    /// `path` in this reading when it has a page in it, else the standard page's path.
    pub fn page_path(&self, path: &str) -> String {
        if self.lang != Lang::Ja && self.has_page(path) {
            format!("/{}{}", self.lang.prefix(), path.trim_start_matches('/'))
        } else {
            path.to_string()
        }
    }

    /// The text of `key` as markup; a missing key shows as `[key]` (the catalogue check and
    /// `tests/messages.rs` keep that from reaching a page).
    pub fn html(&self, key: &str) -> String {
        self.entries.get(key).map_or_else(|| format!("[{key}]"), |m| m.html.clone())
    }

    /// `key` as markup with its `{name}` placeholders filled: `values` are markup already
    /// (`esc(x)`, [`published`], a link), like [`Texts::html_with`].
    pub fn html_with(&self, key: &str, values: &[(&str, &str)]) -> String {
        fill(&self.html(key), values)
    }

    /// The text of `key` without ふりがな, for attributes.
    pub fn plain(&self, key: &str) -> String {
        self.entries.get(key).map_or_else(|| format!("[{key}]"), |m| m.plain.clone())
    }

    /// The text of `key` as written, readings in the explicit notation: for text stored in
    /// data and shown later by an island (`markup::html::rb`).
    pub fn raw(&self, key: &str) -> String {
        self.entries.get(key).map_or_else(|| format!("[{key}]"), |m| m.source.clone())
    }

    /// `2023-08-01` or `2023-08` as the reading writes dates (`2023年8月1日`, `2023/8/1`),
    /// readings in the explicit notation like [`Messages::raw`]; anything else as it is.
    pub fn date(&self, d: &str) -> String {
        let parts: Vec<u32> = d.split('-').filter_map(|p| p.parse().ok()).collect();
        let fill =
            |key: &str, y: &u32, mo: &u32| self.raw(key).replace("{y}", &y.to_string()).replace("{m}", &mo.to_string());
        match parts.as_slice() {
            [y, mo, day] if d.len() == 10 => fill("contacts.date", y, mo).replace("{d}", &day.to_string()),
            [y, mo] if d.len() == 7 => fill("contacts.month", y, mo),
            _ => d.to_string(),
        }
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// The texts under `sections` (`["call", "screening"]`), for an island's props. A
    /// section is a table of the catalogue (`"catalogue.filter"`) or one key
    /// (`"function.network.label"`): an island takes only what it writes.
    /// Outside standard Japanese, `site.japanese_only` goes along, for links to pages that
    /// have no version in the reading ([`Texts::only_in_japanese`]).
    pub fn texts(&self, sections: &[&str]) -> Texts {
        let within = |k: &str, s: &str| k.strip_prefix(s).is_some_and(|rest| rest.is_empty() || rest.starts_with('.'));
        Texts {
            entries: self
                .entries
                .iter()
                .filter(|(k, _)| {
                    sections.iter().any(|s| within(k, s))
                        || (self.lang != Lang::Ja && k.as_str() == "site.japanese_only")
                })
                .map(|(k, m)| (k.clone(), m.source.clone()))
                .collect(),
            lang: self.lang,
        }
    }
}

/// The fixed text an island writes, in the page's reading (issue #22): a few catalogue
/// sections, sent as props, so the wasm holds no text of its own and one bundle serves
/// every reading. Readings stay in the explicit `｜漢字《かんじ》` notation until shown.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Texts {
    entries: BTreeMap<String, String>,
    /// The reading, for links to the pages every reading has ([`Texts::page`]).
    lang: Lang,
}

impl Texts {
    /// `key` as markup: escaped, ふりがな as `<ruby>`. `{name}` placeholders are left for
    /// the caller (`.replace("{name}", &esc(value))`).
    pub fn html(&self, key: &str) -> String {
        self.entries.get(key).map_or_else(|| format!("[{key}]"), |t| crate::markup::html::rb(t))
    }

    /// `path` (`/areas/132144/`, `/search/?area=…`) in the reading: for a page that every
    /// reading has (the finder, area pages); before the base path.
    pub fn page(&self, path: &str) -> String {
        format!("/{}{}", self.lang.prefix(), path.trim_start_matches('/'))
    }

    /// `key` as markup with its `{name}` placeholders filled: `values` are markup already
    /// (`esc(x)`, a number, another catalogue text).
    pub fn html_with(&self, key: &str, values: &[(&str, &str)]) -> String {
        fill(&self.html(key), values)
    }

    /// `key` as plain text with its `{name}` placeholders filled: for status lines and
    /// attributes.
    pub fn plain_with(&self, key: &str, values: &[(&str, &str)]) -> String {
        fill(&self.plain(key), values)
    }

    /// After a link to a page in standard Japanese only: 「 (Japanese)」 on a page in another
    /// reading, nothing on a standard page.
    pub fn only_in_japanese(&self) -> String {
        self.entries.get("site.japanese_only").map_or_else(String::new, |t| {
            format!(" <span class=\"kn-only-japanese\">{}</span>", crate::markup::html::rb(t))
        })
    }

    /// `key` as written, readings in the explicit notation: for text stored in data that is
    /// shown later with `rb` or `unruby` (a [`crate::model::Call`]'s `why`).
    pub fn raw(&self, key: &str) -> String {
        self.entries.get(key).cloned().unwrap_or_else(|| format!("[{key}]"))
    }

    /// `key` as plain text, without readings: the 相談メモ, attributes.
    pub fn plain(&self, key: &str) -> String {
        self.entries.get(key).map_or_else(|| format!("[{key}]"), |t| crate::markup::html::unruby(t))
    }
}

/// `template` with each `{name}` of `values` replaced by its value, in one pass (a value that
/// happens to contain `{…}` is left as it is): `fill("{name}（{place}）", &[("name", n), ("place", p)])`.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let key = &after[..close];
            values.iter().find(|(k, _)| *k == key).map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The active catalogue (the builder provides one per reading).
pub fn messages() -> Messages {
    use_context::<Messages>().unwrap_or_default()
}

/// The active reading.
pub fn lang() -> Lang {
    use_context::<Messages>().map(|m| m.lang).unwrap_or_default()
}

/// `key`'s text as a view: a text node, or a `<span>` holding its `<ruby>` markup.
pub fn t(key: &str) -> impl IntoView + use<> {
    let m = messages();
    let html = m.html(key);
    if html.contains('<') {
        Either::Left(view! { <span inner_html=html></span> })
    } else {
        Either::Right(m.plain(key))
    }
}

/// `key`'s text without ふりがな: for `aria-label`, `placeholder`, `title`.
pub fn tx(key: &str) -> String {
    messages().plain(key)
}

/// Text a source gives in Japanese (a name, a publisher, a document's title), escaped, and
/// marked `lang="ja"` on an English page so that it is read out in Japanese.
pub fn published(text: &str) -> String {
    let text = crate::markup::html::esc(text);
    if lang() == Lang::En {
        format!("<span lang=\"ja\">{text}</span>")
    } else {
        text
    }
}

/// After a link to `path`: 「(Japanese)」 when the page has no version in this reading.
pub fn only_in_japanese(path: &str) -> Option<impl IntoView + use<>> {
    let m = messages();
    (!m.has_page(path.split(['?', '#']).next().unwrap_or(path)))
        .then(|| view! { " " <span class="kn-only-japanese">{t("site.japanese_only")}</span> })
}

/// A catalogue as the build loads it from `content/messages/`, for unit tests of code that
/// writes text.
#[cfg(all(test, feature = "ssr"))]
pub fn catalogue(lang: Lang) -> Messages {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/messages");
    let mut out = Vec::new();
    crate::load::messages::load_messages(&dir, &|p| p.display().to_string(), &mut out).remove(&lang).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_names_its_reading() {
        assert_eq!(Lang::of_path("/en/guides/faq/"), (Lang::En, "/guides/faq/"));
        assert_eq!(Lang::of_path("/easy/"), (Lang::Easy, "/"));
        assert_eq!(Lang::of_path("/easy"), (Lang::Easy, "/"));
        assert_eq!(Lang::of_path("/guides/english/"), (Lang::Ja, "/guides/english/"));
        assert_eq!(Lang::of_path("/"), (Lang::Ja, "/"));
        assert_eq!(Lang::of_path("/enx/"), (Lang::Ja, "/enx/"));
    }

    #[test]
    fn placeholders_are_filled_in_one_pass() {
        let values = [("name", "{place}"), ("place", "東京都")];
        assert_eq!(fill("{name}（{place}）", &values), "{place}（東京都）");
        assert_eq!(fill("{x} {name", &values), "{x} {name");
    }

    #[test]
    fn missing_keys_are_visible() {
        let m = Messages::new(
            Lang::En,
            BTreeMap::from([(
                "a.b".to_string(),
                Message { html: "<ruby>x</ruby>".into(), plain: "x".into(), source: "｜x《えっくす》".into() },
            )]),
        );
        assert_eq!(m.html("a.b"), "<ruby>x</ruby>");
        assert_eq!(m.plain("a.b"), "x");
        assert_eq!(m.html("a.c"), "[a.c]");
        let t = m.texts(&["a"]);
        assert_eq!(t.html("a.b"), "<ruby>x<rp>（</rp><rt>えっくす</rt><rp>）</rp></ruby>");
        assert_eq!((t.plain("a.b").as_str(), t.plain("a.c").as_str()), ("x", "[a.c]"));
        assert_eq!(m.texts(&["b"]), Texts { lang: Lang::En, ..Texts::default() });
        assert_eq!(t.page("/areas/132144/"), "/en/areas/132144/");
        // A table within a section, or one key; never a key that only starts the same.
        assert_eq!(m.texts(&["a.b"]), m.texts(&["a"]));
        assert_eq!(m.texts(&["a.b.c"]), Texts { lang: Lang::En, ..Texts::default() });
        assert_eq!(m.texts(&["a.bc"]), Texts { lang: Lang::En, ..Texts::default() });
        assert_eq!(m.texts(&["a"]).only_in_japanese(), "");
        let en = Messages::new(
            Lang::En,
            BTreeMap::from([(
                "site.japanese_only".to_string(),
                Message { source: "(Japanese)".into(), ..Default::default() },
            )]),
        );
        assert_eq!(en.texts(&["a"]).only_in_japanese(), " <span class=\"kn-only-japanese\">(Japanese)</span>");
    }
}
