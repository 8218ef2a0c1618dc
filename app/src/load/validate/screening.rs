//! The 事前登録 self-check (`content/screening/index.md`): its questions, options, levels
//! and next steps, each mistake at its own `[[questions]]`, `[[questions.options]]` or
//! `[[levels]]` line.

use std::collections::BTreeSet;

use super::{report, Known};
use crate::load::diagnostic::{Diagnostic, FileReport};
use crate::load::Located;
use crate::markdown::ruby::{explicit, parse_ruby};
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

/// A version of the self-check in another reading (`index.easy.md`, `index.en.md`): the same
/// questionnaire reworded, so the same answers give the same result in every reading. Every
/// id, kind, weight, flag, threshold and source must equal the standard file's, each
/// difference at its own line; the ふりがな of every text is checked and written in the
/// explicit notation the island reads.
pub fn validate_version(file: &mut Located<Screening>, standard: &Screening, out: &mut Vec<Diagnostic>) {
    let mut r = report(file, out);
    let v = &file.value;
    let differs = |what: &str, theirs: String| {
        format!("{what} differs from index.md's {theirs}: a version rewords the standard questionnaire and changes none of its ids, weights or thresholds")
    };
    if v.sources != standard.sources {
        r.error("sources", differs(&format!("{:?}", v.sources), format!("{:?}", standard.sources)));
    }
    if v.questions.len() != standard.questions.len() {
        r.error(
            "questions",
            differs(&format!("{} questions", v.questions.len()), standard.questions.len().to_string()),
        );
    }
    for (n, (q, sq)) in v.questions.iter().zip(&standard.questions).enumerate() {
        let at = |key: &str| format!("questions[{n}].{key}");
        if (&q.id, q.kind) != (&sq.id, sq.kind) {
            r.error(&at("id"), differs(&format!("question \"{}\"", q.id), format!("\"{}\"", sq.id)));
        }
        if q.options.len() != sq.options.len() {
            r.error(&at("options"), differs(&format!("{} options", q.options.len()), sq.options.len().to_string()));
        }
        for (m, (c, sc)) in q.options.iter().zip(&sq.options).enumerate() {
            if (&c.id, c.weight, &c.flag) != (&sc.id, sc.weight, &sc.flag) {
                r.error(
                    &format!("questions[{n}].options[{m}].id"),
                    differs(
                        &format!("option \"{}\" (weight {}, flag {:?})", c.id, c.weight, c.flag),
                        format!("\"{}\" (weight {}, flag {:?})", sc.id, sc.weight, sc.flag),
                    ),
                );
            }
        }
    }
    if v.levels.len() != standard.levels.len() {
        r.error("levels", differs(&format!("{} levels", v.levels.len()), standard.levels.len().to_string()));
    }
    for (n, (l, sl)) in v.levels.iter().zip(&standard.levels).enumerate() {
        if (&l.id, l.min_score) != (&sl.id, sl.min_score) {
            r.error(
                &format!("levels[{n}].id"),
                differs(
                    &format!("level \"{}\" (min_score {})", l.id, l.min_score),
                    format!("\"{}\" ({})", sl.id, sl.min_score),
                ),
            );
        }
    }
    if v.next_steps.bring.len() != standard.next_steps.bring.len() {
        r.error(
            "next_steps.bring",
            differs(&format!("{} items", v.next_steps.bring.len()), standard.next_steps.bring.len().to_string()),
        );
    }
    let mut value = v.clone();
    for (field, text) in texts(&mut value) {
        match parse_ruby(text) {
            Ok(segments) => *text = explicit(&segments),
            Err(errors) => {
                for e in errors {
                    r.error(&field, format!("ふりがな: {}", e.message));
                }
            }
        }
    }
    drop(r);
    file.value = value;
}

/// Every text of the questionnaire the page shows, with its place in the file.
fn texts(s: &mut Screening) -> Vec<(String, &mut String)> {
    let mut all = vec![("lead".to_string(), &mut s.lead), ("disclaimer".to_string(), &mut s.disclaimer)];
    for (n, q) in s.questions.iter_mut().enumerate() {
        let at = |key: &str| format!("questions[{n}].{key}");
        all.extend([(at("short"), &mut q.short), (at("legend"), &mut q.legend), (at("reason"), &mut q.reason)]);
        for (m, c) in q.options.iter_mut().enumerate() {
            let at = |key: &str| format!("questions[{n}].options[{m}].{key}");
            all.push((at("label"), &mut c.label));
            all.extend(c.note.as_mut().map(|t| (at("note"), t)));
            all.extend(c.advice.as_mut().map(|t| (at("advice"), t)));
        }
    }
    for (n, l) in s.levels.iter_mut().enumerate() {
        all.extend([(format!("levels[{n}].title"), &mut l.title), (format!("levels[{n}].text"), &mut l.text)]);
    }
    let steps = &mut s.next_steps;
    all.extend([
        ("next_steps.ask".to_string(), &mut steps.ask),
        ("next_steps.consultation_office".to_string(), &mut steps.consultation_office),
        ("next_steps.registration".to_string(), &mut steps.registration),
        ("next_steps.experience".to_string(), &mut steps.experience),
        ("next_steps.no_content".to_string(), &mut steps.no_content),
    ]);
    for (i, b) in steps.bring.iter_mut().enumerate() {
        all.push((format!("next_steps.bring[{i}]"), b));
    }
    all
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
