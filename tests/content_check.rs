//! Broken content produces the right file:line:field diagnostic, every mistake of a run is
//! reported, and nothing is built. Each case starts from the valid fixture in
//! `tests/fixtures/content/` and changes one file.

use std::fs;
use std::path::{Path, PathBuf};

use kyoten_navi::load::load_content;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/content")
}

/// A copy of the fixture at `<tmp>/content`, so diagnostics read `content/…`.
fn copy_fixture(tmp: &Path) -> PathBuf {
    let to = tmp.join("content");
    copy_dir(&fixture(), &to);
    to
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for e in fs::read_dir(from).expect("read fixture") {
        let p = e.expect("entry").path();
        let target = to.join(p.file_name().expect("name"));
        if p.is_dir() {
            copy_dir(&p, &target)
        } else {
            fs::copy(&p, &target).expect("copy");
        }
    }
}

fn errors_after(edit: impl FnOnce(&Path)) -> Vec<String> {
    let tmp = tempfile::tempdir().expect("tmp");
    let content = copy_fixture(tmp.path());
    edit(&content);
    match load_content(&content, "/") {
        Ok(_) => Vec::new(),
        Err(d) => d.iter().map(|d| d.to_string()).collect(),
    }
}

fn replace(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).expect("write");
}

const FACILITY: &str = "facilities/test-kikan.md";
const AREA: &str = "areas/132144.md";

#[test]
fn the_fixture_is_valid() {
    assert_eq!(errors_after(|_| {}), Vec::<String>::new());
}

