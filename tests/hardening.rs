//! Hostile and broken input never hurts the site, its data or its users (issue #20): each
//! test is one attack or bad input from the audit, on a temporary copy of the fixture
//! content, and fails if the hole comes back.

use std::fs;
use std::path::{Path, PathBuf};

use kyoten_navi::load::wamnet::HEADER;
use kyoten_navi::site::assets::walk;
use kyoten_navi::site::build::{build_site, BuildOptions};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for e in fs::read_dir(from).expect("read_dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            fs::copy(&p, to.join(e.file_name())).expect("copy");
        }
    }
}

/// A temporary copy of the fixture content (in `<tmp>/content`).
fn content() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("content");
    copy_dir(&root().join("tests/fixtures/content"), &dir);
    (tmp, dir)
}

/// Build `content` into `<tmp>/dist` (no wasm); the build log and the result.
fn build(tmp: &Path, content: &Path) -> (Vec<String>, Result<usize, String>) {
    let opts = BuildOptions {
        content: content.to_path_buf(),
        out: tmp.join("dist"),
        base_path: "/".into(),
        wasm: None,
        root: root(),
        precompress: Default::default(),
    };
    let mut log = Vec::new();
    let result = build_site(&opts, &mut |l| log.push(l.to_string())).map_err(|e| format!("{e:?}"));
    (log, result)
}

/// A WAM NET file (`content/wamnet/csvdownload024.csv`, with its source) of these rows:
/// (事業所番号, 事業所の名称), each a 短期入所 in 国分寺市.
fn wamnet_file(content: &Path, rows: &[(&str, &str)]) {
    let mut csv = format!("\u{feff}{}\n", HEADER.join(","));
    for (number, name) in rows {
        let mut cells = vec![String::new(); 29];
        cells[11] = "短期入所".into();
        cells[12] = format!("\"{}\"", name.replace('"', "\"\""));
        cells[14] = format!("\"{number}\"");
        cells[15] = "東京都国分寺市".into();
        cells[17] = "042-300-0001".into();
        csv.push_str(&cells.join(","));
        csv.push('\n');
    }
    fs::create_dir_all(content.join("wamnet")).expect("mkdir");
    fs::write(content.join("wamnet/csvdownload024.csv"), csv).expect("write");
    let mut sources = fs::read_to_string(content.join("sources.toml")).expect("sources");
    sources.push_str("\n[[source]]\nid = \"wamnet-024\"\ntitle = \"WAM NET 短期入所\"\npublisher = \"WAM NET\"\nyear = \"2024年4月取得\"\n");
    fs::write(content.join("sources.toml"), sources).expect("write");
}

#[test]
fn a_wamnet_number_cannot_write_outside_the_output_folder() {
    let (tmp, c) = content();
    // Relative to dist/facilities/w<number>-<hash>/ this is <tmp>/x-<hash>/index.html.
    wamnet_file(&c, &[("1234567890/../../../x", "悪い行"), ("1300000001", "よい行")]);
    let (log, result) = build(tmp.path(), &c);
    result.expect("the build goes on without the bad row");
    let mut files = Vec::new();
    walk(tmp.path(), &mut files);
    let outside: Vec<&PathBuf> =
        files.iter().filter(|p| !p.starts_with(tmp.path().join("dist")) && !p.starts_with(&c)).collect();
    assert!(outside.is_empty(), "written outside dist/: {outside:?}");
    let warning = log.iter().find(|l| l.contains("事業所番号")).unwrap_or_else(|| panic!("no warning in {log:#?}"));
    assert!(warning.contains("content/wamnet/csvdownload024.csv:2: 事業所番号: row left out"), "{warning}");
    let good = kyoten_navi::load::wamnet::wamnet_id("1300000001", "よい行");
    assert!(tmp.path().join(format!("dist/facilities/{good}/index.html")).exists(), "the good row is published");
}

#[test]
fn formula_cells_are_neutralised_in_every_published_csv_and_exact_in_json() {
    let (tmp, c) = content();
    let hyperlink = "=HYPERLINK(\"https://evil.example/\",\"詳細\")";
    wamnet_file(&c, &[("1300000001", "+OneLife相談支援事業所"), ("1300000002", "@REVE"), ("1300000003", hyperlink)]);
    let (_, result) = build(tmp.path(), &c);
    result.expect("builds");
    let dist = tmp.path().join("dist");
    for file in ["opendata/facilities.csv", "opendata/areas/132144.csv"] {
        let text = fs::read_to_string(dist.join(file)).expect(file);
        let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let names: Vec<String> =
            reader.records().map(|r| r.expect("row").get(1).unwrap_or_default().to_string()).collect();
        for name in ["'+OneLife相談支援事業所", "'@REVE", &format!("'{hyperlink}")] {
            assert!(names.iter().any(|n| n == name), "{file}: no {name:?} in {names:?}");
        }
        assert!(!names.iter().any(|n| n.starts_with(['=', '+', '-', '@'])), "{file}: {names:?}");
    }
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(dist.join("opendata/facilities.json")).expect("json")).expect("parse");
    let names: Vec<&str> =
        json["facilities"].as_array().expect("list").iter().filter_map(|f| f["name"].as_str()).collect();
    for name in ["+OneLife相談支援事業所", "@REVE", hyperlink] {
        assert!(names.contains(&name), "JSON keeps {name:?} exact: {names:?}");
    }
    let page = fs::read_to_string(dist.join("opendata/index.html")).expect("page");
    assert!(page.contains("数式として動かないよう"), "the /opendata/ page says so");
}

