//! An explanatory page: `content/guides/<slug>.md`, served at `/guides/<slug>/`; its other
//! readings beside it, `<slug>.easy.md` (やさしい日本語, at `/easy/guides/<slug>/`) and
//! `<slug>.en.md` (English, at `/en/guides/<slug>/`).

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// Filled in by the loader from the file name.
    #[serde(default)]
    pub slug: String,
    /// The reading, from the file name's second suffix (`faq.en.md`). Filled in by the
    /// loader; a version rewords its standard page and cites the same `sources`.
    #[serde(skip)]
    pub lang: Lang,
    /// Page title, e.g. `"地域生活支援拠点等とは"`.
    pub title: String,
    /// One sentence for search results and link previews.
    pub description: String,
    /// Position in the guide list (1 first).
    pub order: u32,
    /// Ids from `content/sources.toml` the page is written from.
    pub sources: Vec<String>,
    /// Filled in by the loader.
    #[serde(default)]
    pub body_html: String,
}
