//! The `import` command line: parses the options, plans, prints what it would do, and
//! writes — `import wamnet` unless `--dry-run`; `import sheet` only with `--apply` (it reads
//! corrections people send: a person looks at the dry run first, issue #21).

use std::path::{Path, PathBuf};

use super::sheet::{plan_sheet, SheetImport};
use super::wamnet::{plan_wamnet, WamnetImport};
use super::{DetailKind, Plan, RowRef};
use crate::model::Function;

pub const USAGE: &str = "usage: kyoten-navi import wamnet FILE.csv --area CODE [--functions consultation,emergency,…] [--as-of 2025年3月時点] [--date YYYY-MM-DD] [--content DIR] [--dry-run]
       kyoten-navi import sheet FILE.csv|FOLDER… [--apply] [--source ID] [--date YYYY-MM-DD] [--content DIR]
       (import sheet only shows what it would change unless --apply is given; a FOLDER means every *.csv in it)";

/// `args` start after `import`. `root` is the workspace (for the default `content/`).
pub fn run(args: &[String], root: &Path) -> Result<(), String> {
    let kind = args.first().map(String::as_str).unwrap_or("");
    let mut content = root.join("content");
    let (mut area, mut functions, mut as_of, mut source) = (None, None, None, None);
    let mut date = super::today();
    let (mut dry_run, mut apply) = (false, false);
    let mut inputs = Vec::new();
    let mut it = args.iter().skip(1);
    while let Some(flag) = it.next() {
        if !flag.starts_with("--") {
            inputs.push(PathBuf::from(flag));
            continue;
        }
        let mut value = || it.next().cloned().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"));
        match (kind, flag.as_str()) {
            (_, "--content") => content = PathBuf::from(value()?),
            // For `import sheet` the default; still accepted so older commands keep working.
            (_, "--dry-run") => dry_run = true,
            ("sheet", "--apply") => apply = true,
            (_, "--date") => {
                let d = value()?;
                if !crate::load::validate::is_real_date(&d, false) {
                    return Err(format!("--date {d}: expected YYYY-MM-DD, e.g. 2026-11-22"));
                }
                date = d;
            }
            ("wamnet", "--area") => area = Some(value()?),
            ("wamnet", "--functions") => functions = Some(parse_functions(&value()?)?),
            ("wamnet", "--as-of") => as_of = Some(value()?),
            ("sheet", "--source") => source = Some(value()?),
            _ => return Err(format!("unknown option {flag} for import {kind}\n{USAGE}")),
        }
    }
    if inputs.is_empty() {
        return Err(USAGE.to_string());
    }
    let (plan, write) = match kind {
        "wamnet" => {
            let [file] = inputs.as_slice() else {
                return Err(format!("import wamnet takes one file at a time\n{USAGE}"));
            };
            let area = area
                .ok_or_else(|| format!("import wamnet needs --area CODE (e.g. --area 132144 for 国分寺市)\n{USAGE}"))?;
            let plan = plan_wamnet(&WamnetImport { file: file.clone(), area, functions, as_of, date, content })?;
            print!("{}", report(&plan));
            (plan, !dry_run)
        }
        "sheet" => {
            if apply && dry_run {
                return Err("--apply writes, --dry-run does not: give one of them".into());
            }
            let plan = plan_sheet(&SheetImport { inputs, source, date, content })?;
            print!("{}", sheet_report(&plan));
            (plan, apply)
        }
        _ => return Err(USAGE.to_string()),
    };
    if !plan.rejected.is_empty() {
        let mut s = capped(&plan.rejected, "");
        s.push_str(&format!("{} row(s) rejected; nothing was written", plan.rejected.len()));
        return Err(s);
    }
    if !write {
        println!("dry run: nothing was written");
        if kind == "sheet" {
            println!("to write these changes, run the same command with --apply, then: cargo run --release -- check");
        }
    } else {
        let n = plan.write()?;
        println!("wrote {n} file(s); check them with: cargo run --release -- check");
    }
    Ok(())
}

/// `consultation,emergency` — ids, unambiguous beginnings of ids (`consult`), or the
/// Japanese words of the template (相談、緊急、体験、人材、体制).
pub fn parse_functions(value: &str) -> Result<Vec<Function>, String> {
    let mut out = Vec::new();
    for w in value.split([',', '、']).map(str::trim).filter(|w| !w.is_empty()) {
        let by_prefix: Vec<Function> =
            Function::ALL.into_iter().filter(|f| w.len() >= 3 && f.id().starts_with(w)).collect();
        let f = match (super::sheet::function_word(w).and_then(Function::from_id), by_prefix.as_slice()) {
            (Some(f), _) => f,
            (None, [f]) => *f,
            _ => return Err(format!("--functions: 「{w}」 is not one of consultation, emergency, experience, expertise, network (or 相談、緊急、体験、人材、体制)")),
        };
        if !out.contains(&f) {
            out.push(f);
        }
    }
    if out.is_empty() {
        return Err("--functions needs at least one function, e.g. --functions consultation,emergency".into());
    }
    Ok(out)
}

