//! The 好事例集 page's data: its body rendered at build time, and what the filters and sort
//! need in the browser.

use super::*;

/// `/catalogue/`. The whole page — comparison table, cards, filter form, charts, practice
/// sections — is rendered at build time and works without JavaScript; in the browser the
/// page only shows, hides and reorders the pre-rendered rows as the URL's filters say, so
/// the view code stays out of the wasm (`features::catalogue`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CatalogueData {
    /// The page's title and description, in its reading.
    pub title: String,
    pub description: String,
    /// The page body, rendered at build time.
    pub html: String,
    /// The 25 entries in table order, the same order as the rows in `html`.
    pub entries: Vec<CatalogueEntry>,
    /// The page's public URL without a query, printed on paper with the filters.
    pub url: String,
    /// The words the filters write in the browser (the count and its conditions), in the
    /// page's reading (issue #22; `features::catalogue::filter::island_texts`).
    pub text: crate::i18n::Texts,
}
/// What the filters and sort need to know of one 好事例集 entry (its row is in the HTML).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CatalogueEntry {
    /// Area id (`/areas/{id}/`).
    pub id: String,
    /// Row number in the 一覧表, 1–25.
    pub number: u32,
    /// Reading in hiragana, for the 五十音順 sort.
    pub kana: String,
    pub prefecture: String,
    pub kind: Option<crate::model::DevelopmentType>,
    /// Bit i set when function i ([`crate::model::Function::ALL`]) is 実施 (「○」).
    pub done: u8,
    /// Bit i set when function i's cell says anything (「○」, 空床, 検討中, a year …).
    pub noted: u8,
    /// 空床確保 in the ②緊急時 cell: bit 0 inside the 拠点, bit 1 outside.
    pub beds: u8,
    /// コーディネーター配置 「○」.
    pub coordinator: bool,
    /// Everything the free-text filter searches (name, reading, prefecture, 整備類型,
    /// features, 取組み概要), folded by `features::catalogue::filter::fold`.
    pub text: String,
}