#[test]
fn each_mistake_names_file_line_and_field() {
    // (file, text to replace, replacement, expected diagnostic)
    let cases: &[(&str, &str, &str, &str)] = &[
        (FACILITY, "phone = \"042-123-4567\"", "phone = \"042-123\"",
         "content/facilities/test-kikan.md:8: phone: \"042-123\" is not a complete phone number (expected e.g. 042-123-4567)"),
        (FACILITY, "phone = \"042-123-4567\"", "phone = \"042-123-4567\"\nfax = \"042-123\"",
         "content/facilities/test-kikan.md:9: fax: \"042-123\" is not a complete phone number (expected e.g. 042-123-4567)"),
        (FACILITY, "operator =", "colour = \"red\"\noperator =",
         "content/facilities/test-kikan.md:3: colour: unknown field `colour`, expected one of"),
        (FACILITY, "role = \"core_consultation\"", "role = \"hospital\"",
         "content/facilities/test-kikan.md:5: role: unknown value `hospital`, expected one of"),
        (FACILITY, "functions = [\"consultation\", \"network\"]", "functions = [\"consultation\", \"nursing\"]",
         "content/facilities/test-kikan.md:6: functions: unknown value `nursing`, expected one of"),
        (FACILITY, "disabilities = [\"intellectual\"]", "disabilities = [\"blind\"]",
         "content/facilities/test-kikan.md:7: disabilities: unknown value `blind`"),
        (FACILITY, "area = \"132144\"", "area = \"999999\"",
         "content/facilities/test-kikan.md:4: area: no area \"999999\" (expected a municipality code from the reference list or a region file in content/areas/)"),
        (FACILITY, "phone =", "lat = 10.0\nlng = 139.0\nphone =",
         "content/facilities/test-kikan.md:8: lat: 10, 139 is outside Japan (expected latitude 20–46, longitude 122–154)"),
        (FACILITY, "phone =", "lat = 35.7\nphone =",
         "content/facilities/test-kikan.md:1: lng: is missing; give both lat and lng, or neither"),
        (FACILITY, "last_verified = \"2026-11-22\"", "last_verified = \"2026-02-30\"",
         "content/facilities/test-kikan.md:10: last_verified: \"2026-02-30\" is not a real date (expected YYYY-MM-DD, e.g. 2021-11-01)"),
        (FACILITY, "positioned = \"2021-11\"", "positioned = \"令和3年11月\"",
         "content/facilities/test-kikan.md:9: positioned: \"令和3年11月\" is not a real date (expected YYYY-MM or YYYY-MM-DD, e.g. 2021-11-01)"),
        (FACILITY, "sources = [\"doc\"]", "sources = [\"memo\"]",
         "content/facilities/test-kikan.md:11: sources: unknown source \"memo\" (expected an id from content/sources.toml)"),
        (FACILITY, "name = \"テスト基幹相談支援センター\"\n", "",
         "content/facilities/test-kikan.md:1: name: missing field `name`"),
        (FACILITY, "phone =", "exact_position = true\nphone =",
         "content/facilities/test-kikan.md:8: exact_position: is filled in by the site builder; remove it from the file"),
        // Every derived key is absent from `FacilityFile` and `AreaFile`: named as derived, not unknown.
        (FACILITY, "phone =", "services = [\"short_stay\"]\nphone =",
         "content/facilities/test-kikan.md:8: services: is filled in by the site builder; remove it from the file"),
        (FACILITY, "phone =", "id = \"other\"\nphone =",
         "content/facilities/test-kikan.md:8: id: is filled in by the site builder; remove it from the file"),
        (FACILITY, "phone =", "url_source = \"x\"\nphone =",
         "content/facilities/test-kikan.md:8: url_source: is filled in by the site builder; remove it from the file"),
        (AREA, "development_type = \"area\"", "development_type = \"area\"\nlat = 35.0",
         "content/areas/132144.md:3: lat: is filled in by the site builder; remove it from the file"),
        (FACILITY, "テスト用の施設です。", "<script>alert(1)</script>",
         "content/facilities/test-kikan.md:13: raw HTML \"<script>alert(1)</script>\" is not allowed in content; write Markdown instead"),
        (FACILITY, "name = \"テスト基幹相談支援センター\"", "name = \"テスト",
         "content/facilities/test-kikan.md:2: name: invalid basic string"),
        (FACILITY, "+++\nテスト用", "テスト用",
         "content/facilities/test-kikan.md:1: the front matter is not closed: add a line `+++` after it"),
        (AREA, "development_type = \"area\"", "development_type = \"area\"\nname = \"国分寺\"",
         "content/areas/132144.md:3: name: a municipality's name and kana come from the reference list; remove this line"),
        (AREA, "emergency = \"○ (空:拠点内2 拠点外1)\"", "emergency = \"◎\"",
         "content/areas/132144.md:17: practice.emergency: expected 「○」, 「○(基)」 or a remark in brackets, found 「◎」"),
        (AREA, "coordinator = true", "coordinator = true\ncoordinator_overview = { line = 325, text = \"テスト\" }",
         "content/areas/132144.md:23: practice.coordinator_overview: is only for a row whose コーディネーター column is 「-」"),
        (AREA, "number = 1", "number = 30",
         "content/areas/132144.md:14: practice.number: 30 is outside the 好事例集's rows 1–25"),
        (AREA, "facility = \"test-kikan\"", "facility = \"nowhere\"",
         "content/areas/132144.md:11: contacts.facility: no facility \"nowhere\" (expected a file content/facilities/nowhere.md)"),
        (AREA, "facility = \"test-kikan\"", "facility = \"test-kikan\"\nphone = \"042-123-4567\"",
         // Not written: the line of its `[[contacts]]` (it was the opening `+++`).
         "content/areas/132144.md:6: contacts.sources: name at least one source id from content/sources.toml"),
        (AREA, "facility = \"test-kikan\"", "facility = \"test-kikan\"\nphone = \"042-123-4567\"\nsources = [\"web\"]",
         "content/areas/132144.md:13: contacts.sources: source \"web\" is a web page: give it `read = \"YYYY-MM-DD\"`"),
        (AREA, "last_verified = \"2026-11-22\"", "last_verified = \"2026/11/22\"",
         "content/areas/132144.md:4: last_verified: \"2026/11/22\" is not a real date (expected YYYY-MM-DD, e.g. 2021-11-01)"),
        ("areas/test-region.md", "members = [\"012131\", \"015784\"]", "members = [\"012131\", \"015785\"]",
         "content/areas/test-region.md:4: members: \"015785\" is not a valid 6-digit 全国地方公共団体コード"),
        ("areas/test-region.md", "kana = \"てすとけんいき\"", "kana = \"Test\"",
         "content/areas/test-region.md:3: kana: \"Test\": expected the reading in hiragana or katakana"),
        ("reports/test-report.md", "value = \"3,502件\"", "value = \"3,520件\"",
         "content/reports/test-report.md:9: figures.value: \"3,520件\" (閉所時の相談支援件数) does not appear in the body; copy figures exactly as the report prints them"),
        ("catalogue/practices/one-stop.md", "entries = [\"132144\"]", "entries = [\"141526\"]",
         "content/catalogue/practices/one-stop.md:6: entries: \"141526\" is not a 好事例集 entry (its area file has no [practice])"),
    ];
    for (file, from, to, expected) in cases {
        let errors = errors_after(|c| replace(&c.join(file), from, to));
        assert!(
            errors.iter().any(|e| e.starts_with(expected)),
            "editing {file}: {from:?} → {to:?}\nexpected: {expected}\ngot: {errors:#?}"
        );
    }
    assert!(cases.len() >= 20);
}

