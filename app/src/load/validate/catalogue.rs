//! The 好事例集 catalogue: its summary (`content/catalogue/index.md`) and its practice
//! sections (`content/catalogue/practices/`), whose entries must be areas with a 好事例集 row.

use super::{report, Known};
use crate::load::diagnostic::Diagnostic;
use crate::load::Located;
use crate::model::{CatalogueSummary, PracticePart, PracticeSection};

/// The practice sections in the document's order.
pub fn validate_practices(
    files: Vec<Located<PracticeSection>>,
    known: &Known,
    out: &mut Vec<Diagnostic>,
) -> Vec<PracticeSection> {
    let mut practices = Vec::new();
    for file in files {
        let mut r = report(&file, out);
        let p = &file.value;
        for (i, e) in p.entries.iter().enumerate() {
            let at = format!("entries[{i}]");
            match known.areas.get(e) {
                Some(a) if a.practice.is_some() => {}
                Some(_) => r.error(&at, format!("\"{e}\" is not a 好事例集 entry (its area file has no [practice])")),
                None => r.error(&at, format!("no area \"{e}\"")),
            }
        }
        if p.part != PracticePart::Function && p.function.is_some() {
            r.error("function", "only practices with part = \"function\" belong to a function");
        }
        if p.part != PracticePart::Model && p.development_type.is_some() {
            r.error("development_type", "only practices with part = \"model\" describe a 整備類型");
        }
        practices.push(file.value);
    }
    // ⑥その他 (no function) comes after ①–⑤, as in the document.
    practices.sort_by_key(|p| (p.part, p.function.map_or(u8::MAX, |f| f as u8), p.order));
    practices
}

pub fn validate_catalogue(
    file: Located<CatalogueSummary>,
    known: &Known,
    out: &mut Vec<Diagnostic>,
) -> CatalogueSummary {
    let mut r = report(&file, out);
    known.check_source(&mut r, "source", &file.value.source);
    file.value
}
