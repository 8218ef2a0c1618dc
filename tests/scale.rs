//! The scale tools of issue #7, on a small run: `synth` writes valid, realistic and
//! reproducible content that cites only its own synthetic source, and `bench` builds it in
//! rounds, measures the disk-write floor and the finder's downloads, and reports figures that
//! hang together. (The 50,000-facility figures themselves are in BENCHMARKS.md: a benchmark,
//! not a timed test.)

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use kyoten_navi::load::load_content;
use kyoten_navi::model::Role;
use kyoten_navi::site::assets::{walk, Precompress};
use kyoten_navi::site::bench::bench;
use kyoten_navi::site::synth::synth;

const COUNT: usize = 1500;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn synthetic(dir: &Path) -> PathBuf {
    let content = dir.join("content");
    synth(&root().join("content"), &content, COUNT).unwrap_or_else(|e| panic!("synth failed: {e}"));
    content
}

#[test]
fn synthetic_content_is_valid_realistic_and_reproducible() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (a, b) = (synthetic(&tmp.path().join("a")), synthetic(&tmp.path().join("b")));
    let (mut fa, mut fb) = (Vec::new(), Vec::new());
    walk(&a.join("facilities"), &mut fa);
    walk(&b.join("facilities"), &mut fb);
    assert_eq!(fa.len(), COUNT);
    for (x, y) in fa.iter().zip(&fb) {
        assert_eq!(fs::read(x).expect("read"), fs::read(y).expect("read"), "{} differs between two runs", x.display());
    }

    let c = load_content(&a, "/").unwrap_or_else(|d| panic!("synthetic content is invalid: {}", d[0]));
    assert_eq!(c.facilities.len(), COUNT, "only synthetic facilities: no real or WAM NET record is copied");
    let mut prefectures = BTreeSet::new();
    let mut roles = BTreeSet::new();
    for f in &c.facilities {
        let area =
            c.areas.get(&f.area).unwrap_or_else(|| panic!("{}: area {} is not in the reference list", f.id, f.area));
        assert!(!area.is_region(), "{}: placed in a region", f.id);
        let stem = area.name.trim_end_matches(['市', '町', '村', '区']);
        assert!(f.name.contains(stem), "{}: name {} does not carry its place {stem}", f.id, f.name);
        let kana = f.kana.as_deref().unwrap_or_default();
        assert!(
            !kana.is_empty() && kana.chars().all(|ch| ('ぁ'..='ゖ').contains(&ch) || ch == 'ー'),
            "{}: reading {kana:?} is not hiragana",
            f.id
        );
        assert!(
            f.phone.as_deref().is_some_and(|p| p.starts_with("0120-000-")),
            "{}: phone outside the synthetic range",
            f.id
        );
        assert_eq!(f.sources, vec!["synthetic".to_string()], "{}: cites a real source", f.id);
        let (lat, lng) = (f.lat.expect("lat"), f.lng.expect("lng"));
        assert!(
            (lat - area.lat).abs() < 0.03 && (lng - area.lng).abs() < 0.03,
            "{}: placed far from {}",
            f.id,
            area.name
        );
        prefectures.insert(area.prefecture.clone());
        roles.insert(f.role);
    }
    assert!(prefectures.len() >= 40, "facilities spread over only {} prefectures", prefectures.len());
    assert!(
        roles.contains(&Role::CoreConsultation) && roles.contains(&Role::ShortStay) && roles.len() >= 6,
        "roles: {roles:?}"
    );
    assert!(c.facilities.iter().any(|f| f.kyoten) && c.facilities.iter().any(|f| !f.kyoten));
}

#[test]
fn bench_builds_in_rounds_and_reports_consistent_figures() {
    let tmp = tempfile::tempdir().expect("tmp");
    let content = synthetic(tmp.path());
    let out = tmp.path().join("bench-dist");
    let report =
        bench(&content, &out, &root(), Precompress::Shared, 2, false).unwrap_or_else(|e| panic!("bench failed: {e}"));

    assert_eq!(report.facilities, COUNT);
    assert_eq!(report.rounds.len(), 2);
    for r in &report.rounds {
        assert!(r.build.as_nanos() > 0 && r.floor.as_nanos() > 0 && r.floor_threads >= 1, "{r:?}");
    }
    assert!(report.median_ratio() > 0.0);
    // Only the last round's output is kept; the other round and every floor copy are gone.
    assert!(out.join("index.html").is_file());
    let left: Vec<String> = fs::read_dir(tmp.path())
        .expect("tmp")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!left.iter().any(|n| n.contains("round") || n.contains("floor")), "left behind: {left:?}");

    // The finder's data: per municipality, so one search is a small part of a prefecture.
    assert!(report.index.brotli > 0 && report.index.brotli < report.index.gzip * 2);
    assert!(report.biggest_search.rows >= report.densest_municipality.rows && report.densest_municipality.rows > 0);
    assert!(report.densest_prefecture.rows >= report.densest_municipality.rows);
    assert!(report.densest_prefecture.files > 1, "a prefecture is many files, not one");
    let mut row_files = Vec::new();
    walk(&out.join("data"), &mut row_files);
    let shipped = row_files
        .iter()
        .filter(|p| p.to_string_lossy().contains("/search/rows/") && p.extension().is_some_and(|e| e == "json"))
        .count();
    assert!(shipped > 100, "only {shipped} row files");
    assert!(
        row_files.iter().any(|p| p.to_string_lossy().ends_with("/search/areas.json.br")),
        "the area index has no brotli sibling"
    );
    assert!(report.query_median <= report.query_p95 && report.query_p95.as_nanos() > 0);

    // Pages that list the whole country stay small: past 50 拠点 bodies the finder's start
    // page gives their number instead of a card for each.
    let start = fs::read_to_string(out.join("search/index.html")).expect("search page");
    let kyoten = load_content(&content, "/").expect("valid").facilities.iter().filter(|f| f.kyoten).count();
    assert!(kyoten > kyoten_navi::site::pages::START_LIST_MAX, "only {kyoten} 拠点 bodies: the test needs more");
    assert!(
        start.contains(&format!("全国で{}か所あります", kyoten_navi::markup::html::grouped(kyoten))),
        "no count on the start page"
    );
    assert!(!start.contains("kn-facility-card"), "the start page lists {kyoten} cards");

    let md = report.markdown("synthetic");
    for want in [
        "round 1: build (no compile)",
        "round 2: build (no compile)",
        "median of 2 round(s)",
        "biggest search:",
        "native keystroke query",
    ] {
        assert!(md.contains(want), "the report lacks {want:?}:\n{md}");
    }
}