/// An area with two `[[contacts]]`, each with a phone: a mistake in the second names the
/// second's line, not the first's (the old line finder stopped at the first `phone =` under
/// any `[[contacts]]`), and a key missing from it names its `[[contacts]]` line.
#[test]
fn mistakes_in_the_second_contacts_table_name_its_lines() {
    let two = |second: &str| {
        format!("facility = \"test-kikan\"\nphone = \"042-123-4567\"\nsources = [\"doc\"]\n\n[[contacts]]\n{second}")
    };
    // Lines 1–11 as in the fixture; the first contact's phone is line 12, the second
    // `[[contacts]]` line 15.
    let cases = [
        (
            two("name = \"二つ目\"\nphone = \"042-123\"\nsources = [\"doc\"]\n"),
            "content/areas/132144.md:17: contacts.phone: \"042-123\" is not a complete phone number",
        ),
        (
            two("name = \"二つ目\"\nphone = \"042-123-4567\"\nsources = [\"doc\", \"memo\"]\n"),
            "content/areas/132144.md:18: contacts.sources: unknown source \"memo\"",
        ),
        (
            two("name = \"二つ目\"\nphone = \"042-123-4567\"\n"),
            "content/areas/132144.md:15: contacts.sources: name at least one source id",
        ),
        (
            two("phone = \"042-123-4567\"\nsources = [\"doc\"]\n"),
            "content/areas/132144.md:15: contacts.name: missing field `name`",
        ),
    ];
    for (to, expected) in cases {
        let errors = errors_after(|c| replace(&c.join(AREA), "facility = \"test-kikan\"", &to));
        assert!(errors.iter().any(|e| e.starts_with(expected)), "expected: {expected}\ngot: {errors:#?}");
    }
}

#[test]
fn file_names_are_checked() {
    let cases: &[(&str, &str, &str)] = &[
        (AREA, "areas/132145.md", "content/areas/132145.md:1: file name \"132145\" is not a valid 6-digit 全国地方公共団体コード (check digit)"),
        (AREA, "areas/131016.md", "content/areas/131016.md:1: code 131016 is not in the reference list content/geo/localgovjp-utf8.csv"),
        (FACILITY, "facilities/Test_Kikan.md", "content/facilities/Test_Kikan.md:1: file name \"Test_Kikan\" must use only a–z, 0–9 and -"),
    ];
    for (from, to, expected) in cases {
        let errors = errors_after(|c| {
            if from.starts_with("areas") {
                // Keep the facility's area valid: only the renamed file is at fault.
                fs::copy(c.join(from), c.join(to)).expect("copy");
                let text = fs::read_to_string(c.join(to)).expect("read").replace("number = 1", "number = 2");
                fs::write(c.join(to), text).expect("write");
            } else {
                fs::rename(c.join(from), c.join(to)).expect("rename");
            }
        });
        assert!(errors.iter().any(|e| e.starts_with(expected)), "{to}: expected {expected}\ngot: {errors:#?}");
    }
}

#[test]
fn every_mistake_of_a_run_is_reported_sorted() {
    let errors = errors_after(|c| {
        replace(&c.join(FACILITY), "phone = \"042-123-4567\"", "phone = \"042\"");
        replace(&c.join(FACILITY), "last_verified = \"2026-11-22\"", "last_verified = \"yesterday\"");
        replace(&c.join(AREA), "number = 1", "number = 0");
        replace(&c.join("reports/test-report.md"), "area = \"132144\"", "area = \"x\"");
    });
    assert_eq!(errors.len(), 4, "{errors:#?}");
    // Sorted by file, then by line number (8 before 10).
    let places: Vec<&str> = errors.iter().map(|e| e.split(": ").next().unwrap_or("")).collect();
    assert_eq!(
        places,
        vec![
            "content/areas/132144.md:14",
            "content/facilities/test-kikan.md:8",
            "content/facilities/test-kikan.md:10",
            "content/reports/test-report.md:3"
        ]
    );
}