#[test]
fn a_nesting_bomb_in_an_import_cell_is_refused_quickly_with_its_line() {
    use kyoten_navi::import::sheet::{plan_sheet, SheetImport};
    let (tmp, c) = content();
    for bomb in ["> ".repeat(50_000), "- ".repeat(50_000)] {
        let file = tmp.path().join("list.csv");
        fs::write(&file, format!("ID,名称,備考\ntest-kikan,テスト基幹相談支援センター,\"{bomb}x\"\n")).expect("write");
        let started = std::time::Instant::now();
        let plan = plan_sheet(&SheetImport {
            inputs: vec![file.clone()],
            source: Some("doc".into()),
            date: "2026-11-22".into(),
            content: c.clone(),
        })
        .expect("plan");
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());
        let rejected: Vec<String> = plan.rejected.iter().map(|d| d.to_string()).collect();
        assert!(
            rejected.iter().any(|r| r.contains("list.csv:2: 備考: Markdown nested more than 32 levels")),
            "{rejected:?}"
        );
    }
}

/// The messages of `check` (load) on `content`.
fn check(content: &Path) -> Vec<String> {
    match kyoten_navi::load::load_content(content, "/") {
        Ok(_) => Vec::new(),
        Err(ds) => ds.iter().map(|d| d.to_string()).collect(),
    }
}

#[test]
fn check_refuses_links_out_of_content_wrong_case_names_and_bad_utf8() {
    let (tmp, c) = content();
    // A symbolic link to a file outside content/ is not followed.
    let secret = tmp.path().join("secret.md");
    fs::copy(c.join("guides/faq.md"), &secret).expect("copy");
    std::os::unix::fs::symlink(&secret, c.join("guides/leak.md")).expect("symlink");
    // A link inside content/ is fine.
    std::os::unix::fs::symlink(c.join("guides/faq.md"), c.join("guides/faq-again.md")).expect("symlink");
    // Upper-case extension.
    fs::copy(c.join("guides/faq.md"), c.join("guides/extra.MD")).expect("copy");
    // Invalid UTF-8 on line 3.
    let mut bytes = fs::read(c.join("facilities/test-kikan.md")).expect("read");
    let third = bytes.iter().enumerate().filter(|(_, &b)| b == b'\n').nth(1).map(|(i, _)| i + 1).expect("3 lines");
    bytes.insert(third, 0xff);
    fs::write(c.join("facilities/test-kikan.md"), bytes).expect("write");
    let errors = check(&c);
    let has = |prefix: &str, text: &str| errors.iter().any(|e| e.starts_with(prefix) && e.contains(text));
    assert!(has("content/guides/leak.md: ", "outside the content folder"), "{errors:#?}");
    assert!(!errors.iter().any(|e| e.contains("faq-again")), "{errors:#?}");
    assert!(has("content/guides/extra.MD: ", "must be .md in lower case"), "{errors:#?}");
    assert!(has("content/facilities/test-kikan.md:3: ", "is not UTF-8"), "{errors:#?}");
}

#[test]
fn check_reports_unsafe_markdown_links_with_their_line() {
    let (_tmp, c) = content();
    let path = c.join("guides/faq.md");
    let text = fs::read_to_string(&path).expect("read");
    let lines = text.lines().count();
    fs::write(&path, format!("{text}\n[押してください](javascript:alert(1))\n")).expect("write");
    let errors = check(&c);
    let want = format!("content/guides/faq.md:{}: a link to \"javascript:\"", lines + 2);
    assert!(errors.iter().any(|e| e.starts_with(&want)), "{want}\n{errors:#?}");
}

