//! An entry of the 好事例集 (seed 003, 「好事例集 掲載自治体 一覧表」 and section Ⅱ), and
//! the status grammar of its five function cells.

use serde::{Deserialize, Serialize};

use super::vocab::Function;

/// When the 好事例集's statuses held: the document gives no date, and the newest year in its
/// table is 平成30年度 (「(H30年度~)」, seed 003 line 88). Every status, feature and overview
/// from it is shown with this beside it (issue #19), as in `content/sources.toml`.
pub const GOOD_PRACTICES_AS_OF: &str = "平成30年度ごろ";

/// Said beside every 特徴・付加機能等 list whose row has `features_shift_only` (issue #19).
pub const SHIFT_ONLY_NOTE: &str = "この特徴は、好事例集の一覧表で「特徴・付加機能等」の列が1行ずれていると見て、この自治体等のものとしたものです。「Ⅱ. 取組み概要」に裏づける記載はなく、確かではありません。";

/// Beside the コーディネーター cell when the column shows 「-」 but section Ⅱ describes
/// coordinators (`coordinator_overview`, issue #19): on the catalogue and on the area page.
pub const COORDINATOR_IN_OVERVIEW: &str = "「Ⅱ. 取組み概要」には記載あり";

/// A passage of a seed document, quoted exactly, with the line it is on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedPassage {
    /// Line number in the seed file (1-based).
    pub line: u32,
    /// The words as printed.
    pub text: String,
}

/// `[practice]` table in an area file: its row in the 一覧表 and its Ⅱ 取組概要.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    /// Row number in the 一覧表, 1–25.
    pub number: u32,
    /// Row heading exactly as printed, e.g. `"東胆振圏域(苫小牧市・白老町・厚真町・安平町・むかわ町)(北海道)"`.
    pub heading: String,
    /// The five function cells copied exactly as the table prints them: `"○"`, `"○(基)"`,
    /// `"○ (空:拠点内2 拠点外1)"`, `"(空:拠点外1)"`, `"(検討中)"`, `"(未実施)"`,
    /// `"(市独自事業)"`, `"(H30年度~)"`, or `""` for a blank cell.
    pub consultation: String,
    pub emergency: String,
    pub experience: String,
    pub expertise: String,
    pub network: String,
    /// 特徴・付加機能等, one item per 「・」 bullet, after reconciliation (see `reconciliation`).
    #[serde(default)]
    pub features: Vec<String>,
    /// コーディネーター配置 column: `true` for 「○」, `false` for 「-」.
    pub coordinator: bool,
    /// Where the column shows 「-」 but section Ⅱ describes coordinators: that passage of Ⅱ,
    /// copied exactly, with its line in seed 003, e.g.
    /// `coordinator_overview = { line = 325, text = "市内全域を対象とする…コーディネーターの役割を担う" }`.
    /// The column stays as printed; the pages show both (issue #19).
    #[serde(default)]
    pub coordinator_overview: Option<SeedPassage>,
    /// How this row was checked against section Ⅱ and the place names, in Japanese.
    pub reconciliation: String,
    /// `true` when `features` rest on the one-row shift of the 一覧表 alone: section Ⅱ has
    /// nothing on this entry that confirms them (確度 中 or 低〜中 in `reconciliation`).
    /// Every page that shows the features then shows [`SHIFT_ONLY_NOTE`] beside them.
    #[serde(default)]
    pub features_shift_only: bool,
    /// Ⅱ. 取組概要 lead sentence, for the 13 entries that have one.
    #[serde(default)]
    pub overview_lead: Option<String>,
    /// Ⅱ. 取組概要 bullets.
    #[serde(default)]
    pub overview: Vec<String>,
    /// Filled in by the loader: the five cells parsed.
    #[serde(default)]
    pub status: Vec<FunctionStatus>,
}

impl Practice {
    pub fn cell(&self, f: Function) -> &str {
        match f {
            Function::Consultation => &self.consultation,
            Function::Emergency => &self.emergency,
            Function::Experience => &self.experience,
            Function::Expertise => &self.expertise,
            Function::Network => &self.network,
        }
    }

    pub fn status_of(&self, f: Function) -> Option<&FunctionStatus> {
        self.status.iter().find(|s| s.function == f)
    }
}

