//! Data in: `kyoten-navi import wamnet FILE.csv` and `kyoten-navi import sheet FILES…`.
//! Reads a WAM NET open-data CSV ([`wamnet`]), or a municipality's own list and the
//! correction rows families and facilities send (issue #21), both made from
//! `content/templates/facilities-template.csv` ([`sheet`], [`correction`]), and writes or
//! updates facility files in `content/facilities/`.
//!
//! Owns: reading the CSVs with physical line numbers ([`table`]), planning every change
//! before writing anything, and editing files without touching what a person wrote
//! ([`edit`]). All or nothing: when a row is rejected, nothing is written. (A correction
//! that conflicts with a newer edit is not an error: it is reported and left out, and the
//! other rows still apply.)
//! Does not own: how a WAM NET row becomes a facility, or which municipality an address is
//! in — that is `load::wamnet`, shared with the build's base layer, so an imported file says
//! exactly what the base layer would. Native only (the `ssr` feature): nothing here reaches
//! the wasm.

pub mod cli;
pub mod correction;
pub mod edit;
pub mod sheet;
pub mod table;
pub mod wamnet;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use toml::Value;

use crate::load::Diagnostic;
use edit::{Change, Doc};

/// Everything an import would do, worked out before anything is written.
#[derive(Debug, Default)]
pub struct Plan {
    /// One entry per facility file the input touches, in id order.
    pub files: Vec<FileChange>,
    /// Other files to write whole (`content/sources.toml` when a source is added).
    pub extra: Vec<(PathBuf, String, String)>,
    /// Rows that cannot be imported, as `FILE:LINE: field: reason`. Any → nothing is written.
    pub rejected: Vec<Diagnostic>,
    /// Values left out and other things worth knowing; they do not stop the import.
    pub notes: Vec<Diagnostic>,
    /// Facility files this input used to describe but no longer lists (kept, never deleted).
    pub missing: Vec<String>,
    /// Rows of other areas, not imported.
    pub other_areas: usize,
}

/// What an import does to one facility file.
#[derive(Debug)]
pub struct FileChange {
    pub path: PathBuf,
    /// The path as the editor knows it, e.g. `content/facilities/w1313700161-5e0b.md`.
    pub shown: String,
    pub name: String,
    pub created: bool,
    /// Keys added, updated or removed.
    pub changed: Vec<String>,
    /// Keys kept although the input says otherwise: (key, file value, input value, why).
    pub left: Vec<(String, Value, Value, &'static str)>,
    /// The new text, when it differs from the file.
    pub text: Option<String>,
    /// `import sheet`: a new file over a WAM NET base-layer record (`content/wamnet/`): it
    /// holds what the rows say and what the build needs to claim the record; the base
    /// layer still gives the rest.
    pub over_base: bool,
    /// `import sheet`: the rows that name this facility, in input order ([`Detail::row`]
    /// points here).
    pub rows: Vec<RowRef>,
    /// `import sheet`: what each row does, field by field (empty for `import wamnet`).
    pub details: Vec<Detail>,
}

/// Where a row of `import sheet` comes from and on whose word.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowRef {
    /// The CSV file as given on the command line (or found in a folder given).
    pub file: String,
    /// The physical line the row starts on.
    pub line: usize,
    /// 依頼した人: who asks, as they wrote it (「カペラ 施設長 山田」, 「利用者の家族」).
    pub requester: String,
    /// 根拠となる資料: what the request rests on (a URL or a description).
    pub basis: String,
    /// 確認日, or the import's date when the cell is empty.
    pub date: String,
    /// The `content/sources.toml` ids the row's facts cite (filled in when it applies).
    pub sources: Vec<String>,
    /// Which of `sources` the import adds to `content/sources.toml`.
    pub new_sources: Vec<String>,
}

/// One thing a row does (or does not do) to one field of a facility.
#[derive(Clone, Debug, PartialEq)]
pub struct Detail {
    /// Index into [`FileChange::rows`].
    pub row: usize,
    /// The template column (`電話番号`), `確認日` or `出典`.
    pub label: &'static str,
    pub kind: DetailKind,
}

