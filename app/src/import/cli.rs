//! The `import` command line: parses the options, plans, prints what it would do, and
//! writes (unless `--dry-run`, or a row was rejected).

use std::path::{Path, PathBuf};

use super::sheet::{plan_sheet, SheetImport};
use super::wamnet::{plan_wamnet, WamnetImport};
use super::Plan;
use crate::model::Function;

pub const USAGE: &str = "usage: kyoten-navi import wamnet FILE.csv --area CODE [--functions consultation,emergency,…] [--as-of 2025年3月時点] [--date YYYY-MM-DD] [--content DIR] [--dry-run]
       kyoten-navi import sheet FILE.csv [--source ID] [--date YYYY-MM-DD] [--content DIR] [--dry-run]";

/// `args` start after `import`. `root` is the workspace (for the default `content/`).
pub fn run(args: &[String], root: &Path) -> Result<(), String> {
    let kind = args.first().map(String::as_str).unwrap_or("");
    let file = args.get(1).filter(|f| !f.starts_with("--")).ok_or_else(|| USAGE.to_string())?;
    let mut content = root.join("content");
    let (mut area, mut functions, mut as_of, mut source) = (None, None, None, None);
    let mut date = super::today();
    let mut dry_run = false;
    let mut it = args.iter().skip(2);
    while let Some(flag) = it.next() {
        let mut value = || it.next().cloned().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"));
        match (kind, flag.as_str()) {
            (_, "--content") => content = PathBuf::from(value()?),
            (_, "--dry-run") => dry_run = true,
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
    let file = PathBuf::from(file);
    let plan = match kind {
        "wamnet" => {
            let area = area
                .ok_or_else(|| format!("import wamnet needs --area CODE (e.g. --area 132144 for 国分寺市)\n{USAGE}"))?;
            plan_wamnet(&WamnetImport { file, area, functions, as_of, date, content })?
        }
        "sheet" => plan_sheet(&SheetImport { file, source, date, content })?,
        _ => return Err(USAGE.to_string()),
    };
    print!("{}", report(&plan));
    if !plan.rejected.is_empty() {
        let mut s = capped(&plan.rejected, "");
        s.push_str(&format!("{} row(s) rejected; nothing was written", plan.rejected.len()));
        return Err(s);
    }
    if dry_run {
        println!("dry run: nothing was written");
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