/// One function cell of the 一覧表, parsed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FunctionStatus {
    pub function: Function,
    /// The cell exactly as printed.
    pub raw: String,
    /// 「○」: in place.
    pub implemented: bool,
    /// 「(基)」: through the 基幹相談支援センター.
    pub core: bool,
    /// 空床確保 inside the 拠点 (「拠点内N」).
    pub beds_inside: Option<u32>,
    /// 空床確保 outside the 拠点 (「拠点外N」).
    pub beds_outside: Option<u32>,
    /// Any other remark in brackets: 検討中, 未実施, 市独自事業, H30年度~ …
    pub note: Option<String>,
}

impl FunctionStatus {
    /// Whether the table shows any vacant-bed arrangement (「空」).
    pub fn has_beds(&self) -> bool {
        self.beds_inside.is_some() || self.beds_outside.is_some()
    }

    /// Short Japanese summary for a status grid cell.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if self.implemented {
            parts.push(if self.core { "実施（基幹）".to_string() } else { "実施".to_string() });
        }
        if let Some(n) = self.beds_inside {
            parts.push(format!("空床 拠点内{n}"));
        }
        if let Some(n) = self.beds_outside {
            parts.push(format!("空床 拠点外{n}"));
        }
        if let Some(note) = &self.note {
            parts.push(note.clone());
        }
        if parts.is_empty() {
            "表に記載なし".to_string()
        } else {
            parts.join("・")
        }
    }
}

/// Parse a function cell. Returns `Err` with what was not understood.
pub fn parse_function_cell(function: Function, raw: &str) -> Result<FunctionStatus, String> {
    let mut status = FunctionStatus { function, raw: raw.to_string(), ..Default::default() };
    let mut rest = raw.trim();
    if let Some(r) = rest.strip_prefix('○') {
        status.implemented = true;
        rest = r.trim_start();
        if let Some(r) = rest.strip_prefix("(基)") {
            status.core = true;
            rest = r.trim_start();
        }
    }
    if rest.is_empty() {
        return Ok(status);
    }
    let inner = rest
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .ok_or_else(|| format!("expected 「○」, 「○(基)」 or a remark in brackets, found 「{raw}」"))?;
    let (note, beds, marked) = match inner.find("空:") {
        Some(i) => (inner[..i].trim(), &inner[i + "空:".len()..], true),
        None => (inner.trim(), "", false),
    };
    for word in beds.split_whitespace() {
        let (slot, n) = if let Some(n) = word.strip_prefix("拠点内") {
            (&mut status.beds_inside, n)
        } else if let Some(n) = word.strip_prefix("拠点外") {
            (&mut status.beds_outside, n)
        } else {
            return Err(format!("expected 「拠点内N」 or 「拠点外N」 after 「空:」, found 「{word}」"));
        };
        *slot = Some(n.parse().map_err(|_| format!("「{word}」: the bed count is not a number"))?);
    }
    if !note.is_empty() {
        status.note = Some(note.trim_end_matches('で').to_string());
    }
    if marked && status.beds_inside.is_none() && status.beds_outside.is_none() {
        return Err(format!("「空:」 without a bed count in 「{raw}」"));
    }
    Ok(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_cell_shape_of_the_table() {
        type Case<'a> = (&'a str, bool, bool, Option<u32>, Option<u32>, Option<&'a str>);
        let cases: &[Case] = &[
            ("", false, false, None, None, None),
            ("○", true, false, None, None, None),
            ("○(基)", true, true, None, None, None),
            ("○ (空:拠点内2)", true, false, Some(2), None, None),
            ("○ (空:拠点内3 拠点外2)", true, false, Some(3), Some(2), None),
            ("(空:拠点外8)", false, false, None, Some(8), None),
            ("(検討中)", false, false, None, None, Some("検討中")),
            ("(未実施)", false, false, None, None, Some("未実施")),
            ("(H30年度~)", false, false, None, None, Some("H30年度~")),
            ("(市独自事業で空:拠点外2)", false, false, None, Some(2), Some("市独自事業")),
            ("(市独自事業を拡充予定)", false, false, None, None, Some("市独自事業を拡充予定")),
        ];
        for &(raw, implemented, core, inside, outside, note) in cases {
            let s = parse_function_cell(Function::Emergency, raw).expect(raw);
            assert_eq!(
                (s.implemented, s.core, s.beds_inside, s.beds_outside, s.note.as_deref()),
                (implemented, core, inside, outside, note),
                "cell {raw:?}"
            );
            assert_eq!(s.raw, raw);
        }
    }

    #[test]
    fn rejects_what_the_table_never_prints() {
        for raw in ["◎", "○ 空:拠点内2", "(空:拠点内x)", "(空:どこか2)", "(空:)"] {
            assert!(parse_function_cell(Function::Emergency, raw).is_err(), "{raw:?}");
        }
    }
}