#[test]
fn url_settings_and_fields_refuse_scripts_and_header_injection() {
    let (_tmp, c) = content();
    fs::write(
        c.join("site.toml"),
        "name = \"拠点ナビ\"\norigin = \"https://example.jp\"\ncorrections_email = \"fix@example.jp?bcc=all@example.jp\"\nedit_url = \"javascript:alert(1)//{path}\"\n",
    )
    .expect("write");
    let facility = c.join("facilities/test-kikan.md");
    let text = fs::read_to_string(&facility).expect("read");
    let text = text.replacen("name = ", "url = \"javascript:alert(document.cookie)\"\nname = ", 1);
    fs::write(&facility, text).expect("write");
    let errors = check(&c);
    for want in [
        "content/site.toml:3: corrections_email: \"fix@example.jp?bcc=all@example.jp\" is not one plain e-mail address",
        "content/site.toml:4: edit_url: \"javascript:alert(1)//content/x.md\" is not a web address",
        "content/facilities/test-kikan.md:2: url: \"javascript:alert(document.cookie)\" is not a web address",
    ] {
        assert!(errors.iter().any(|e| e.starts_with(want)), "{want}\n{errors:#?}");
    }
}

#[test]
fn source_urls_refuse_scripts_and_header_injection_with_their_line() {
    let (_tmp, c) = content();
    let path = c.join("sources.toml");
    let text = fs::read_to_string(&path).expect("read");
    let lines = text.trim_end().lines().count();
    let added = "\n[[source]]\nid = \"bad-script\"\ntitle = \"t\"\npublisher = \"p\"\nyear = \"y\"\nurl = \"javascript:alert(1)\"\n\n[[source]]\nid = \"bad-header\"\ntitle = \"t\"\nurl = \"https://example.jp/a\\r\\nSet-Cookie: x=1\"\npublisher = \"p\"\nyear = \"y\"\n\n[[source]]\nid = \"good\"\ntitle = \"t\"\npublisher = \"p\"\nyear = \"y\"\nurl = \"https://example.jp/ok\"\n";
    fs::write(&path, format!("{}{added}", text.trim_end())).expect("write");
    let errors = check(&c);
    for want in [
        format!("content/sources.toml:{}: url: source \"bad-script\": \"javascript:alert(1)\" is not a web address", lines + 6),
        format!("content/sources.toml:{}: url: source \"bad-header\": \"https://example.jp/a\\r\\nSet-Cookie: x=1\" has a space, line break or control character", lines + 11),
    ] {
        assert!(errors.iter().any(|e| e.starts_with(&want)), "{want}\n{errors:#?}");
    }
    assert!(!errors.iter().any(|e| e.contains("\"good\"")), "{errors:#?}");
}

#[test]
fn a_path_is_never_taken_for_an_area() {
    let (tmp, c) = content();
    // `content/areas/../facilities/test-kikan.md` exists, but it is not a region.
    let file = tmp.path().join("list.csv");
    fs::write(&file, "ID,名称,市区町村コード,役割\nnew-one,新しい窓口,../facilities/test-kikan,municipal_office\n")
        .expect("write");
    let plan = plan_list(file, &c);
    let rejected: Vec<String> = plan.rejected.iter().map(|d| d.to_string()).collect();
    assert!(rejected.iter().any(|r| r.contains("list.csv:2: 市区町村コード")), "{rejected:?}");
    let reference = kyoten_navi::import::reference(&c).expect("reference");
    let e = kyoten_navi::import::wamnet::target_areas(&c, &reference, "../facilities/test-kikan").expect_err("a path");
    assert!(e.starts_with("--area \"../facilities/test-kikan\" must use only"), "{e}");
}

/// What importing the list `file` (source `doc`) into `content` would do.
fn plan_list(file: PathBuf, content: &Path) -> kyoten_navi::import::Plan {
    use kyoten_navi::import::sheet::{plan_sheet, SheetImport};
    plan_sheet(&SheetImport {
        inputs: vec![file],
        source: Some("doc".into()),
        date: "2026-11-22".into(),
        content: content.to_path_buf(),
    })
    .expect("plan")
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    walk(dir, &mut files);
    files.into_iter().map(|p| (p.clone(), fs::read(&p).unwrap_or_default())).collect()
}

#[test]
fn an_import_that_fails_midway_changes_nothing_and_says_so() {
    let (tmp, c) = content();
    let file = tmp.path().join("list.csv");
    fs::write(
        &file,
        "ID,名称,市区町村コード,役割,電話番号\naaa-new,新しい窓口,132144,municipal_office,\ntest-kikan,,,,042-999-0000\nzzz-new,もう一つの窓口,132144,municipal_office,\n",
    )
    .expect("write");
    let plan = plan_list(file, &c);
    assert!(plan.rejected.is_empty(), "{:?}", plan.rejected);
    assert!(plan.files.iter().filter(|f| f.text.is_some()).count() >= 2);
    // Something in the way of the last file: its move fails after the first two are made.
    fs::create_dir_all(c.join("facilities/zzz-new.md/in-the-way")).expect("mkdir");
    let before = snapshot(&c);
    let e = plan.write().expect_err("the last move fails");
    assert!(e.contains("zzz-new.md") && e.contains("the import was undone: no file was changed"), "{e}");
    assert_eq!(snapshot(&c), before, "every file as it was, no .import-tmp left");
}
