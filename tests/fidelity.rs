//! The content says what the seed documents say: figures computed from the 25 entries equal
//! the document's summary, key figures of the operating reports are present exactly, and
//! every copied string can be found in its seed (`tests/fixtures/seeds/`, copies of
//! `../shared/seeds/`).

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use kyoten_navi::load::Content;
use kyoten_navi::model::{DevelopmentType, Function};

use common::{real_content as content, seed};

fn chart(c: &Content, id: &str) -> BTreeMap<String, u32> {
    let chart = c.catalogue.charts.iter().find(|ch| ch.id == id).unwrap_or_else(|| panic!("chart {id}"));
    chart.bars.iter().map(|b| (b.label.clone(), b.count)).collect()
}

#[test]
fn the_catalogue_has_25_numbered_entries() {
    let c = content();
    let mut numbers: Vec<u32> = c.areas.values().filter_map(|a| a.practice.as_ref().map(|p| p.number)).collect();
    numbers.sort();
    assert_eq!(numbers, (1..=25).collect::<Vec<_>>());
}

#[test]
fn development_types_computed_from_entries_equal_the_summary_3_16_6() {
    let c = content();
    let count = |t| c.areas.values().filter(|a| a.practice.is_some() && a.development_type == Some(t)).count() as u32;
    let computed = [count(DevelopmentType::Multi), count(DevelopmentType::Area), count(DevelopmentType::Combined)];
    assert_eq!(computed, [3, 16, 6]);
    let printed = chart(&c, "development_type");
    assert_eq!([printed["多機能拠点整備型"], printed["面的整備型"], printed["併用整備型"]], computed);
    let percents: Vec<Option<u32>> = c.catalogue.charts[0].bars.iter().map(|b| b.percent).collect();
    assert_eq!(percents, vec![Some(12), Some(64), Some(24)]);
}

#[test]
fn vacant_beds_computed_from_entries_equal_the_summary_14_11() {
    let c = content();
    let entries: Vec<_> = c.areas.values().filter_map(|a| a.practice.as_ref()).collect();
    let with_beds =
        entries.iter().filter(|p| p.status_of(Function::Emergency).is_some_and(|s| s.has_beds())).count() as u32;
    assert_eq!((with_beds, entries.len() as u32 - with_beds), (14, 11));
    let printed = chart(&c, "beds");
    assert_eq!(printed.values().copied().collect::<Vec<_>>().iter().sum::<u32>(), 25);
    assert!(printed.values().any(|&n| n == 14) && printed.values().any(|&n| n == 11), "{printed:?}");
}

#[test]
fn summary_figures_that_cannot_be_computed_are_copied_exactly() {
    let c = content();
    let coordinator: Vec<u32> = chart(&c, "coordinator").values().copied().collect();
    let reception: Vec<u32> = c
        .catalogue
        .charts
        .iter()
        .find(|ch| ch.id == "reception_24h")
        .expect("chart")
        .bars
        .iter()
        .map(|b| b.count)
        .collect();
    let mut coordinator_sorted = coordinator.clone();
    coordinator_sorted.sort();
    assert_eq!(coordinator_sorted, vec![7, 18]);
    assert_eq!(reception, vec![1, 16, 8]);
}

fn report_figure(c: &Content, report: &str, value: &str) -> String {
    let r = c.reports.iter().find(|r| r.id == report).unwrap_or_else(|| panic!("report {report}"));
    let f = r.figures.iter().find(|f| f.value == value).unwrap_or_else(|| panic!("{report}: no figure {value}"));
    assert!(r.body_html.contains(value));
    f.label.clone()
}

#[test]
fn operating_report_figures_are_exact() {
    let c = content();
    assert!(report_figure(&c, "chiba-r6", "3,502件").contains("閉所時"));
    assert!(report_figure(&c, "chiba-r6", "114件").contains("緊急訪問"));
    assert!(report_figure(&c, "chiba-r6", "12件").contains("緊急一時保護"));
    assert!(report_figure(&c, "sendai-r6", "108件").contains("相談"));
    assert!(report_figure(&c, "sendai-r6", "36件").contains("緊急用居室"));
    assert!(report_figure(&c, "sendai-r6", "255件").contains("支援"));
    assert!(report_figure(&c, "kokubunji-r3", "24時間365日").contains("緊急"));
}

