//! The fixture content builds into a complete `dist/`: every route pre-rendered with its
//! real content, data JSON, sitemap, robots, manifest, hashed assets with compressed
//! siblings — and no internal link anywhere points at a missing file, at the root or under
//! a base path. Two builds of the same content are byte-identical.

use std::fs;
use std::path::{Path, PathBuf};

use kyoten_navi::site::assets::walk;
use kyoten_navi::site::build::{build_site, BuildOptions};
use kyoten_navi::site::serve::resolve;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn build(content: &Path, base: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("dist");
    let opts = BuildOptions {
        content: content.to_path_buf(),
        out: out.clone(),
        base_path: base.into(),
        wasm: None,
        root: root(),
        precompress: Default::default(),
    };
    build_site(&opts, &mut |_| {}).unwrap_or_else(|e| panic!("build failed: {e:?}"));
    (tmp, out)
}

fn fixture() -> PathBuf {
    root().join("tests/fixtures/content")
}

fn read(p: &Path) -> String {
    fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn every_route_is_rendered_with_its_content() {
    let (_tmp, out) = build(&fixture(), "/");
    let cases = [
        (
            "index.html",
            vec!["どこに相談したら良いのか", "地域から探す", "目的から探す", "緊急のとき", "地域生活支援拠点等とは"],
        ),
        ("search/index.html", vec!["相談先をさがす", "テスト基幹相談支援センター", "国分寺市"]),
        (
            "facilities/test-kikan/index.html",
            vec![
                "<h1 class=\"kn-page-heading__title\">テスト基幹相談支援センター</h1>",
                "tel:0421234567",
                "社会福祉法人テスト会",
                "知的障害",
                "おおよその位置",
                "2026-11-22",
                "テスト資料",
                "mailto:fix@example.jp",
                "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\"",
                "\"telephone\":\"042-123-4567\"",
            ],
        ),
        (
            "areas/132144/index.html",
            vec![
                "<h1 class=\"kn-page-heading__title\">国分寺市</h1>",
                "こくぶんじし",
                "面的整備型",
                "実施（基幹）",
                "空床 拠点内2・空床 拠点外1",
                "3,502件",
                "テストの特徴",
                "24時間365日",
            ],
        ),
        ("areas/test-region/index.html", vec!["テスト圏域", "苫小牧市", "白老町", "併用整備型"]),
        (
            "areas/012131/index.html",
            vec![
                "苫小牧市",
                "テスト圏域",
                "まず連絡するところ",
                "電話番号は、拠点ナビが確かめた資料にはまだありません",
                "tel:119",
            ],
        ),
        ("catalogue/index.html", vec!["好事例集", "整備類型", "面的整備型", "ワンストップの相談窓口"]),
        ("screening/index.html", vec!["事前登録"]),
        (
            "guides/what-is/index.html",
            vec!["<h1 class=\"kn-page-heading__title\">地域生活支援拠点等とは</h1>", "拠点とは"],
        ),
        ("embed/index.html", vec!["埋め込む"]),
        ("about/index.html", vec!["出典", "国土数値情報", "プライバシー"]),
        ("404.html", vec!["ページが見つかりません"]),
    ];
    for (file, needles) in cases {
        let html = read(&out.join(file));
        assert!(html.starts_with("<!DOCTYPE html><html lang=\"ja\">"), "{file}");
        for needle in ["<title>", "<meta name=\"description\"", "og:title", "Content-Security-Policy", "id=\"kn-page\""]
        {
            assert!(html.contains(needle), "{file}: missing {needle}");
        }
        let canonical =
            format!("<link rel=\"canonical\" href=\"https://example.jp/{}\">", file.trim_end_matches("index.html"));
        assert_eq!(html.contains(&canonical), file != "404.html", "{file}: canonical");
        for n in needles {
            assert!(html.contains(n), "{file}: missing {n:?}");
        }
    }
}

#[test]
fn dist_has_sitemap_robots_manifest_data_and_compressed_assets() {
    let (_tmp, out) = build(&fixture(), "/");
    let sitemap = read(&out.join("sitemap.xml"));
    assert!(sitemap.contains("<loc>https://example.jp/facilities/test-kikan/</loc>"));
    // Widgets live inside municipalities' pages: search engines get the full pages instead.
    assert!(sitemap.contains("<loc>https://example.jp/embed/</loc>"), "the generator is a page for staff");
    for widget in ["finder", "emergency", "screening"] {
        assert!(!sitemap.contains(&format!("/embed/{widget}/")), "{widget} widget in the sitemap");
        assert!(
            read(&out.join(format!("embed/{widget}/index.html"))).contains(r#"<meta name="robots" content="noindex">"#),
            "{widget}"
        );
    }
    assert!(!read(&out.join("embed/index.html")).contains("noindex"));
    // The generator in the other readings (issue #22), with the English area index it loads.
    for reading in ["easy", "en"] {
        assert!(sitemap.contains(&format!("<loc>https://example.jp/{reading}/embed/</loc>")), "{reading}");
        assert!(!read(&out.join(format!("{reading}/embed/index.html"))).contains("noindex"), "{reading}");
        // /about/ in the reading, in the sitemap, from the catalogue's [about] section.
        assert!(sitemap.contains(&format!("<loc>https://example.jp/{reading}/about/</loc>")), "{reading} about");
        assert!(sitemap.contains(&format!("<loc>https://example.jp/{reading}/opendata/</loc>")), "{reading} opendata");
    }
    let about = read(&out.join("en/about/index.html"));
    assert!(about.contains("<h2>Privacy</h2>") && about.contains("National Land Numerical Information"), "{about}");
    assert!(read(&out.join("easy/about/index.html")).contains("<ruby>"), "ふりがな on /easy/about/");
    let opendata = read(&out.join("en/opendata/index.html"));
    assert!(
        opendata.contains("<h2>Facility columns</h2>") && opendata.contains("<code>exact_position</code>"),
        "{opendata}"
    );
    assert!(out
        .join("data")
        .read_dir()
        .expect("data")
        .flatten()
        .any(|d| d.path().join("search/areas.en.json").exists()));
    assert!(!read(&out.join("index.html")).contains("noindex"));
    assert!(read(&out.join("robots.txt")).contains("Sitemap: https://example.jp/sitemap.xml"));
    assert!(read(&out.join("manifest.webmanifest")).contains("\"start_url\":\"/\""));
    let mut files = Vec::new();
    walk(&out, &mut files);
    let names: Vec<String> =
        files.iter().map(|p| p.strip_prefix(&out).expect("in dist").to_string_lossy().into_owned()).collect();
    let css = names.iter().find(|n| n.starts_with("style.") && n.ends_with(".css")).expect("hashed css");
    assert!(names.contains(&format!("{css}.br")) && names.contains(&format!("{css}.gz")));
    // The finder's data files are published; per-route page JSON is not (pages are complete
    // HTML and only islands run in the browser).
    assert!(names.iter().any(|n| n.starts_with("data/") && n.ends_with("/search/areas.json")));
    assert!(!names.iter().any(|n| n.starts_with("data/") && n.ends_with("/facilities/test-kikan.json")));
    // Route pages are precompressed from a size up (a host compresses small ones on the fly).
    for page in names.iter().filter(|n| n.ends_with("index.html")) {
        let big = std::fs::metadata(out.join(page)).expect("page").len() >= kyoten_navi::site::assets::SIZE_THRESHOLD;
        assert_eq!(names.contains(&format!("{page}.br")), big, "{page}");
    }
    // What every search fetches is precompressed whatever its size.
    assert!(names.iter().any(|n| n.starts_with("data/") && n.ends_with("/search/areas.json.br")));
}

/// Issue #22: each facility has a page in やさしい日本語 and in English, in the sitemap, with
/// `hreflang` alternates between the three and a switch that keeps the page.
#[test]
fn facility_pages_have_versions_in_each_reading() {
    let (_tmp, out) = build(&fixture(), "/");
    let sitemap = read(&out.join("sitemap.xml"));
    let standard = read(&out.join("facilities/test-kikan/index.html"));
    for (reading, hreflang, lang) in [("en", "en", "en"), ("easy", "ja-x-easy", "ja")] {
        let url = format!("https://example.jp/{reading}/facilities/test-kikan/");
        assert!(sitemap.contains(&format!("<loc>{url}</loc>")), "{reading} not in the sitemap");
        let html = read(&out.join(format!("{reading}/facilities/test-kikan/index.html")));
        assert!(html.starts_with(&format!("<!DOCTYPE html><html lang=\"{lang}\">")), "{reading}");
        assert!(html.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")), "{reading}");
        for page in [&html, &standard] {
            assert!(
                page.contains(&format!("<link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{url}\">")),
                "{reading}"
            );
            assert!(page.contains(
                "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.jp/facilities/test-kikan/\">"
            ));
        }
        assert!(
            standard.contains(&format!(
                "<a href=\"/{reading}/facilities/test-kikan/\" hreflang=\"{hreflang}\" data-kn-same"
            )),
            "{reading}"
        );
        assert!(
            html.contains("<a href=\"/facilities/test-kikan/\" hreflang=\"ja\" data-kn-same"),
            "{reading}: the switch"
        );
        assert!(html.contains("href=\"tel:0421234567\""), "{reading}");
        assert!(html.contains(&format!("<a href=\"/{reading}/areas/132144/\">")), "{reading}: the area in the reading");
        assert!(!html.contains("kn-correction") && !html.contains("application/ld+json"), "{reading}: a light page");
    }
    let en = read(&out.join("en/facilities/test-kikan/index.html"));
    for needle in [
        "<title>テスト基幹相談支援センター (Kokubunji City, Tokyo)｜拠点ナビ</title>",
        "<h1 lang=\"ja\" class=\"kn-page-heading__title\">テスト基幹相談支援センター</h1>",
        "<dt>Disabilities served</dt><dd>Intellectual disability</dd>",
        "<dt>Functions it carries</dt><dd>① Consultation, ⑤ Building local support networks</dd>",
        "Last checked: 2026-11-22",
    ] {
        assert!(en.contains(needle), "missing {needle:?}");
    }
    let easy = read(&out.join("easy/facilities/test-kikan/index.html"));
    assert!(easy.contains("<dd><ruby>知的障害<rp>（</rp><rt>ちてきしょうがい</rt><rp>）</rp></ruby></dd>"), "{easy}");
}

#[test]
fn precompression_can_cover_every_page_or_nothing() {
    use kyoten_navi::site::assets::Precompress;
    for (mode, page_sibling, any_sibling) in [(Precompress::All, true, true), (Precompress::None, false, false)] {
        let tmp = tempfile::tempdir().expect("tmp");
        let out = tmp.path().join("dist");
        let opts = BuildOptions {
            content: fixture(),
            out: out.clone(),
            base_path: "/".into(),
            wasm: None,
            root: root(),
            precompress: mode,
        };
        build_site(&opts, &mut |_| {}).unwrap_or_else(|e| panic!("build failed: {e:?}"));
        let mut files = Vec::new();
        walk(&out, &mut files);
        assert_eq!(out.join("index.html.br").exists(), page_sibling, "{mode:?}");
        assert_eq!(
            files.iter().any(|f| f.extension().is_some_and(|e| e == "br" || e == "gz")),
            any_sibling,
            "{mode:?}"
        );
    }
}

/// Every `href` / `src` in every HTML file that points inside the site resolves to a file.
fn assert_links_resolve(out: &Path, base: &str) {
    let mut files = Vec::new();
    walk(out, &mut files);
    let mut checked = 0;
    for f in files.iter().filter(|f| f.extension().is_some_and(|e| e == "html")) {
        let html = read(f);
        for attr in ["href=\"", "src=\""] {
            for piece in html.split(attr).skip(1) {
                let url = &piece[..piece.find('"').unwrap_or(0)];
                let internal = url.starts_with('/') || url.starts_with("https://example.jp/");
                if !internal {
                    assert!(
                        url.starts_with("http")
                            || url.starts_with("mailto:")
                            || url.starts_with("tel:")
                            || url.starts_with('#'),
                        "{}: relative link {url:?}",
                        f.display()
                    );
                    continue;
                }
                let path = url.trim_start_matches("https://example.jp");
                let path = path.split(['?', '#']).next().unwrap_or("");
                assert!(path.starts_with(base), "{}: {url} is outside the base path {base}", f.display());
                let (status, _) = resolve(out, base, path);
                assert_eq!(status, 200, "{}: broken link {url}", f.display());
                checked += 1;
            }
        }
    }
    assert!(checked > 50, "only {checked} links checked");
}

#[test]
fn no_internal_link_is_broken() {
    let (_tmp, out) = build(&fixture(), "/");
    assert_links_resolve(&out, "/");
}

#[test]
fn works_under_a_base_path() {
    let (_tmp, out) = build(&fixture(), "/kyoten/navi/");
    assert_links_resolve(&out, "/kyoten/navi/");
    let guide = read(&out.join("guides/what-is/index.html"));
    assert!(guide.contains("href=\"/kyoten/navi/search/\""), "Markdown links are rebased");
    assert!(read(&out.join("sitemap.xml")).contains("https://example.jp/kyoten/navi/areas/132144/"));
}

/// Issue #20: phones get PNG icons (192 and 512 in the manifest, a 180 px apple-touch-icon in
/// every page's head), drawn from `public/icon.svg` at build time.
#[test]
fn png_icons_for_phones_have_their_sizes_and_are_referenced() {
    let (_tmp, out) = build(&fixture(), "/kyoten/navi/");
    for (name, px) in [("icon-192.png", 192u32), ("icon-512.png", 512), ("apple-touch-icon.png", 180)] {
        let png = fs::read(out.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{name} is a PNG");
        assert_eq!(&png[12..16], b"IHDR", "{name}");
        let size = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
        assert_eq!((size(16), size(20)), (px, px), "{name}");
    }
    let manifest: serde_json::Value =
        serde_json::from_str(&read(&out.join("manifest.webmanifest"))).expect("the manifest is JSON");
    let icons: Vec<(String, String, String)> = manifest["icons"]
        .as_array()
        .expect("icons")
        .iter()
        .map(|i| {
            (
                i["src"].as_str().unwrap_or("").into(),
                i["sizes"].as_str().unwrap_or("").into(),
                i["type"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    for (src, sizes) in [("/kyoten/navi/icon-192.png", "192x192"), ("/kyoten/navi/icon-512.png", "512x512")] {
        assert!(icons.contains(&(src.into(), sizes.into(), "image/png".into())), "{src} in {icons:?}");
    }
    for page in ["index.html", "guides/what-is/index.html", "404.html"] {
        assert!(
            read(&out.join(page)).contains(r#"<link rel="apple-touch-icon" href="/kyoten/navi/apple-touch-icon.png">"#),
            "{page}"
        );
    }
}

/// Issue #20: `<!>` hydration markers are invalid HTML; pages without islands have none, and
/// in islands they are written as the equivalent `<!---->`.
#[test]
fn no_hydration_marker_is_left_as_invalid_html() {
    let (_tmp, out) = build(&fixture(), "/");
    let mut files = Vec::new();
    walk(&out, &mut files);
    let pages: Vec<_> = files.iter().filter(|p| p.extension().is_some_and(|e| e == "html")).collect();
    assert!(pages.len() > 10);
    for page in pages {
        assert!(!read(page).contains("<!>"), "{}", page.display());
    }
    assert!(read(&out.join("screening/index.html")).contains("<leptos-island"), "islands are still there");
}

/// Issue #20: a base-path build's `_headers` has every rule under the base path.
#[test]
fn headers_file_follows_the_base_path() {
    let (_tmp, out) = build(&fixture(), "/kyoten/navi/");
    let headers = read(&out.join("_headers"));
    let rules: Vec<&str> = headers.lines().filter(|l| l.starts_with('/')).collect();
    assert!(rules.len() > 10, "{headers}");
    for rule in &rules {
        assert!(rule.starts_with("/kyoten/navi/"), "{rule}");
    }
    assert!(rules.contains(&"/kyoten/navi/embed/:widget/"), "{rules:?}");
    let (_tmp2, root_out) = build(&fixture(), "/");
    assert_eq!(read(&root_out.join("_headers")), read(&root().join("public/_headers")));
}

#[test]
fn the_real_content_builds_without_broken_links() {
    let (_tmp, out) = build(&root().join("content"), "/");
    assert_links_resolve(&out, "/");

    // The deployment sets no corrections address (content/site.toml): 「修正を依頼する」 never
    // ends in a dead end (issue #21). 新宿区 has one sourced desk: its number, with the source.
    let shinjuku = read(&out.join("facilities/w1330401660-bdcf/index.html"));
    let fix = &shinjuku[shinjuku.find("kn-correction").expect("correction block")..];
    assert!(fix.contains("修正の受付先がまだ設定されていません"), "{fix}");
    assert!(fix.contains("新宿区 障害者福祉課 支援係") && fix.contains("href=\"tel:0352734583\""), "{fix}");
    assert!(fix.contains("出典：新宿区"), "{fix}");
    assert!(fix.contains("href=\"/areas/131041/#kn-first\""), "{fix}");
    assert!(fix.contains("障害福祉サービス等情報公表制度"), "a WAM NET facility learns how to fix its own data");
    // 国分寺市 has no sourced number: the official website, and the area's list.
    let kokubunji = read(&out.join("facilities/w1313700161-d134/index.html"));
    let fix = &kokubunji[kokubunji.find("kn-correction").expect("correction block")..];
    assert!(fix.contains("国分寺市の公式サイトを開く") && !fix.contains("tel:"), "{fix}");
    // 千葉市 has six ward desks: the website, and the list that names all six.
    let chiba = read(&out.join("areas/121002/index.html"));
    let fix = &chiba[chiba.find("kn-correction").expect("correction block")..];
    assert!(fix.contains("千葉市の公式サイトを開く") && fix.contains("/areas/121002/#kn-first"), "{fix}");
    assert!(!chiba.contains("このサイトの運営者に、ページのアドレスを添えてお知らせください"));
}

#[test]
fn builds_are_reproducible() {
    let (_a, first) = build(&fixture(), "/");
    let (_b, second) = build(&fixture(), "/");
    let (mut a, mut b) = (Vec::new(), Vec::new());
    walk(&first, &mut a);
    walk(&second, &mut b);
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.strip_prefix(&first).ok(), y.strip_prefix(&second).ok());
        assert!(fs::read(x).ok() == fs::read(y).ok(), "{} differs between builds", x.display());
    }
}

#[test]
fn open_data_is_published_as_csv_json_and_geojson() {
    let (_tmp, out) = build(&fixture(), "/");
    let csv = fs::read(out.join("opendata/facilities.csv")).expect("csv");
    assert!(csv.starts_with(b"\xEF\xBB\xBFid,name,kana,kind,role"), "BOM and header");
    let text = String::from_utf8(csv).expect("utf-8");
    assert!(text.contains("test-kikan,テスト基幹相談支援センター,,拠点,基幹相談支援センター"), "{text}");
    assert!(text.contains("042-123-4567"));
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("opendata/facilities.json")).expect("json")).expect("parse");
    assert_eq!(json["facilities"][0]["area_name"], "国分寺市");
    let geo: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("opendata/facilities.geojson")).expect("geojson")).expect("parse");
    assert_eq!(geo["type"], "FeatureCollection");
    assert_eq!(geo["features"][0]["geometry"]["coordinates"][1], 35.71083333);
    assert!(read(&out.join("opendata/index.html")).contains("<code>wamnet_number</code>"));
    assert!(fs::read(out.join("opendata/areas.csv")).expect("areas").starts_with(b"\xEF\xBB\xBFid,name,kana"));
}

/// Issue #19: 638 pages shared a title (「ひまわり｜拠点ナビ」 ×6, 「池田町｜拠点ナビ」 ×4). Every
/// page of a build has its own title, and a facility's names its municipality.
#[test]
fn every_page_title_is_unique_and_says_where() {
    let (_tmp, out) = build(&fixture(), "/");
    let mut files = Vec::new();
    walk(&out, &mut files);
    let mut titles: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for f in files.iter().filter(|f| f.file_name().is_some_and(|n| n == "index.html")) {
        let html = read(f);
        let Some(start) = html.find("<title>") else { continue };
        let end = html[start..].find("</title>").map_or(html.len(), |e| start + e);
        let title = html[start + "<title>".len()..end].to_string();
        titles.entry(title).or_default().push(f.strip_prefix(&out).unwrap_or(f).display().to_string());
    }
    assert!(titles.len() > 10, "{titles:?}");
    let shared: Vec<_> = titles.iter().filter(|(_, pages)| pages.len() > 1).collect();
    assert!(shared.is_empty(), "titles shared by several pages: {shared:?}");
    let kikan = read(&out.join("facilities/test-kikan/index.html"));
    assert!(kikan.contains("<title>テスト基幹相談支援センター（東京都国分寺市）｜拠点ナビ</title>"), "facility title");
}
