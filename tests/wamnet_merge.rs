//! Merging the WAM NET files drops nothing (issue #19): every row of every CSV in
//! `content/wamnet/` is recounted here, straight from the file, and each of its facts — the
//! service type, the hours and the phone number — must be on its facility in the loaded
//! model and in that facility's row of the open data (`facilities.csv`). A facility listed
//! in several files, or twice in one file, keeps what each row says.

use std::collections::BTreeMap;
use std::path::Path;

use kyoten_navi::load::fields::{normalize_phone, usable_web_url};
use kyoten_navi::load::wamnet::{service_role, wamnet_id};
use kyoten_navi::load::{load_content, Content};
use kyoten_navi::model::Facility;
use kyoten_navi::site::opendata::{opendata_files, FACILITY_COLUMNS};

fn content() -> Content {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    load_content(&dir, "/").unwrap_or_else(|d| panic!("content has errors: {d:#?}"))
}

/// One CSV row's facts, recounted without the loader's code.
struct SourceRow {
    file: String,
    line: usize,
    number: String,
    name: String,
    service: String,
    phone: String,
    hours: String,
}

fn source_rows() -> Vec<SourceRow> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/wamnet");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("content/wamnet")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("read csv");
        let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let header: Vec<String> = reader.headers().expect("header").iter().map(String::from).collect();
        let col = |r: &csv::StringRecord, name: &str| {
            let i = header.iter().position(|h| h == name).unwrap_or_else(|| panic!("column {name}"));
            r.get(i).unwrap_or("").trim().to_string()
        };
        for record in reader.records() {
            let r = record.expect("row");
            let mut hours = Vec::new();
            for day in ["平日", "土曜", "日曜", "祝日"] {
                let h = col(&r, &format!("利用可能な時間帯（{day}）"));
                if !h.is_empty() {
                    hours.push(format!("{day} {h}"));
                }
            }
            let closed = col(&r, "定休日");
            if !closed.is_empty() {
                hours.push(format!("定休日：{closed}"));
            }
            out.push(SourceRow {
                file: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                line: r.position().map_or(0, |p| p.line() as usize),
                number: col(&r, "事業所番号"),
                name: col(&r, "事業所の名称"),
                service: col(&r, "サービス種別"),
                phone: col(&r, "事業所電話番号"),
                hours: hours.join("／"),
            });
        }
    }
    out
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// The facility a row became: its own id, or the content file that claims its number.
fn facility_of<'a>(c: &'a Content, by_id: &BTreeMap<&str, usize>, row: &SourceRow) -> Option<&'a Facility> {
    if let Some(&i) = by_id.get(wamnet_id(&row.number, &row.name).as_str()) {
        return Some(&c.facilities[i]);
    }
    let claims: Vec<&Facility> = c.facilities.iter().filter(|f| f.wamnet.as_deref() == Some(&row.number)).collect();
    claims.iter().find(|f| f.name == row.name).or(claims.first()).copied()
}

