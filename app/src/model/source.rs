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
    /// A public URL of the document, when known.
    #[serde(default)]
    pub url: Option<String>,
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