#[test]
fn every_report_figure_appears_in_its_seed() {
    let c = content();
    for r in &c.reports {
        let source = c.sources.iter().find(|s| s.id == r.source).expect("source");
        let text = seed(source.seed.as_deref().expect("seed id"));
        for f in &r.figures {
            assert!(
                text.contains(&f.value),
                "{}: figure {:?} ({}) is not in seed {:?}",
                r.id,
                f.value,
                f.label,
                source.seed
            );
        }
    }
}

#[test]
fn catalogue_cells_features_and_overviews_are_copied_from_seed_003() {
    let c = content();
    let text = seed("003");
    for a in c.areas.values() {
        let Some(p) = &a.practice else { continue };
        assert!(text.contains(&p.heading), "{}: heading {:?}", a.id, p.heading);
        for f in Function::ALL {
            let cell = p.cell(f);
            assert!(cell.is_empty() || text.contains(cell), "{}: cell {cell:?}", a.id);
        }
        for s in p.features.iter().chain(p.overview.iter()) {
            assert!(text.contains(s.as_str()), "{}: {s:?} is not in the seed", a.id);
        }
        if let Some(lead) = &p.overview_lead {
            for line in lead.lines() {
                assert!(text.contains(line), "{}: lead {line:?}", a.id);
            }
        }
    }
}

#[test]
fn regions_name_and_link_their_members() {
    let c = content();
    let region = &c.areas["higashi-iburi"];
    assert_eq!(region.name, "東胆振圏域");
    let names: Vec<&str> = region.members.iter().map(|m| c.areas[m].name.as_str()).collect();
    assert_eq!(names, vec!["苫小牧市", "白老町", "厚真町", "安平町", "むかわ町"]);
    assert!(c.areas["012131"].regions.contains(&"higashi-iburi".to_string()));
}

#[test]
fn facilities_never_carry_invented_contact_facts() {
    // The seeds give no phone number, address or position for any organisation.
    let c = content();
    for f in c.facilities.iter().filter(|f| f.wamnet.is_none()) {
        assert!(
            f.phone.is_none() && f.address.is_none() && !f.exact_position,
            "{} has contact facts no seed gives",
            f.id
        );
    }
}

#[test]
fn open_data_facilities_carry_exactly_the_csv_facts() {
    let c = content();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/wamnet");
    let csv: String = ["csvdownload024.csv", "csvdownload053.csv", "csvdownload054.csv"]
        .iter()
        .map(|f| std::fs::read_to_string(dir.join(f)).expect("csv"))
        .collect();
    // Base-layer records (only WAM NET sources), and content files that claim a record with
    // `wamnet = "…"` (their own facts, such as 拠点, come from their own sources).
    let (open, claimed): (Vec<_>, Vec<_>) = c
        .facilities
        .iter()
        .filter(|f| f.wamnet.is_some())
        .partition(|f| f.sources.iter().all(|s| s.starts_with("wamnet-")));
    assert!(open.len() > 11_000, "{} open-data facilities", open.len());
    for f in &open {
        assert!(!f.kyoten, "{}: open data never says a facility is part of a 拠点", f.id);
        assert!(f.disabilities.is_empty(), "{}: open data has no disability types", f.id);
    }
    for f in open.iter().chain(&claimed) {
        // Phones are shown in the national format (issue #19): the same digits as a row's
        // 事業所電話番号, which stays as written in `phone_source`.
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        for fact in [f.phone.as_ref()].into_iter().flatten() {
            let source = f.records.iter().find(|r| digits(&r.phone_source) == digits(fact));
            let Some(source) = source else {
                assert!(claimed.iter().any(|c| c.id == f.id), "{}: {fact:?} is in no row", f.id);
                continue;
            };
            assert!(csv.contains(source.phone_source.as_str()), "{}: {fact:?} is not in the CSV", f.id);
        }
    }
    for f in &open {
        assert!(csv.contains(f.name.as_str()), "{}: {:?} is not in the CSV", f.id, f.name);
    }
    let tsubasa = claimed.iter().find(|f| f.id == "kokubunji-tsubasa").expect("つばさ claims its record");
    assert_eq!(tsubasa.phone.as_deref(), Some("042-321-1136"), "the 事業所電話番号, not the 法人電話番号");
    let sunny = open.iter().find(|f| f.name == "サニースポット淵野辺三番館").expect("a known short stay");
    assert_eq!((sunny.phone.as_deref(), sunny.area.as_str()), (Some("042-707-9885"), "141526"));
    assert_eq!(sunny.address.as_deref(), Some("神奈川県相模原市中央区相生１丁目９番２６号"));
    // SOURCES.md counts 11,224 distinct (number, name) pairs; with surrounding white space
    // trimmed, two of them are the same facility, so 11,223 pages, one each (one of them a
    // content file's page).
    assert_eq!(open.len() + claimed.len(), 11_223);
}

