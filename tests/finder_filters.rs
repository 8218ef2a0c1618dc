//! The finder's filters on the real rows (content/ with the WAM NET files): they say what
//! the data knows (issue #17). Disability and age split the results into confirmed and
//! 「事業所に確認が必要」; 緊急時 keeps the 拠点's entry points first with their basis;
//! 地域定着支援 is ① only; a condition that narrows nothing is named.

mod common;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use kyoten_navi::features::finder::areas::area_codes;
use kyoten_navi::features::finder::index::{area_index, shards};
use kyoten_navi::features::finder::query::{fit, matching, unchanged_by, Condition, Filters, FinderRow, Fit};
use kyoten_navi::load::Content;
use kyoten_navi::model::{AgeGroup, DisabilityType, Function, Role};

struct Data {
    content: Content,
    rows: BTreeMap<String, Vec<FinderRow>>,
}

fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| {
        let content = common::real_content();
        let mut rows = shards(&content);
        for (area, rs) in rows.iter_mut() {
            rs.iter_mut().for_each(|r| r.prepare(area));
        }
        Data { content, rows }
    })
}

/// The rows the browser searches for `area` (a city with its wards included).
fn search(area: &str, f: &Filters) -> (Vec<FinderRow>, Vec<Condition>) {
    let d = data();
    let index = area_index(&d.content, &d.rows);
    let codes = area_codes(&index.areas, area);
    let all: Vec<&FinderRow> = codes.iter().filter_map(|c| d.rows.get(c)).flatten().collect();
    let f = Filters { area: Some(area.into()), ..f.clone() };
    let hits = matching(all.iter().copied(), &f, &codes).into_iter().cloned().collect();
    (hits, unchanged_by(all.iter().copied(), &f, &codes))
}

fn need(f: Function) -> Filters {
    Filters { functions: vec![f], ..Default::default() }
}

#[test]
fn disability_and_age_keep_every_row_whose_source_is_silent_and_say_so() {
    // No source the site has (the seeds, WAM NET's 053/054/024 files) gives a facility's
    // disability types or ages: the filter narrows nothing, every row is 「事業所に確認が必要」,
    // and the page says the condition changed nothing.
    let asks = [
        Filters { disabilities: vec![DisabilityType::Intellectual], ..Default::default() },
        Filters { age: Some(AgeGroup::ALL[0]), ..Default::default() },
        Filters {
            disabilities: vec![DisabilityType::Physical, DisabilityType::Mental],
            age: Some(AgeGroup::ALL[1]),
            ..Default::default()
        },
    ];
    for area in ["132144", "121002", "012041"] {
        let (all, _) = search(area, &Filters::default());
        assert!(all.len() >= 7, "{area}: {} rows", all.len());
        for f in &asks {
            let (hits, unchanged) = search(area, f);
            assert_eq!(hits.len(), all.len(), "{area}: {f:?} keeps every row");
            assert!(hits.iter().all(|r| fit(f, r) == Fit::AskFacility), "{area}: nothing is confirmed");
            assert_eq!(unchanged, [Condition::Who], "{area}: {f:?}");
        }
    }
}

#[test]
fn the_emergency_need_keeps_the_entry_points_first_and_gives_each_result_its_basis() {
    for (area, first) in [
        ("132144", "国分寺市 基幹相談支援センター"),
        ("121002", "千葉市 障害者基幹相談支援センター（6区）"),
        ("041009", "仙台市 地域生活支援拠点"),
    ] {
        let (all, _) = search(area, &Filters::default());
        let (hits, unchanged) = search(area, &need(Function::Emergency));
        assert_eq!(hits[0].name, first, "{area}");
        assert!(hits[0].is_entry_point());
        assert!(hits.len() < all.len(), "{area}: the need narrows");
        assert!(unchanged.is_empty(), "{area}: {unchanged:?}");
        for r in &hits {
            let basis = r.emergency_basis().unwrap_or_else(|| panic!("{area}: {} has no basis", r.name));
            // The sentences (catalogue keys): 「…（サービス種別から）」 for a provider,
            // 「…（市区町村の資料から）」 for a 拠点 body.
            if r.kyoten == 0 {
                assert_eq!(basis, "finder.basis_short_stay", "{}", r.name);
                assert!(r.has_service(Role::ShortStay), "{}: only a short stay offers ② by its type", r.name);
            } else {
                assert!(["finder.basis_kyoten", "finder.basis_entry"].contains(&basis), "{}: {basis}", r.name);
            }
        }
        // Every entry point of the area is listed, and before every open-data facility.
        let entries = all.iter().filter(|r| r.is_entry_point()).count();
        assert!(hits.iter().take(entries).all(|r| r.is_entry_point()), "{area}");
    }
}

#[test]
fn community_settlement_alone_is_consultation_not_emergency_acceptance() {
    let settlement_only: Vec<&FinderRow> = data()
        .rows
        .values()
        .flatten()
        .filter(|r| r.kyoten == 0 && r.has_service(Role::CommunitySettlement) && !r.has_service(Role::ShortStay))
        .collect();
    assert!(settlement_only.len() > 100, "{} rows", settlement_only.len());
    for r in settlement_only {
        assert!(r.has_function(Function::Consultation), "{}", r.name);
        assert!(!r.has_function(Function::Emergency), "{}: ② needs a named source", r.name);
        assert!(r.answers_24h(), "{}: 常時の連絡体制", r.name);
    }
}

#[test]
fn a_condition_that_narrows_nothing_is_named_and_one_that_narrows_is_not() {
    // Every row of 国分寺市 is in 国分寺市: searching for its name narrows nothing.
    let (all, _) = search("132144", &Filters::default());
    let (hits, unchanged) = search("132144", &Filters { text: "国分寺".into(), ..Default::default() });
    assert_eq!((hits.len(), unchanged.as_slice()), (all.len(), [Condition::Text].as_slice()));
    let (hits, unchanged) = search("132144", &Filters { text: "カペラ".into(), ..Default::default() });
    assert_eq!(hits.len(), 1);
    assert!(unchanged.is_empty());
    // Two conditions, one of which narrows.
    let f = Filters { text: "国分寺".into(), functions: vec![Function::Emergency], ..Default::default() };
    let (_, unchanged) = search("132144", &f);
    assert_eq!(unchanged, [Condition::Text]);
}

/// The browser finds an area by halving the index (`areas::area`) and does not sort it (a
/// sort costs the wasm about 3.5 KB): the builder writes both readings' index in id order.
#[test]
fn the_area_index_is_written_in_id_order() {
    use kyoten_navi::features::finder::areas::AreaIndex;
    use kyoten_navi::features::finder::index::search_files;
    let files = search_files(&data().content);
    for name in ["areas.json", "areas.en.json"] {
        let (_, json) = files.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("{name} is written"));
        let index: AreaIndex = serde_json::from_str(json).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(index.areas.len() > 1_900, "{name}: {} areas", index.areas.len());
        let ids: Vec<&str> = index.areas.iter().map(|a| a.id.as_str()).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "{name} is not in strict id order");
    }
}
