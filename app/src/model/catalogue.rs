//! The 好事例集 as a whole (seed 003): its summary figures (`content/catalogue/index.md`)
//! and its practice sections (`content/catalogue/practices/<slug>.md`). The 25 entries
//! themselves live in the area files' `[practice]` tables.

use serde::{Deserialize, Serialize};

use super::area::Area;
use super::vocab::{DevelopmentType, Function};

/// Front matter of `content/catalogue/index.md`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueSummary {
    /// Id from `content/sources.toml`.
    pub source: String,
    /// The summary charts, in the document's order.
    pub charts: Vec<Chart>,
    /// The document's lists of examples (具体的な事例), in order.
    #[serde(default)]
    pub examples: Vec<ExampleList>,
    /// Filled in by the loader.
    #[serde(default)]
    pub body_html: String,
}

/// One summary figure of the document, e.g. 整備類型 3/16/6.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chart {
    /// Stable id, e.g. `"development_type"`, `"coordinator"`, `"reception_24h"`, `"beds"`.
    pub id: String,
    /// Title as printed, e.g. `"整備類型"`.
    pub title: String,
    /// The function it belongs to, when it does.
    #[serde(default)]
    pub function: Option<Function>,
    pub bars: Vec<Bar>,
}

impl Chart {
    /// The bars counted again from the 一覧表's entries, for the figures it can answer:
    /// 整備類型 (`development_type`, by each entry's type) and 空床確保 (`beds`, by 「空:」 in
    /// the ②緊急時 cell). Same labels as the printed bars, percentages where the document
    /// prints them. `None` for figures the table does not hold (相談支援専門員, 24時間相談受付).
    pub fn recount(&self, entries: &[&Area]) -> Option<Vec<Bar>> {
        let total = entries.len() as u32;
        let count = |bar: &Bar| -> Option<u32> {
            let n = match self.id.as_str() {
                "development_type" => {
                    let t = DevelopmentType::ALL.into_iter().find(|t| t.label() == bar.label)?;
                    entries.iter().filter(|a| a.development_type == Some(t)).count()
                }
                "beds" => {
                    let has = |a: &&&Area| {
                        a.practice.as_ref().and_then(|p| p.status_of(Function::Emergency)).is_some_and(|s| s.has_beds())
                    };
                    match bar.label.as_str() {
                        "している" => entries.iter().filter(has).count(),
                        "していない" => entries.iter().filter(|a| !has(a)).count(),
                        _ => return None,
                    }
                }
                _ => return None,
            };
            Some(n as u32)
        };
        self.bars
            .iter()
            .map(|b| {
                let n = count(b)?;
                let percent = b.percent.map(|_| if total == 0 { 0 } else { (n * 200 + total) / (total * 2) });
                Some(Bar { label: b.label.clone(), count: n, percent })
            })
            .collect()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bar {
    /// Label as printed, e.g. `"面的整備型"`.
    pub label: String,
    /// Count as printed.
    pub count: u32,
    /// Percentage, only where the document prints one.
    #[serde(default)]
    pub percent: Option<u32>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleList {
    /// Heading as printed, e.g. `"空床確保をしていない自治体等の対応"`.
    pub title: String,
    #[serde(default)]
    pub function: Option<Function>,
    pub items: Vec<String>,
}

/// Said wherever a practice links to the entries that show it: the 好事例集 does not name them.
pub const PRACTICE_MATCHING_NOTE: &str = "好事例集は、これらの取組みの特徴に自治体名を挙げていません。ここに示す自治体等は、拠点ナビが各自治体等の一覧表の行と「Ⅱ. 取組み概要」の記載と照らし合わせて選んだものです。";

/// A practice section: `content/catalogue/practices/<slug>.md`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeSection {
    /// Filled in by the loader from the file name.
    #[serde(default)]
    pub slug: String,
    /// Heading as printed, e.g. `"ワンストップの相談窓口、初期対応の相談窓口"`.
    pub title: String,
    /// Which part of the document: `"history"` (整備の検討経緯), `"setup"` (整備時の工夫),
    /// `"function"` (機能ごとの取組みの特徴), `"model"` (類型ごとの傾向・特徴).
    pub part: PracticePart,
    /// The function it is about, for `part = "function"`; `None` for ⑥その他.
    #[serde(default)]
    pub function: Option<Function>,
    /// The 整備類型 it describes, for `part = "model"`: `"multi"` (多機能拠点整備型) or
    /// `"area"` (面的整備型); left out for the closing remark that covers both.
    #[serde(default)]
    pub development_type: Option<DevelopmentType>,
    /// Position within its part.
    pub order: u32,
    /// Area ids of 好事例集 entries whose own text (their 一覧表 row or Ⅱ 取組概要) shows
    /// this practice, e.g. `["282049", "332101"]`. The document names no municipality for its
    /// practices (seed 003 sections 3–5): this list is 拠点ナビ's own matching, and the pages
    /// say so ([`PRACTICE_MATCHING_NOTE`]). Add an id only when that entry's text describes
    /// the practice itself, not something near it (issue #19).
    #[serde(default)]
    pub entries: Vec<String>,
    /// Filled in by the loader.
    #[serde(default)]
    pub body_html: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PracticePart {
    #[default]
    History,
    Setup,
    Function,
    Model,
}

impl PracticePart {
    /// The catalogue key of [`Self::label`], for the catalogue in every reading.
    pub fn key(self) -> &'static str {
        match self {
            PracticePart::History => "catalogue.part.history",
            PracticePart::Setup => "catalogue.part.setup",
            PracticePart::Function => "catalogue.part.function",
            PracticePart::Model => "catalogue.part.model",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PracticePart::History => "整備の検討経緯",
            PracticePart::Setup => "整備時の工夫",
            PracticePart::Function => "機能ごとの取組みの特徴",
            PracticePart::Model => "整備類型ごとの傾向・特徴",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{catalogue, Lang};
    use crate::model::{COORDINATOR_IN_OVERVIEW, GOOD_PRACTICES_AS_OF, SHIFT_ONLY_NOTE};

    /// The standard page's words in the code (area pages) and in `ja.toml` (the catalogue in
    /// every reading) are the same, so the two cannot drift.
    #[test]
    fn labels_and_notes_equal_the_standard_catalogue() {
        let m = catalogue(Lang::Ja);
        for p in [PracticePart::History, PracticePart::Setup, PracticePart::Function, PracticePart::Model] {
            assert_eq!(m.plain(p.key()), p.label(), "{}", p.key());
        }
        assert_eq!(m.plain("catalogue.matching_note"), PRACTICE_MATCHING_NOTE);
        assert_eq!(m.plain("catalogue.shift_only"), SHIFT_ONLY_NOTE);
        assert_eq!(m.plain("catalogue.in_overview"), COORDINATOR_IN_OVERVIEW);
        assert_eq!(m.plain("catalogue.as_of"), GOOD_PRACTICES_AS_OF);
    }
}
