//! How old each page's facts are (issue #21): the date a person last confirmed them
//! (`last_verified`), or for WAM NET facts the data's own date (「2025年3月時点」), and
//! whether that is more than 12 months before the build. An area page also gets a short
//! worklist for its staff: listings with no phone number, then the oldest.

use crate::data::{Checked, FactDate, WorkItem};
use crate::i18n::Messages;
use crate::model::{Area, Facility, Source};

/// Past this many months a page says 「情報が古い可能性があります」.
pub const STALE_MONTHS: i32 = 12;
/// How many listings an area's worklist names.
const WORKLIST: usize = 20;

/// Year and month of `2026-11-22`, `2026-11` or 「2025年3月時点」.
pub fn year_month(text: &str) -> Option<(i32, i32)> {
    let digits = |s: &str| s.chars().take_while(char::is_ascii_digit).collect::<String>();
    if let Some((y, rest)) = text.split_once('-') {
        let m = digits(rest);
        return Some((y.parse().ok()?, m.parse().ok()?)).filter(|(_, m)| (1..=12).contains(m));
    }
    let (y, rest) = text.split_once('年')?;
    let y = y.chars().rev().take_while(char::is_ascii_digit).collect::<String>().chars().rev().collect::<String>();
    let m = digits(rest);
    Some((y.parse().ok()?, m.parse().ok()?)).filter(|(_, m)| (1..=12).contains(m))
}

/// Whole months from `then` to `now`.
fn months(then: (i32, i32), now: (i32, i32)) -> i32 {
    (now.0 - then.0) * 12 + (now.1 - then.1)
}

fn stale(date: &str, today: &str) -> bool {
    match (year_month(date), year_month(today)) {
        (Some(then), Some(now)) => months(then, now) > STALE_MONTHS,
        _ => false,
    }
}

/// The date of a facility's facts, and the date that says how old they are.
fn facility_date(f: &Facility, sources: &[Source]) -> Option<(FactDate, String)> {
    if !f.last_verified.is_empty() {
        return Some((FactDate::Checked(f.last_verified.clone()), f.last_verified.clone()));
    }
    // Its open-data files' dates, each once (two files of the same month read 「2025年3月時点」,
    // not twice, issue #19); the oldest says how old the page is.
    let mut years: Vec<&str> = Vec::new();
    for s in f.sources.iter().filter_map(|id| sources.iter().find(|s| &s.id == id)) {
        if !years.contains(&s.year.as_str()) {
            years.push(&s.year);
        }
    }
    let oldest = years.iter().filter_map(|y| Some((year_month(y)?, *y))).min()?;
    Some((FactDate::DataAsOf(years.iter().map(|y| y.to_string()).collect()), oldest.1.to_string()))
}

/// 「最終確認日：2026-11-22」 or 「データの時点：2025年3月時点」 in the reading of `m`, as plain text.
pub fn text(date: &FactDate, m: &Messages) -> String {
    match date {
        FactDate::Checked(d) => m.plain("sources.checked").replace("{date}", d),
        FactDate::DataAsOf(years) => {
            m.plain("sources.data_as_of").replace("{dates}", &years.join(&m.plain("memo.separator")))
        }
    }
}

/// 「最終確認日：…」 or 「データの時点：…」 for a facility page in the reading of `m`.
pub fn of_facility(f: &Facility, sources: &[Source], today: &str, m: &Messages) -> Option<Checked> {
    let (date, when) = facility_date(f, sources)?;
    Some(Checked { stale: stale(&when, today), text: text(&date, m), date: Some(date) })
}

/// 「最終確認日：…」 for an area page whose content says when it was checked.
pub fn of_area(a: &Area, today: &str, m: &Messages) -> Option<Checked> {
    let date = FactDate::Checked(a.last_verified.clone()?);
    Some(Checked { text: text(&date, m), stale: stale(a.last_verified.as_deref()?, today), date: Some(date) })
}

