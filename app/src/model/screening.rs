//! The 事前登録 self-check: `content/screening/index.md`. Its questions, answers, weights,
//! thresholds and result texts are content, so a municipality can adapt them without
//! touching code; this file documents every field for the people who edit it.
//!
//! [`score`] turns a set of answers into a result level with the reasons that led to it.
//! It is pure and runs in the browser: the answers never leave the device.
//!
//! Example (front matter, shortened):
//!
//! ```toml
//! [[questions]]
//! id = "backup"
//! short = "代わりに支えられる人"
//! legend = "介護している方が急に倒れたとき、代わりに支えられる人はいますか"
//! reason = "代わりの支え手がいない世帯は、事前の把握・登録の対象と考えられています。"
//! [[questions.options]]
//! id = "none"
//! label = "いない"
//! weight = 3
//!
//! [[levels]]
//! id = "consult"
//! min_score = 0
//! title = "相談しておくと安心です"
//! text = "…"
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Front matter of `content/screening/index.md`; its Markdown body is the introduction
/// shown above the questions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Screening {
    /// Lead sentence under the page title, e.g.
    /// `"いざというときに備えて、事前登録をしておくとよいか確かめられます。"`.
    pub lead: String,
    /// Shown with every result and on the 相談メモ: the result is guidance, not a decision
    /// by the municipality. Required, e.g. `"この結果は目安です。市区町村が決めたものではありません。"`.
    pub disclaimer: String,
    /// The questions, in the order they are asked (one per screen).
    pub questions: Vec<Question>,
    /// The result levels, from the mildest (`min_score = 0`) to the most urgent; each
    /// `min_score` larger than the one before.
    pub levels: Vec<Level>,
    /// Texts of the 「次にすること」 part of the result.
    pub next_steps: NextSteps,
    /// Ids from `content/sources.toml` the reasons and texts are written from, e.g.
    /// `["kokubunji-r3", "nishitokyo-plan"]`.
    pub sources: Vec<String>,
    /// Filled in by the loader: the Markdown body (the introduction) as sanitised HTML.
    #[serde(default)]
    pub body_html: String,
}

/// One question: one screen, one `fieldset`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id: lowercase letters, digits, `_` and `-`, unique, e.g. `"carer_age"`.
    /// Saved drafts use it, so keep it when rewording the question.
    pub id: String,
    /// A few words naming the question on the 相談メモ and in the answer list, e.g.
    /// `"主に介護している方の年齢"`.
    pub short: String,
    /// The question as asked (the fieldset's legend), polite and plain, e.g.
    /// `"主に介護している方の年齢を教えてください"`.
    pub legend: String,
    /// Why it is asked, one or two sentences shown under the question, e.g.
    /// `"介護している方が高齢になると、急に介護を続けられなくなることが増えます。"`.
    pub reason: String,
    /// `"single"` (default): choose one of `options`; `"area"`: choose the municipality
    /// (prefecture, then municipality; no `options`). At most one question is `"area"`.
    #[serde(default)]
    pub kind: QuestionKind,
    /// The answers to choose from (`kind = "single"`), at least two, in display order.
    #[serde(default)]
    pub options: Vec<Choice>,
}

/// What kind of answer a question takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// One of the question's options (radio buttons).
    #[default]
    Single,
    /// The municipality, from the reference list (two selects: prefecture, municipality).
    Area,
}

/// One answer of a question.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable id, unique within the question: lowercase letters, digits, `_` and `-`,
    /// e.g. `"over75"`.
    pub id: String,
    /// The answer as shown, e.g. `"75歳以上"`.
    pub label: String,
    /// Points this answer adds to the score: 0 or more (default 0), e.g. `2`.
    #[serde(default)]
    pub weight: i32,
    /// A level id this answer raises the result to at least, whatever the score, e.g.
    /// `"urgent"` for 「入院している・今まさに介護を続けられない」.
    #[serde(default)]
    pub flag: Option<String>,
    /// The sentence shown under 「この結果になった理由」 when this answer counts (weight
    /// above 0 or a flag), e.g. `"介護している方が75歳以上です"`. Without it the reason
    /// reads 「<short>：<label>」.
    #[serde(default)]
    pub note: Option<String>,
    /// Advice added to 「次にすること」 when this answer is chosen, e.g.
    /// `"相談先で「体験利用をしてみたい」と伝えてください。"`.
    #[serde(default)]
    pub advice: Option<String>,
}

