//! `import wamnet FILE.csv --area CODE`: the rows of one area from a WAM NET open-data file
//! become facility files `content/facilities/w<事業所番号>-<hash4>.md`.
//!
//! How this relates to the build's base layer (`content/wamnet/*.csv`, read at build time):
//! an imported file has the same id as the base layer's record and claims it with
//! `wamnet = "<事業所番号>"`, so the build shows one facility, not two — the file's values
//! first, the base layer adding what only it knows (all service types, 定員). Importing turns
//! a national record into a file the municipality can add to (functions, disability types,
//! notes); the base layer stays the national fallback.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use toml::Value;

use super::edit::{Doc, Origin};
use super::sheet::{base_value, WAMNET_KEYS};
use super::{
    check_shape, claimed_by, existing_facilities, finish, shown, source_ids, string, strings, FileChange, Plan,
};
use crate::load::validate::{in_japan, is_phone};
use crate::load::wamnet::{facility_of, service_role, source_id, CityIndex, Row, HEADER, NUMBER_COLUMNS};
use crate::load::Diagnostic;
use crate::model::{Area, Facility, Function};

/// What to import.
#[derive(Clone, Debug)]
pub struct WamnetImport {
    /// The WAM NET CSV, named as WAM NET names it (`csvdownload024.csv`).
    pub file: std::path::PathBuf,
    /// A municipality code (a designated city includes its wards) or a region id.
    pub area: String,
    /// `--functions`: the 拠点 functions these facilities carry, stated by the person
    /// importing; they are then part of the area's 拠点 (`kyoten = true`).
    pub functions: Option<Vec<Function>>,
    /// `--as-of`: when WAM NET's data is from, e.g. `2025年3月時点`; needed only when
    /// `content/sources.toml` does not have this file's source yet.
    pub as_of: Option<String>,
    /// `last_verified` of what this import writes, `YYYY-MM-DD`.
    pub date: String,
    pub content: std::path::PathBuf,
}

