//! Issue #5, the 好事例集 comparison and area pages, checked on the real content: the
//! figures the page computes from the 25 entries equal the document's (整備類型 3/16/6,
//! 空床確保 14/11), each filter narrows the 25 as an independent count says it should, and
//! the pre-rendered pages carry the charts' numbers, the practice links and the reports.

use std::collections::BTreeMap;
use std::path::Path;

use kyoten_navi::data::{CatalogueData, PageData};
use kyoten_navi::features::catalogue::filter::Filters;
use kyoten_navi::load::{load_content, Content};
use kyoten_navi::model::{Bar, Function};
use kyoten_navi::site::pages::all_pages;
use leptos_router::params::ParamsMap;

fn content() -> Content {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    load_content(&dir, "/").unwrap_or_else(|d| panic!("content has errors: {d:#?}"))
}

fn pages(c: &Content) -> BTreeMap<String, PageData> {
    all_pages(c).into_iter().collect()
}

fn catalogue(pages: &BTreeMap<String, PageData>) -> &CatalogueData {
    match &pages["/catalogue/"] {
        PageData::Catalogue(d) => d,
        other => panic!("/catalogue/ is {other:?}"),
    }
}

fn html<'a>(pages: &'a BTreeMap<String, PageData>, path: &str) -> &'a str {
    match &pages[path] {
        PageData::Static(p) => &p.html,
        _ => panic!("{path} is not a static page"),
    }
}

fn bars(c: &Content, id: &str) -> (Vec<Bar>, Option<Vec<Bar>>) {
    let chart = c.catalogue.charts.iter().find(|ch| ch.id == id).unwrap_or_else(|| panic!("chart {id}"));
    let entries: Vec<_> = c.areas.values().filter(|a| a.practice.is_some()).collect();
    (chart.bars.clone(), chart.recount(&entries))
}

#[test]
fn development_types_counted_from_the_entries_equal_the_document() {
    let c = content();
    let (printed, counted) = bars(&c, "development_type");
    let counted = counted.expect("整備類型 can be counted from the table");
    assert_eq!(counted, printed, "labels, counts and percentages");
    let numbers: Vec<(u32, Option<u32>)> = counted.iter().map(|b| (b.count, b.percent)).collect();
    assert_eq!(numbers, vec![(3, Some(12)), (16, Some(64)), (6, Some(24))]);
}

#[test]
fn vacant_beds_counted_from_the_entries_equal_the_document() {
    let c = content();
    let (printed, counted) = bars(&c, "beds");
    let counted = counted.expect("空床確保 can be counted from the table");
    assert_eq!(counted, printed);
    assert_eq!(counted.iter().map(|b| b.count).collect::<Vec<_>>(), vec![14, 11]);
}

#[test]
fn figures_the_table_does_not_hold_are_not_recounted() {
    let c = content();
    assert!(bars(&c, "coordinator").1.is_none());
    assert!(bars(&c, "reception_24h").1.is_none());
}

#[test]
fn the_page_shows_every_figure_with_its_recount() {
    let c = content();
    let pages = pages(&c);
    let data = catalogue(&pages);
    for text in [
        "多機能拠点整備型：3件（12%）",
        "面的整備型：16件（64%）",
        "併用整備型：6件（24%）",
        "確保している：18件",
        "電話対応：16件",
        "している：14件",
        "していない：11件",
        "一覧表の25件から数えた値：多機能拠点整備型 3件（12%）、面的整備型 16件（64%）、併用整備型 6件（24%）。",
        "一覧表の25件から数えた値：している 14件、していない 11件。",
    ] {
        assert!(data.html.contains(text), "missing {text:?}");
    }
    assert_eq!(data.html.matches("資料の値と一致します。").count(), 2);
    assert!(!data.html.contains("一致しません"));
    assert_eq!(data.html.matches("role=\"img\"").count(), 4);
}

/// What a row of the table says, read straight from the content (not from the page data).
struct Row {
    cells: Vec<String>,
    kind: &'static str,
    coordinator: bool,
    prefecture: String,
}

fn rows(c: &Content) -> Vec<Row> {
    c.areas
        .values()
        .filter_map(|a| {
            let p = a.practice.as_ref()?;
            Some(Row {
                cells: Function::ALL.iter().map(|&f| p.cell(f).to_string()).collect(),
                kind: a.development_type.map_or("", |t| t.id()),
                coordinator: p.coordinator,
                prefecture: a.prefecture.clone(),
            })
        })
        .collect()
}

fn count(data: &CatalogueData, pairs: &[(&str, &str)]) -> usize {
    let q: ParamsMap = pairs.iter().map(|&(k, v)| (k.to_string(), v.to_string())).collect();
    Filters::from_query(&q).apply(&data.entries).len()
}