/// What the plan does, one line per file, then notes and a summary.
pub fn report(plan: &Plan) -> String {
    let mut s = String::new();
    for f in &plan.files {
        if f.created {
            s.push_str(&format!("created {} ({})\n", f.shown, f.name));
        } else if f.text.is_some() {
            s.push_str(&format!("changed {} ({}): {}\n", f.shown, f.name, f.changed.join(", ")));
        }
        for (key, current, proposed, why) in &f.left {
            s.push_str(&format!("left    {}: {key} = {current} ({why}); the import says {proposed}\n", f.shown));
        }
    }
    for (path, what, _) in &plan.extra {
        s.push_str(&format!("{what} to {}\n", path.display()));
    }
    for m in &plan.missing {
        s.push_str(&format!("not in this file any more (kept; check whether it closed or was renamed): {m}\n"));
    }
    s.push_str(&capped(&plan.notes, "note: "));
    let (created, changed, unchanged) = plan.counts();
    s.push_str(&format!("{created} created, {changed} changed, {unchanged} unchanged"));
    if plan.other_areas > 0 {
        s.push_str(&format!("; {} row(s) of other areas skipped", plan.other_areas));
    }
    s.push('\n');
    s
}

/// `import sheet`'s report for the people who decide. Per facility, per row (its file:line,
/// 根拠, 依頼した人, 確認日 and 出典), each field it changes (before → after), confirmations,
/// conflicts and lines kept as a person wrote them. Unchanged fields are not listed.
pub fn sheet_report(plan: &Plan) -> String {
    let mut s = String::new();
    let (mut fields, mut confirmed, mut conflicts, mut left) = (0, 0, 0, 0);
    for f in &plan.files {
        if f.details.is_empty() && f.text.is_none() {
            continue;
        }
        let id = Path::new(&f.shown).file_stem().map(|x| x.to_string_lossy().into_owned()).unwrap_or_default();
        let state = match (f.created, f.text.is_some(), f.over_base) {
            (true, true, true) => "new file over its WAM NET record (fields not listed still come from WAM NET)",
            (true, true, false) => "new file",
            (true, false, _) => "not created (nothing in its rows applies)",
            (false, true, _) => "changed",
            (false, false, _) => "unchanged",
        };
        s.push_str(&format!("\n{} ({id}) {}: {state}\n", f.name, f.shown));
        // Row by row in input order; within a row, what was not applied first, then fields in
        // the template's order.
        let rank = |k: &DetailKind, label: &str| match k {
            DetailKind::Conflict { .. } => 0,
            DetailKind::Left { .. } => 1,
            DetailKind::Changed { .. } if label != "確認日" => 2,
            DetailKind::Confirmed { .. } => 3,
            DetailKind::Cited { .. } => 4,
            DetailKind::Changed { .. } => 5,
        };
        let mut details: Vec<&super::Detail> = f.details.iter().collect();
        let column = |label: &str| super::sheet::SHEET_COLUMNS.iter().position(|(c, _)| *c == label);
        details.sort_by_key(|d| (d.row, rank(&d.kind, d.label), column(d.label)));
        let mut current_row = None;
        for d in details {
            let row = &f.rows[d.row];
            if current_row != Some(d.row) {
                current_row = Some(d.row);
                let cited: Vec<&str> = f
                    .details
                    .iter()
                    .filter(|x| x.row == d.row)
                    .filter_map(|x| match &x.kind {
                        DetailKind::Cited { source } => Some(source.as_str()),
                        _ => None,
                    })
                    .collect();
                s.push_str(&format!("  from {}\n", provenance(row, &cited)));
            }
            let line = match &d.kind {
                DetailKind::Changed { before, after } => {
                    let none = if d.label == "確認日" { "（なし）" } else { "（未掲載）" };
                    if d.label != "確認日" {
                        fields += 1;
                    }
                    format!("{}: {} → {after}", d.label, before.as_deref().unwrap_or(none))
                }
                DetailKind::Confirmed { before, after } => {
                    confirmed += 1;
                    let by = by(row);
                    match before {
                        Some(b) if b == after && *b == row.date => {
                            format!("confirmed unchanged, 確認日 stays {b} (already this date){by}")
                        }
                        Some(b) if b == after => {
                            format!("confirmed unchanged, 確認日 stays {b} (this row's {} is older){by}", row.date)
                        }
                        _ => format!(
                            "confirmed unchanged, 確認日 {} → {after}{by}",
                            before.as_deref().unwrap_or("（なし）")
                        ),
                    }
                }
                DetailKind::Conflict { proposed, why } => {
                    conflicts += 1;
                    format!("CONFLICT {}: {proposed} not applied: {why}", d.label)
                }
                DetailKind::Left { current, proposed, why } => {
                    left += 1;
                    format!("left {} = {current} ({why}); the row says {proposed}", d.label)
                }
                DetailKind::Cited { source } => {
                    let new = row.new_sources.contains(source);
                    format!("出典: + {source}{}", if new { " (new [[source]] in content/sources.toml)" } else { "" })
                }
            };
            s.push_str(&format!("    {line}\n"));
        }
    }
    if !plan.files.is_empty() {
        s.push('\n');
    }
    for (path, what, _) in &plan.extra {
        s.push_str(&format!("{what} to {}\n", path.display()));
    }
    s.push_str(&capped(&plan.notes, "note: "));
    let (created, changed, unchanged) = plan.counts();
    s.push_str(&format!(
        "{created} created, {changed} changed, {unchanged} unchanged; {fields} field(s) changed, {confirmed} confirmed unchanged, {conflicts} conflict(s) not applied, {left} left as a person wrote them\n"
    ));
    s
}

