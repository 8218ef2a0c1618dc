//! An explanatory page: `content/guides/<slug>.md`, served at `/guides/<slug>/`.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// Filled in by the loader from the file name.
    #[serde(default)]
    pub slug: String,
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