const SCREENING: &str = "screening/index.md";

#[test]
fn screening_mistakes_name_file_line_and_field() {
    // (text to replace in the self-check, replacement, expected diagnostic)
    let cases: &[(&str, &str, &str)] = &[
        ("weight = 3", "weight = -1",
         "content/screening/index.md:19: questions.options.weight: -1 (question \"backup\", option \"no\") is negative; weights are 0 or more"),
        ("flag = \"urgent\"", "flag = \"emergency\"",
         "content/screening/index.md:25: questions.options.flag: \"emergency\" (question \"backup\", option \"crisis\") is not a level id (expected one of \"consult\", \"register\", \"urgent\")"),
        ("min_score = 3", "min_score = 0",
         "content/screening/index.md:42: levels.min_score: 0 (level \"register\") must be larger than the level before (0, level \"consult\"); thresholds increase from the mildest level to the most urgent"),
        ("min_score = 0", "min_score = 1",
         "content/screening/index.md:36: levels.min_score: 1 (level \"consult\"): the first level must start at 0, so every score has a level"),
        ("flag = \"urgent\"\n", "",
         "content/screening/index.md:47: levels.min_score: 5 (level \"urgent\") can never be reached: the highest possible score is 3 and no option flags this level"),
        ("id = \"area\"", "id = \"backup\"",
         "content/screening/index.md:28: questions.id: \"backup\" is used twice; question ids must be unique"),
        ("id = \"crisis\"", "id = \"no\"",
         "content/screening/index.md:22: questions.options.id: \"no\" is used twice in question \"backup\"; option ids must be unique within a question"),
        ("id = \"register\"", "id = \"urgent\"",
         "content/screening/index.md:47: levels.id: \"urgent\" is used twice; level ids must be unique"),
        ("label = \"いない\"", "label = \"いない\"\ncolour = \"red\"",
         "content/screening/index.md:19: questions.options.colour: unknown field `colour`"),
        ("disclaimer = \"この結果は目安です。市区町村が決めたものではありません。\"", "disclaimer = \"\"",
         "content/screening/index.md:3: disclaimer: is empty: say that the result is guidance, not a decision by the municipality"),
    ];
    for (from, to, expected) in cases {
        let errors = errors_after(|c| replace(&c.join(SCREENING), from, to));
        assert!(
            errors.iter().any(|e| e.starts_with(expected)),
            "editing {SCREENING}: {from:?} → {to:?}\nexpected: {expected}\ngot: {errors:#?}"
        );
    }
}

#[test]
fn the_self_check_is_required() {
    let errors = errors_after(|c| fs::remove_file(c.join(SCREENING)).expect("remove"));
    assert!(errors.iter().any(|e| e.starts_with("content/screening/index.md: cannot read")), "{errors:#?}");
}

#[test]
fn no_corrections_address_is_a_warning_that_names_the_setting_not_an_error() {
    let warnings = |edit: &dyn Fn(&Path)| -> Vec<String> {
        let tmp = tempfile::tempdir().expect("tmp");
        let content = copy_fixture(tmp.path());
        edit(&content);
        let c = load_content(&content, "/").unwrap_or_else(|d| panic!("a warning, not errors: {d:#?}"));
        c.warnings.iter().map(|w| w.to_string()).filter(|w| w.contains("site.toml")).collect()
    };
    assert_eq!(warnings(&|_| {}), Vec::<String>::new(), "an address is set");
    let none = warnings(&|c| replace(&c.join("site.toml"), "corrections_email = \"fix@example.jp\"", ""));
    assert_eq!(none.len(), 1);
    assert!(none[0].starts_with("content/site.toml:1: corrections_email: not set"), "{none:?}");
    assert!(none[0].contains("set corrections_email"), "{none:?}");
    let edit_only = warnings(&|c| {
        replace(
            &c.join("site.toml"),
            "corrections_email = \"fix@example.jp\"",
            "edit_url = \"https://example.jp/edit/{path}\"",
        )
    });
    assert_eq!(edit_only, Vec::<String>::new(), "an edit link is a way to send corrections");
}