/// What happened to a row's value.
#[derive(Clone, Debug, PartialEq)]
pub enum DetailKind {
    /// Written: the value before (`None`: not published) and after, as shown to people.
    Changed { before: Option<String>, after: String },
    /// A confirmation row: the listing is right as it is; `last_verified` before and after
    /// (after = before when the row's 確認日 is older: it never moves back).
    Confirmed { before: Option<String>, after: String },
    /// Not applied, and why (a newer edit in the file, or another row says otherwise).
    Conflict { proposed: String, why: String },
    /// Kept because a person wrote the line (as `import wamnet` reports it).
    Left { current: String, proposed: String, why: &'static str },
    /// The facility's `sources` gains this id.
    Cited { source: String },
}

impl FileChange {
    /// Record the result of one proposal.
    fn note(&mut self, key: &str, change: Change, proposed: &Value) {
        match change {
            Change::Added | Change::Replaced { .. } | Change::Removed { .. } => {
                if !self.changed.iter().any(|k| k == key) {
                    self.changed.push(key.to_string());
                }
            }
            Change::Left { current, why } => self.left.push((key.to_string(), current, proposed.clone(), why)),
            Change::Same | Change::Absent => {}
        }
    }
}

impl Plan {
    /// Files created, changed and unchanged.
    pub fn counts(&self) -> (usize, usize, usize) {
        // A file whose every row was left out (conflicts) is not created.
        let created = self.files.iter().filter(|f| f.created && f.text.is_some()).count();
        let changed = self.files.iter().filter(|f| !f.created && f.text.is_some()).count();
        (created, changed, self.files.len() - created - changed)
    }

    /// Write every file, or nothing when a row was rejected.
    pub fn write(&self) -> Result<usize, String> {
        if !self.rejected.is_empty() {
            return Err(format!("{} row(s) rejected; nothing was written", self.rejected.len()));
        }
        let mut writes: Vec<(&Path, &str)> =
            self.files.iter().filter_map(|f| f.text.as_deref().map(|t| (f.path.as_path(), t))).collect();
        writes.extend(self.extra.iter().map(|(p, _, t)| (p.as_path(), t.as_str())));
        // Write each file beside its target first, then rename: a failure midway leaves no
        // half-written file.
        let mut staged = Vec::new();
        for (path, text) in &writes {
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            let tmp = path.with_extension("import-tmp");
            if let Err(e) = fs::write(&tmp, text) {
                for (t, _) in &staged {
                    let _ = fs::remove_file(t);
                }
                let _ = fs::remove_file(&tmp);
                return Err(format!("{}: {e}; nothing was written", path.display()));
            }
            staged.push((tmp, *path));
        }
        // Then move them in place one by one, remembering what each target held: when a move
        // fails (a read-only file, a folder in the way), the moves already made are undone
        // and the staged files removed, so the import applies all of its changes or none.
        let mut applied: Vec<(&Path, Option<Vec<u8>>)> = Vec::new();
        for (i, (tmp, path)) in staged.iter().enumerate() {
            let moved = if path.is_file() { fs::read(path).map(Some) } else { Ok(None) }
                .and_then(|before| fs::rename(tmp, path).map(|()| before));
            match moved {
                Ok(before) => applied.push((path, before)),
                Err(e) => {
                    for (t, _) in &staged[i..] {
                        let _ = fs::remove_file(t);
                    }
                    let failed = undo(&applied);
                    return Err(if failed.is_empty() {
                        format!("{}: {e}; the import was undone: no file was changed", path.display())
                    } else {
                        format!(
                            "{}: {e}; undoing the import failed for {} (compare them with the last commit)",
                            path.display(),
                            failed.join(", ")
                        )
                    });
                }
            }
        }
        Ok(staged.len())
    }
}

/// Put back what `applied` files held before the import (remove the ones it created), newest
/// first; the paths that could not be restored.
fn undo(applied: &[(&Path, Option<Vec<u8>>)]) -> Vec<String> {
    let mut failed = Vec::new();
    for (path, before) in applied.iter().rev() {
        let restored = match before {
            Some(bytes) => fs::write(path, bytes),
            None => fs::remove_file(path),
        };
        if restored.is_err() {
            failed.push(path.display().to_string());
        }
    }
    failed
}

/// A facility file already in `content/facilities/`.
#[derive(Clone, Debug)]
pub struct Existing {
    pub path: PathBuf,
    pub shown: String,
    /// The file as it is, or why it cannot be edited safely.
    pub doc: Result<Doc, String>,
    pub text: String,
}

impl Existing {
    fn str(&self, key: &str) -> Option<String> {
        match self.doc.as_ref().ok()?.get(key)? {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    fn list(&self, key: &str) -> Vec<String> {
        match self.doc.as_ref().ok().and_then(|d| d.get(key)) {
            Some(Value::Array(a)) => a.into_iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
            _ => Vec::new(),
        }
    }
}

/// Every facility file of `content/facilities/`, by id (file stem).
pub fn existing_facilities(content: &Path) -> BTreeMap<String, Existing> {
    let dir = content.join("facilities");
    let mut out = BTreeMap::new();
    let Ok(entries) = fs::read_dir(&dir) else { return out };
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "md")) {
        let Some(id) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else { continue };
        let text = fs::read_to_string(&path).unwrap_or_default();
        let doc = Doc::parse(&text);
        out.insert(id, Existing { shown: shown(content, &path), path, doc, text });
    }
    out
}

/// The existing file that is this WAM NET facility: the one named by its id, else the one
/// that claims its number with the same name, else the only one claiming the number when
/// the number is not shared (`number_shared`). Mirrors `load::wamnet::merge`.
pub fn claimed_by(
    existing: &BTreeMap<String, Existing>,
    number: &str,
    name: &str,
    id: &str,
    number_shared: bool,
) -> Option<String> {
    if existing.contains_key(id) {
        return Some(id.to_string());
    }
    let claims: Vec<(&String, &Existing)> =
        existing.iter().filter(|(_, e)| e.str("wamnet").as_deref() == Some(number)).collect();
    if let Some((k, _)) = claims.iter().find(|(_, e)| e.str("name").as_deref() == Some(name.trim())) {
        return Some((*k).clone());
    }
    (claims.len() == 1 && !number_shared).then(|| claims[0].0.clone())
}

/// `content/facilities/x.md` as the editor knows it: the content folder's name, then the
/// path inside it (as `load` shows paths).
pub fn shown(content: &Path, p: &Path) -> String {
    let name = content.file_name().map(PathBuf::from).unwrap_or_default();
    name.join(p.strip_prefix(content).unwrap_or(p)).to_string_lossy().into_owned()
}

/// Today's date in Japan (UTC+9), `YYYY-MM-DD`: the default `last_verified` of what an
/// import writes (the day its facts were copied from the source).
pub fn today() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs()) + 9 * 3600;
    let days = (secs / 86_400) as i64;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Source ids of `content/sources.toml`, or why it cannot be read.
