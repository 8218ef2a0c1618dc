//! One CSV file's rows, each checked on its own: the header, which facility a row is (by ID
//! or 事業所番号), every cell's value and the row's sources. Rows about the same facility
//! are put together later, in `apply.rs`.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use toml::Value;

use super::cells::{age_word, disability_word, function_word, nfkc, split_list, words, yes_no, ListColumn};
use super::columns::{NUMBER_FIELDS, SHEET_COLUMNS};
use super::{base_with_number, Context, Request};
use crate::import::correction::MAX_CHARS;
use crate::import::{claimed_by, string, strings, Plan, RowRef};
use crate::load::ids::valid_path_id;
use crate::load::reference::valid_lgcode;
use crate::load::validate::{in_japan, is_phone, is_real_date};
use crate::load::wamnet::wamnet_id;
use crate::load::Diagnostic;
use crate::model::{Facility, Role};

/// Read one CSV file's rows into `requests`; its problems into `plan`.
pub(super) fn read_file(
    ctx: &Context,
    file: &Path,
    plan: &mut Plan,
    requests: &mut Vec<Request>,
) -> Result<(), String> {
    let shown_file = file.display().to_string();
    let bytes = fs::read(file).map_err(|e| format!("{shown_file}: {e}"))?;
    let table = match crate::import::table::parse_table(&shown_file, &bytes) {
        Ok(t) => t,
        Err(d) => {
            plan.rejected.push(d);
            return Ok(());
        }
    };
    let headers: Vec<String> = table.headers.iter().map(|h| h.trim().to_string()).collect();
    let mut bad_header = false;
    for (i, h) in headers.iter().enumerate() {
        let problem = if !SHEET_COLUMNS.iter().any(|(c, _)| c == h) {
            format!(
                "column {} 「{h}」 is not a template column (expected one of {})",
                i + 1,
                SHEET_COLUMNS.iter().map(|(c, _)| *c).collect::<Vec<_>>().join("、")
            )
        } else if headers[..i].contains(h) {
            format!("column {} 「{h}」 appears twice", i + 1)
        } else {
            continue;
        };
        plan.rejected.push(Diagnostic::new(&shown_file, 1, "header", problem));
        bad_header = true;
    }
    if !headers.iter().any(|h| h == "ID" || h == "事業所番号") {
        plan.rejected.push(Diagnostic::new(
            &shown_file,
            1,
            "header",
            "needs the column ID or 事業所番号 to know which facility a row is",
        ));
        bad_header = true;
    }
    if bad_header {
        return Ok(());
    }
    plan.rejected.extend(table.broken);
    // The first line of each facility in this file: a list has one row per facility.
    let mut taken: BTreeMap<String, usize> = BTreeMap::new();
    for row in &table.rows {
        if row.record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        match read_row(ctx, &shown_file, row.line, &headers, &row.record)? {
            Ok(ReadRow { request, note_redirect }) => {
                if let Some(first) = taken.get(&request.target) {
                    plan.rejected.push(Diagnostic::new(
                        &shown_file,
                        row.line,
                        "ID",
                        format!("the same facility ({}) as line {first}; merge the two rows", request.target),
                    ));
                    continue;
                }
                taken.insert(request.target.clone(), row.line);
                plan.notes.extend(note_redirect);
                requests.push(request);
            }
            Err(errors) => plan.rejected.extend(errors),
        }
    }
    Ok(())
}

/// A row that passed its own checks.
struct ReadRow {
    request: Request,
    /// Said when an ID named a WAM NET record that a facility file already claims.
    note_redirect: Option<Diagnostic>,
}