/// Listings to confirm or complete first: no phone number, then the oldest facts.
pub fn worklist(listed: &[&Facility], sources: &[Source], today: &str, m: &Messages) -> Vec<WorkItem> {
    let mut items: Vec<(bool, (i32, i32), WorkItem)> = listed
        .iter()
        .filter_map(|f| {
            let date = facility_date(f, sources).map(|(d, when)| (text(&d, m), when));
            let ym = date.as_ref().and_then(|(_, d)| year_month(d)).unwrap_or((0, 0));
            let old = date.as_ref().is_some_and(|(_, d)| stale(d, today));
            let why = match (&f.phone, &date) {
                (None, Some((text, _))) => format!("電話番号が未掲載（{text}）"),
                (None, None) => "電話番号が未掲載".to_string(),
                (Some(_), Some((text, _))) if old => format!("{text}から1年以上"),
                _ => return None,
            };
            Some((f.phone.is_some(), ym, WorkItem { id: f.id.clone(), name: f.name.clone(), why }))
        })
        .collect();
    items.sort_by(|a, b| (a.0, a.1, &a.2.name).cmp(&(b.0, b.1, &b.2.name)));
    items.into_iter().take(WORKLIST).map(|(_, _, w)| w).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ja() -> Messages {
        crate::i18n::catalogue(crate::i18n::Lang::Ja)
    }

    #[test]
    fn dates_are_read_in_both_forms() {
        for (text, want) in [
            ("2026-11-22", Some((2026, 11))),
            ("2021-11", Some((2021, 11))),
            ("2025年3月時点", Some((2025, 3))),
            ("令和6年度", None),
            ("2025-13-01", None),
        ] {
            assert_eq!(year_month(text), want, "{text}");
        }
    }

    #[test]
    fn more_than_twelve_months_is_stale() {
        assert!(!stale("2025-12-05", "2026-12-05"));
        assert!(stale("2025-11-30", "2026-12-05"));
        assert!(stale("2025年3月時点", "2026-12-05"));
        assert!(!stale("令和6年度", "2026-12-05"), "an undated text is not called old");
    }

    #[test]
    fn the_worklist_puts_unknown_numbers_first_then_the_oldest() {
        let source = |id: &str, year: &str| Source { id: id.into(), year: year.into(), ..Default::default() };
        let sources = [source("wamnet-2025", "2025年3月時点"), source("wamnet-2024", "2024年4月時点")];
        let f = |id: &str, phone: Option<&str>, verified: &str, src: &str| Facility {
            id: id.into(),
            name: id.into(),
            phone: phone.map(String::from),
            last_verified: verified.into(),
            sources: vec![src.into()],
            ..Default::default()
        };
        let all = [
            f("fresh", Some("042-1"), "2026-11-22", "x"),
            f("old-2025", Some("042-2"), "", "wamnet-2025"),
            f("no-phone", None, "2026-11-22", "x"),
            f("old-2024", Some("042-3"), "", "wamnet-2024"),
        ];
        let listed: Vec<&Facility> = all.iter().collect();
        let items = worklist(&listed, &sources, "2026-12-05", &ja());
        let ids: Vec<&str> = items.iter().map(|w| w.id.as_str()).collect();
        assert_eq!(ids, ["no-phone", "old-2024", "old-2025"]);
        assert_eq!(items[0].why, "電話番号が未掲載（最終確認日：2026-11-22）");
        assert_eq!(items[1].why, "データの時点：2024年4月時点から1年以上");
    }

    #[test]
    fn the_date_of_two_files_of_the_same_month_is_said_once() {
        let source = |id: &str, year: &str| Source { id: id.into(), year: year.into(), ..Default::default() };
        let sources = [source("a", "2025年3月時点"), source("b", "2025年3月時点"), source("c", "2024年4月取得")];
        let f = |ids: &[&str]| Facility { sources: ids.iter().map(|s| s.to_string()).collect(), ..Default::default() };
        let text = |ids: &[&str]| of_facility(&f(ids), &sources, "2025-04-01", &ja()).map(|c| (c.text, c.stale));
        assert_eq!(text(&["a", "b"]), Some(("データの時点：2025年3月時点".into(), false)));
        assert_eq!(text(&["c", "a", "b"]), Some(("データの時点：2024年4月取得、2025年3月時点".into(), false)));
        assert_eq!(of_facility(&f(&["c"]), &sources, "2025-05-01", &ja()).map(|c| c.stale), Some(true));
    }
}
