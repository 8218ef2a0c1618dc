//! The comparison's filters and sort order: parsed from and written to the URL query, and
//! applied to the 25 entries. Pure functions, so they are tested natively and the same code
//! runs in the browser. Query keys: `q` (free text), `type` (整備類型 id), `fn` (a function
//! id, repeated), `beds` (空床確保), `coordinator=1`, `pref` (都道府県), `sort` (column id),
//! `order=desc`. A plain GET form produces the same keys, so the page works without wasm.

use leptos_router::location::Url;
use leptos_router::params::ParamsMap;

use crate::data::CatalogueEntry;
use crate::i18n::{Messages, Texts};
use crate::markup::html::esc;
use crate::model::{DevelopmentType, Function};

/// The text the island writes (the count and the conditions it names), in the page's
/// reading: `catalogue.filter`, the 整備類型 and the functions' names (issue #22).
pub fn island_texts(m: &Messages) -> Texts {
    let mut sections = vec!["catalogue.filter", "development"];
    sections.extend(Function::ALL.map(|f| f.label_key()));
    m.texts(&sections)
}

/// 空床確保 as the 一覧表's ②緊急時 cell states it (「空:拠点内N」 / 「空:拠点外N」).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Beds {
    #[default]
    Any,
    Inside,
    Outside,
    Some,
    None,
}

impl Beds {
    pub const ALL: [Beds; 5] = [Beds::Any, Beds::Inside, Beds::Outside, Beds::Some, Beds::None];

    pub fn id(self) -> &'static str {
        match self {
            Beds::Any => "",
            Beds::Inside => "inside",
            Beds::Outside => "outside",
            Beds::Some => "yes",
            Beds::None => "no",
        }
    }

    /// The catalogue key of its label (`content/messages/`): the choices the browser names
    /// in the count are in `catalogue.filter`, which the island receives.
    pub fn key(self) -> &'static str {
        match self {
            Beds::Any => "catalogue.beds_any",
            Beds::Inside => "catalogue.filter.beds_inside",
            Beds::Outside => "catalogue.filter.beds_outside",
            Beds::Some => "catalogue.filter.beds_some",
            Beds::None => "catalogue.filter.beds_none",
        }
    }

    /// `beds`: [`CatalogueEntry::beds`] (bit 0 inside, bit 1 outside).
    fn matches(self, beds: u8) -> bool {
        match self {
            Beds::Any => true,
            Beds::Inside => beds & 1 != 0,
            Beds::Outside => beds & 2 != 0,
            Beds::Some => beds != 0,
            Beds::None => beds == 0,
        }
    }
}

/// A sortable column of the comparison.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Column {
    #[default]
    Number,
    Name,
    Kind,
    /// Index into [`Function::ALL`].
    Function(usize),
    Coordinator,
}