/// One result level.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Stable id, unique, e.g. `"consult"`, `"register"`, `"urgent"`; options name it in
    /// `flag`.
    pub id: String,
    /// The lowest score that reaches this level: 0 for the first level, then increasing,
    /// e.g. `4`. A score reaches the highest level whose `min_score` it is at or above.
    pub min_score: i32,
    /// The recommendation, e.g. `"事前登録をおすすめします"`.
    pub title: String,
    /// What it means and what to do, two or three sentences.
    pub text: String,
}

/// The fixed texts of 「次にすること」. The area-specific part (whom to contact, how
/// its pre-registration works, its e-application page) comes from the area's content.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextSteps {
    /// Whom to ask, for every area, e.g.
    /// `"お住まいの市区町村の障害福祉の担当窓口、基幹相談支援センター、相談支援事業所にご相談ください。"`.
    pub ask: String,
    /// What a 相談支援事業所 (計画相談支援事業所) does for pre-registration.
    pub consultation_office: String,
    /// How pre-registration works in general, shown when the area's content does not say.
    pub registration: String,
    /// The 体験利用 (experience stay) suggestion.
    pub experience: String,
    /// Shown when the area has no content yet, before the link to its official website.
    pub no_content: String,
    /// What helps to bring to the counter, e.g. `["この相談メモ", "障害者手帳や受給者証"]`.
    pub bring: Vec<String>,
}

/// Answers by question id: the option id, or the area id for the `"area"` question.
pub type Answers = BTreeMap<String, String>;

/// What [`score`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResultLevel {
    /// Index into [`Screening::levels`].
    pub level: usize,
    /// Sum of the chosen answers' weights.
    pub score: i32,
    /// The answers that counted (weight above 0 or a flag), in question order.
    pub reasons: Vec<String>,
    /// The chosen answers' advice, in question order.
    pub advice: Vec<String>,
}

