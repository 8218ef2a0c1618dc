//! The finder's query: its state in the URL (`/search/?area=132144&fn=emergency&dis=…`), the
//! compact rows it searches, and the matching itself. Pure functions, shared by the browser
//! and by native tests and benchmarks.

use serde::{Deserialize, Serialize};

use super::areas::is_zero;
use super::normalize::fold;
use crate::model::{AgeGroup, DisabilityType, Function, Role};

/// One facility as the finder needs it, in `data/<build>/search/rows/<area>.json`: one file
/// per area, so a family downloads only the municipalities it searches. Short keys and no
/// zero values keep the files small; the search key is made in the browser.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FinderRow {
    #[serde(rename = "i")]
    pub id: String,
    #[serde(rename = "n")]
    pub name: String,
    /// Reading, as the source writes it (hiragana or katakana).
    #[serde(rename = "j", default, skip_serializing_if = "Option::is_none")]
    pub kana: Option<String>,
    /// 法人 (operator) name.
    #[serde(rename = "o", default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    #[serde(rename = "l", default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Municipality code: the file's own area, so not written in it; set by
    /// [`FinderRow::prepare`].
    #[serde(rename = "a", default, skip_serializing_if = "String::is_empty")]
    pub area: String,
    #[serde(rename = "y")]
    pub lat: f64,
    #[serde(rename = "x")]
    pub lng: f64,
    /// 1 when the position is the facility's own, 0 when it is the municipality hall.
    #[serde(rename = "e", default, skip_serializing_if = "is_zero")]
    pub exact: u8,
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Index into `Role::ALL`.
    #[serde(rename = "r", default, skip_serializing_if = "is_zero")]
    pub role: u8,
    /// Bit per `Role::ALL` index of the open-data service types.
    #[serde(rename = "s", default, skip_serializing_if = "is_zero")]
    pub services: u16,
    /// Bit per `Function::ALL` index.
    #[serde(rename = "f", default, skip_serializing_if = "is_zero")]
    pub functions: u8,
    /// Bit per `DisabilityType::ALL` index; 0 = not known.
    #[serde(rename = "d", default, skip_serializing_if = "is_zero")]
    pub disabilities: u16,
    /// Bit per `AgeGroup::ALL` index; 0 = not known.
    #[serde(rename = "g", default, skip_serializing_if = "is_zero")]
    pub ages: u8,
    /// 1 when a municipality's documents position it as part of the 拠点.
    #[serde(rename = "k", default, skip_serializing_if = "is_zero")]
    pub kyoten: u8,
    /// 0 not known, 1 answers 24 hours, 2 does not.
    #[serde(rename = "h", default, skip_serializing_if = "is_zero")]
    pub open_24h: u8,
    #[serde(rename = "b", default, skip_serializing_if = "Option::is_none")]
    pub beds: Option<u32>,
    /// Folded name, kana, operator and address: made by [`FinderRow::prepare`] once the
    /// file is loaded, never shipped (it would double the file).
    #[serde(skip)]
    pub key: String,
    /// `area` as a number ([`area_code`]), made by [`FinderRow::prepare`]: every keystroke
    /// checks every row's area, and numbers compare three times faster than strings over a
    /// whole prefecture's rows.
    #[serde(skip)]
    pub code: u64,
}

/// A municipality code as a number for comparing; anything else (a region's slug) is
/// `u64::MAX`, which no row has. (`u64` and no `str::parse`: the map already sorts `u64`s,
/// and the finder widget's wasm has no room for another sort.)
pub fn area_code(id: &str) -> u64 {
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
        return u64::MAX;
    }
    id.bytes().fold(0, |n, b| n.wrapping_mul(10).wrapping_add(u64::from(b - b'0')))
}

impl FinderRow {
    /// After loading `rows/<file>.json`: the row's area (written only when it is not the
    /// file's, i.e. a ward's row in its city's file) and its search key.
    pub fn prepare(&mut self, file: &str) {
        if self.area.is_empty() {
            file.clone_into(&mut self.area);
        }
        self.code = area_code(&self.area);
        self.key = fold(&format!(
            "{} {} {} {}",
            self.name,
            self.kana.as_deref().unwrap_or(""),
            self.operator.as_deref().unwrap_or(""),
            self.address.as_deref().unwrap_or("")
        ));
    }