/// Work out what importing would do. `Err` when the command cannot start at all (no
/// reference list, an unknown area); row problems are in `Plan::rejected`.
pub fn plan_wamnet(opts: &WamnetImport) -> Result<Plan, String> {
    let content = opts.content.as_path();
    let reference = super::reference(content)?;
    let (targets, names) = target_areas(content, &reference, &opts.area)?;
    let shown_file = opts.file.display().to_string();
    let stem = opts.file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let source = source_id(&stem)
        .ok_or_else(|| format!("{shown_file}: keep the name WAM NET gave the file (csvdownloadNNN.csv): its number names the source, e.g. wamnet-024"))?;
    let bytes = fs::read(&opts.file).map_err(|e| format!("{shown_file}: {e}"))?;

    let mut plan = Plan::default();
    let table = match super::table::parse_table(&shown_file, &bytes) {
        Ok(t) => t,
        Err(d) => {
            plan.rejected.push(d);
            return Ok(plan);
        }
    };
    if let Some(d) = check_header(&shown_file, &table.headers) {
        plan.rejected.push(d);
        return Ok(plan);
    }
    plan.rejected.extend(table.broken);

    let cities = CityIndex::new(&reference);
    // (line, facility) per id, first row wins; every id's services in file order.
    let mut found: BTreeMap<String, (usize, Facility)> = BTreeMap::new();
    let mut names_of_number: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut service_name = None;
    for row in &table.rows {
        let at = |field: &str, message: String| Diagnostic::new(&shown_file, row.line, field, message);
        let mut r: Row = match row.record.deserialize(Some(&table.headers)) {
            Ok(r) => r,
            Err(e) => {
                plan.rejected.push(at("columns", format!("unreadable row: {e}")));
                continue;
            }
        };
        service_name.get_or_insert_with(|| r.service.trim().to_string());
        let Some(code) = cities.code_of(&r.city) else {
            if names.iter().any(|n| r.city.contains(n.as_str())) {
                plan.rejected.push(at(
                    "事業所住所（市区町村）",
                    format!(
                        "「{}」 is not a municipality in the reference list (expected e.g. 「東京都国分寺市」)",
                        r.city
                    ),
                ));
            } else {
                plan.notes.push(at(
                    "事業所住所（市区町村）",
                    format!("「{}」 is not a municipality in the reference list; row left out", r.city),
                ));
            }
            continue;
        };
        if !targets.contains(&code) {
            plan.other_areas += 1;
            continue;
        }
        let number = r.number.trim();
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            plan.rejected.push(at(
                "事業所番号",
                format!("\"{number}\" is not a 事業所番号 (expected 10 digits, e.g. 1313700161)"),
            ));
            continue;
        }
        if service_role(r.service.trim()).is_none() {
            plan.rejected.push(at("サービス種別", format!("「{}」 is not a service type 拠点ナビ maps yet (短期入所, 地域相談支援（地域移行支援）, 地域相談支援（地域定着支援）)", r.service)));
            continue;
        }
        // Values the site cannot publish are left out, with a note: the rest of the row is good.
        for ((column, shown), raw) in NUMBER_COLUMNS.into_iter().zip(r.numbers_mut()) {
            let number = raw.trim().to_string();
            if !number.is_empty() && !is_phone(&number) {
                plan.notes.push(at(column, format!("\"{number}\" is not a complete phone number; left out ({shown}; write the right number in the file by hand)")));
                raw.clear();
            }
        }
        let (lat, lng) = (r.lat.trim(), r.lng.trim());
        if !(lat.is_empty() && lng.is_empty()) {
            let ok = matches!((lat.parse::<f64>(), lng.parse::<f64>()), (Ok(a), Ok(b)) if in_japan(a, b));
            if !ok {
                plan.notes.push(at("事業所緯度", format!("\"{lat}\", \"{lng}\" is not a position in Japan; left out (the map uses the municipality hall, marked approximate)")));
                r.lat.clear();
                r.lng.clear();
            }
        }
        let url = r.url.trim();
        if !url.is_empty() && !url.starts_with("http") {
            plan.notes.push(at("事業所URL", format!("\"{url}\" is not a web address (https://…); left out")));
        }
        let f = match facility_of(&r, &source, &cities, &opts.date) {
            Ok(f) => f,
            Err((field, message)) => {
                plan.rejected.push(at(field, message));
                continue;
            }
        };
        names_of_number.entry(f.wamnet.clone().unwrap_or_default()).or_default().insert(f.name.clone());
        if let Some((first, _)) = found.get(&f.id) {
            plan.notes
                .push(at("事業所番号", format!("same 事業所番号 and name as line {first}; this row is left out")));
            continue;
        }
        found.insert(f.id.clone(), (row.line, f));
    }

    let mut sources = source_ids(content)?;
    if !sources.contains(&source) {
        let path = content.join("sources.toml");
        match &opts.as_of {
            Some(as_of) => {
                let service = service_name.clone().unwrap_or_default();
                let mut text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                if !text.ends_with('\n') {
                    text.push('\n');
                }
                text.push_str(&format!(
                    "\n[[source]]\nid = {}\ntitle = {}\npublisher = \"独立行政法人福祉医療機構（WAM NET）\"\nyear = {}\n",
                    string(&source),
                    string(&format!("障害福祉サービス等情報公表システム（WAM NET）オープンデータ {service}")),
                    string(as_of),
                ));
                plan.extra.push((path, format!("added source {source}（{as_of}）"), text));
                sources.push(source.clone());
            }
            None => plan.rejected.push(Diagnostic::new(
                &shown(content, &path),
                0,
                "",
                format!("has no source \"{source}\": pass --as-of with the time WAM NET gives for this file (e.g. --as-of 2025年3月時点) and the import adds it"),
            )),
        }
    }

    let existing = existing_facilities(content);
    let mut seen = BTreeSet::new();
    for (id, (line, f)) in &found {
        let number = f.wamnet.clone().unwrap_or_default();
        let shared = names_of_number.get(&number).is_some_and(|n| n.len() > 1);
        let target = claimed_by(&existing, &number, &f.name, id, shared).unwrap_or_else(|| id.clone());
        if !seen.insert(target.clone()) {
            plan.rejected.push(Diagnostic::new(
                &shown_file,
                *line,
                "事業所番号",
                format!("content/facilities/{target}.md already takes another row of this file"),
            ));
            continue;
        }
        let path = content.join("facilities").join(format!("{target}.md"));
        let old = existing.get(&target);
        let mut doc = match old.map(|e| e.doc.clone()) {
            None => Doc::new(&[
                &format!("WAM NET のオープンデータ（{}）から取り込みました。", opts.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()),
                "行末の「# WAM NET」「# 一覧表」は取り込んだ値の印です。値を直した行は、次の取り込みで上書きされません。",
            ]),
            Some(Ok(doc)) => doc,
            Some(Err(e)) => {
                plan.rejected.push(Diagnostic::new(&shown(content, &path), 0, "", format!("{e}; fix the file (cargo run --release -- check) before importing into it")));
                continue;
            }
        };
        let mut change = FileChange {
            shown: shown(content, &path),
            path,
            name: f.name.clone(),
            created: old.is_none(),
            changed: Vec::new(),
            left: Vec::new(),
            text: None,
            over_base: false,
            rows: Vec::new(),
            details: Vec::new(),
        };
        let origin = Origin::WamNet(source.trim_start_matches("wamnet-").to_string());
        propose_facts(&mut doc, &mut change, f, &origin, opts.functions.as_deref());
        finish(&mut doc, &mut change, std::slice::from_ref(&source), &opts.date);
        let text = doc.render();
        if old.is_none_or(|e| e.text != text) {
            if let Err(d) = check_shape(&change.shown, &text) {
                plan.rejected.push(Diagnostic::new(
                    &shown_file,
                    *line,
                    "",
                    format!("would make {} invalid: {d}", change.shown),
                ));
            }
            change.text = Some(text);
        }
        plan.files.push(change);
    }

    // Files this source described in this area that the file no longer lists: closed or
    // renamed? A person decides; nothing is deleted.
    for (id, e) in &existing {
        let area = e.str("area").unwrap_or_default();
        if e.list("sources").contains(&source) && targets.contains(&area) && !seen.contains(id) {
            plan.missing.push(format!("{} ({})", e.shown, e.str("name").unwrap_or_default()));
        }
    }
    Ok(plan)
}

