//! Issue #5, the 好事例集 comparison and area pages, checked on the real content: the
//! figures the page computes from the 25 entries equal the document's (整備類型 3/16/6,
//! 空床確保 14/11), each filter narrows the 25 as an independent count says it should, and
//! the pre-rendered pages carry the charts' numbers, the practice links and the reports;
//! the page in English and in やさしい日本語 (issue #22) says its fixed text in the reading
//! and quotes the document as published.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use kyoten_navi::data::{CatalogueData, PageData, Shell};
use kyoten_navi::features::catalogue::filter::{Column, Filters};
use kyoten_navi::i18n::Lang;
use kyoten_navi::load::{load_content, Content};
use kyoten_navi::model::{Bar, Function};
use kyoten_navi::site::pages::all_pages;
use kyoten_navi::site::readings::{messages, reading_pages};
use kyoten_navi::site::render::{AssetNames, Document};
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

/// The pages of a reading, with the shell they are rendered in.
fn reading(c: &Content, lang: Lang) -> (Shell, BTreeMap<String, PageData>) {
    let shell =
        Shell { base: "/".into(), build: String::new(), name: c.site.name.clone(), messages: messages(c, lang) };
    let pages = reading_pages(c, &shell).into_iter().collect();
    (shell, pages)
}

fn catalogue_at<'a>(pages: &'a BTreeMap<String, PageData>, path: &str) -> &'a CatalogueData {
    match pages.get(path) {
        Some(PageData::Catalogue(d)) => d,
        other => panic!("{path} is {other:?}"),
    }
}

#[test]
fn the_english_page_says_its_text_in_english_and_quotes_the_document() {
    let c = content();
    let (shell, pages) = reading(&c, Lang::En);
    let data = catalogue_at(&pages, "/en/catalogue/");
    let html = &data.html;
    let assets = AssetNames::default();
    let doc = Document::new(&shell, &c.site.origin, &assets);
    let page = doc.render("/en/catalogue/", PageData::Catalogue(data.clone()));
    assert!(page.starts_with("<!DOCTYPE html><html lang=\"en\">"), "{}", &page[..80]);
    assert!(page.contains("<title>Good practices: 25 municipalities and regions｜"), "the title");
    for heading in [
        "<h1 class=\"kn-page-heading__title\">Good practices: 25 municipalities and regions</h1>",
        "<h2 id=\"kn-entries\">Comparison of the municipalities and regions</h2>",
        "<h2 id=\"kn-charts\">Overall trends</h2>",
        "<h2 id=\"kn-practices\">Features of the practices</h2>",
        ">Practices: ① Consultation</h3>",
        ">Showing 25 of 25</p>",
        "<legend class=\"kn-field__label\">Functions in place (○ in the table)</legend>",
        "aria-label=\"② Emergency acceptance and response\" class=\"kn-catalogue-table__sort\">② Emergency<",
        ">Development type (25 municipalities and regions)</figcaption>",
        "<option value=\"千葉県\">Chiba</option>",
        "action=\"/en/catalogue/\"",
    ] {
        assert!(html.contains(heading), "missing {heading:?}");
    }
    assert_eq!(common::shows_a_key(&page), None, "a key instead of its text");
    assert!(!html.contains("掲載自治体等の比較") && !html.contains("件を表示"), "standard Japanese UI text left");
    // The document's words stay as published, marked Japanese; names romanised with the
    // name as written; links go to the English area pages.
    assert!(html.contains("<ul lang=\"ja\"><li>1市4町の東胆振定住自立圏の中核を担っている苫小牧市を中心に整備</li>"));
    assert!(html.contains("lang=\"ja\" class=\"kn-practice__title\">ワンストップの相談窓口、初期対応の相談窓口</h4>"));
    assert!(html.contains("<a href=\"/en/areas/122173/\">Kashiwa City</a><span class=\"kn-catalogue-table__pref\"><span lang=\"ja\">柏市</span>・Chiba</span>"));
    assert!(html.contains("<span lang=\"ja\">未実施</span>"), "the table's remarks as printed");
    assert!(html.contains(">Shinjuku Ward (<span lang=\"ja\">新宿区</span>)</a>"), "practices link their entries");
    // The figures are the document's.
    for figure in [
        "Multi-function base type: 3 (12%)",
        "Area network type: 16 (64%)",
        "Combined type: 6 (24%)",
        "Yes: 14",
        "No: 11",
        "By phone: 16",
    ] {
        assert!(html.contains(figure), "figure {figure:?}");
    }
    assert!(
        html.contains("In place; vacant beds: 3 within the base; vacant beds: 2 outside the base"),
        "柏市's ② cell"
    );
    assert_eq!(html.matches("The same as the collection's figures.").count(), 2);
    // The keyword finds an entry by its English name too.
    let q: ParamsMap = [("q".to_string(), "kashiwa".to_string())].into_iter().collect();
    assert_eq!(Filters::from_query(&q).apply(&data.entries).len(), 1);
}

