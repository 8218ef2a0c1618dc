//! 「まず連絡するところ」 on the real content (issue #17): the ranked list of whom to call
//! for 千葉市, 国分寺市 and 旭川市 (WAM NET only), never a bare 「未掲載」, and each line's
//! advice true for what the list above it holds.

mod common;

use std::sync::OnceLock;

use kyoten_navi::i18n::Lang;
use kyoten_navi::load::Content;
use kyoten_navi::model::{Call, CallRank};
use kyoten_navi::site::first_contacts::first_contacts;
use kyoten_navi::site::opendata::AreaFacilities;

fn content() -> &'static Content {
    static C: OnceLock<Content> = OnceLock::new();
    C.get_or_init(common::real_content)
}

fn calls(area: &str) -> Vec<Call> {
    calls_in(area, Lang::Ja)
}

fn calls_in(area: &str, lang: Lang) -> Vec<Call> {
    let c = content();
    first_contacts(c, &AreaFacilities::new(c), &c.areas[area], &c.messages[&lang])
}

#[test]
fn every_list_is_ranked_and_ends_with_the_website_and_119() {
    for area in ["121002", "121011", "132144", "012041", "141526"] {
        let list = calls(area);
        let ranks: Vec<CallRank> = list.iter().map(|c| c.rank).collect();
        assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{area}: {ranks:?}");
        assert_eq!(list.last().map(|c| c.rank), Some(CallRank::Emergency), "{area}");
        assert_eq!(list.last().and_then(|c| c.phone.as_deref()), Some("119"));
        // Never a bare unknown: every entry but the website has a number to call.
        for c in list.iter().filter(|c| c.rank != CallRank::Website) {
            assert!(c.phone.is_some(), "{area}: {} has no number", c.name);
        }
        // Every number from a document or data file says where it comes from.
        for c in list.iter().filter(|c| c.rank != CallRank::Emergency && c.rank != CallRank::Website) {
            assert!(c.source.as_deref().is_some_and(|s| s.starts_with("出典：")), "{area}: {} {:?}", c.name, c.source);
        }
    }
}

#[test]
fn chiba_leads_with_its_ward_desks_from_the_city_page() {
    let list = calls("121002");
    let desks: Vec<&Call> = list.iter().filter(|c| c.rank == CallRank::Desk).collect();
    assert_eq!(desks.len(), 6, "{:?}", desks.iter().map(|c| &c.name).collect::<Vec<_>>());
    for d in desks {
        let source = d.source.as_deref().unwrap_or_default();
        assert!(source.contains("千葉市") && source.contains("2026年12月5日"), "{source}");
    }
}

#[test]
fn the_settlement_line_points_to_a_contact_that_is_really_listed() {
    for area in ["121002", "132144", "012041", "141526"] {
        let list = calls(area);
        let numbered_above =
            list.iter().any(|c| matches!(c.rank, CallRank::Kyoten | CallRank::Desk) && c.phone.is_some());
        for s in list.iter().filter(|c| c.rank == CallRank::Settlement) {
            if numbered_above {
                assert!(s.why.ends_with("上の窓口に先に連絡してください。"), "{area}: {}", s.why);
            } else {
                assert!(!s.why.contains("上の窓口"), "{area}: nothing numbered above, yet: {}", s.why);
                assert!(s.why.contains("公式サイト"), "{area}: {}", s.why);
            }
        }
    }
    // 旭川市 has no sourced desk: its settlement line sends to the website below.
    assert!(calls("012041").iter().any(|c| c.rank == CallRank::Settlement && c.why.contains("下の公式サイト")));
}

#[test]
fn shinjuku_and_shizuoka_have_their_desks_from_their_own_pages() {
    for (area, count, publisher) in [("131041", 1, "新宿区"), ("221007", 4, "静岡市"), ("221015", 4, "静岡市")]
    {
        let desks: Vec<Call> = calls(area).into_iter().filter(|c| c.rank == CallRank::Desk).collect();
        assert_eq!(desks.len(), count, "{area}");
        for d in desks {
            let source = d.source.unwrap_or_default();
            assert!(source.contains(publisher) && source.contains("2026年12月5日"), "{area}: {source}");
            assert!(d.source_url.is_some_and(|u| u.starts_with("http")), "{area}: the page can be opened");
        }
    }
}

#[test]
fn in_english_the_same_numbers_come_with_english_reasons_and_sources() {
    for area in ["121002", "132144", "012041"] {
        let (ja, en) = (calls(area), calls_in(area, Lang::En));
        let phones = |l: &[Call]| l.iter().map(|c| c.phone.clone()).collect::<Vec<_>>();
        assert_eq!(phones(&ja), phones(&en), "{area}: the same numbers in the same order");
        let last = en.last().expect("119");
        assert_eq!((last.name.as_str(), last.phone.as_deref()), ("Ambulance and fire (119)", Some("119")));
        for call in en.iter().filter(|c| matches!(c.rank, CallRank::Settlement | CallRank::ShortStay)) {
            assert!(
                call.why.is_ascii() || call.why.contains("(地域定着支援)") || call.why.contains("(短期入所)"),
                "{area}: {}",
                call.why
            );
            assert!(
                call.source.as_deref().is_some_and(|s| s.starts_with("Source: WAM NET open data")),
                "{area}: {:?}",
                call.source
            );
        }
    }
}
