//! Reports (`content/reports/`) and guides (`content/guides/`): the documents the site
//! quotes and writes. A report's figures appear in its body as printed; a guide's slug is a
//! path; the guides the site's menu links to exist.

use super::{report, Known};
use crate::load::diagnostic::Diagnostic;
use crate::load::ids::valid_path_id;
use crate::load::Located;
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

/// The guides in menu order.
pub fn validate_guides(files: Vec<Located<Guide>>, known: &Known, out: &mut Vec<Diagnostic>) -> Vec<Guide> {
    let mut guides = Vec::new();
    for file in files {
        let mut r = report(&file, out);
        if let Err(e) = valid_path_id(&file.value.slug) {
            r.error("", format!("file name {e}"));
        }
        known.check_sources(&mut r, "sources", &file.value.sources, true);
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
    guides
}