/// 「 by カペラ 施設長 山田」, or nothing when the row does not say.
fn by(r: &RowRef) -> String {
    if r.requester.is_empty() {
        String::new()
    } else {
        format!(" by {}", r.requester)
    }
}

/// 「corrections/a.csv:2 · 根拠: 施設のパンフレット · 依頼した人: 山田 · 確認日 2026-12-01 · 出典: x」;
/// the sources in `cited` have their own line below it.
fn provenance(r: &RowRef, cited: &[&str]) -> String {
    let mut parts = vec![format!("{}:{}", r.file, r.line)];
    if !r.basis.is_empty() {
        parts.push(format!("根拠: {}", r.basis));
    }
    if !r.requester.is_empty() {
        parts.push(format!("依頼した人: {}", r.requester));
    }
    parts.push(format!("確認日 {}", r.date));
    let sources: Vec<&str> = r.sources.iter().map(String::as_str).filter(|s| !cited.contains(s)).collect();
    if !sources.is_empty() {
        parts.push(format!("出典: {}", sources.join("、")));
    }
    parts.join(" · ")
}

/// At most this many lines of one kind (same file and field) are printed; the rest counted.
pub const SHOWN_PER_KIND: usize = 10;

/// The diagnostics one per line (each after `prefix`), but no more than [`SHOWN_PER_KIND`]
/// of the same file and field: a header of 100,000 bad columns printed 44 MB; now it prints
/// ten lines and how many more there are.
pub fn capped(ds: &[crate::load::Diagnostic], prefix: &str) -> String {
    let mut shown: std::collections::BTreeMap<(&str, &str), usize> = std::collections::BTreeMap::new();
    let mut s = String::new();
    for d in ds {
        let n = shown.entry((d.path.as_str(), d.field.as_str())).or_default();
        *n += 1;
        if *n <= SHOWN_PER_KIND {
            s.push_str(&format!("{prefix}{d}\n"));
        }
    }
    for ((path, field), n) in shown {
        if n > SHOWN_PER_KIND {
            let what = if field.is_empty() { String::new() } else { format!(" {field}") };
            s.push_str(&format!("{prefix}{path}:{what}: … and {} more like these ({n} in all)\n", n - SHOWN_PER_KIND));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_problems_are_capped_with_a_count() {
        let many: Vec<crate::load::Diagnostic> = (0..100_000)
            .map(|i| crate::load::Diagnostic::new("f.csv", 1, "header", format!("column {i} is not a template column")))
            .chain([crate::load::Diagnostic::new("f.csv", 2, "電話番号", "bad")])
            .collect();
        let s = capped(&many, "");
        assert!(s.len() < 2_000, "{} bytes", s.len());
        assert_eq!(s.lines().count(), SHOWN_PER_KIND + 2, "{s}");
        assert!(s.contains("f.csv:2: 電話番号: bad"), "{s}");
        assert!(s.contains("f.csv: header: … and 99990 more like these (100000 in all)"), "{s}");
    }

    #[test]
    fn functions_by_id_prefix_or_word() {
        assert_eq!(parse_functions("consult,emergency"), Ok(vec![Function::Consultation, Function::Emergency]));
        assert_eq!(parse_functions("相談、体制"), Ok(vec![Function::Consultation, Function::Network]));
        assert!(parse_functions("ex").is_err(), "experience or expertise");
        assert!(parse_functions("").is_err());
    }
}