/// Propose every WAM NET fact of `f` to the file.
fn propose_facts(
    doc: &mut Doc,
    change: &mut FileChange,
    f: &Facility,
    origin: &Origin,
    functions: Option<&[Function]>,
) {
    let mut put = |doc: &mut Doc, key: &str, value: Option<Value>| match value {
        Some(v) => {
            let c = doc.propose(key, v.clone(), origin, false);
            change.note(key, c, &v);
        }
        None => {
            let c = doc.retract(key, origin);
            change.note(key, c, &Value::String(String::new()));
        }
    };
    for key in WAMNET_KEYS {
        put(doc, key, base_value(f, key));
    }

    // Functions and 拠点: on a new file, the service type's functions and kyoten = false,
    // or what --functions states (then part of the 拠点). On an existing file, only WAM
    // NET's own lines move: each service type adds its functions to WAM NET's list,
    // whichever WAM NET file wrote it.
    let created = change.created;
    match functions {
        Some(given) => {
            let v = strings(given.iter().map(|f| f.id()));
            let c = doc.propose("functions", v.clone(), &Origin::Hand, false);
            change.note("functions", c, &v);
            let c = doc.propose("kyoten", Value::Boolean(true), &Origin::Hand, !created);
            change.note("kyoten", c, &Value::Boolean(true));
        }
        None => {
            let mut list: Vec<String> = match doc.get("functions") {
                Some(Value::Array(a)) => a.into_iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
                _ => Vec::new(),
            };
            for func in &f.functions {
                if !list.iter().any(|x| x == func.id()) {
                    list.push(func.id().to_string());
                }
            }
            let v = strings(list);
            let owner = match doc.owner("functions") {
                Some(o @ Origin::WamNet(_)) => o,
                _ => origin.clone(),
            };
            let c = doc.propose("functions", v.clone(), &owner, !created);
            change.note("functions", c, &v);
            let owner = match doc.owner("kyoten") {
                Some(o @ Origin::WamNet(_)) => o,
                _ => origin.clone(),
            };
            let c = doc.propose("kyoten", Value::Boolean(false), &owner, !created);
            change.note("kyoten", c, &Value::Boolean(false));
        }
    }
}

/// The build's WAM NET base layer (`content/wamnet/*.csv`) folded as the loader folds it
/// (`load::wamnet::merge`): one facility per id, with every service and source. Empty when
/// there is no such folder. `import sheet` uses it to correct a facility that has no file
/// yet.
pub fn base_layer(content: &Path, reference: &BTreeMap<String, Area>) -> Result<BTreeMap<String, Facility>, String> {
    let Ok(entries) = fs::read_dir(content.join("wamnet")) else { return Ok(BTreeMap::new()) };
    let mut files: Vec<std::path::PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    files.sort();
    let cities = CityIndex::new(reference);
    let mut open = Vec::new();
    // Rows the loader leaves out are its business (`check` reports them), not this import's.
    let mut skipped = Vec::new();
    for path in files {
        let shown_path = shown(content, &path);
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let Some(source) = source_id(&stem) else { continue };
        let text = fs::read_to_string(&path).map_err(|e| format!("{shown_path}: {e}"))?;
        let rows = crate::load::wamnet::parse_wamnet(&shown_path, &text, &source, &cities, "", &mut skipped)
            .map_err(|d| d.to_string())?;
        open.extend(rows);
    }
    let mut folded = Vec::new();
    crate::load::wamnet::merge(&mut folded, open);
    Ok(folded.into_iter().map(|f| (f.id.clone(), f)).collect())
}