    pub fn role(&self) -> Role {
        Role::ALL.get(self.role as usize).copied().unwrap_or_default()
    }

    pub fn has_function(&self, f: Function) -> bool {
        self.functions & (1 << f as u8) != 0
    }

    pub fn has_service(&self, r: Role) -> bool {
        self.services & (1 << r as u16) != 0
    }

    /// A 拠点's own entry point: a 基幹相談支援センター or the 拠点's office that a municipality's
    /// documents position as part of the 拠点 — where a family in an emergency is sent first.
    pub fn is_entry_point(&self) -> bool {
        self.kyoten == 1 && matches!(self.role(), Role::CoreConsultation | Role::Base)
    }

    /// What the row offers in an emergency and on what basis, for the 緊急時 need: the
    /// municipality's documents for a 拠点 body, the service type for an open-data facility.
    pub fn emergency_basis(&self) -> Option<&'static str> {
        if self.kyoten == 1 && self.has_function(Function::Emergency) {
            Some("緊急時の受け入れ・対応を担います（市区町村の資料から）")
        } else if self.is_entry_point() {
            Some("拠点の相談の入口です。緊急時にどこに頼めるか、まずここに相談できます（市区町村の資料から）")
        } else if self.has_service(Role::ShortStay) {
            Some("短期入所の空きがあるか、電話で尋ねられます（サービス種別から）")
        } else {
            None
        }
    }

    /// 24-hour contact: stated by a source, or 地域定着支援, whose definition is a
    /// 常時の連絡体制 (issue #11).
    pub fn answers_24h(&self) -> bool {
        self.open_24h == 1 || self.has_service(Role::CommunitySettlement)
    }
}

/// The finder's state, read from and written to the URL query.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    pub area: Option<String>,
    pub functions: Vec<Function>,
    pub disabilities: Vec<DisabilityType>,
    pub age: Option<AgeGroup>,
    pub open_24h: bool,
    pub beds: bool,
    pub kyoten_only: bool,
    pub text: String,
    /// A municipality typed into a plain form (`where=国分寺`), resolved to `area` once the
    /// area index has loaded.
    pub place: String,
}

/// What was wrong with a URL parameter, for the helpful message on the page.
#[derive(Clone, Debug, PartialEq)]
pub struct BadParam {
    pub name: String,
    pub value: String,
}

impl Filters {
    /// Read filters from query pairs; unknown values are reported, never fatal.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Filters, Vec<BadParam>) {
        let mut f = Filters::default();
        let mut bad = Vec::new();
        for (name, value) in pairs {
            let mut reject = || bad.push(BadParam { name: name.to_string(), value: value.to_string() });
            match name {
                "area" => {
                    let ok = !value.is_empty()
                        && value.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                    if ok {
                        f.area = Some(value.to_string())
                    } else if !value.is_empty() {
                        reject()
                    }
                }
                "fn" => {
                    for v in value.split(',').filter(|v| !v.is_empty()) {
                        match Function::from_id(v) {
                            Some(x) if !f.functions.contains(&x) => f.functions.push(x),
                            Some(_) => {}
                            None => bad.push(BadParam { name: name.into(), value: v.into() }),
                        }
                    }
                }
                "dis" => {
                    for v in value.split(',').filter(|v| !v.is_empty()) {
                        match DisabilityType::from_id(v) {
                            Some(x) if !f.disabilities.contains(&x) => f.disabilities.push(x),
                            Some(_) => {}
                            None => bad.push(BadParam { name: name.into(), value: v.into() }),
                        }
                    }
                }
                "age" => match AgeGroup::from_id(value) {
                    Some(a) => f.age = Some(a),
                    None if value.is_empty() => {}
                    None => reject(),
                },
                "h24" => f.open_24h = value == "1",
                "beds" => f.beds = value == "1",
                "kyoten" => f.kyoten_only = value == "1",
                "q" => f.text = value.to_string(),
                "where" => f.place = value.to_string(),
                _ => {}
            }
        }
        (f, bad)
    }

    /// The query string (without `?`), in a fixed order so that URLs are stable.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(a) = &self.area {
            parts.push(format!("area={a}"));
        }
        if !self.functions.is_empty() {
            parts.push(format!("fn={}", self.functions.iter().map(|f| f.id()).collect::<Vec<_>>().join(",")));
        }
        if !self.disabilities.is_empty() {
            parts.push(format!("dis={}", self.disabilities.iter().map(|d| d.id()).collect::<Vec<_>>().join(",")));
        }
        if let Some(a) = self.age {
            parts.push(format!("age={}", a.id()));
        }
        for (on, name) in [(self.open_24h, "h24"), (self.beds, "beds"), (self.kyoten_only, "kyoten")] {
            if on {
                parts.push(format!("{name}=1"));
            }
        }
        if !self.text.trim().is_empty() {
            parts.push(format!("q={}", encode_component(self.text.trim())));
        }
        parts.join("&")
    }

    /// Whether anything narrows the results besides the area.
    pub fn narrows(&self) -> bool {
        !self.functions.is_empty()
            || !self.disabilities.is_empty()
            || self.age.is_some()
            || self.open_24h
            || self.beds
            || self.kyoten_only
            || !self.text.trim().is_empty()
    }
}