#[test]
fn each_filter_narrows_the_25_as_the_table_says() {
    let c = content();
    let pages = pages(&c);
    let data = catalogue(&pages);
    let rows = rows(&c);
    assert_eq!((data.entries.len(), rows.len()), (25, 25));
    let n = |keep: &dyn Fn(&Row) -> bool| rows.iter().filter(|r| keep(r)).count();

    assert_eq!(count(data, &[]), 25);
    assert_eq!(count(data, &[("type", "combined")]), 6);
    assert_eq!(count(data, &[("type", "multi")]), 3);
    assert_eq!(count(data, &[("type", "area")]), n(&|r| r.kind == "area"));
    for (i, f) in Function::ALL.iter().enumerate() {
        assert_eq!(count(data, &[("fn", f.id())]), n(&|r| r.cells[i].starts_with('○')), "{f:?}");
    }
    let all: Vec<(&str, &str)> = Function::ALL.iter().map(|f| ("fn", f.id())).collect();
    assert_eq!(count(data, &all), n(&|r| r.cells.iter().all(|c| c.starts_with('○'))));
    let emergency = |r: &Row| r.cells[1].clone();
    assert_eq!(count(data, &[("beds", "inside")]), n(&|r| emergency(r).contains("拠点内")));
    assert_eq!(count(data, &[("beds", "inside")]), 8);
    assert_eq!(count(data, &[("beds", "outside")]), n(&|r| emergency(r).contains("拠点外")));
    assert_eq!(count(data, &[("beds", "yes")]), 14);
    assert_eq!(count(data, &[("beds", "no")]), 11);
    assert_eq!(count(data, &[("coordinator", "1")]), n(&|r| r.coordinator));
    assert_eq!(count(data, &[("coordinator", "1")]), 11);
    assert_eq!(count(data, &[("pref", "千葉県")]), n(&|r| r.prefecture == "千葉県"));
    assert_eq!(count(data, &[("pref", "神奈川県")]), 3);
    assert_eq!(count(data, &[("q", "ワンストップ")]), 3);
    assert_eq!(count(data, &[("q", "苫小牧")]), 1);
    assert_eq!(count(data, &[("q", "ちば")]), 1, "a reading in hiragana finds 千葉市");
    assert_eq!(count(data, &[("type", "combined"), ("coordinator", "1")]), 4);
}

#[test]
fn practice_sections_link_their_entries_and_areas_link_back() {
    let c = content();
    let pages = pages(&c);
    let foot = &catalogue(&pages).html;
    for group in [
        "history",
        "setup",
        "consultation",
        "emergency",
        "experience",
        "expertise",
        "network",
        "other",
        "multi",
        "area",
    ] {
        assert!(foot.contains(&format!("id=\"kn-practices-{group}\"")), "group {group}");
    }
    for p in &c.practices {
        assert!(foot.contains(&format!("id=\"kn-practice-{}\"", p.slug)), "practice {}", p.slug);
        for e in &p.entries {
            let page = html(&pages, &format!("/areas/{e}/"));
            assert!(
                page.contains(&format!("href=\"/catalogue/#kn-practice-{}\"", p.slug)),
                "/areas/{e}/ does not link {}",
                p.slug
            );
        }
    }
    assert!(
        foot.contains("href=\"/areas/131041/\" class=\"kn-practice__entry\">新宿区</a>"),
        "practices link their areas by name"
    );
}

#[test]
fn area_pages_show_status_reports_with_their_source_and_regions() {
    let c = content();
    let pages = pages(&c);
    let chiba = html(&pages, "/areas/121002/");
    for text in [
        "5つの機能の整備状況",
        "面的整備型",
        "3,502件",
        "千葉市「令和6年度 地域生活支援拠点等の運用状況（資料5）」（令和6年度）",
        "<table",
        "あり（○）",
        "2026-11-22",
    ] {
        assert!(chiba.contains(text), "/areas/121002/ lacks {text:?}");
    }
    let sendai = html(&pages, "/areas/041009/");
    assert!(sendai.contains("108件") && sendai.contains("仙台市「"), "仙台市's report and source");
    let region = html(&pages, "/areas/higashi-iburi/");
    for member in ["苫小牧市", "白老町", "厚真町", "安平町", "むかわ町"] {
        assert!(region.contains(member), "{member}");
    }
    let member = html(&pages, "/areas/012131/");
    assert!(member.contains("href=\"/areas/higashi-iburi/\">東胆振圏域</a>"), "苫小牧市 names its 圏域");
}

#[test]
fn the_pre_rendered_page_lists_all_25_and_filters_with_a_plain_form() {
    let c = content();
    let pages = pages(&c);
    let data = catalogue(&pages);
    let html = &data.html;
    assert_eq!(html.matches("<th scope=\"row\">").count(), 25, "table rows");
    assert_eq!(html.matches("class=\"kn-catalogue-card\"").count(), 25, "cards");
    assert!(html.contains("method=\"get\" action=\"/catalogue/\""), "a GET form works without wasm");
    for name in [
        "name=\"q\"",
        "name=\"type\"",
        "name=\"fn\"",
        "name=\"beds\"",
        "name=\"coordinator\"",
        "name=\"pref\"",
        "name=\"sort\"",
    ] {
        assert!(html.contains(name), "form control {name}");
    }
    assert!(html.contains("25件中 25件を表示"));
    assert_eq!(html.matches("aria-sort=").count(), 1, "only the sorted column says so");
    // Rows and entries are in the same order: the browser's filters rely on it.
    let numbers: Vec<u32> = data.entries.iter().map(|e| e.number).collect();
    assert_eq!(numbers, (1..=25).collect::<Vec<_>>());
}
