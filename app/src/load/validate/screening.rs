//! The 事前登録 self-check (`content/screening/index.md`): its questions, options, levels
//! and next steps, each mistake at its own `[[questions]]`, `[[questions.options]]` or
//! `[[levels]]` line.

use std::collections::BTreeSet;

use super::{report, Known};
use crate::load::diagnostic::{Diagnostic, FileReport};
use crate::load::Located;
use crate::model::screening::QuestionKind;
use crate::model::Screening;

/// The self-check (`content/screening/index.md`): ids unique and well formed, every
/// single-choice question with two or more options, weights 0 or more, every flag naming
/// a level, levels starting at 0 with increasing thresholds, each level reachable.
pub fn validate_screening(file: &Located<Screening>, known: &Known, out: &mut Vec<Diagnostic>) {
    let s = &file.value;
    let mut r = report(file, out);
    known.check_sources(&mut r, "sources", &s.sources, true);
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
        check_id(&mut r, &at("id"), &q.id, &mut question_ids, "; question ids must be unique");
        let what = format!("question \"{}\"", q.id);
        check_written(&mut r, &at(""), &what, [("short", &q.short), ("legend", &q.legend), ("reason", &q.reason)]);
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
            let unique = format!(" in question \"{}\"; option ids must be unique within a question", q.id);
            check_id(&mut r, &at("id"), &c.id, &mut option_ids, &unique);
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
        check_id(&mut r, &at("id"), &l.id, &mut seen, "; level ids must be unique");
        check_written(&mut r, &at(""), &format!("level \"{}\"", l.id), [("title", &l.title), ("text", &l.text)]);
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

/// An id at `place` that is well formed and not in `seen` yet (`unique` ends the message
/// when it is).
fn check_id<'a>(r: &mut FileReport, place: &str, id: &'a str, seen: &mut BTreeSet<&'a str>, unique: &str) {
    if !is_answer_id(id) {
        r.error(place, format!("\"{id}\" must use only a–z, 0–9, _ and -"));
    } else if !seen.insert(id) {
        r.error(place, format!("\"{id}\" is used twice{unique}"));
    }
}

/// Texts the page shows, each under `table` (a path ending in `.`); `what` names the entry.
fn check_written<const N: usize>(r: &mut FileReport, table: &str, what: &str, texts: [(&str, &String); N]) {
    for (key, value) in texts {
        if value.trim().is_empty() {
            r.error(&format!("{table}{key}"), format!("{what} needs a {key}"));
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