#[test]
fn every_row_of_every_wamnet_file_keeps_its_service_hours_and_phone() {
    let c = content();
    let rows = source_rows();
    assert!(rows.len() > 14_000, "{} rows", rows.len());
    let by_id: BTreeMap<&str, usize> = c.facilities.iter().enumerate().map(|(i, f)| (f.id.as_str(), i)).collect();

    let files = opendata_files(&c);
    let csv_bytes = &files.iter().find(|(n, _)| n == "facilities.csv").expect("facilities.csv").1;
    let mut reader = csv::Reader::from_reader(&csv_bytes[3..]);
    let header: Vec<String> = reader.headers().expect("header").iter().map(String::from).collect();
    assert_eq!(header.len(), FACILITY_COLUMNS.len());
    let id_col = header.iter().position(|h| h == "id").expect("id column");
    let exported: BTreeMap<String, Vec<String>> = reader
        .records()
        .map(|r| {
            let r = r.expect("row");
            (r[id_col].to_string(), r.iter().map(String::from).collect())
        })
        .collect();
    let cell = |id: &str, col: &str| -> String {
        let i = header.iter().position(|h| h == col).unwrap_or_else(|| panic!("column {col}"));
        exported.get(id).map(|r| r[i].clone()).unwrap_or_default()
    };
    let phone_cells = |id: &str| {
        header.iter().filter(|h| h.contains("phone")).map(|h| digits(&cell(id, h))).collect::<Vec<_>>().join(" ")
    };

    let mut missing = Vec::new();
    let (mut lost_hours, mut lost_phones, mut lost_services) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
    for row in rows.iter().filter(|r| service_role(&r.service).is_some()) {
        let Some(f) = facility_of(&c, &by_id, row) else {
            missing.push(format!("{}:{} {}", row.file, row.line, row.name));
            continue;
        };
        let at = format!("{}:{} {}", row.file, row.line, f.id);
        let (role, _) = service_role(&row.service).expect("known service");
        if !f.services.contains(&role) || !cell(&f.id, "services").contains(role.label()) {
            lost_services.insert(f.id.clone(), at.clone());
        }
        let model_hours = f.records.iter().filter_map(|r| r.hours.clone()).chain(f.hours.clone()).collect::<Vec<_>>();
        if !row.hours.is_empty()
            && (!model_hours.iter().any(|h| h.contains(&row.hours)) || !cell(&f.id, "hours").contains(&row.hours))
        {
            lost_hours.insert(f.id.clone(), at.clone());
        }
        let model_phones =
            f.records.iter().map(|r| digits(&r.phone_source)).chain(f.phone.as_deref().map(digits)).collect::<Vec<_>>();
        if !row.phone.is_empty()
            && (!model_phones.contains(&digits(&row.phone)) || !phone_cells(&f.id).contains(&digits(&row.phone)))
        {
            lost_phones.insert(f.id.clone(), at);
        }
    }
    println!(
        "facilities with a dropped value: hours {}, phones {}, services {}; rows without a facility {}",
        lost_hours.len(),
        lost_phones.len(),
        lost_services.len(),
        missing.len()
    );
    let given: Vec<&SourceRow> = rows.iter().filter(|r| !r.phone.is_empty()).collect();
    let normalised: Vec<Result<String, String>> = given.iter().map(|r| normalize_phone(&r.phone)).collect();
    let changed = given.iter().zip(&normalised).filter(|(r, n)| n.as_ref().is_ok_and(|n| *n != r.phone)).count();
    let invalid: Vec<_> = given.iter().zip(&normalised).filter(|(_, n)| n.is_err()).collect();
    println!("phones: {} given, {changed} rewritten in the national format, {} not valid", given.len(), invalid.len());
    for (r, _) in &invalid {
        assert!(
            c.warnings.iter().any(|w| w.path.ends_with(&r.file) && w.line == r.line && w.field == "事業所電話番号"),
            "{}:{} {} is not in the build log",
            r.file,
            r.line,
            r.phone
        );
    }
    let sample = |m: &BTreeMap<String, String>| m.values().take(5).cloned().collect::<Vec<_>>();
    assert!(lost_hours.is_empty(), "{} facilities lose hours, e.g. {:?}", lost_hours.len(), sample(&lost_hours));
    assert!(lost_phones.is_empty(), "{} facilities lose phones, e.g. {:?}", lost_phones.len(), sample(&lost_phones));
    assert!(lost_services.is_empty(), "{} lose a service, e.g. {:?}", lost_services.len(), sample(&lost_services));
    // Rows the loader leaves out are named in the build log (`Content::warnings`).
    for m in &missing {
        let (file, rest) = m.split_once(':').expect("file:line");
        let line = rest.split(' ').next().unwrap_or("");
        assert!(
            c.warnings.iter().any(|w| w.path.ends_with(file) && w.line.to_string() == line),
            "{m} is neither loaded nor in the build log"
        );
    }
}

/// Two rows of one facility in one file (024 lines 1514–1515, グループホームぬく森) keep
/// both rows' facts: the second gives a different address.
#[test]
fn two_rows_of_one_facility_in_one_file_keep_both_addresses() {
    let c = content();
    let f = c.facilities.iter().find(|f| f.id == "w1121700551-877d").expect("ぬく森");
    let lines: Vec<usize> = f.records.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![1514, 1515], "{:?}", f.records);
    assert!(f.records[1].address.as_deref().is_some_and(|a| a.ends_with("３０３号アメニティパレスワタナベ")));
}

/// Issue #19: a malformed 事業所URL is never a link; it is kept as text on its facility and
/// named in the build log with its file and line.
#[test]
fn malformed_websites_are_kept_as_text_and_logged() {
    let c = content();
    let logged: Vec<_> = c.warnings.iter().filter(|w| w.field == "事業所URL").collect();
    println!("malformed 事業所URL rows: {}", logged.len());
    assert!(!logged.is_empty());
    let as_text = c.facilities.iter().filter(|f| f.url_source.is_some()).count();
    assert!(as_text > 0 && as_text <= logged.len(), "{as_text} facilities, {} rows", logged.len());
    for f in &c.facilities {
        if let Some(u) = &f.url {
            assert!(usable_web_url(u).is_some() || !u.starts_with("http"), "{}: {u}", f.id);
        }
    }
}
