//! A source document: `content/sources.toml`, one `[[source]]` table each. Every page
//! names the sources its facts come from by these ids.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable id, e.g. `"chiba-r6"`.
    pub id: String,
    /// Title as printed, e.g. `"令和6年度 地域生活支援拠点等の運用状況"`.
    pub title: String,
    /// Who published it, e.g. `"千葉市"`.
    pub publisher: String,
    /// The year or period it describes, as printed, e.g. `"令和6年度"`.
    pub year: String,
    /// A public URL of the document, when known; required for a web page.
    #[serde(default)]
    pub url: Option<String>,
    /// A web page's own date as printed on it (更新日・掲載日), `"YYYY-MM-DD"` or `"YYYY-MM"`;
    /// leave out when the page shows none (the site then says so).
    #[serde(default)]
    pub page_date: Option<String>,
    /// The date the page was read, `"YYYY-MM-DD"`: every web page needs it.
    #[serde(default)]
    pub read: Option<String>,
    /// Which seed file it was transcribed from, e.g. `"001"`.
    #[serde(default)]
    pub seed: Option<String>,
}

/// The `content/sources.toml` file.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    pub source: Vec<Source>,
}