/// Check one row: `Ok(Ok(row))`, or `Ok(Err(problems))`; `Err` when the base layer cannot
/// be read.
fn read_row(
    ctx: &Context,
    shown_file: &str,
    line: usize,
    headers: &[String],
    record: &csv::StringRecord,
) -> Result<Result<ReadRow, Vec<Diagnostic>>, String> {
    let cell =
        |name: &str| headers.iter().position(|h| h == name).and_then(|i| record.get(i)).map(str::trim).unwrap_or("");
    let content = ctx.content;
    let mut errors = Vec::new();
    let mut err = |field: &str, message: String| errors.push(Diagnostic::new(shown_file, line, field, message));
    let mut note_redirect = None;

    // Which facility this row is.
    let (id_cell, number, name) = (cell("ID"), nfkc(cell("事業所番号")), cell("名称"));
    if !number.is_empty() && !number.bytes().all(|b| b.is_ascii_digit()) {
        err("事業所番号", format!("\"{number}\" is not a 事業所番号 (expected 10 digits, e.g. 1313700161)"));
    }
    let target = if !id_cell.is_empty() {
        match valid_path_id(id_cell) {
            Ok(()) if ctx.existing.contains_key(id_cell) => Some(id_cell.to_string()),
            Ok(()) => {
                // The id of a WAM NET record a file already claims (under its own id): that
                // file is the facility's page, so the row goes there.
                let claimed = match ctx.base()?.get(id_cell) {
                    Some(f) => {
                        let n = f.wamnet.clone().unwrap_or_default();
                        let shared = base_with_number(ctx.base()?, &n).count() > 1;
                        claimed_by(&ctx.existing, &n, &f.name, "", shared)
                    }
                    None => None,
                };
                // 「w1313700161-5e0b」 mistyped: say which WAM NET ids have that number.
                let number = id_cell.strip_prefix('w').and_then(|r| r.split_once('-')).map(|(n, _)| n);
                let near: Vec<String> = match number.filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                {
                    Some(n) if claimed.is_none() && !ctx.base()?.contains_key(id_cell) => {
                        base_with_number(ctx.base()?, n).map(|f| format!("{} ({})", f.id, f.name)).collect()
                    }
                    _ => Vec::new(),
                };
                if !near.is_empty() {
                    err(
                        "ID",
                        format!("{id_cell} is neither a facility file nor a WAM NET record; WAM NET has this 事業所番号 as {}", near.join("、")),
                    );
                }
                match claimed {
                    Some(t) => {
                        note_redirect = Some(Diagnostic::new(
                            shown_file,
                            line,
                            "ID",
                            format!("{id_cell} is the WAM NET record that content/facilities/{t}.md claims: the row goes to that file"),
                        ));
                        Some(t)
                    }
                    None => Some(id_cell.to_string()),
                }
            }
            Err(e) => {
                err("ID", e);
                None
            }
        }
    } else if !number.is_empty() {
        let id = wamnet_id(&number, name);
        // Without a name, the one file with this number; with a name, only that name
        // (事業所番号 repeat across different facilities). Then the base layer's records.
        match claimed_by(&ctx.existing, &number, name, &id, !name.is_empty()) {
            Some(t) => Some(t),
            None if !name.is_empty() => Some(id),
            None => {
                let records: Vec<&Facility> = base_with_number(ctx.base()?, &number).collect();
                match records.as_slice() {
                    [f] => Some(f.id.clone()),
                    [] => {
                        err("名称", format!("no facility file has wamnet = \"{number}\" and WAM NET (content/wamnet/) has no facility with this number; give 名称 too (import the WAM NET file first, or this row adds a new facility)"));
                        None
                    }
                    several => {
                        let names: Vec<&str> = several.iter().map(|f| f.name.as_str()).collect();
                        err(
                            "名称",
                            format!(
                                "WAM NET has {} facilities with 事業所番号 {number} ({}); give 名称 or ID to say which",
                                several.len(),
                                names.join("、")
                            ),
                        );
                        None
                    }
                }
            }
        }
    } else {
        err("ID", "ID or 事業所番号 is needed to know which facility this row is".into());
        None
    };

    let mut facts: Vec<(&'static str, Value)> = Vec::new();
    let mut text = |key: &'static str, column: &str| {
        let v = cell(column);
        if !v.is_empty() {
            facts.push((key, string(v)));
        }
    };
    text("name", "名称");
    text("kana", "よみ");
    text("operator", "運営法人");
    text("address", "住所");
    text("hours", "受付時間");
    if !number.is_empty() {
        facts.push(("wamnet", string(&number)));
    }
    let area = nfkc(cell("市区町村コード"));
    if !area.is_empty() {
        let region = content.join("areas").join(format!("{area}.md"));
        if (valid_lgcode(&area) && ctx.reference.contains_key(&area))
            || (!area.bytes().all(|b| b.is_ascii_digit()) && valid_path_id(&area).is_ok() && region.exists())
        {
            facts.push(("area", string(&area)));
        } else {
            err("市区町村コード", format!("\"{area}\" is not a municipality code in the reference list nor a region in content/areas/ (expected e.g. 132144)"));
        }
    }
    match cell("役割") {
        "" => {}
        v => match Role::ALL.into_iter().find(|r| r.id() == v || r.label() == v) {
            Some(r) => facts.push(("role", string(r.id()))),
            None => err(
                "役割",
                format!(
                    "「{v}」 is not a role (expected one of {})",
                    Role::ALL.iter().map(|r| r.label()).collect::<Vec<_>>().join("、")
                ),
            ),
        },
    }
    for (column, key) in [("拠点に位置付け", "kyoten"), ("24時間対応", "open_24h")] {
        match yes_no(cell(column)) {
            Ok(Some(b)) => facts.push((key, Value::Boolean(b))),
            Ok(None) => {}
            Err(m) => err(column, m),
        }
    }
    let lists: [ListColumn; 3] = [
        ("拠点の機能", "functions", function_word, "相談、緊急、体験、人材、体制"),
        (
            "対象の障害",
            "disabilities",
            disability_word,
            "身体、知的、精神、発達、難病、高次脳機能障害、重症心身障害、医療的ケア、強度行動障害",
        ),
        ("対象年齢", "ages", age_word, "子ども、大人"),
    ];
    for (column, key, word, expected) in lists {
        match words(cell(column), word) {
            Ok(ids) if ids.is_empty() => {}
            Ok(ids) => facts.push((key, strings(ids))),
            Err(bad) => err(column, format!("「{bad}」 is not one of {expected} (separate several with 「、」)")),
        }
    }
    match nfkc(cell("緊急用の空床数")).as_str() {
        "" => {}
        v => match v.parse::<u32>() {
            Ok(n) => facts.push(("emergency_beds", Value::Integer(i64::from(n)))),
            Err(_) => err("緊急用の空床数", format!("\"{v}\" is not a number of beds (expected e.g. 2)")),
        },
    }
    match nfkc(cell("位置付けた時期")).as_str() {
        "" => {}
        v if is_real_date(v, true) => facts.push(("positioned", string(v))),
        v => {
            err("位置付けた時期", format!("\"{v}\" is not a real date (expected YYYY-MM or YYYY-MM-DD, e.g. 2021-11)"))
        }
    }
    let (lat, lng) = (nfkc(cell("緯度")), nfkc(cell("経度")));
    match (lat.as_str(), lng.as_str()) {
        ("", "") => {}
        (a, b) => match (a.parse::<f64>(), b.parse::<f64>()) {
            (Ok(x), Ok(y)) if in_japan(x, y) => {
                facts.push(("lat", Value::Float(x)));
                facts.push(("lng", Value::Float(y)));
            }
            _ => err(
                "緯度",
                format!(
                    "\"{a}\", \"{b}\" is not a position in Japan (give both 緯度 and 経度, e.g. 35.7108 and 139.4622)"
                ),
            ),
        },
    }
    for &(column, key) in NUMBER_FIELDS {
        match nfkc(cell(column)).as_str() {
            "" => {}
            v if is_phone(v) => facts.push((key, string(v))),
            v => err(column, format!("\"{v}\" is not a complete phone number (expected e.g. 042-123-4567)")),
        }
    }
    match cell("ウェブサイト") {
        "" => {}
        v if v.starts_with("https://") || v.starts_with("http://") => facts.push(("url", string(v))),
        v => err("ウェブサイト", format!("\"{v}\" is not a web address (expected https://…)")),
    }
    // Who asks and on what basis: shown in the dry run, and the row's source when 出典 is
    // empty. Published (as the source's publisher and title), so one line each.
    let one_line = |v: &str| v.split_whitespace().collect::<Vec<_>>().join(" ");
    let (requester, basis) = (one_line(cell("依頼した人")), one_line(cell("根拠となる資料")));
    for (column, v) in [("依頼した人", &requester), ("根拠となる資料", &basis)] {
        if v.chars().count() > MAX_CHARS {
            err(
                column,
                format!(
                    "{} characters; at most {MAX_CHARS} are accepted (it is published as the correction's source)",
                    v.chars().count()
                ),
            );
        }
    }
    let mut row_sources: Vec<String> = split_list(cell("出典")).into_iter().map(|s| s.to_string()).collect();
    if row_sources.is_empty() && requester.is_empty() && basis.is_empty() {
        row_sources.extend(ctx.source.clone());
        if row_sources.is_empty() {
            err("出典", "name the source of this row (an id from content/sources.toml), fill 依頼した人 or 根拠となる資料, or pass --source ID".into());
        }
    }
    for s in &row_sources {
        if !ctx.known_sources.contains(s) {
            err(
                "出典",
                format!("unknown source \"{s}\" (add a [[source]] with this id to content/sources.toml first)"),
            );
        }
    }
    let dated = !cell("確認日").is_empty();
    let date = match nfkc(cell("確認日")).as_str() {
        "" => ctx.date.clone(),
        v if is_real_date(v, false) => v.to_string(),
        v => {
            err("確認日", format!("\"{v}\" is not a real date (expected YYYY-MM-DD, e.g. 2026-11-22)"));
            String::new()
        }
    };
    let note = cell("備考");
    if let Err((_, message)) = crate::markdown::check_limits(note) {
        err("備考", message);
    }

    if let Some(t) = &target {
        if let Some(Some(existing_number)) = ctx.existing.get(t).map(|e| e.str("wamnet")) {
            if !number.is_empty() && existing_number != number {
                err(
                    "事業所番号",
                    format!("content/facilities/{t}.md has wamnet = \"{existing_number}\", this row says \"{number}\""),
                );
            }
        }
    }
    let Some(target) = target.filter(|_| errors.is_empty()) else { return Ok(Err(errors)) };
    let from = RowRef { file: shown_file.to_string(), line, requester, basis, date, ..Default::default() };
    let request = Request { from, target, number, facts, note: note.to_string(), sources: row_sources, dated };
    Ok(Ok(ReadRow { request, note_redirect }))
}