impl Column {
    pub const ALL: [Column; 9] = [
        Column::Number,
        Column::Name,
        Column::Kind,
        Column::Function(0),
        Column::Function(1),
        Column::Function(2),
        Column::Function(3),
        Column::Function(4),
        Column::Coordinator,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Column::Number => "number",
            Column::Name => "name",
            Column::Kind => "type",
            Column::Function(i) => Function::ALL[i].id(),
            Column::Coordinator => "coordinator",
        }
    }

    /// The catalogue key of the column's full name: its sort button's accessible name.
    pub fn label_key(self) -> &'static str {
        match self {
            Column::Number => "catalogue.column.number",
            Column::Name => "catalogue.column.name",
            Column::Kind => "catalogue.type",
            Column::Function(i) => Function::ALL[i].label_key(),
            Column::Coordinator => "catalogue.column.coordinator",
        }
    }

    /// The catalogue key of the column's visible heading: short, so the comparison fits a
    /// desktop screen, and the start of [`Column::label_key`]'s text (WCAG 2.5.3).
    pub fn short_key(self) -> &'static str {
        match self {
            Column::Function(0) => "catalogue.column.consultation",
            Column::Function(1) => "catalogue.column.emergency",
            Column::Function(2) => "catalogue.column.experience",
            Column::Function(3) => "catalogue.column.expertise",
            Column::Function(_) => "catalogue.column.network",
            Column::Coordinator => "catalogue.coordinator",
            other => other.label_key(),
        }
    }

    /// The catalogue key of what ascending order means, for the sort menu.
    pub fn order_key(self) -> &'static str {
        match self {
            Column::Number => "catalogue.sort_by.number",
            Column::Name => "catalogue.sort_by.name",
            Column::Kind => "catalogue.sort_by.type",
            Column::Function(0) => "catalogue.sort_by.consultation",
            Column::Function(1) => "catalogue.sort_by.emergency",
            Column::Function(2) => "catalogue.sort_by.experience",
            Column::Function(3) => "catalogue.sort_by.expertise",
            Column::Function(_) => "catalogue.sort_by.network",
            Column::Coordinator => "catalogue.sort_by.coordinator",
        }
    }

    pub fn from_id(id: &str) -> Column {
        Column::ALL.into_iter().find(|c| c.id() == id).unwrap_or_default()
    }

    /// Sort rank; ties keep the document's order.
    fn rank(self, e: &CatalogueEntry) -> u32 {
        match self {
            Column::Number | Column::Name => e.number,
            Column::Kind => e.kind.map_or(3, |k| k as u32),
            // 実施 (○) first, then a remark (空床, 検討中, 年度…), then a blank cell.
            Column::Function(i) => {
                if e.done & (1 << i) != 0 {
                    0
                } else if e.noted & (1 << i) != 0 {
                    1
                } else {
                    2
                }
            }
            Column::Coordinator => u32::from(!e.coordinator),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Free text, as typed.
    pub text: String,
    pub kind: Option<DevelopmentType>,
    /// Bit i set: [`Function::ALL`]`[i]` must be 実施 (○).
    pub functions: u8,
    pub beds: Beds,
    /// Only entries with a coordinator (コーディネーター配置 ○).
    pub coordinator: bool,
    /// A prefecture name, or empty for all.
    pub prefecture: String,
    pub sort: Column,
    pub descending: bool,
}

impl Filters {
    pub fn from_query(q: &ParamsMap) -> Filters {
        let one = |k: &str| q.get(k).unwrap_or_default();
        let functions = q
            .get_all("fn")
            .unwrap_or_default()
            .iter()
            .filter_map(|id| Function::ALL.iter().position(|f| f.id() == id))
            .fold(0u8, |bits, i| bits | 1 << i);
        Filters {
            text: one("q"),
            kind: DevelopmentType::from_id(&one("type")),
            functions,
            beds: Beds::ALL.into_iter().find(|b| b.id() == one("beds")).unwrap_or_default(),
            coordinator: !one("coordinator").is_empty(),
            prefecture: one("pref"),
            sort: Column::from_id(&one("sort")),
            descending: one("order") == "desc",
        }
    }

    /// `?type=combined&fn=emergency…`, only what differs from the defaults; `""` when nothing does.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        if !self.text.trim().is_empty() {
            pairs.push(("q", &self.text));
        }
        if let Some(k) = self.kind {
            pairs.push(("type", k.id()));
        }
        for (i, f) in Function::ALL.iter().enumerate() {
            if self.functions & (1 << i) != 0 {
                pairs.push(("fn", f.id()));
            }
        }
        if self.beds != Beds::Any {
            pairs.push(("beds", self.beds.id()));
        }
        if self.coordinator {
            pairs.push(("coordinator", "1"));
        }
        if !self.prefecture.is_empty() {
            pairs.push(("pref", &self.prefecture));
        }
        if self.sort != Column::Number {
            pairs.push(("sort", self.sort.id()));
        }
        if self.descending {
            pairs.push(("order", "desc"));
        }
        let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", Url::escape(v))).collect();
        if query.is_empty() {
            String::new()
        } else {
            format!("?{}", query.join("&"))
        }
    }

    pub fn matches(&self, e: &CatalogueEntry) -> bool {
        let words = fold(&self.text);
        (self.kind.is_none() || e.kind == self.kind)
            && e.done & self.functions == self.functions
            && self.beds.matches(e.beds)
            && (!self.coordinator || e.coordinator)
            && (self.prefecture.is_empty() || e.prefecture == self.prefecture)
            && words.split_whitespace().all(|w| e.text.contains(w))
    }

    /// Indices of the matching entries, in the chosen order.
    pub fn apply(&self, entries: &[CatalogueEntry]) -> Vec<usize> {
        let mut shown: Vec<usize> = (0..entries.len()).filter(|&i| self.matches(&entries[i])).collect();
        shown.sort_by(|&a, &b| {
            let (a, b) = (&entries[a], &entries[b]);
            let order = match self.sort {
                Column::Name => a.kana.cmp(&b.kana),
                c => c.rank(a).cmp(&c.rank(b)),
            }
            .then(a.number.cmp(&b.number));
            if self.descending {
                order.reverse()
            } else {
                order
            }
        });
        shown
    }

    /// Change what the form control `name` (a query key) now says: its `value`, or for a
    /// checkbox whether it is `checked`.
    pub fn set(&mut self, name: &str, value: &str, checked: bool) {
        match name {
            "q" => self.text = value.to_string(),
            "type" => self.kind = DevelopmentType::from_id(value),
            "fn" => {
                if let Some(i) = Function::ALL.iter().position(|f| f.id() == value) {
                    if checked {
                        self.functions |= 1 << i
                    } else {
                        self.functions &= !(1 << i)
                    }
                }
            }
            "beds" => self.beds = Beds::ALL.into_iter().find(|b| b.id() == value).unwrap_or_default(),
            "coordinator" => self.coordinator = checked,
            "pref" => self.prefecture = value.to_string(),
            "sort" => self.sort = Column::from_id(value),
            "order" => self.descending = checked,
            _ => {}
        }
    }

    /// A column heading was pressed: sort by it, or turn its order round.
    pub fn sort_by(&mut self, column: Column) {
        if self.sort == column {
            self.descending = !self.descending;
        } else {
            self.sort = column;
            self.descending = false;
        }
    }

    /// The active filters in words of the page's reading, as markup (escaped, ふりがな as
    /// `<ruby>`), e.g. 「整備類型：併用整備型、コーディネーター配置あり」; empty when none is
    /// set. `t`: [`island_texts`]; `prefecture`: the chosen prefecture as the page names it
    /// (its option's text; the query holds the name as written).
    pub fn describe(&self, t: &Texts, prefecture: &str) -> String {
        let mut parts = Vec::new();
        if !self.text.trim().is_empty() {
            parts.push(t.html("catalogue.filter.keyword").replace("{text}", &esc(self.text.trim())));
        }
        if let Some(k) = self.kind {
            parts.push(t.html("catalogue.filter.type").replace("{type}", &t.html(k.key())));
        }
        for (i, f) in Function::ALL.iter().enumerate() {
            if self.functions & (1 << i) != 0 {
                parts.push(t.html("catalogue.filter.function").replace("{function}", &t.html(f.label_key())));
            }
        }
        if self.beds != Beds::Any {
            parts.push(t.html("catalogue.filter.beds").replace("{beds}", &t.html(self.beds.key())));
        }
        if self.coordinator {
            parts.push(t.html("catalogue.filter.coordinator"));
        }
        if !self.prefecture.is_empty() {
            parts.push(esc(prefecture));
        }
        parts.join(&t.html("catalogue.filter.separator"))
    }

    /// 「25件中 6件を表示（条件：…）」 as markup: the count the page shows, and announces.
    pub fn count(&self, t: &Texts, total: usize, shown: usize, prefecture: &str) -> String {
        let mut count = t
            .html("catalogue.filter.count")
            .replace("{total}", &total.to_string())
            .replace("{shown}", &shown.to_string());
        let described = self.describe(t, prefecture);
        if !described.is_empty() {
            count.push_str(&t.html("catalogue.filter.conditions").replace("{conditions}", &described));
        }
        count
    }
}

