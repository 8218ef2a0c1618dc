//! `import sheet FILES…`: a municipality's own list, and the correction rows families and
//! facilities send from the site's form (issue #21), all made from
//! `content/templates/facilities-template.csv`, merged into the facility files by ID (or by
//! WAM NET 事業所番号). A list carries what WAM NET does not know — whether a facility is
//! part of the 拠点, its functions, disability types, ages, 24-hour contact, emergency beds,
//! notes — and can add facilities WAM NET does not list (a 基幹相談支援センター, a
//! municipal office). An empty cell says nothing: it never clears a value.
//!
//! Rows about one facility from several files are applied together. A row with no fact
//! confirms the listing (its 確認日 renews `last_verified`). A row checked before the file's
//! last edit by a list or correction, and a field two rows disagree on, are conflicts:
//! reported and left out while the other rows apply. A correction for a WAM NET facility
//! that has no file yet creates one over its base-layer record (`content/wamnet/`).
//!
//! The work is split along the way a row travels: [`columns`] (the template's columns and
//! how a value is shown), [`cells`] (reading one cell: lists, はい／いいえ, full-width
//! digits), [`read`] (one file's rows, each checked on its own) and [`apply`] (the rows about
//! one facility together: confirmations, conflicts, the file's new text). This file plans
//! the whole import.

mod apply;
mod cells;
mod columns;
mod read;

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use toml::Value;

use super::correction::Sources;
use super::{existing_facilities, Existing, Plan, RowRef};
use crate::load::wamnet::wamnet_id;
use crate::model::Facility;
use apply::plan_facility;
use read::read_file;

pub(super) use cells::function_word;
pub(crate) use columns::{base_value, WAMNET_KEYS};
pub use columns::{shown_value, SHEET_COLUMNS};

/// What to import.
#[derive(Clone, Debug)]
pub struct SheetImport {
    /// CSV files and folders, in the order given; a folder stands for every `*.csv` directly
    /// inside it, sorted by name.
    pub inputs: Vec<PathBuf>,
    /// `--source`: the source id for rows whose 出典, 依頼した人 and 根拠となる資料 are empty.
    pub source: Option<String>,
    /// `last_verified` for rows whose 確認日 is empty, `YYYY-MM-DD`.
    pub date: String,
    pub content: PathBuf,
}

/// The CSV files `inputs` stand for: a file as it is, a folder as every `*.csv` directly in
/// it (sorted by name; names starting with `.` are skipped). A file reached twice is read
/// once.
pub fn csv_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for input in inputs {
        let meta = fs::metadata(input).map_err(|e| format!("{}: {e}", input.display()))?;
        if !meta.is_dir() {
            out.push(input.clone());
            continue;
        }
        let entries = fs::read_dir(input).map_err(|e| format!("{}: {e}", input.display()))?;
        let mut found: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.is_file()
                    && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv"))
                    && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        if found.is_empty() {
            return Err(format!("{}: no .csv file in this folder", input.display()));
        }
        found.sort();
        out.extend(found);
    }
    let mut seen = BTreeSet::new();
    out.retain(|p| seen.insert(fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    Ok(out)
}

/// One row, read and checked: which facility, what it says, and on whose word.
struct Request {
    from: RowRef,
    target: String,
    /// The 事業所番号 given, for hints.
    number: String,
    facts: Vec<(&'static str, Value)>,
    /// 備考: the facility's text, written only where the file has none.
    note: String,
    /// 出典 ids given in the row (or `--source`); empty when the row's own source is made
    /// from 依頼した人 and 根拠となる資料.
    sources: Vec<String>,
    /// Whether the row gives 確認日 (a confirmation row must).
    dated: bool,
}

/// What every row is checked against.
struct Context<'a> {
    content: &'a Path,
    reference: &'a BTreeMap<String, crate::model::Area>,
    known_sources: Vec<String>,
    existing: BTreeMap<String, Existing>,
    /// The WAM NET base layer, read the first time a row needs it.
    base: OnceCell<Result<BTreeMap<String, Facility>, String>>,
    source: Option<String>,
    date: String,
}

impl Context<'_> {
    fn base(&self) -> Result<&BTreeMap<String, Facility>, String> {
        self.base.get_or_init(|| super::wamnet::base_layer(self.content, self.reference)).as_ref().map_err(Clone::clone)
    }

    /// The base-layer record a facility file or a new id stands for, if any.
    fn base_record(&self, target: &str) -> Result<Option<&Facility>, String> {
        let base = self.base()?;
        if let Some(f) = base.get(target) {
            return Ok(Some(f));
        }
        let Some(e) = self.existing.get(target) else { return Ok(None) };
        let (Some(number), Some(name)) = (e.str("wamnet"), e.str("name")) else { return Ok(None) };
        Ok(base.get(&wamnet_id(&number, &name)).or_else(|| {
            let mut same = base_with_number(base, &number);
            match (same.next(), same.next()) {
                (Some(f), None) => Some(f),
                _ => None,
            }
        }))
    }
}

