//! Reports (`content/reports/`) and guides (`content/guides/`): the documents the site
//! quotes and writes. A report's figures appear in its body as printed; a guide's slug is a
//! path; the guides the site's menu links to exist.

use super::{report, Known};
use crate::i18n::Lang;
use crate::load::diagnostic::Diagnostic;
use crate::load::ids::valid_path_id;
use crate::load::Located;
use crate::markdown::ruby::parse_ruby;
use crate::model::{Guide, Report};

pub fn validate_reports(files: Vec<Located<Report>>, known: &Known, out: &mut Vec<Diagnostic>) -> Vec<Report> {
    let mut reports = Vec::new();
    for file in files {
        let mut r = report(&file, out);
        let rep = &file.value;
        if !known.areas.contains_key(&rep.area) {
            r.error("area", format!("no area \"{}\"", rep.area));
        }
        known.check_source(&mut r, "source", &rep.source);
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
    reports
}

/// The standard guides in menu order, and their other readings (same order).
pub fn validate_guides(
    files: Vec<Located<Guide>>,
    known: &Known,
    out: &mut Vec<Diagnostic>,
) -> (Vec<Guide>, Vec<Guide>) {
    let mut guides = Vec::new();
    let mut versions = Vec::new();
    for mut file in files {
        let mut misnamed = None;
        if let Some((slug, suffix)) = file.value.slug.clone().rsplit_once('.') {
            match Lang::ALL.into_iter().find(|l| *l != Lang::Ja && l.id() == suffix) {
                Some(lang) => {
                    file.value.slug = slug.to_string();
                    file.value.lang = lang;
                }
                None => misnamed = Some(format!(
                    "file name: \".{suffix}\" is not a reading of the site; name a version <slug>.easy.md (やさしい日本語) or <slug>.en.md (English)"
                )),
            }
        }
        let mut r = report(&file, out);
        let named_right = misnamed.is_none();
        if let Some(message) = misnamed {
            r.error("", message);
        }
        if let (true, Err(e)) = (named_right, valid_path_id(&file.value.slug)) {
            r.error("", format!("file name {e}"));
        }
        known.check_sources(&mut r, "sources", &file.value.sources, true);
        for (field, text) in [("title", &file.value.title), ("description", &file.value.description)] {
            if let Err(errors) = parse_ruby(text) {
                for e in errors {
                    r.error(field, format!("ふりがな: {}", e.message));
                }
            }
        }
        if file.value.lang == Lang::Ja {
            guides.push(file.value);
        } else {
            versions.push(file);
        }
    }
    guides.sort_by_key(|g| (g.order, g.slug.clone()));
    // A version rewords its standard page: the same place in the menu, the same sources.
    let versions = versions
        .into_iter()
        .filter_map(|file| {
            let mut r = report(&file, out);
            let Some(standard) = guides.iter().find(|g| g.slug == file.value.slug) else {
                r.error(
                    "",
                    format!(
                        "no standard guide \"{}.md\" beside it: a version rewords a page that exists",
                        file.value.slug
                    ),
                );
                return None;
            };
            if file.value.sources != standard.sources {
                r.error(
                    "sources",
                    format!(
                        "{:?} differ from {}.md's {:?}: a version states the same facts from the same sources",
                        file.value.sources, standard.slug, standard.sources
                    ),
                );
            }
            Some(Guide { order: standard.order, ..file.value })
        })
        .collect::<Vec<_>>();
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
    (guides, versions)
}