/// Text as the free-text filter compares it: full-width letters and digits to ASCII, upper to
/// lower case, katakana to hiragana (so 「わんすとっぷ」 finds 「ワンストップ」 and 「ちば」
/// finds 千葉市 by its reading). No Unicode tables, to keep the wasm small.
pub fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c).to_ascii_lowercase(),
            '\u{30A1}'..='\u{30F6}' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c.to_ascii_lowercase(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(number: u32, kind: DevelopmentType, done: u8, beds: u8, coordinator: bool, text: &str) -> CatalogueEntry {
        CatalogueEntry {
            id: number.to_string(),
            number,
            kana: format!("{}", 100 - number),
            kind: Some(kind),
            done,
            beds,
            coordinator,
            noted: done,
            prefecture: if number == 2 { "千葉県".into() } else { "東京都".into() },
            text: fold(text),
        }
    }

    fn entries() -> Vec<CatalogueEntry> {
        vec![
            entry(1, DevelopmentType::Area, 0b11111, 0, true, "東胆振圏域 苫小牧市"),
            entry(2, DevelopmentType::Combined, 0b00011, 1, false, "柏市 ワンストップ"),
            entry(3, DevelopmentType::Multi, 0b00001, 2, true, "川崎市"),
        ]
    }

    fn query(pairs: &[(&str, &str)]) -> ParamsMap {
        pairs.iter().map(|&(k, v)| (k.to_string(), v.to_string())).collect()
    }

    /// A query and the entries it should show, in order.
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a [usize]);

    #[test]
    fn each_filter_narrows() {
        let es = entries();
        let cases: &[Case] = &[
            (&[], &[0, 1, 2]),
            (&[("type", "combined")], &[1]),
            (&[("fn", "emergency")], &[0, 1]),
            (&[("fn", "emergency"), ("fn", "network")], &[0]),
            (&[("beds", "inside")], &[1]),
            (&[("beds", "outside")], &[2]),
            (&[("beds", "yes")], &[1, 2]),
            (&[("beds", "no")], &[0]),
            (&[("coordinator", "1")], &[0, 2]),
            (&[("pref", "千葉県")], &[1]),
            (&[("q", "わんすとっぷ")], &[1]),
            (&[("q", "ＷＡＮ 柏")], &[]),
            (&[("q", "苫小牧\u{3000}東胆振")], &[0]),
            (&[("sort", "type")], &[2, 0, 1]),
            (&[("sort", "number"), ("order", "desc")], &[2, 1, 0]),
            (&[("sort", "coordinator")], &[0, 2, 1]),
            (&[("sort", "name")], &[2, 1, 0]),
            (&[("type", ""), ("beds", ""), ("q", ""), ("sort", "bogus")], &[0, 1, 2]),
        ];
        for (pairs, want) in cases {
            assert_eq!(Filters::from_query(&query(pairs)).apply(&es), *want, "{pairs:?}");
        }
    }

    #[test]
    fn form_controls_and_headings_change_the_filters() {
        let mut f = Filters::default();
        f.set("type", "combined", false);
        f.set("fn", "network", true);
        f.set("fn", "emergency", true);
        f.set("fn", "network", false);
        f.set("beds", "inside", false);
        f.set("coordinator", "1", true);
        f.set("pref", "千葉県", false);
        f.set("q", "市", false);
        f.set("sort", "name", false);
        f.set("order", "desc", true);
        f.set("unknown", "x", true);
        assert_eq!(f.to_query(), "?q=%E5%B8%82&type=combined&fn=emergency&beds=inside&coordinator=1&pref=%E5%8D%83%E8%91%89%E7%9C%8C&sort=name&order=desc");
        f.sort_by(Column::Name);
        assert_eq!((f.sort, f.descending), (Column::Name, false));
        f.sort_by(Column::Kind);
        f.sort_by(Column::Kind);
        assert_eq!((f.sort, f.descending), (Column::Kind, true));
    }

    #[test]
    fn the_query_round_trips() {
        let f = Filters {
            text: "ワンストップ 市".into(),
            kind: Some(DevelopmentType::Combined),
            functions: 0b00110,
            beds: Beds::Inside,
            coordinator: true,
            prefecture: "千葉県".into(),
            sort: Column::Function(1),
            descending: true,
        };
        let q = f.to_query();
        assert!(q.starts_with("?q=%E3%83%AF"), "{q}");
        assert!(q.contains("&fn=emergency&fn=experience&"), "{q}");
        let parsed: ParamsMap = q
            .trim_start_matches('?')
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(Filters::from_query(&parsed), f);
        assert_eq!(Filters::default().to_query(), "");
        let t = island_texts(&crate::i18n::catalogue(crate::i18n::Lang::Ja));
        assert_eq!(f.describe(&t, "千葉県"), "キーワード「ワンストップ 市」、整備類型：併用整備型、②緊急時の受け入れ・対応を実施、③体験の機会・場を実施、空床：拠点内に確保している、コーディネーター配置あり、千葉県");
        assert_eq!(
            f.count(&t, 25, 1, "千葉県"),
            "25件中 1件を表示（条件：キーワード「ワンストップ 市」、整備類型：併用整備型、②緊急時の受け入れ・対応を実施、③体験の機会・場を実施、空床：拠点内に確保している、コーディネーター配置あり、千葉県）"
        );
        assert_eq!(Filters::default().count(&t, 25, 25, ""), "25件中 25件を表示");
        // Typed text is escaped; other readings name the conditions in their words.
        let typed = Filters { text: "<b>".into(), ..Filters::default() };
        assert_eq!(typed.describe(&t, ""), "キーワード「&lt;b&gt;」");
        let en = island_texts(&crate::i18n::catalogue(crate::i18n::Lang::En));
        assert_eq!(
            f.count(&en, 25, 1, "Chiba"),
            "Showing 1 of 25 (conditions: keyword “ワンストップ 市”, development type: Combined type, ② Emergency acceptance and response in place, ③ Opportunities to try living independently in place, vacant beds: secured within the base, coordinators in place, Chiba)"
        );
        let easy = island_texts(&crate::i18n::catalogue(crate::i18n::Lang::Easy));
        assert!(f.describe(&easy, "千葉県").contains("<ruby>"), "ふりがな in やさしい日本語");
    }
}
