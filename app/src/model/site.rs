//! Deployment settings: `content/site.toml`.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// Site name, e.g. `"拠点ナビ"`.
    pub name: String,
    /// Public origin used for canonical URLs and the sitemap, e.g. `"https://example.jp"`
    /// (no trailing slash; the base path is added by `build --base-path`).
    pub origin: String,
    /// Where correction requests go by e-mail; the site pre-fills subject and page URL.
    #[serde(default)]
    pub corrections_email: Option<String>,
    /// Edit link for a content file; `{path}` is replaced by e.g.
    /// `content/facilities/kokubunji-kikan.md`.
    #[serde(default)]
    pub edit_url: Option<String>,
    /// Filled in by the build: the base path, `"/"` or `"/sub/path/"`.
    #[serde(default)]
    pub base_path: String,
}