/// The lines a facility file needs to be the base layer's record `f` (name, area, role,
/// 事業所番号, its functions and `kyoten = false`), as `import wamnet` writes them with the
/// marker of the record's first file, so a later `import wamnet` keeps them up to date. The
/// other facts stay in the base layer, which the build merges under the file.
pub fn claim_lines(doc: &mut Doc, f: &Facility) {
    let number = f.sources.first().map_or("", |s| s.trim_start_matches("wamnet-"));
    let origin = Origin::WamNet(number.to_string());
    doc.propose("name", string(&f.name), &origin, false);
    doc.propose("area", string(&f.area), &origin, false);
    doc.propose("role", string(f.role.id()), &origin, false);
    doc.propose("functions", strings(f.functions.iter().map(|x| x.id())), &origin, false);
    doc.propose("kyoten", Value::Boolean(false), &origin, false);
    if let Some(n) = &f.wamnet {
        doc.propose("wamnet", string(n), &origin, false);
    }
}

/// The exact 29-column header, or the first column that differs.
fn check_header(path: &str, headers: &csv::StringRecord) -> Option<Diagnostic> {
    for (i, expected) in HEADER.iter().enumerate() {
        let found = headers.get(i).map(str::trim);
        if found != Some(*expected) {
            let found = found.map_or("nothing".to_string(), |f| format!("「{f}」"));
            return Some(Diagnostic::new(
                path,
                1,
                "header",
                format!(
                    "column {} should be 「{expected}」, found {found} (expected the 29 WAM NET columns, unchanged)",
                    i + 1
                ),
            ));
        }
    }
    (headers.len() != HEADER.len()).then(|| {
        Diagnostic::new(path, 1, "header", format!("has {} columns, expected the 29 WAM NET columns", headers.len()))
    })
}

/// The municipality codes an `--area` covers (a designated city brings its wards; a region
/// its members) and their names, for spotting rows that are ours but unplaceable.
pub fn target_areas(
    content: &Path,
    reference: &BTreeMap<String, Area>,
    area: &str,
) -> Result<(BTreeSet<String>, Vec<String>), String> {
    let mut codes = BTreeSet::new();
    if area.len() == 6 && area.bytes().all(|b| b.is_ascii_digit()) {
        if !crate::load::reference::valid_lgcode(area) {
            return Err(format!(
                "--area {area}: not a valid 全国地方公共団体コード (check digit), e.g. 132144 for 国分寺市"
            ));
        }
        if !reference.contains_key(area) {
            return Err(format!("--area {area}: not in the reference list content/geo/localgovjp-utf8.csv"));
        }
        codes.insert(area.to_string());
    } else {
        crate::load::ids::valid_path_id(area).map_err(|e| format!("--area {e} (a region's id)"))?;
        let path = content.join("areas").join(format!("{area}.md"));
        let text = fs::read_to_string(&path).map_err(|_| format!("--area {area}: expected a 6-digit municipality code (e.g. 132144) or a region with a file content/areas/{area}.md"))?;
        let mut out = Vec::new();
        let region = crate::load::parse_file::<Area>(&shown(content, &path), &text, "/", &mut out)
            .ok_or_else(|| out.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n"))?;
        if region.value.members.is_empty() {
            return Err(format!("--area {area}: content/areas/{area}.md lists no members"));
        }
        codes.extend(region.value.members);
    }
    let wards: Vec<String> = reference
        .values()
        .filter(|a| a.parent.as_ref().is_some_and(|p| codes.contains(p)))
        .map(|a| a.id.clone())
        .collect();
    codes.extend(wards);
    let names = codes.iter().filter_map(|c| reference.get(c)).map(|a| a.name.clone()).collect();
    Ok((codes, names))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_must_be_exact() {
        let mut h: Vec<&str> = HEADER.to_vec();
        assert!(check_header("f.csv", &csv::StringRecord::from(h.clone())).is_none());
        h[14] = "事業所番号 ";
        assert!(
            check_header("f.csv", &csv::StringRecord::from(h.clone())).is_none(),
            "spaces around a name are tolerated"
        );
        h[14] = "事業者番号";
        assert_eq!(
            check_header("f.csv", &csv::StringRecord::from(h.clone())).map(|d| d.to_string()).as_deref(),
            Some("f.csv:1: header: column 15 should be 「事業所番号」, found 「事業者番号」 (expected the 29 WAM NET columns, unchanged)")
        );
        let mut more: Vec<&str> = HEADER.to_vec();
        more.push("extra");
        assert!(check_header("f.csv", &csv::StringRecord::from(more)).is_some());
    }
}