/// A guide's other readings (issue #22): named `<slug>.<reading>.md`, beside a standard page,
/// with the same sources.
#[test]
fn guide_versions_are_checked() {
    fn version(name: &'static str, sources: &'static str) -> impl Fn(&Path) {
        move |c: &Path| {
            let text = fs::read_to_string(c.join("guides/what-is.md")).expect("read");
            let text =
                text.replace("sources = [\"doc\"]", sources).replace("地域生活支援拠点等とは", "What is a kyoten?");
            fs::write(c.join("guides").join(name), text).expect("write");
        }
    }
    assert_eq!(errors_after(version("what-is.en.md", "sources = [\"doc\"]")), Vec::<String>::new());
    assert_eq!(
        errors_after(version("what-is.fr.md", "sources = [\"doc\"]")),
        ["content/guides/what-is.fr.md:1: file name: \".fr\" is not a reading of the site; name a version <slug>.easy.md (やさしい日本語) or <slug>.en.md (English)"]
    );
    assert_eq!(
        errors_after(version("nothing.easy.md", "sources = [\"doc\"]")),
        ["content/guides/nothing.easy.md:1: no standard guide \"nothing.md\" beside it: a version rewords a page that exists"]
    );
    assert_eq!(
        errors_after(version("what-is.en.md", "sources = []")),
        [
            "content/guides/what-is.en.md:5: sources: [] differ from what-is.md's [\"doc\"]: a version states the same facts from the same sources",
            "content/guides/what-is.en.md:5: sources: name at least one source id from content/sources.toml",
        ]
    );
    let errors = errors_after(|c| {
        version("what-is.easy.md", "sources = [\"doc\"]")(c);
        replace(&c.join("guides/what-is.easy.md"), "## 拠点とは", "## ｜拠点《キョテン》とは");
    });
    assert_eq!(
        errors,
        ["content/guides/what-is.easy.md:7: ふりがな: the reading \"キョテン\" contains 'キ': write readings in hiragana only"]
    );
}

/// The message catalogues: each language has the reference's keys, no others, and valid
/// ふりがな; a missing catalogue names the file.
#[test]
fn message_catalogues_are_checked() {
    let errors = errors_after(|c| {
        let en = c.join("messages/en.toml");
        // The fixture's catalogues are the site's (a link): write a copy, not through it.
        let text = fs::read_to_string(&en).expect("read");
        fs::remove_dir_all(c.join("messages")).expect("unlink");
        fs::create_dir_all(c.join("messages")).expect("mkdir");
        let text = text.replacen("skip = ", "skipp = ", 1);
        fs::write(&en, text).expect("write");
        fs::write(c.join("messages/easy.toml"), "[site]\nname = \"｜拠点《きょてん》\n").expect("write");
    });
    assert!(
        errors.iter().any(|e| e.starts_with("content/messages/ja.toml: cannot read the 日本語 catalogue")),
        "{errors:#?}"
    );
    assert!(errors.iter().any(|e| e.starts_with("content/messages/easy.toml:2: ")), "{errors:#?}");
    let errors = errors_after(|c| {
        let text = fs::read_to_string(c.join("messages/en.toml")).expect("read");
        fs::remove_dir_all(c.join("messages")).expect("unlink");
        fs::create_dir_all(c.join("messages")).expect("mkdir");
        for lang in ["ja", "easy"] {
            fs::copy(fixture().join(format!("messages/{lang}.toml")), c.join(format!("messages/{lang}.toml")))
                .expect("copy");
        }
        fs::write(c.join("messages/en.toml"), text.replacen("skip = ", "skipp = ", 1)).expect("write");
    });
    let skip_line = en_line("skip = ");
    assert_eq!(
        errors,
        [
            format!("content/messages/en.toml:{}: site.skip: missing: add `skip` in its table (the Japanese at content/messages/ja.toml:{} is \"本文へ移動\")", en_line("[site]"), ja_line("skip = ")),
            format!("content/messages/en.toml:{skip_line}: site.skipp: unused: the site has no text called `site.skipp` (content/messages/ja.toml has no such key); remove it or correct its name"),
        ]
    );
}

fn line_in(file: &str, prefix: &str) -> usize {
    let text = fs::read_to_string(fixture().join("messages").join(file)).expect("read");
    text.lines().position(|l| l.starts_with(prefix)).expect("key") + 1
}

fn ja_line(prefix: &str) -> usize {
    line_in("ja.toml", prefix)
}

fn en_line(prefix: &str) -> usize {
    line_in("en.toml", prefix)
}