/// The base-layer records with this 事業所番号 (ids `w<番号>-…`).
fn base_with_number<'a>(base: &'a BTreeMap<String, Facility>, number: &str) -> impl Iterator<Item = &'a Facility> {
    let prefix = format!("w{number}-");
    base.range(prefix.clone()..).take_while(move |(k, _)| k.starts_with(&prefix)).map(|(_, f)| f)
}

/// Work out what importing the lists and correction rows would do (see
/// [`super::wamnet::plan_wamnet`]). Rows about one facility from several files are applied
/// together; a row checked before the file's last edit, and a field two rows disagree on,
/// are conflicts: reported in [`super::FileChange::details`], not applied, not an error.
pub fn plan_sheet(opts: &SheetImport) -> Result<Plan, String> {
    let content = opts.content.as_path();
    let reference = super::reference(content)?;
    let (known, sources_text) = super::sources(content)?;
    if let Some(s) = &opts.source {
        if !known.iter().any(|k| &k.id == s) {
            return Err(format!(
                "--source {s}: not an id in content/sources.toml (add a [[source]] for your list first)"
            ));
        }
    }
    let files = csv_files(&opts.inputs)?;
    let ctx = Context {
        content,
        reference: &reference,
        known_sources: known.iter().map(|s| s.id.clone()).collect(),
        existing: existing_facilities(content),
        base: OnceCell::new(),
        source: opts.source.clone(),
        date: opts.date.clone(),
    };
    let mut plan = Plan::default();
    let mut requests = Vec::new();
    for file in &files {
        read_file(&ctx, file, &mut plan, &mut requests)?;
    }
    let mut groups: BTreeMap<String, Vec<Request>> = BTreeMap::new();
    for r in requests {
        groups.entry(r.target.clone()).or_default().push(r);
    }
    let mut sources = Sources::new(known);
    for (target, rows) in groups {
        if let Some(change) = plan_facility(&ctx, &target, rows, &mut sources, &mut plan)? {
            plan.files.push(change);
        }
    }
    if !sources.added.is_empty() {
        let ids: Vec<&str> = sources.added.iter().map(|s| s.id.as_str()).collect();
        plan.extra.push((
            content.join("sources.toml"),
            format!("added source(s) {}", ids.join(", ")),
            sources.append_to(&sources_text),
        ));
    }
    // Problems in input order: by file as given, then by line.
    let order: BTreeMap<String, usize> = files.iter().enumerate().map(|(i, f)| (f.display().to_string(), i)).collect();
    plan.rejected.sort_by_key(|d| (order.get(&d.path).copied().unwrap_or(usize::MAX), d.line));
    plan.files.sort_by(|a, b| a.shown.cmp(&b.shown));
    Ok(plan)
}
