//! The rows about one facility, together: a new facility's required columns, a row that
//! only confirms the listing, rows checked before the file's last edit and fields two rows
//! disagree on (conflicts, reported and left out), and the file's new text.

use std::collections::BTreeSet;
use std::path::Path;

use toml::Value;

use super::columns::{base_value, column_of, shown_value};
use super::{Context, Request};
use crate::import::correction::{correction_source, Sources};
use crate::import::edit::{Change, Doc, Origin};
use crate::import::{check_shape, shown, string, strings, Detail, DetailKind, FileChange, Plan};
use crate::load::Diagnostic;

/// Apply the rows about one facility to its file (or a new file) and say what each does.
/// `None` when the rows cannot apply (a problem is then in `plan.rejected`).
pub(super) fn plan_facility(
    ctx: &Context,
    target: &str,
    rows: Vec<Request>,
    sources: &mut Sources,
    plan: &mut Plan,
) -> Result<Option<FileChange>, String> {
    let content = ctx.content;
    let path = content.join("facilities").join(format!("{target}.md"));
    let old = ctx.existing.get(target);
    let base =
        if old.is_none() || old.is_some_and(|e| e.str("wamnet").is_some()) { ctx.base_record(target)? } else { None };
    let at = |r: &Request, field: &str, message: String| Diagnostic::new(&r.from.file, r.from.line, field, message);
    let Some(first) = rows.first() else { return Ok(None) };

    if old.is_none() && base.is_none() {
        // A new facility: between them, its rows must say what it is.
        let missing: Vec<&str> = [("名称", "name"), ("市区町村コード", "area"), ("役割", "role")]
            .into_iter()
            .filter(|(_, key)| !rows.iter().any(|r| r.facts.iter().any(|(k, _)| k == key)))
            .map(|(c, _)| c)
            .collect();
        if !missing.is_empty() {
            let other = ctx
                .existing
                .iter()
                .find(|(_, e)| !first.number.is_empty() && e.str("wamnet").as_deref() == Some(first.number.as_str()));
            let hint = other.map_or(String::new(), |(id, e)| {
                format!(
                    " ({} has this 事業所番号 under the name 「{}」: if it is that facility, write its ID, {id})",
                    e.shown,
                    e.str("name").unwrap_or_default()
                )
            });
            plan.rejected.push(at(
                first,
                missing[0],
                format!(
                    "there is no file content/facilities/{target}.md yet; a new facility needs {}{hint}",
                    missing.join("、")
                ),
            ));
            return Ok(None);
        }
    }

    let mut doc = match old.map(|e| e.doc.clone()) {
        Some(Ok(doc)) => doc,
        Some(Err(e)) => {
            plan.rejected.push(Diagnostic::new(
                &shown(content, &path),
                0,
                "",
                format!("{e}; fix the file (cargo run --release -- check) before importing into it"),
            ));
            return Ok(None);
        }
        None => {
            let files: BTreeSet<String> = rows
                .iter()
                .map(|r| {
                    Path::new(&r.from.file).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
                })
                .collect();
            let files = files.into_iter().collect::<Vec<_>>().join("、");
            let mut doc = match base {
                Some(_) => Doc::new(&[
                    &format!("修正依頼・一覧表（{files}）から作りました。ここにない項目は WAM NET のオープンデータ（content/wamnet/）から表示されます。"),
                    "行末の「# WAM NET」「# 一覧表」は取り込んだ値の印です。値を直した行は、次の取り込みで上書きされません。",
                ]),
                None => Doc::new(&[
                    &format!("自治体の一覧表（{files}）から取り込みました。"),
                    "行末の「# WAM NET」「# 一覧表」は取り込んだ値の印です。値を直した行は、次の取り込みで上書きされません。",
                ]),
            };
            if let Some(f) = base {
                crate::import::wamnet::claim_lines(&mut doc, f);
            }
            doc
        }
    };
    // The file as it was (or the new file's claim lines): what conflicts are judged against.
    let before = doc.clone();
    let current = |key: &str| before.get(key).or_else(|| base.and_then(|f| base_value(f, key)));
    let shown_before = |key: &str| {
        before
            .get(key)
            .map(|v| shown_value(key, &v))
            .or_else(|| base.and_then(|f| base_value(f, key)).map(|v| format!("{} (WAM NET)", shown_value(key, &v))))
    };
    let verified = match before.get("last_verified") {
        Some(Value::String(s)) => Some(s),
        _ => None,
    };
    let name = rows
        .iter()
        .flat_map(|r| r.facts.iter())
        .find(|(k, _)| *k == "name")
        .and_then(|(_, v)| v.as_str().map(str::to_string))
        .or_else(|| before.get("name").and_then(|v| v.as_str().map(str::to_string)))
        .unwrap_or_default();
    let mut change = FileChange {
        shown: shown(content, &path),
        path,
        name,
        created: old.is_none(),
        changed: Vec::new(),
        left: Vec::new(),
        text: None,
        over_base: old.is_none() && base.is_some(),
        rows: rows.iter().map(|r| r.from.clone()).collect(),
        details: Vec::new(),
    };
    let detail = |row: usize, label: &'static str, kind: DetailKind| Detail { row, label, kind };

    // 1. A row checked before the file's last_verified that would replace a value a list or
    // correction wrote (a `# 一覧表` line): the file holds a newer edit; the row is left out.
    let mut out_of_date = vec![false; rows.len()];
    if let Some(v) = &verified {
        for (i, r) in rows.iter().enumerate().filter(|(_, r)| r.from.date.as_str() < v.as_str()) {
            for (key, value) in &r.facts {
                let theirs = before.get(key);
                if before.owner(key) == Some(Origin::Sheet) && theirs.as_ref() != Some(value) {
                    out_of_date[i] = true;
                    change.details.push(detail(
                        i,
                        column_of(key),
                        DetailKind::Conflict {
                            proposed: format!("{} → {}", shown_before(key).unwrap_or_default(), shown_value(key, value)),
                            why: format!("newer edit in the file on {v} (this row was checked on {}; none of this row is applied)", r.from.date),
                        },
                    ));
                }
            }
        }
    }

    // 2. Two rows that say different things about one field: neither is applied.
    let live: Vec<usize> = (0..rows.len()).filter(|&i| !out_of_date[i]).collect();
    let said = |i: usize, key: &str| -> Option<Value> {
        if key == "本文" {
            return (!rows[i].note.is_empty()).then(|| string(&rows[i].note));
        }
        rows[i].facts.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone())
    };
    let mut disputed: BTreeSet<&'static str> = BTreeSet::new();
    let keys: BTreeSet<&'static str> = live
        .iter()
        .flat_map(|&i| rows[i].facts.iter().map(|(k, _)| *k).chain((!rows[i].note.is_empty()).then_some("本文")))
        .collect();
    for key in keys {
        let saying: Vec<(usize, Value)> = live.iter().filter_map(|&i| said(i, key).map(|v| (i, v))).collect();
        if saying.iter().all(|(_, v)| *v == saying[0].1) {
            continue;
        }
        disputed.insert(key);
        for (i, v) in &saying {
            let others: Vec<String> = saying
                .iter()
                .filter(|(j, w)| j != i && w != v)
                .map(|(j, w)| format!("{}:{} says {}", rows[*j].from.file, rows[*j].from.line, shown_value(key, w)))
                .collect();
            change.details.push(detail(
                *i,
                column_of(key),
                DetailKind::Conflict {
                    proposed: format!(
                        "{} → {}",
                        shown_before(key).unwrap_or_else(|| "（未掲載）".into()),
                        shown_value(key, v)
                    ),
                    why: format!("{}; the rows disagree, so neither is applied", others.join(", ")),
                },
            ));
        }
    }

    // 3. Each remaining row, in input order.
    let mut cited: Vec<String> = Vec::new();
    // (row, date) of rows that changed something or confirmed the listing.
    let mut dated: Vec<(usize, String, bool)> = Vec::new();
    for &i in &live {
        let r = &rows[i];
        let identity_only = r.note.is_empty()
            && r.facts.iter().all(|(k, v)| matches!(*k, "wamnet" | "name") && current(k).as_ref() == Some(v));
        let confirmation = identity_only && r.dated;
        if identity_only && !r.dated {
            plan.notes.push(at(r, "確認日", "this row changes nothing and gives no 確認日, so it confirms nothing; left out (a row that says the listing is right needs 確認日)".into()));
            continue;
        }
        let (mut changed, mut skipped) = (false, false);
        for (key, value) in &r.facts {
            if disputed.contains(key) {
                skipped = true;
                continue;
            }
            let was = shown_before(key);
            let c = doc.propose(key, value.clone(), &Origin::Sheet, false);
            change.note(key, c.clone(), value);
            match c {
                Change::Added | Change::Replaced { .. } => {
                    changed = true;
                    let mut after = shown_value(key, value);
                    // The value WAM NET already gives, now written in the file (a row that
                    // says the page is right about it).
                    if was.as_deref() == Some(format!("{after} (WAM NET)").as_str()) {
                        after.push_str(" (the same; now written in the file)");
                    }
                    change.details.push(detail(i, column_of(key), DetailKind::Changed { before: was, after }));
                }
                Change::Left { current, why } => {
                    skipped = true;
                    change.details.push(detail(
                        i,
                        column_of(key),
                        DetailKind::Left {
                            current: shown_value(key, &current),
                            proposed: shown_value(key, value),
                            why,
                        },
                    ));
                }
                Change::Same | Change::Absent | Change::Removed { .. } => {}
            }
        }
        if !r.note.is_empty() && !disputed.contains("本文") {
            let body = doc.body.trim().to_string();
            if body.is_empty() {
                doc.body = format!("{}\n", r.note);
                change.changed.push("本文".into());
                change.details.push(detail(
                    i,
                    "備考",
                    DetailKind::Changed { before: None, after: shown_value("本文", &string(&r.note)) },
                ));
                changed = true;
            } else if body != r.note {
                change.left.push((
                    "本文".into(),
                    string(&body),
                    string(&r.note),
                    "the file's text already says something else",
                ));
                change.details.push(detail(
                    i,
                    "備考",
                    DetailKind::Left {
                        current: shown_value("本文", &string(&body)),
                        proposed: shown_value("本文", &string(&r.note)),
                        why: "the file's text already says something else",
                    },
                ));
                skipped = true;
            }
        }
        // A row cites its source when it changed something, confirmed the listing, or said
        // only what the file says already; not when all it said was left out.
        if !(changed || confirmation || !skipped) {
            continue;
        }
        let mut ids = r.sources.clone();
        if ids.is_empty() {
            let wanted = correction_source(target, &r.from.date, &r.from.requester, &r.from.basis, confirmation);
            let (id, new) = sources.cite(wanted);
            if new {
                change.rows[i].new_sources.push(id.clone());
            }
            ids.push(id);
        }
        change.rows[i].sources = ids.clone();
        for id in ids {
            if !cited.contains(&id) {
                let already = matches!(before.get("sources"), Some(Value::Array(a)) if a.iter().any(|v| v.as_str() == Some(id.as_str())));
                if !already {
                    change.details.push(detail(i, "出典", DetailKind::Cited { source: id.clone() }));
                }
                cited.push(id);
            }
        }
        if changed || confirmation || change.created {
            dated.push((i, r.from.date.clone(), confirmation));
        }
    }

    if change.created && cited.is_empty() {
        // Every row was left out: no file is made.
        return Ok(Some(change));
    }
    // Sources: the file's own, a new file's WAM NET sources, then what the rows cite.
    let mut list: Vec<String> = match doc.get("sources") {
        Some(Value::Array(a)) => a.into_iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
        _ => base.filter(|_| change.created).map(|f| f.sources.clone()).unwrap_or_default(),
    };
    for id in cited {
        if !list.contains(&id) {
            list.push(id);
        }
    }
    let value = strings(list);
    let c = doc.set_plain("sources", value.clone());
    change.note("sources", c, &value);
    // last_verified moves forward to the newest 確認日 of a row that changed something or
    // confirmed the listing; never back.
    let newest = dated.iter().map(|(_, d, _)| d.as_str()).max().map(str::to_string);
    let final_date = match (&verified, &newest) {
        (Some(v), Some(n)) if n > v => Some(n.clone()),
        (None, Some(n)) => Some(n.clone()),
        _ => None,
    };
    for (i, d, confirmation) in &dated {
        if *confirmation {
            let after = match &verified {
                Some(v) if v.as_str() >= d.as_str() => v.clone(),
                _ => d.clone(),
            };
            change.details.push(detail(*i, "確認日", DetailKind::Confirmed { before: verified.clone(), after }));
        }
    }
    if let Some(date) = final_date {
        let value = string(&date);
        let c = doc.set_plain("last_verified", value.clone());
        change.note("last_verified", c, &value);
        if let Some((i, _, false)) = dated.iter().find(|(_, d, _)| *d == date) {
            change.details.push(detail(*i, "確認日", DetailKind::Changed { before: verified.clone(), after: date }));
        }
    }
    let new_text = doc.render();
    if old.is_none_or(|e| e.text != new_text) {
        if let Err(d) = check_shape(&change.shown, &new_text) {
            plan.rejected.push(at(first, "", format!("would make {} invalid: {d}", change.shown)));
        }
        change.text = Some(new_text);
    }
    Ok(Some(change))
}
