//! How old a page's facts are and how to have them corrected (issues #19, #21): the
//! correction links and form fields, the last-checked line, and the listings an area's staff
//! should look at.

use super::*;

/// Where a correction request goes, from `content/site.toml`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Corrections {
    pub email: Option<String>,
    /// Edit link for this page's content file, when configured.
    pub edit_url: Option<String>,
    /// The public URL of this page, for the e-mail body.
    pub page_url: String,
    /// Whom to tell instead when the deployment sets no address (issue #21): the area's one
    /// sourced desk or 拠点 number, else its website (`site::first_contacts`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instead: Option<crate::model::Call>,
    /// The area's page (a route), whose 「まず連絡するところ」 lists every known number.
    #[serde(default)]
    pub area_page: String,
    /// The area's name, as the page says it.
    #[serde(default)]
    pub area_name: String,
    /// The facts come from WAM NET, which the facility itself reports under the 情報公表制度:
    /// the page that says how (`content/sources.toml`, [`WAMNET_SYSTEM_SOURCE`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wamnet: Option<crate::model::Source>,
    /// The import CSV's columns (`import::sheet::SHEET_COLUMNS`), which the form's row has.
    #[serde(default)]
    pub columns: Vec<String>,
    /// The cells that say which facility a row is: (column, value), e.g. `("ID", "kokubunji-kikan")`.
    #[serde(default)]
    pub fixed: Vec<(String, String)>,
    /// When the page's facts were last confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<Checked>,
}
/// The source that explains how WAM NET facts are reported and published.
pub const WAMNET_SYSTEM_SOURCE: &str = "funabashi-kohyo";
/// How old a page's facts are (issue #21): 「最終確認日：2026-11-22」 or the data's date.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Checked {
    /// The line in the page's reading, as plain text.
    pub text: String,
    /// Confirmed more than 12 months before the build.
    pub stale: bool,
    /// What the line says, for a page that marks the data's own words (English pages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<FactDate>,
}
/// The date of a page's facts: the day a person confirmed them, or the dates of the open data
/// they come from, each as its file gives it (「2025年3月時点」).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactDate {
    /// `last_verified`, `YYYY-MM-DD`.
    Checked(String),
    /// The open-data files' dates, each once.
    DataAsOf(Vec<String>),
}
/// A listing an area's staff should look at (issue #21): its phone number is unknown, or
/// its facts are the oldest.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkItem {
    pub id: String,
    pub name: String,
    /// Why it is listed: 「電話番号が未掲載」, 「2025年3月時点のデータ」.
    pub why: String,
}