#[test]
fn the_easy_page_has_furigana_and_the_names_readings() {
    let c = content();
    let (shell, pages) = reading(&c, Lang::Easy);
    let data = catalogue_at(&pages, "/easy/catalogue/");
    let html = &data.html;
    let assets = AssetNames::default();
    let doc = Document::new(&shell, &c.site.origin, &assets);
    let page = doc.render("/easy/catalogue/", PageData::Catalogue(data.clone()));
    assert!(page.starts_with("<!DOCTYPE html><html lang=\"ja\">"));
    assert!(page.contains("（やさしい にほんご）</title>"), "the reading names itself in the title");
    assert_eq!(common::shows_a_key(&page), None, "a key instead of its text");
    assert!(html.matches("<ruby>").count() > 200, "ふりがな throughout");
    assert!(
        html.contains("<h1 class=\"kn-page-heading__title\">よい <ruby>例<rp>（</rp><rt>れい</rt><rp>）</rp></ruby>")
    );
    assert!(
        html.contains("<a href=\"/easy/areas/121002/\"><ruby>千葉市<rp>（</rp><rt>ちばし</rt><rp>）</rp></ruby></a>"),
        "names with their readings"
    );
    assert!(html.contains("<ruby>東胆振圏域<rp>（</rp><rt>ひがしいぶりけんいき</rt><rp>）</rp></ruby>(苫小牧市・白老町・厚真町・安平町・むかわ町)"), "a region keeps its members as printed");
    assert!(html.contains(">25の うち 25を <ruby>見"), "the count");
    assert!(!html.contains("件を表示"));
    assert!(
        html.contains("<li>1市4町の東胆振定住自立圏の中核を担っている苫小牧市を中心に整備</li>"),
        "the document's words as printed"
    );
    assert!(!html.contains("lang=\"ja\""), "all Japanese: nothing to mark");
}

/// The island gets the words it writes in the page's reading, and nothing else: the wasm
/// holds no text of its own (one bundle serves every reading).
#[test]
fn the_island_receives_only_its_words() {
    let c = content();
    for lang in Lang::ALL {
        let data = if lang == Lang::Ja {
            catalogue(&pages(&c)).clone()
        } else {
            catalogue_at(&reading(&c, lang).1, &format!("/{}catalogue/", lang.prefix())).clone()
        };
        let json = serde_json::to_value(&data.text).expect("texts as JSON");
        let entries = &json["entries"];
        let keys: Vec<&str> = entries.as_object().expect("a map of entries").keys().map(String::as_str).collect();
        let labels: Vec<&str> = Function::ALL.iter().map(|f| f.label_key()).collect();
        for key in &keys {
            let its = key.starts_with("catalogue.filter.")
                || key.starts_with("development.")
                || labels.contains(key)
                || (lang != Lang::Ja && *key == "site.japanese_only");
            assert!(its, "{lang:?}: the island does not write {key}");
        }
        for key in
            ["catalogue.filter.count", "catalogue.filter.beds_none", "development.combined", "function.network.label"]
        {
            assert!(keys.contains(&key), "{lang:?}: {key} missing");
        }
        let m = &c.messages[&lang];
        assert_eq!(entries["catalogue.filter.count"], m.raw("catalogue.filter.count"), "{lang:?}: in its reading");
    }
}

/// WCAG 2.5.3: a sort button's accessible name starts with its visible words. A heading
/// with ふりがな has no `aria-label` (the readings shown could not be in it): it must then
/// be the column's full name.
#[test]
fn sort_buttons_say_their_visible_words() {
    let c = content();
    for (lang, m) in &c.messages {
        for column in Column::ALL {
            let (short, full) = (column.short_key(), column.label_key());
            if m.html(short).contains("<ruby>") {
                assert_eq!(m.plain(short), m.plain(full), "{lang:?}: {short} has ふりがな, so it is the full name");
            } else {
                assert!(m.plain(full).starts_with(&m.plain(short)), "{lang:?}: {full} does not start with {short}");
            }
        }
    }
}

/// No Japanese in the browser code of the catalogue: its words come as the island's props.
#[test]
fn the_islands_code_holds_no_text() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/features/catalogue");
    for file in ["enhance.rs", "filter.rs"] {
        let text = std::fs::read_to_string(dir.join(file)).expect("source");
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in code.lines().enumerate() {
            let line = line.trim_start();
            if line.starts_with("//") {
                continue;
            }
            let mut rest = line;
            while let Some(start) = rest.find('"') {
                let after = &rest[start + 1..];
                let Some(end) = after.find('"') else { break };
                let literal = &after[..end];
                let text = literal.chars().any(|ch| !ch.is_ascii() && !"▲▼⇅".contains(ch));
                assert!(!text, "{file}:{}: the literal {literal:?} would put text in the wasm", n + 1);
                rest = &after[end + 1..];
            }
        }
    }
}

#[test]
fn reading_pages_link_to_the_catalogue_in_their_reading() {
    let c = content();
    for lang in [Lang::En, Lang::Easy] {
        let (_, pages) = reading(&c, lang);
        let prefix = lang.prefix();
        assert_eq!(messages(&c, lang).page_path("/catalogue/"), format!("/{prefix}catalogue/"));
        let chiba = html(&pages, &format!("/{prefix}areas/121002/"));
        assert!(chiba.contains(&format!("href=\"/{prefix}catalogue/\"")), "{prefix}: 千葉市 links the comparison");
        assert!(chiba.contains(&format!("href=\"/{prefix}catalogue/?type=area\"")), "{prefix}: and the same type");
        let sapporo = html(&pages, &format!("/{prefix}areas/011002/"));
        assert!(!sapporo.contains("catalogue/"), "{prefix}: an area outside the 好事例集 does not");
    }
    let (_, en_pages) = reading(&c, Lang::En);
    let en = html(&en_pages, "/en/areas/121002/");
    assert!(en.contains(">Compare the municipalities and regions of the same type (Area network type)</a>"));
}