/// Issue #19: seed 002 is a plan (位置づけについて（案）). Each 西東京市 facility is marked as
/// named in the plan, with the year of the column that names it.
#[test]
fn nishitokyo_facilities_are_a_plan_with_the_year_the_plan_gives() {
    let c = content();
    let s = seed("002");
    let cells = |head: &str| -> Vec<String> {
        s.lines().find(|l| l.starts_with(head)).expect("table row").split('\t').map(String::from).collect()
    };
    let (years, bodies) = (cells("年度\t"), cells("配置機関\t"));
    let nishitokyo: Vec<_> = c.facilities.iter().filter(|f| f.id.starts_with("nishitokyo-")).collect();
    assert_eq!(nishitokyo.len(), 6);
    for f in nishitokyo {
        let column = bodies.iter().position(|b| b.contains(&format!("●{}", f.name))).expect("named in the plan");
        assert_eq!(f.planned.as_deref(), Some(years[column].as_str()), "{}", f.id);
        assert_eq!(f.plan_source.as_deref(), Some("令和3年度資料"), "{}", f.id);
    }
}

/// Issue #19: seed 000 line 9 names つばさ only for ④ 専門的人材の確保・養成; ① and ⑤ go to
/// the unnamed 「地域活動支援センター（3箇所）」.
#[test]
fn tsubasa_carries_only_the_function_the_seed_names_it_for() {
    let c = content();
    let f = c.facilities.iter().find(|f| f.id == "kokubunji-tsubasa").expect("つばさ");
    assert_eq!(f.functions, vec![Function::Expertise]);
    let s = seed("000");
    let named: Vec<&str> = s.lines().filter(|l| l.contains("地域活動支援センターつばさ")).collect();
    assert_eq!(named.len(), 1);
    assert!(named[0].starts_with("専門的人材の確保・養成"));
}

/// Issue #19: a facility named in a municipal document and also in WAM NET is one facility
/// (西東京市's ハーモニー and 保谷 were listed twice), and a document's body that is not a
/// WAM NET facility is not counted among them (仙台市: the CSVs have 99, the page said 100).
#[test]
fn no_facility_is_listed_twice_and_wamnet_counts_only_wamnet() {
    let c = content();
    let key = |n: &str| n.chars().filter(|ch| !matches!(ch, ' ' | '　' | '・')).collect::<String>();
    let mut seen = BTreeMap::new();
    for f in c.facilities.iter().filter(|f| f.area == "132292") {
        if let Some(other) = seen.insert(key(&f.name), f.id.clone()) {
            panic!("{} and {} are the same facility", other, f.id);
        }
    }
    let sendai_open = c
        .facilities
        .iter()
        .filter(|f| c.areas.get(&f.area).is_some_and(|a| a.id == "041009" || a.parent.as_deref() == Some("041009")))
        .filter(|f| !f.kyoten && f.wamnet.is_some())
        .count();
    assert_eq!(sendai_open, 99);
    let kikan = c.facilities.iter().find(|f| f.id == "sendai-kikan").expect("sendai-kikan");
    assert!(kikan.wamnet.is_none() && kikan.services.is_empty() && !kikan.kyoten);
}

/// Issue #19: seed 003 names no publisher; the credit says its title and that the publisher
/// is not stated, and guesses none.
#[test]
fn the_good_practices_credit_names_no_publisher_the_seed_does_not_give() {
    let c = content();
    let s = c.sources.iter().find(|s| s.id == "good-practices").expect("good-practices");
    assert!(seed("003").contains(&s.title), "{}", s.title);
    assert_eq!(s.publisher, "（発行者の記載なし）");
    assert!(!seed("003").contains("厚生労働省"));
}

/// Issue #19: seed 003 describes registration for these three (lines 307, 318, 392–393);
/// their pages said the sources do not.
#[test]
fn registration_described_in_the_good_practices_is_shown() {
    let c = content();
    for (id, seed_words) in [
        ("shiogama-tagajo", "原則登録制"),
        ("092037", "緊急時の受け入れは登録制"),
        ("hokushin", "事前登録者以外の緊急相談は基幹相談支援センターが対応"),
    ] {
        assert!(seed("003").contains(seed_words), "{seed_words}");
        let r = c.areas[id].registration.as_ref().unwrap_or_else(|| panic!("{id} has no registration"));
        assert!(r.summary.starts_with("好事例集（平成30年度ごろの資料）では"), "{id}: {}", r.summary);
    }
}