/// Whether a row passes the filters: made once per query, asked once per row.
pub struct Matcher<'f> {
    filters: &'f Filters,
    words: Vec<String>,
    /// Sorted, for a binary search per row (a region has hundreds of members).
    codes: Vec<u64>,
}

impl<'f> Matcher<'f> {
    /// Rows of `codes` only (any row when `codes` is empty).
    pub fn new(filters: &'f Filters, codes: &[String]) -> Self {
        let words = filters.text.split_whitespace().map(fold).filter(|w| !w.is_empty()).collect();
        let mut codes: Vec<u64> = codes.iter().map(|c| area_code(c)).collect();
        codes.sort_unstable();
        Matcher { filters, words, codes }
    }

    /// Whether every row this matcher accepts was accepted by `earlier` too, so that its
    /// results can be filtered from `earlier`'s instead of from every row: the same area and
    /// conditions, and each earlier word inside some word now (typing 「こくぶ」 after
    /// 「こく」). Compared after folding: 「n」 then 「na」 is 「ん」 then 「な」, no narrowing.
    pub fn narrows(&self, earlier: &Matcher) -> bool {
        let (mut now, mut then) = (self.filters.clone(), earlier.filters.clone());
        now.text.clear();
        then.text.clear();
        now == then
            && self.codes == earlier.codes
            && earlier.words.iter().all(|w| self.words.iter().any(|n| n.contains(w.as_str())))
    }

    /// One bit per [`Condition`] the row fails (never the area: a row of another area fails
    /// everything, `u8::MAX`).
    pub fn failing(&self, r: &FinderRow) -> u8 {
        let f = self.filters;
        if !(self.codes.is_empty() || self.codes.binary_search(&r.code).is_ok()) {
            return u8::MAX;
        }
        let need = f.functions.is_empty()
            || f.functions.iter().any(|x| r.has_function(*x))
            || (f.functions.contains(&Function::Emergency) && r.is_entry_point());
        let who = (r.disabilities == 0
            || f.disabilities.is_empty()
            || f.disabilities.iter().any(|d| r.disabilities & (1 << *d as u16) != 0))
            && (r.ages == 0 || f.age.is_none_or(|a| r.ages & (1 << a as u8) != 0));
        let other = (!f.open_24h || r.answers_24h())
            && (!f.beds || r.beds.is_some_and(|b| b > 0))
            && (!f.kyoten_only || r.kyoten == 1);
        let text = self.words.iter().all(|w| r.key.contains(w.as_str()));
        u8::from(!need) | u8::from(!who) << 1 | u8::from(!other) << 2 | u8::from(!text) << 3
    }

    pub fn accepts(&self, r: &FinderRow) -> bool {
        self.failing(r) == 0
    }
}

/// Whether a result is known to serve the people the 「誰が」 filters ask for, or was kept
/// because its source does not say (issue #17: 「対象は事業所に確認が必要なところ」).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fit {
    Confirmed,
    AskFacility,
}

impl Filters {
    /// Whether the disability or age filter is on: only then do results split by [`Fit`].
    pub fn asks_who(&self) -> bool {
        !self.disabilities.is_empty() || self.age.is_some()
    }

