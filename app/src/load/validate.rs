//! Cross-file rules: references resolve (areas, sources, facilities), codes carry valid
//! check digits and exist in the reference list, dates are real dates, positions lie in
//! Japan, ids are well formed. Also fills in the loader-derived fields (names of
//! municipalities, region positions, parsed function cells, approximate positions).

use std::collections::{BTreeMap, BTreeSet};

use super::diagnostic::{Diagnostic, FileReport};
use super::fields::{is_kana, is_municipality_id, valid_lgcode};
use super::ids::valid_path_id;
use super::{Content, Located};

/// The field rules where `import/` and the fuzz target find them; they live in `fields`.
pub use super::fields::{in_japan, is_phone, is_real_date, plain_email, web_url};
use crate::model::practice::parse_function_cell;
use crate::model::screening::QuestionKind;
use crate::model::{
    Area, CatalogueSummary, Facility, Function, Guide, PracticePart, PracticeSection, Report, Screening,
};

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
}

pub fn validate(content: &mut Content, files: Files, out: &mut Vec<Diagnostic>) {
    let source_ids: BTreeSet<String> = content.sources.iter().map(|s| s.id.clone()).collect();
    let mut areas = files.reference;
    let facility_ids: BTreeSet<String> = files.facilities.iter().map(|f| f.value.id.clone()).collect();

    // Areas first: facilities and reports point at them.
    let mut practice_numbers: BTreeMap<u32, String> = BTreeMap::new();
    let mut area_files = Vec::new();
    for file in files.areas {
        let Located { path, front_matter, first_line, mut value } = file;
        let mut r = FileReport::new(&path, &front_matter, first_line, out);
        let area = &mut value;
        check_sources(&mut r, "sources", &area.sources, &source_ids, false);
        check_date_opt(&mut r, "last_verified", area.last_verified.as_deref());
        for (n, c) in area.contacts.iter().enumerate() {
            let at = |key: &str| format!("contacts[{n}].{key}");
            if let Some(p) = &c.phone {
                check_phone(&mut r, &at("phone"), p);
                // No number without a source a reader can check (issue #17).
                check_sources(&mut r, &at("sources"), &c.sources, &source_ids, true);
                for (i, s) in c.sources.iter().enumerate() {
                    let Some(s) = content.sources.iter().find(|k| &k.id == s) else { continue };
                    if s.url.is_some() && s.read.is_none() {
                        r.error(
                            &format!("{}[{i}]", at("sources")),
                            format!("source \"{}\" is a web page: give it `read = \"YYYY-MM-DD\"` (the day it was read) in content/sources.toml", s.id),
                        );
                    }
                }
            }
            if let Some(u) = &c.url {
                check_url(&mut r, &at("url"), u);
            }
            if let Some(f) = &c.facility {
                if !facility_ids.contains(f) {
                    r.error(
                        &at("facility"),
                        format!("no facility \"{f}\" (expected a file content/facilities/{f}.md)"),
                    );
                }
            }
        }
        if let Some(u) = area.registration.as_ref().and_then(|reg| reg.apply_url.as_ref()) {
            check_url(&mut r, "registration.apply_url", u);
        }
        if let Some(p) = area.practice.as_mut() {
            if !(1..=25).contains(&p.number) {
                r.error("practice.number", format!("{} is outside the 好事例集's rows 1–25", p.number));
            } else if let Some(other) = practice_numbers.insert(p.number, path.clone()) {
                r.error("practice.number", format!("{} is already used by {other}", p.number));
            }
            if !p.status.is_empty() {
                r.error("practice.status", "is filled in by the site builder; remove it from the file");
            }
            if p.coordinator && p.coordinator_overview.is_some() {
                r.error(
                    "practice.coordinator_overview",
                    "is only for a row whose コーディネーター column is 「-」 (coordinator = false) while Ⅱ describes coordinators; remove it",
                );
            }
            p.status.clear();
            for f in Function::ALL {
                match parse_function_cell(f, p.cell(f)) {
                    Ok(s) => p.status.push(s),
                    Err(e) => r.error(&format!("practice.{}", f.id()), e),
                }
            }
        }
        if is_municipality_id(&area.id) {
            if !valid_lgcode(&area.id) {
                r.error(
                    "",
                    format!("file name \"{}\" is not a valid 6-digit 全国地方公共団体コード (check digit)", area.id),
                );
            } else if !areas.contains_key(&area.id) {
                r.error("", format!("code {} is not in the reference list content/geo/localgovjp-utf8.csv", area.id));
            }
            for field in ["name", "kana"] {
                let written = if field == "name" { !area.name.is_empty() } else { !area.kana.is_empty() };
                if written {
                    r.error(field, "a municipality's name and kana come from the reference list; remove this line");
                }
            }
            if !area.members.is_empty() {
                r.error("members", "only a region (a file named by a slug, e.g. higashi-iburi.md) has members");
            }
        } else {
            if let Err(e) = valid_path_id(&area.id) {
                r.error("", format!("file name {e} (a region is named by a slug, a municipality by its 6-digit code)"));
            }
            if area.name.is_empty() {
                r.error("name", "a region needs its name, e.g. name = \"東胆振圏域\"");
            }
            if area.kana.is_empty() || !area.kana.chars().all(is_kana) {
                r.error("kana", format!("\"{}\": expected the reading in hiragana or katakana", area.kana));
            }
            if area.members.is_empty() {
                r.error("members", "a region needs its member municipality codes, e.g. members = [\"012131\"]");
            }
            for (i, m) in area.members.iter().enumerate() {
                if !valid_lgcode(m) {
                    r.error(&format!("members[{i}]"), format!("\"{m}\" is not a valid 6-digit 全国地方公共団体コード"));
                } else if !areas.contains_key(m) {
                    r.error(&format!("members[{i}]"), format!("\"{m}\" is not in the reference list"));
                }
            }
        }
        area_files.push(value);
    }
    for mut area in area_files {
        if let Some(reference) = areas.get(&area.id) {
            area.name = reference.name.clone();
            area.kana = reference.kana.clone();
            area.prefecture = reference.prefecture.clone();
            area.lat = reference.lat;
            area.lng = reference.lng;
            area.website = reference.website.clone();
            area.parent = reference.parent.clone();
        } else {
            let members: Vec<&Area> = area.members.iter().filter_map(|m| areas.get(m)).collect();
            if let Some(first) = members.first() {
                area.prefecture = first.prefecture.clone();
                area.lat = members.iter().map(|m| m.lat).sum::<f64>() / members.len() as f64;
                area.lng = members.iter().map(|m| m.lng).sum::<f64>() / members.len() as f64;
            }
        }
        areas.insert(area.id.clone(), area);
    }
    let regions: Vec<(String, Vec<String>)> =
        areas.values().filter(|a| a.is_region()).map(|a| (a.id.clone(), a.members.clone())).collect();
    for (region, members) in regions {
        for m in members {
            if let Some(a) = areas.get_mut(&m) {
                a.regions.push(region.clone());
            }
        }
    }

    let mut facilities = Vec::new();
    for file in files.facilities {
        let Located { path, front_matter, first_line, mut value } = file;
        let mut r = FileReport::new(&path, &front_matter, first_line, out);
        let f = &mut value;
        if let Err(e) = valid_path_id(&f.id) {
            r.error("", format!("file name {e}"));
        }
        if f.name.trim().is_empty() {
            r.error("name", "is empty");
        }
        match areas.get(&f.area) {
            None => r.error("area", format!("no area \"{}\" (expected a municipality code from the reference list or a region file in content/areas/)", f.area)),
            Some(area) => {
                match (f.lat, f.lng) {
                    (Some(lat), Some(lng)) => {
                        if !in_japan(lat, lng) {
                            r.error("lat", format!("{lat}, {lng} is outside Japan (expected latitude 20–46, longitude 122–154)"));
                        }
                        f.exact_position = true;
                    }
                    (None, None) => {
                        f.lat = Some(area.lat);
                        f.lng = Some(area.lng);
                        f.exact_position = false;
                    }
                    (Some(_), None) => r.error("lng", "is missing; give both lat and lng, or neither"),
                    (None, Some(_)) => r.error("lat", "is missing; give both lat and lng, or neither"),
                }
            }
        }
        if let Some(p) = &f.phone {
            check_phone(&mut r, "phone", p);
        }
        if let Some(u) = &f.url {
            check_url(&mut r, "url", u);
        }
        if let Some(p) = &f.positioned {
            check_date(&mut r, "positioned", p, true);
        }
        check_date(&mut r, "last_verified", &f.last_verified, false);
        check_sources(&mut r, "sources", &f.sources, &source_ids, true);
        facilities.push(value);
    }

    let mut reports = Vec::new();
    for file in files.reports {
        let mut r = report(&file, out);
        let rep = &file.value;
        if !areas.contains_key(&rep.area) {
            r.error("area", format!("no area \"{}\"", rep.area));
        }
        check_source(&mut r, "source", &rep.source, &source_ids);
        for (n, fig) in rep.figures.iter().enumerate() {
            if !rep.body_html.contains(&fig.value) {
                r.error(
                    &format!("figures[{n}].value"),
                    format!(
                        "\"{}\" ({}) does not appear in the body; copy figures exactly as the report prints them",
                        fig.value, fig.label
                    ),
                );
            }
        }
        reports.push(file.value);
    }

    let mut guides = Vec::new();
    for file in files.guides {
        let mut r = report(&file, out);
        if let Err(e) = valid_path_id(&file.value.slug) {
            r.error("", format!("file name {e}"));
        }
        check_sources(&mut r, "sources", &file.value.sources, &source_ids, true);
        guides.push(file.value);
    }
    guides.sort_by_key(|g| (g.order, g.slug.clone()));
    // The site header, footer, 404 and area pages link to these guides.
    for required in ["what-is", "emergency", "faq", "pre-registration"] {
        if !guides.iter().any(|g| g.slug == required) {
            out.push(Diagnostic::new(
                &format!("content/guides/{required}.md"),
                0,
                "",
                "is missing: the site's menu links to this guide",
            ));
        }
    }

    let mut practices = Vec::new();
    for file in files.practices {
        let mut r = report(&file, out);
        let p = &file.value;
        for (i, e) in p.entries.iter().enumerate() {
            let at = format!("entries[{i}]");
            match areas.get(e) {
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

    if let Some(file) = files.catalogue {
        let mut r = report(&file, out);
        check_source(&mut r, "source", &file.value.source, &source_ids);
        content.catalogue = file.value;
    }
    if let Some(file) = files.screening {
        validate_screening(&file, &source_ids, out);
        content.screening = file.value;
    }

    content.areas = areas;
    content.facilities = facilities;
    content.reports = reports;
    content.guides = guides;
    content.practices = practices;
}

fn report<'a, T>(file: &'a Located<T>, out: &'a mut Vec<Diagnostic>) -> FileReport<'a> {
    FileReport::new(&file.path, &file.front_matter, file.first_line, out)
}

fn check_sources(r: &mut FileReport, field: &str, ids: &[String], known: &BTreeSet<String>, required: bool) {
    if required && ids.is_empty() {
        r.error(field, "name at least one source id from content/sources.toml");
    }
    for (i, id) in ids.iter().enumerate() {
        check_source(r, &format!("{field}[{i}]"), id, known);
    }
}

fn check_source(r: &mut FileReport, place: &str, id: &str, known: &BTreeSet<String>) {
    if !known.contains(id) {
        r.error(place, format!("unknown source \"{id}\" (expected an id from content/sources.toml)"));
    }
}

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

/// `content/site.toml`: the correction address and the edit link are plain, safe values
/// (they reach every facility page and the open data).
pub fn validate_site(site: &crate::model::Site, r: &mut FileReport) {
    if let Some(e) = &site.corrections_email {
        if let Err(m) = plain_email(e) {
            r.error("corrections_email", m);
        }
    }
    if let Some(u) = &site.edit_url {
        if let Err(m) = web_url(&u.replace("{path}", "content/x.md"), true) {
            r.error("edit_url", m);
        }
    }
    if let Err(m) = web_url(&site.origin, false) {
        r.error("origin", m);
    }
}

/// `content/sources.toml` (`text`, shown as `path`): every `url` is a web address, reported
/// at its own line (issue #20: a `javascript:` or header-injecting `url` reached the pages'
/// source lines and the open data).
pub fn validate_sources(sources: &[crate::model::source::Source], text: &str, path: &str, out: &mut Vec<Diagnostic>) {
    let r = FileReport::new(path, text, 1, out);
    for (n, source) in sources.iter().enumerate() {
        let Some(url) = &source.url else { continue };
        if let Err(m) = web_url(url, false) {
            // Named `url`, as the editor sees it under its `[[source]]`.
            let line = r.line_of(&format!("source[{n}].url"));
            r.out.push(Diagnostic::new(path, line, "url", format!("source \"{}\": {m}", source.id)));
        }
    }
}

/// The self-check (`content/screening/index.md`): ids unique and well formed, every
/// single-choice question with two or more options, weights 0 or more, every flag naming
/// a level, levels starting at 0 with increasing thresholds, each level reachable.
fn validate_screening(file: &Located<Screening>, source_ids: &BTreeSet<String>, out: &mut Vec<Diagnostic>) {
    let s = &file.value;
    let mut r = report(file, out);
    check_sources(&mut r, "sources", &s.sources, source_ids, true);
    if s.disclaimer.trim().is_empty() {
        r.error("disclaimer", "is empty: say that the result is guidance, not a decision by the municipality");
    }
    if s.questions.is_empty() {
        r.error("questions", "add at least one [[questions]]");
    }
    let level_ids: Vec<&str> = s.levels.iter().map(|l| l.id.as_str()).collect();
    let mut question_ids = BTreeSet::new();
    let mut area_questions = 0;
    let mut max_score = 0;
    let mut flags = BTreeSet::new();
    for (n, q) in s.questions.iter().enumerate() {
        let at = |key: &str| format!("questions[{n}].{key}");
        if !is_answer_id(&q.id) {
            r.error(&at("id"), format!("\"{}\" must use only a–z, 0–9, _ and -", q.id));
        } else if !question_ids.insert(q.id.as_str()) {
            r.error(&at("id"), format!("\"{}\" is used twice; question ids must be unique", q.id));
        }
        for (key, value) in [("short", &q.short), ("legend", &q.legend), ("reason", &q.reason)] {
            if value.trim().is_empty() {
                r.error(&at(key), format!("question \"{}\" needs a {key}", q.id));
            }
        }
        match q.kind {
            QuestionKind::Area => {
                area_questions += 1;
                if area_questions > 1 {
                    r.error(&at("kind"), format!("question \"{}\": only one question can ask for the area", q.id));
                }
                if !q.options.is_empty() {
                    r.error(&at("options"), format!("question \"{}\" has kind = \"area\", which takes no options (the areas come from the reference list)", q.id));
                }
            }
            QuestionKind::Single if q.options.len() < 2 => {
                r.error(&at("options"), format!("question \"{}\" needs at least two options", q.id));
            }
            QuestionKind::Single => {}
        }
        let mut option_ids = BTreeSet::new();
        for (m, c) in q.options.iter().enumerate() {
            let at = |key: &str| format!("questions[{n}].options[{m}].{key}");
            let which = format!("(question \"{}\", option \"{}\")", q.id, c.id);
            if !is_answer_id(&c.id) {
                r.error(&at("id"), format!("\"{}\" must use only a–z, 0–9, _ and -", c.id));
            } else if !option_ids.insert(c.id.as_str()) {
                r.error(
                    &at("id"),
                    format!(
                        "\"{}\" is used twice in question \"{}\"; option ids must be unique within a question",
                        c.id, q.id
                    ),
                );
            }
            if c.label.trim().is_empty() {
                r.error(&at("label"), format!("is empty {which}"));
            }
            if c.weight < 0 {
                r.error(&at("weight"), format!("{} {which} is negative; weights are 0 or more", c.weight));
            }
            if let Some(f) = &c.flag {
                if level_ids.contains(&f.as_str()) {
                    flags.insert(f.as_str());
                } else {
                    r.error(
                        &at("flag"),
                        format!("\"{f}\" {which} is not a level id (expected one of {})", quoted(&level_ids)),
                    );
                }
            }
        }
        max_score += q.options.iter().map(|c| c.weight.max(0)).max().unwrap_or(0);
    }
    if s.levels.is_empty() {
        r.error("levels", "add at least one [[levels]], the first with min_score = 0");
    }
    let mut seen = BTreeSet::new();
    for (n, l) in s.levels.iter().enumerate() {
        let at = |key: &str| format!("levels[{n}].{key}");
        if !is_answer_id(&l.id) {
            r.error(&at("id"), format!("\"{}\" must use only a–z, 0–9, _ and -", l.id));
        } else if !seen.insert(l.id.as_str()) {
            r.error(&at("id"), format!("\"{}\" is used twice; level ids must be unique", l.id));
        }
        for (key, value) in [("title", &l.title), ("text", &l.text)] {
            if value.trim().is_empty() {
                r.error(&at(key), format!("level \"{}\" needs a {key}", l.id));
            }
        }
        match n.checked_sub(1).map(|p| &s.levels[p]) {
            None if l.min_score != 0 => r.error(&at("min_score"), format!("{} (level \"{}\"): the first level must start at 0, so every score has a level", l.min_score, l.id)),
            Some(prev) if l.min_score <= prev.min_score => r.error(
                &at("min_score"),
                format!("{} (level \"{}\") must be larger than the level before ({}, level \"{}\"); thresholds increase from the mildest level to the most urgent", l.min_score, l.id, prev.min_score, prev.id),
            ),
            Some(_) if l.min_score > max_score && !flags.contains(l.id.as_str()) => r.error(
                &at("min_score"),
                format!("{} (level \"{}\") can never be reached: the highest possible score is {max_score} and no option flags this level", l.min_score, l.id),
            ),
            _ => {}
        }
    }
    let steps = &s.next_steps;
    for (key, value) in [
        ("ask", &steps.ask),
        ("consultation_office", &steps.consultation_office),
        ("registration", &steps.registration),
        ("experience", &steps.experience),
        ("no_content", &steps.no_content),
    ] {
        if value.trim().is_empty() {
            r.error(&format!("next_steps.{key}"), "is empty");
        }
    }
}

/// Ids that travel in saved drafts and element ids: `a–z`, `0–9`, `_`, `-`.
fn is_answer_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

fn quoted(ids: &[&str]) -> String {
    ids.iter().map(|i| format!("\"{i}\"")).collect::<Vec<_>>().join(", ")
}
