//! Fuzzes the content pipeline as `check` and `build` run it on one file: split `+++`,
//! front matter (TOML → model), Markdown → sanitised HTML, cross-file validation, and — for
//! content that passes — the page that shows it. Nothing may panic, every diagnostic must
//! point inside the file, and the HTML out must hold nothing a browser would run.
//!
//! Input: the first byte picks the kind of file (facility, area, guide, report, practice,
//! screening, catalogue), the rest is its text. Seeds: `fuzz/seeds/content/` (the real
//! content files with their kind byte).
#![no_main]

use std::collections::BTreeMap;
use std::sync::OnceLock;

use kyoten_navi::site::render::render_fragment;
use kyoten_navi::data::{AreaData, AreaLink, Corrections, FacilityData, GuideData, Shell};
use kyoten_navi::load::front_matter::parse_front_matter;
use kyoten_navi::load::validate::{validate, Files};
use kyoten_navi::load::{parse_file, Content, Diagnostic, HasBody, Located};
use kyoten_navi::model::{Area, CatalogueSummary, Facility, Guide, PracticeSection, Report, Screening};
use libfuzzer_sys::fuzz_target;

mod check_html;

struct Fixed {
    reference: BTreeMap<String, Area>,
    sources: Vec<kyoten_navi::model::Source>,
    /// The real guides: the site's menu requires some, so without them nothing validates.
    guides: Vec<(String, String, usize, Guide)>,
}

const GUIDES: [(&str, &str); 6] = [
    ("coordinator", include_str!("../../content/guides/coordinator.md")),
    ("emergency", include_str!("../../content/guides/emergency.md")),
    ("faq", include_str!("../../content/guides/faq.md")),
    ("functions", include_str!("../../content/guides/functions.md")),
    ("pre-registration", include_str!("../../content/guides/pre-registration.md")),
    ("what-is", include_str!("../../content/guides/what-is.md")),
];

fn fixed() -> &'static Fixed {
    static FIXED: OnceLock<Fixed> = OnceLock::new();
    FIXED.get_or_init(|| {
        let reference = kyoten_navi::load::reference::parse_reference(include_str!("../../content/geo/localgovjp-utf8.csv"))
            .expect("the reference list parses");
        let sources = parse_front_matter::<kyoten_navi::model::source::SourceFile>("sources.toml", include_str!("../../content/sources.toml"), 1)
            .expect("sources.toml parses")
            .source;
        let guides = GUIDES
            .iter()
            .map(|(slug, text)| {
                let path = format!("content/guides/{slug}.md");
                let mut out = Vec::new();
                let g = parse_file::<Guide>(&path, text, "/", &mut out).expect("the real guides parse");
                let mut value = g.value;
                value.set_id(slug.to_string());
                (path, g.front_matter, g.first_line, value)
            })
            .collect();
        Fixed { reference, sources, guides }
    })
}

const PATH: &str = "content/fuzz.md";

fn parse<T: HasBody>(text: &str, id: &str, out: &mut Vec<Diagnostic>) -> Option<Located<T>> {
    let mut located = parse_file::<T>(PATH, text, "/", out)?;
    located.value.set_id(id.to_string());
    Some(located)
}

/// The fuzzed file's body HTML, whatever its kind.
fn body_html_of(kind: u8, files: &Files) -> Option<String> {
    match kind % 7 {
        0 => files.facilities.first().map(|f| f.value.body_html.clone()),
        1 => files.areas.first().map(|f| f.value.body_html.clone()),
        2 => files.guides.first().filter(|g| g.value.slug == "fuzz-guide").map(|f| f.value.body_html.clone()),
        3 => files.reports.first().map(|f| f.value.body_html.clone()),
        4 => files.practices.first().map(|f| f.value.body_html.clone()),
        5 => files.catalogue.as_ref().map(|f| f.value.body_html.clone()),
        _ => files.screening.as_ref().map(|f| f.value.body_html.clone()),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let fixed = fixed();
    let mut out = Vec::new();
    let mut files = Files {
        reference: fixed.reference.clone(),
        areas: vec![],
        facilities: vec![],
        reports: vec![],
        guides: fixed
            .guides
            .iter()
            .map(|(path, front_matter, first_line, value)| Located { path: path.clone(), front_matter: front_matter.clone(), first_line: *first_line, value: value.clone() })
            .collect(),
        practices: vec![],
        catalogue: None,
        screening: None,
    };
    match kind % 7 {
        0 => files.facilities.extend(parse::<Facility>(text, "fuzz-facility", &mut out)),
        1 => files.areas.extend(parse::<Area>(text, "132144", &mut out)),
        2 => {
            if let Some(g) = parse::<Guide>(text, "fuzz-guide", &mut out) {
                files.guides.insert(0, g);
            }
        }
        3 => files.reports.extend(parse::<Report>(text, "fuzz-report", &mut out)),
        4 => files.practices.extend(parse::<PracticeSection>(text, "fuzz-practice", &mut out)),
        5 => files.catalogue = parse::<CatalogueSummary>(text, "index", &mut out),
        _ => files.screening = parse::<Screening>(text, "index", &mut out),
    }
    // Sanitised whether or not the file has mistakes: the body HTML never carries script.
    if let Some(html) = body_html_of(kind, &files) {
        if let Err(e) = check_html::check(&html, check_html::Allow::Body) {
            panic!("unsafe body HTML ({e}): {html:?}");
        }
    }
    let mut content = Content { sources: fixed.sources.clone(), ..Default::default() };
    validate(&mut content, files, &mut out);

    let lines = text.lines().count() + 2;
    for d in out.iter().filter(|d| d.path == PATH) {
        // Other diagnostics name files the fuzzed one refers to (a missing guide, say).
        assert!(d.line <= lines, "diagnostic line {} beyond the file's {lines} lines: {d}", d.line);
        let _ = d.to_string();
    }
    if !out.is_empty() {
        return;
    }

    // Valid content: render the page that shows it, as the build would.
    let shell = Shell { base: "/".into(), build: "fuzz".into(), name: "拠点ナビ".into() };
    let area_link = |id: &str| content.areas.get(id).map(AreaLink::of).unwrap_or_default();
    let sources_of = |ids: &[String]| ids.iter().filter_map(|id| content.sources.iter().find(|s| &s.id == id).cloned()).collect::<Vec<_>>();
    let mut pages = Vec::new();
    for f in content.facilities.iter().filter(|f| f.id == "fuzz-facility") {
        let data = FacilityData { facility: f.clone(), area: area_link(&f.area), sources: sources_of(&f.sources), corrections: Corrections::default() };
        pages.push(render_fragment(&shell, || kyoten_navi::features::facility::page::facility(data)));
    }
    if kind % 7 == 1 {
        if let Some(a) = content.areas.get("132144") {
            let data = AreaData { area: a.clone(), sources: sources_of(&a.sources), ..Default::default() };
            pages.push(render_fragment(&shell, || kyoten_navi::features::area::page::area(data)));
        }
    }
    for g in content.guides.iter().filter(|g| g.slug == "fuzz-guide") {
        let data = GuideData { guide: g.clone(), guides: vec![], sources: sources_of(&g.sources) };
        pages.push(render_fragment(&shell, || kyoten_navi::features::guide::page::guide(data)));
    }
    for html in pages {
        if let Err(e) = check_html::check(&html, check_html::Allow::Page) {
            panic!("unsafe page HTML ({e}): {html:?}");
        }
    }
});