    /// Whether the condition group `c` narrows these filters at all.
    pub fn has(&self, c: Condition) -> bool {
        match c {
            Condition::Need => !self.functions.is_empty(),
            Condition::Who => self.asks_who(),
            Condition::Other => self.open_24h || self.beds || self.kyoten_only,
            Condition::Text => !self.text.trim().is_empty(),
        }
    }

    /// These filters without one group of conditions (「…の条件を外す」).
    pub fn without(&self, c: Condition) -> Filters {
        let mut f = self.clone();
        match c {
            Condition::Need => f.functions.clear(),
            Condition::Who => {
                f.disabilities.clear();
                f.age = None;
            }
            Condition::Other => {
                f.open_24h = false;
                f.beds = false;
                f.kyoten_only = false;
            }
            Condition::Text => f.text.clear(),
        }
        f
    }
}

/// A group of conditions, as the form shows them and a person removes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Condition {
    // The order is the bit order of [`Matcher::failing`].
    Need,
    Who,
    Other,
    Text,
}

impl Condition {
    pub const ALL: [Condition; 4] = [Condition::Need, Condition::Who, Condition::Other, Condition::Text];

    /// As the page names it: 「{label}の条件を外す」, 「{label}」の条件では…
    pub fn label(self) -> &'static str {
        match self {
            Condition::Need => "困っていること",
            Condition::Who => "障害の種類・年齢",
            Condition::Other => "そのほか",
            Condition::Text => "名前・住所",
        }
    }
}

/// How `r` fits the 「誰が」 filters of `f`: confirmed only when every asked-for kind is
/// known for the row (an unknown value never filters a row out).
pub fn fit(f: &Filters, r: &FinderRow) -> Fit {
    let known = (f.disabilities.is_empty() || r.disabilities != 0) && (f.age.is_none() || r.ages != 0);
    if known {
        Fit::Confirmed
    } else {
        Fit::AskFacility
    }
}

/// The condition groups in `f` that do not change which rows of `rows` match:
/// said on the page instead of showing the same list as if it had been narrowed. One pass:
/// a group changes nothing when no row fails it alone.
pub fn unchanged_by<'a>(
    rows: impl IntoIterator<Item = &'a FinderRow>,
    f: &Filters,
    codes: &[String],
) -> Vec<Condition> {
    let m = Matcher::new(f, codes);
    let mut alone = [false; 4];
    for r in rows {
        let failing = m.failing(r);
        if failing.count_ones() == 1 {
            alone[failing.trailing_zeros() as usize] = true;
        }
    }
    Condition::ALL.into_iter().filter(|c| f.has(*c) && !alone[*c as usize]).collect()
}

/// Results order, best first: 拠点 bodies — the 基幹相談支援センター, a family's first
/// contact, leading them — then the rest. Sort by it stably, so each group keeps the files'
/// order (by municipality and reading).
pub fn rank(r: &FinderRow) -> (bool, bool) {
    (r.kyoten == 0, r.role() != Role::CoreConsultation)
}

/// Rows matching `filters` within `codes` (all rows when `codes` is empty), in [`rank`] order.
pub fn matching<'a>(
    rows: impl IntoIterator<Item = &'a FinderRow>,
    filters: &Filters,
    codes: &[String],
) -> Vec<&'a FinderRow> {
    let m = Matcher::new(filters, codes);
    let mut out: Vec<&FinderRow> = rows.into_iter().filter(|r| m.accepts(r)).collect();
    out.sort_by_key(|r| (fit(filters, r), rank(r)));
    out
}

/// One result: a row of a loaded row file, shared rather than copied (a search can list
/// thousands), with its distance from the person when 「近くを探す」 gave a position.
#[derive(Clone, Debug)]
pub struct Hit {
    file: std::sync::Arc<Vec<FinderRow>>,
    at: usize,
    pub distance: Option<f64>,
}

impl Hit {
    pub fn new(file: std::sync::Arc<Vec<FinderRow>>, at: usize, distance: Option<f64>) -> Self {
        Hit { file, at, distance }
    }

    pub fn row(&self) -> &FinderRow {
        &self.file[self.at]
    }
}

impl PartialEq for Hit {
    fn eq(&self, other: &Hit) -> bool {
        std::sync::Arc::ptr_eq(&self.file, &other.file) && self.at == other.at && self.distance == other.distance
    }
}

