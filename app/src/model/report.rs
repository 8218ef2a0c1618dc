//! An operating report of an area's 拠点 (seeds 000, 001, 002, 004):
//! `content/reports/<slug>.md`. The body holds the report's tables and text in Markdown;
//! `figures` repeats its key numbers so that they can be tested and shown as highlights.

use serde::{Deserialize, Serialize};

use super::vocab::Function;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Filled in by the loader from the file name.
    #[serde(default)]
    pub id: String,
    /// The document's title, e.g. `"令和6年度 地域生活支援拠点等の運用状況"`.
    pub title: String,
    /// Area id the report is about, e.g. `"121002"`.
    pub area: String,
    /// Period covered as the document says it, e.g. `"令和6年度"` or
    /// `"令和6年4月～令和7年1月末"`.
    pub period: String,
    /// Id from `content/sources.toml`.
    pub source: String,
    /// Key figures. Each `value` must appear verbatim in the body.
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// Filled in by the loader.
    #[serde(default)]
    pub body_html: String,
}

/// A number copied from a source, with what it counts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// What is counted, e.g. `"閉所時の相談支援件数"`.
    pub label: String,
    /// Exactly as printed in the source, e.g. `"3,502件"`.
    pub value: String,
    /// The function the figure belongs to, when it belongs to one.
    #[serde(default)]
    pub function: Option<Function>,
}
