//! Which rows pass a query and in what order: the [`Matcher`] made once per query, how a
//! row fits the 「誰が」 filters ([`Fit`]), which conditions narrowed nothing, and the
//! shared [`Hit`]s a search lists.

use super::filters::{Condition, Filters};
use super::row::{area_code, FinderRow};
use crate::features::finder::normalize::fold;
use crate::features::finder::order;
use crate::model::{Function, Role};

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

/// Results order, best first, as a key for [`order::sort_by_key`]: rows whose 対象 is
/// confirmed ([`Fit`]), then in each group 拠点 bodies — the 基幹相談支援センター, a
/// family's first contact, leading them — then the rest. The sort is stable, so each group
/// keeps the files' order (by municipality and reading).
pub fn rank(f: &Filters, r: &FinderRow) -> u64 {
    (fit(f, r) as u64) << 2 | u64::from(r.kyoten == 0) << 1 | u64::from(r.role() != Role::CoreConsultation)
}

/// Results order after 「近くを探す」, as a key for [`order::sort_by_key`]: by [`Fit`], then
/// the nearest first (to the metre; rows as far apart keep their [`rank`] order).
pub fn nearest(f: &Filters, r: &FinderRow, km: Option<f64>) -> u64 {
    const FIT_BIT: u32 = 39;
    (fit(f, r) as u64) << FIT_BIT | order::distance_key(km).min((1 << FIT_BIT) - 1)
}

/// Rows matching `filters` within `codes` (all rows when `codes` is empty), in [`rank`] order.
pub fn matching<'a>(
    rows: impl IntoIterator<Item = &'a FinderRow>,
    filters: &Filters,
    codes: &[String],
) -> Vec<&'a FinderRow> {
    let m = Matcher::new(filters, codes);
    let mut out: Vec<&FinderRow> = rows.into_iter().filter(|r| m.accepts(r)).collect();
    order::sort_by_key(&mut out, |r| rank(filters, r));
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