/// Percent-encode a query value (UTF-8), keeping unreserved characters.
pub fn encode_component(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::areas::*;

    fn row(id: &str, area: &str, functions: &[Function], kyoten: bool) -> FinderRow {
        FinderRow {
            id: id.into(),
            name: id.into(),
            area: area.into(),
            functions: functions.iter().fold(0, |m, f| m | 1 << *f as u8),
            kyoten: kyoten as u8,
            key: fold(id),
            code: area_code(area),
            ..Default::default()
        }
    }

    #[test]
    fn filters_round_trip_through_the_url() {
        let (f, bad) = Filters::from_pairs([
            ("area", "132144"),
            ("fn", "emergency,consultation"),
            ("dis", "intellectual"),
            ("h24", "1"),
            ("q", "つばさ 国分寺"),
        ]);
        assert!(bad.is_empty());
        assert_eq!(f.to_query(), "area=132144&fn=emergency,consultation&dis=intellectual&h24=1&q=%E3%81%A4%E3%81%B0%E3%81%95%20%E5%9B%BD%E5%88%86%E5%AF%BA");
    }

    #[test]
    fn bad_parameters_are_reported_not_fatal() {
        let (f, bad) = Filters::from_pairs([("area", "<script>"), ("fn", "emergency,flying"), ("age", "old")]);
        assert_eq!(f.functions, vec![Function::Emergency]);
        assert_eq!(f.area, None);
        let names: Vec<(&str, &str)> = bad.iter().map(|b| (b.name.as_str(), b.value.as_str())).collect();
        assert_eq!(names, vec![("area", "<script>"), ("fn", "flying"), ("age", "old")]);
    }

    #[test]
    fn matching_narrows_by_area_function_and_text_with_kyoten_first() {
        let rows = vec![
            row("ショートステイあおば", "132144", &[Function::Emergency], false),
            row("基幹センター", "132144", &[Function::Consultation], true),
            row("よその施設", "121002", &[Function::Emergency], false),
        ];
        let all = matching(&rows, &Filters::default(), &["132144".into()]);
        assert_eq!(all.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), vec!["基幹センター", "ショートステイあおば"]);
        // Among 拠点 bodies the 基幹相談支援センター leads, whatever its reading.
        let mut core = row("わ基幹", "132144", &[], true);
        core.role = Role::ALL.iter().position(|r| *r == Role::CoreConsultation).unwrap_or(0) as u8;
        let (mut other, mut open) = (row("あ拠点", "132144", &[], true), row("い事業所", "132144", &[], false));
        other.role = Role::ALL.iter().position(|r| *r == Role::ActivitySupport).unwrap_or(0) as u8;
        open.role = Role::ALL.iter().position(|r| *r == Role::ShortStay).unwrap_or(0) as u8;
        let ranked = vec![other, open, core];
        let order: Vec<&str> = matching(&ranked, &Filters::default(), &[]).iter().map(|r| r.id.as_str()).collect();
        assert_eq!(order, vec!["わ基幹", "あ拠点", "い事業所"]);
        // 緊急時: the short stay, and the 基幹相談支援センター as the 拠点's entry point.
        let (f, _) = Filters::from_pairs([("fn", "emergency")]);
        let ids: Vec<&str> = matching(&rows, &f, &["132144".into()]).iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["基幹センター", "ショートステイあおば"]);
        let (f, _) = Filters::from_pairs([("fn", "experience")]);
        assert!(matching(&rows, &f, &["132144".into()]).is_empty(), "only 緊急時 keeps the entry points");
        let (f, _) = Filters::from_pairs([("q", "しょーとすてい")]);
        assert_eq!(matching(&rows, &f, &[]).len(), 1);
        let (f, _) = Filters::from_pairs([("q", "ｼｮｰﾄｽﾃｲ")]);
        assert_eq!(matching(&rows, &f, &[]).len(), 1);
    }

    #[test]
    fn rows_ship_without_key_area_or_zeros_and_are_prepared_after_loading() {
        let shipped = FinderRow {
            id: "x".into(),
            name: "ショートステイあおば".into(),
            kana: Some("しょーとすていあおば".into()),
            operator: Some("社会福祉法人みどり会".into()),
            address: Some("東京都国分寺市本町1-2".into()),
            functions: 1 << Function::Emergency as u8,
            ..Default::default()
        };
        let json = serde_json::to_string(&shipped).expect("json");
        assert_eq!(
            json,
            r#"{"i":"x","n":"ショートステイあおば","j":"しょーとすていあおば","o":"社会福祉法人みどり会","l":"東京都国分寺市本町1-2","y":0.0,"x":0.0,"f":2}"#
        );
        let mut loaded: FinderRow = serde_json::from_str(&json).expect("parse");
        loaded.prepare("132144");
        assert_eq!(loaded.area, "132144");
        assert_eq!(loaded.code, 132144);
        assert_eq!(area_code("higashi-iburi"), u64::MAX, "a region is no row's area");
        assert_eq!(area_code(""), u64::MAX);
        for (q, hits) in [("あおば", 1), ("ｼｮｰﾄｽﾃｲ", 1), ("みどり会", 1), ("国分寺市本町", 1), ("こだいら", 0)]
        {
            let (f, _) = Filters::from_pairs([("q", q)]);
            assert_eq!(matching(std::slice::from_ref(&loaded), &f, &["132144".into()]).len(), hits, "{q}");
        }
    }

    #[test]
    fn narrowing_a_search_as_one_types_gives_what_searching_everything_gives() {
        let mut rows: Vec<FinderRow> = [
            "国分寺こども相談",
            "こくぶんじ短期入所",
            "小金井ナイトケア",
            "Nanairo ホーム",
            "なないろ相談室",
            "ん工房",
        ]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let mut r = row(&format!("r{i}"), "132144", &[Function::Consultation], i % 2 == 0);
            r.name = name.to_string();
            r
        })
        .collect();
        rows.iter_mut().for_each(|r| r.prepare("132144"));
        let codes = vec!["132144".to_string()];
        let typed = |text: &str| Filters { text: text.into(), ..Default::default() };
        let mut narrowed_searches = 0;
        for sequence in [
            &["k", "ko", "kok", "koku", "kokub"][..],
            &["n", "na", "nan", "nana"],
            &["こ", "こく", "こく 相", "こく 相談"],
            &["相談", "相", "そうだん"],
            &["ナ", "ﾅﾅ", "ななな"],
        ] {
            let mut earlier: Option<(Filters, Vec<&FinderRow>)> = None;
            for text in sequence {
                let now = typed(text);
                let all = matching(&rows, &now, &codes);
                if let Some((then, found)) = &earlier {
                    let (m, e) = (Matcher::new(&now, &codes), Matcher::new(then, &codes));
                    if m.narrows(&e) {
                        let narrowed: Vec<&FinderRow> = found.iter().copied().filter(|r| m.accepts(r)).collect();
                        assert_eq!(narrowed, all, "{:?} after {:?}", now.text, then.text);
                        narrowed_searches += 1;
                    }
                }
                earlier = Some((now, all));
            }
        }
        assert!(narrowed_searches >= 5, "typing on narrows: {narrowed_searches}");
        let m = |text: &str, kyoten: bool| Filters { text: text.into(), kyoten_only: kyoten, ..Default::default() };
        let (a, b) = (m("ko", false), m("kok", true));
        assert!(!Matcher::new(&b, &codes).narrows(&Matcher::new(&a, &codes)), "other conditions changed");
        let (a, b) = (m("n", false), m("na", false));
        assert!(!Matcher::new(&b, &codes).narrows(&Matcher::new(&a, &codes)), "ん is not in な");
        let (a, b) = (m("", false), m("x", false));
        assert!(Matcher::new(&b, &codes).narrows(&Matcher::new(&a, &codes)), "any text narrows none");
    }

    #[test]
    fn wards_share_their_city_file_and_only_files_that_exist_are_named() {
        let entry = |id: &str, rows: u32, parent: Option<&str>| AreaEntry {
            id: id.into(),
            name: id.into(),
            rows,
            parent: parent.map(str::to_string),
            ..Default::default()
        };
        let index = AreaIndex {
            prefectures: [("12".to_string(), "千葉県".to_string())].into(),
            areas: vec![
                entry("121029", 0, Some("121002")),
                entry("121002", 0, None),
                entry("121011", 3, Some("121002")),
                entry("122033", 0, None),
            ],
        };
        let areas = index.into_entries();
        assert_eq!(
            areas.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
            vec!["121002", "121011", "121029", "122033"],
            "sorted by id"
        );
        assert_eq!(areas[2].prefecture, "千葉県");
        assert_eq!(row_files(&areas, &area_codes(&areas, "121002")), vec!["121002".to_string()]);
        assert_eq!(
            row_files(&areas, &area_codes(&areas, "121029")),
            vec!["121002".to_string()],
            "a ward without rows still searches its city's file"
        );
        assert!(row_files(&areas, &area_codes(&areas, "122033")).is_empty(), "no file, no request");
        assert!(!serde_json::to_string(&areas[0]).expect("json").contains("\"r\""));
        // A ward's search reads its city's file and keeps only the ward's rows.
        let mut city = row("a", "", &[], false);
        city.prepare("121002");
        let mut ward = row("b", "121011", &[], false);
        ward.prepare("121002");
        assert_eq!((city.area.as_str(), ward.area.as_str()), ("121002", "121011"));
        let rows = [city, ward];
        let codes = area_codes(&areas, "121011");
        assert_eq!(
            matching(&rows, &Filters::default(), &codes).iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            vec!["b"]
        );
    }

    #[test]
    fn confirmed_rows_come_first_and_a_mismatch_is_left_out() {
        let with = |id: &str, d: &[DisabilityType]| FinderRow {
            disabilities: d.iter().fold(0, |m, x| m | 1 << *x as u16),
            ..row(id, "132144", &[], false)
        };
        let rows = [
            with("unknown", &[]),
            with("physical", &[DisabilityType::Physical]),
            with("intellectual", &[DisabilityType::Intellectual]),
        ];
        let f = Filters { disabilities: vec![DisabilityType::Intellectual], ..Default::default() };
        let hits: Vec<(&str, Fit)> =
            matching(&rows, &f, &["132144".into()]).into_iter().map(|r| (r.id.as_str(), fit(&f, r))).collect();
        assert_eq!(hits, [("intellectual", Fit::Confirmed), ("unknown", Fit::AskFacility)]);
        assert!(unchanged_by(&rows, &f, &["132144".into()]).is_empty(), "it left 「physical」 out");
        let none = Filters::default();
        assert!(rows.iter().all(|r| fit(&none, r) == Fit::Confirmed), "no question, nothing to confirm");
    }

    #[test]
    fn unknown_disability_types_stay_in_results() {
        let mut known = row("a", "1", &[], false);
        known.disabilities = 1 << DisabilityType::Mental as u16;
        let unknown = row("b", "1", &[], false);
        let rows = vec![known, unknown];
        let (f, _) = Filters::from_pairs([("dis", "intellectual")]);
        assert_eq!(matching(&rows, &f, &[]).iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), vec!["b"]);
    }

    #[test]
    fn areas_match_by_reading_romaji_and_half_width() {
        let areas: Vec<AreaEntry> = [
            ("132144", "国分寺市", "こくぶんじし"),
            ("132110", "小平市", "こだいらし"),
            ("121002", "千葉市", "ちばし"),
            ("121011", "千葉市中央区", "ちばしちゅうおうく"),
        ]
        .iter()
        .map(|(id, n, k)| AreaEntry {
            id: id.to_string(),
            name: n.to_string(),
            key: fold(&format!("{n}{k}")),
            parent: (*id == "121011").then(|| "121002".into()),
            ..Default::default()
        })
        .collect();
        for typed in ["こくぶんじ", "国分寺", "ｺｸﾌﾞﾝｼﾞ", "Kokubunji"] {
            let hits = matching_areas(&areas, typed, 5);
            assert_eq!(hits.first().map(|a| a.id.as_str()), Some("132144"), "{typed}");
        }
        assert_eq!(area_codes(&areas, "121002"), vec!["121002".to_string(), "121011".to_string()]);
        assert_eq!(matching_areas(&areas, "chiba chuou", 5).first().map(|a| a.id.as_str()), Some("121011"));
    }

    #[test]
    fn distances() {
        let d = distance_km(35.71083333, 139.4622222, 35.60722222, 140.1063889);
        assert!((d - 59.2).abs() < 1.0, "{d}");
    }
}