/// The result for `answers`: the highest level whose `min_score` the total weight reaches,
/// raised to the highest level any chosen answer flags. Unknown or missing answers count
/// for nothing.
pub fn score(screening: &Screening, answers: &Answers) -> ResultLevel {
    let mut result = ResultLevel::default();
    let mut flagged = 0;
    for q in &screening.questions {
        let Some(c) = answers.get(&q.id).and_then(|a| q.options.iter().find(|c| &c.id == a)) else { continue };
        result.score += c.weight.max(0);
        if let Some(at) = c.flag.as_ref().and_then(|f| screening.levels.iter().position(|l| &l.id == f)) {
            flagged = flagged.max(at);
        }
        if c.weight > 0 || c.flag.is_some() {
            result.reasons.push(c.note.clone().unwrap_or_else(|| format!("{}：{}", q.short, c.label)));
        }
        result.advice.extend(c.advice.clone());
    }
    let by_score = screening.levels.iter().rposition(|l| result.score >= l.min_score).unwrap_or(0);
    result.level = by_score.max(flagged);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(id: &str, weight: i32, flag: Option<&str>) -> Choice {
        Choice { id: id.into(), label: id.to_uppercase(), weight, flag: flag.map(Into::into), ..Default::default() }
    }

    /// Three levels at 0 / 4 / 9; `a` and `b` weigh 0–5, `c` can flag the top level.
    fn sample() -> Screening {
        let q = |id: &str, options: Vec<Choice>| Question {
            id: id.into(),
            short: id.into(),
            options,
            ..Default::default()
        };
        let level = |id: &str, min_score: i32| Level { id: id.into(), min_score, ..Default::default() };
        Screening {
            questions: vec![
                q("a", (0..=5).map(|w| choice(&format!("w{w}"), w, None)).collect()),
                q("b", (0..=5).map(|w| choice(&format!("w{w}"), w, None)).collect()),
                q(
                    "c",
                    vec![
                        choice("calm", 0, None),
                        choice("crisis", 1, Some("urgent")),
                        choice("middle", 0, Some("register")),
                    ],
                ),
                Question { id: "area".into(), kind: QuestionKind::Area, ..Default::default() },
            ],
            levels: vec![level("consult", 0), level("register", 4), level("urgent", 9)],
            ..Default::default()
        }
    }

    /// Answers as `(question, option)` pairs.
    type Given<'a> = &'a [(&'a str, &'a str)];

    fn answers(pairs: Given) -> Answers {
        pairs.iter().map(|(q, a)| (q.to_string(), a.to_string())).collect()
    }

    #[test]
    fn each_threshold_and_its_boundaries() {
        // (answers, expected score, expected level id)
        let cases: &[(Given, i32, &str)] = &[
            (&[], 0, "consult"),
            (&[("a", "w0"), ("b", "w0"), ("c", "calm")], 0, "consult"),
            (&[("a", "w3")], 3, "consult"),               // just below the 2nd threshold
            (&[("a", "w4")], 4, "register"),              // exactly the 2nd threshold
            (&[("a", "w3"), ("b", "w2")], 5, "register"), // just above it
            (&[("a", "w5"), ("b", "w3")], 8, "register"), // just below the 3rd threshold
            (&[("a", "w5"), ("b", "w4")], 9, "urgent"),   // exactly the 3rd threshold
            (&[("a", "w5"), ("b", "w5")], 10, "urgent"),  // above the highest threshold
        ];
        let s = sample();
        for (given, want_score, want_level) in cases {
            let r = score(&s, &answers(given));
            assert_eq!((r.score, s.levels[r.level].id.as_str()), (*want_score, *want_level), "{given:?}");
        }
    }

    #[test]
    fn a_flag_raises_the_level_but_never_lowers_it() {
        let s = sample();
        let cases: &[(Given, &str)] = &[
            (&[("c", "crisis")], "urgent"),                           // score 1, flagged to the top
            (&[("c", "middle")], "register"),                         // score 0, flagged to the middle
            (&[("a", "w5"), ("b", "w5"), ("c", "middle")], "urgent"), // score above the flag
        ];
        for (given, want) in cases {
            assert_eq!(s.levels[score(&s, &answers(given)).level].id, *want, "{given:?}");
        }
    }

    #[test]
    fn reasons_list_the_answers_that_counted_in_question_order() {
        let mut s = sample();
        s.questions[1].options[2].note = Some("Bが2です".into());
        s.questions[0].options[0].advice = Some("Aの助言".into());
        let r = score(&s, &answers(&[("c", "crisis"), ("b", "w2"), ("a", "w0"), ("area", "132144")]));
        assert_eq!(r.reasons, vec!["Bが2です".to_string(), "c：CRISIS".to_string()]);
        assert_eq!(r.advice, vec!["Aの助言".to_string()]);
    }

    /// Answers (without flags) whose weights add up to exactly `target`, if any.
    #[cfg(feature = "ssr")]
    fn answers_scoring(s: &Screening, target: i32) -> Option<Answers> {
        fn walk(qs: &[Question], target: i32, out: &mut Answers) -> bool {
            let Some((q, rest)) = qs.split_first() else { return target == 0 };
            if q.options.is_empty() {
                return walk(rest, target, out);
            }
            for c in q.options.iter().filter(|c| c.flag.is_none() && c.weight <= target) {
                out.insert(q.id.clone(), c.id.clone());
                if walk(rest, target - c.weight, out) {
                    return true;
                }
            }
            out.remove(&q.id);
            false
        }
        let mut out = Answers::new();
        walk(&s.questions, target, &mut out).then_some(out)
    }

    /// The published rules (`content/screening/index.md`): each threshold is reached
    /// exactly at its `min_score`, not one point below; each flag lifts a calm answer set.
    #[cfg(feature = "ssr")]
    #[test]
    fn the_content_thresholds_and_flags_hold_at_their_boundaries() {
        let text = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../content/screening/index.md"));
        let mut out = Vec::new();
        let s = crate::load::parse_file::<Screening>("content/screening/index.md", text, "/", &mut out)
            .expect("parses")
            .value;
        assert!(out.is_empty(), "{out:?}");
        assert!(s.levels.len() >= 3, "at least three levels");
        for (i, l) in s.levels.iter().enumerate().skip(1) {
            for (points, want) in [(l.min_score - 1, i - 1), (l.min_score, i)] {
                let Some(a) = answers_scoring(&s, points) else {
                    assert!(
                        s.questions.iter().flat_map(|q| &q.options).any(|c| c.flag.as_deref() == Some(l.id.as_str())),
                        "level {} is unreachable",
                        l.id
                    );
                    continue;
                };
                let r = score(&s, &a);
                assert_eq!((r.score, r.level), (points, want), "level {}: {a:?}", l.id);
            }
        }
        for q in &s.questions {
            for c in q.options.iter().filter(|c| c.flag.is_some()) {
                let calm: Answers = [(q.id.clone(), c.id.clone())].into();
                let want = s.levels.iter().position(|l| Some(&l.id) == c.flag.as_ref()).expect("flag names a level");
                assert!(score(&s, &calm).level >= want, "{}={} must reach {:?}", q.id, c.id, c.flag);
            }
        }
    }

    #[test]
    fn unknown_answers_count_for_nothing() {
        let s = sample();
        let r = score(&s, &answers(&[("a", "w9"), ("zz", "w5"), ("area", "w5")]));
        assert_eq!((r.score, r.level, r.reasons.len()), (0, 0, 0));
    }
}