pub fn source_ids(content: &Path) -> Result<Vec<String>, String> {
    Ok(sources(content)?.0.into_iter().map(|s| s.id).collect())
}

/// The sources of `content/sources.toml` and the file's text, or why it cannot be read.
pub fn sources(content: &Path) -> Result<(Vec<crate::model::Source>, String), String> {
    let path = content.join("sources.toml");
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", shown(content, &path)))?;
    let file: crate::model::source::SourceFile =
        toml::from_str(&text).map_err(|e| format!("{}: {}", shown(content, &path), e.message()))?;
    Ok((file.source, text))
}

/// The municipalities of the reference list, by code.
pub fn reference(content: &Path) -> Result<BTreeMap<String, crate::model::Area>, String> {
    let path = content.join("geo/localgovjp-utf8.csv");
    let text = fs::read_to_string(&path)
        .map_err(|e| format!("{}: cannot read the reference list: {e}", shown(content, &path)))?;
    crate::load::reference::parse_reference(&text).map_err(|e| format!("{}: {e}", shown(content, &path)))
}

fn string(s: &str) -> Value {
    Value::String(s.to_string())
}

fn strings<I: IntoIterator<Item = S>, S: Into<String>>(items: I) -> Value {
    Value::Array(items.into_iter().map(|s| Value::String(s.into())).collect())
}

/// `sources` with `add` appended (never removes one), and `last_verified` moved forward to
/// `date` when the import changed a fact. Shared by both imports.
fn finish(doc: &mut Doc, change: &mut FileChange, add: &[String], date: &str) {
    let mut sources: Vec<String> = match doc.get("sources") {
        Some(Value::Array(a)) => a.into_iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
        _ => Vec::new(),
    };
    for s in add {
        if !sources.contains(s) {
            sources.push(s.clone());
        }
    }
    let value = strings(sources);
    let c = doc.set_plain("sources", value.clone());
    change.note("sources", c, &value);
    let current = match doc.get("last_verified") {
        Some(Value::String(s)) => s,
        _ => String::new(),
    };
    if change.created || (!change.changed.is_empty() && current.as_str() < date) {
        let value = string(date);
        let c = doc.set_plain("last_verified", value.clone());
        change.note("last_verified", c, &value);
    }
}

/// Check that a planned file still parses as a facility (a guard: never write a file the
/// build would reject for its shape).
fn check_shape(shown: &str, text: &str) -> Result<(), Diagnostic> {
    let mut out = Vec::new();
    let parsed = crate::load::parse_file::<crate::model::Facility>(shown, text, "/", &mut out);
    match (parsed, out.into_iter().next()) {
        (Some(_), None) => Ok(()),
        (_, Some(d)) => Err(d),
        (None, None) => Err(Diagnostic::new(shown, 0, "", "cannot be parsed")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_a_real_date() {
        let t = today();
        assert!(crate::load::validate::is_real_date(&t, false), "{t}");
        assert!(t.as_str() > "2025-01-01");
    }
}
