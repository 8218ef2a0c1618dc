//! Cross-file rules, one file per kind of content: `areas`, `facilities`, `documents`
//! (reports and guides), `catalogue`, `screening`, `site` (`site.toml`, `sources.toml`).
//! References resolve (areas, sources, facilities), codes carry valid check digits and exist
//! in the reference list, ids are well formed; each value's own form is a field rule
//! (`load::fields`), reported here at its place (`contacts[1].phone`) through
//! [`FileReport`]. Also fills in the loader-derived fields (names of municipalities, region
//! positions, parsed function cells, approximate positions).

mod areas;
mod catalogue;
mod documents;
mod facilities;
mod screening;
mod site;

use std::collections::{BTreeMap, BTreeSet};

use super::diagnostic::{Diagnostic, FileReport};
use super::{Content, Located};
use crate::model::source::Source;
use crate::model::{Area, CatalogueSummary, Facility, Guide, PracticeSection, Report, Screening};

/// The field rules where `import/` and the fuzz target find them; they live in `fields`.
pub use super::fields::{in_japan, is_phone, is_real_date, plain_email, web_url};
pub use site::{validate_site, validate_sources};

/// The parsed files, before validation.
pub struct Files {
    pub reference: BTreeMap<String, Area>,
    pub areas: Vec<Located<Area>>,
    pub facilities: Vec<Located<Facility>>,
    pub reports: Vec<Located<Report>>,
    pub guides: Vec<Located<Guide>>,
    pub practices: Vec<Located<PracticeSection>>,
    pub catalogue: Option<Located<CatalogueSummary>>,
    pub screening: Option<Located<Screening>>,
    pub screening_versions: Vec<(crate::i18n::Lang, Located<Screening>)>,
}

/// Check every file against the others and fill `content` with the checked values.
pub fn validate(content: &mut Content, files: Files, out: &mut Vec<Diagnostic>) {
    let mut known = Known {
        sources: &content.sources,
        source_ids: content.sources.iter().map(|s| s.id.clone()).collect(),
        facility_ids: files.facilities.iter().map(|f| f.value.id.clone()).collect(),
        areas: BTreeMap::new(),
    };
    // Areas first: facilities and reports point at them.
    known.areas = areas::validate_areas(files.reference, files.areas, &known, out);
    let facilities = facilities::validate_facilities(files.facilities, &known, out);
    let reports = documents::validate_reports(files.reports, &known, out);
    let (guides, guide_versions) = documents::validate_guides(files.guides, &known, out);
    let practices = catalogue::validate_practices(files.practices, &known, out);
    let catalogue = files.catalogue.map(|file| catalogue::validate_catalogue(file, &known, out));
    if let Some(file) = &files.screening {
        screening::validate_screening(file, &known, out);
    }
    for (lang, mut file) in files.screening_versions {
        screening::validate_screening(&file, &known, out);
        match &files.screening {
            Some(standard) => screening::validate_version(&mut file, &standard.value, out),
            None => continue,
        }
        content.screening_versions.insert(lang, file.value);
    }
    content.areas = known.areas;
    if let Some(c) = catalogue {
        content.catalogue = c;
    }
    if let Some(file) = files.screening {
        content.screening = file.value;
    }
    content.facilities = facilities;
    content.reports = reports;
    content.guides = guides;
    content.guide_versions = guide_versions;
    content.practices = practices;
}

/// What a file's references are checked against.
struct Known<'a> {
    /// `content/sources.toml`.
    sources: &'a [Source],
    source_ids: BTreeSet<String>,
    /// The facility files' ids (a contact may be one).
    facility_ids: BTreeSet<String>,
    /// Every area by id, once the area files are checked (empty while they are).
    areas: BTreeMap<String, Area>,
}

impl Known<'_> {
    fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Every id of the list `field` names a source; with `required`, at least one does.
    fn check_sources(&self, r: &mut FileReport, field: &str, ids: &[String], required: bool) {
        if required && ids.is_empty() {
            r.error(field, "name at least one source id from content/sources.toml");
        }
        for (i, id) in ids.iter().enumerate() {
            self.check_source(r, &format!("{field}[{i}]"), id);
        }
    }

    fn check_source(&self, r: &mut FileReport, place: &str, id: &str) {
        if !self.source_ids.contains(id) {
            r.error(place, format!("unknown source \"{id}\" (expected an id from content/sources.toml)"));
        }
    }
}

fn report<'a, T>(file: &'a Located<T>, out: &'a mut Vec<Diagnostic>) -> FileReport<'a> {
    FileReport::new(&file.path, &file.front_matter, file.first_line, out)
}

// The field rules of `fields`, each reported at its place with what is expected.

fn check_date_opt(r: &mut FileReport, field: &str, value: Option<&str>) {
    if let Some(v) = value {
        check_date(r, field, v, false);
    }
}

/// `YYYY-MM-DD` (or `YYYY-MM` when `month_ok`) naming a day that exists.
fn check_date(r: &mut FileReport, field: &str, value: &str, month_ok: bool) {
    if !is_real_date(value, month_ok) {
        let expected = if month_ok { "YYYY-MM or YYYY-MM-DD" } else { "YYYY-MM-DD" };
        r.error(field, format!("\"{value}\" is not a real date (expected {expected}, e.g. 2021-11-01)"));
    }
}

fn check_phone(r: &mut FileReport, field: &str, value: &str) {
    if !is_phone(value) {
        r.error(field, format!("\"{value}\" is not a complete phone number (expected e.g. 042-123-4567)"));
    }
}

fn check_url(r: &mut FileReport, field: &str, value: &str) {
    if let Err(e) = web_url(value, false) {
        r.error(field, e);
    }
}
