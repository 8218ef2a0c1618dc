//! `/screening/`: the 事前登録 self-check. The questions, weights and result texts come
//! from `content/screening/index.md` ([`Screening`]); the per-area next steps from the
//! areas' content ([`LocalSteps`]).
//!
//! Privacy (issue #6): the answers live in signals on this page and nowhere else. Nothing
//! is fetched while answering; a draft is written to `localStorage` only after the person
//! opts in, and one button deletes it. Sending is always the person's own act — the
//! `mailto:` link, the file download, or opening the area's e-application page — and each
//! is explained next to its button.
//!
//! Size and hydration: each screen is one escaped HTML string set as the `inner_html` of a
//! single container, with three delegated listeners (`click`, `change`, `submit`) reading
//! `data-action` attributes. Leptos views cost wasm per element type (a first version with
//! `view!` screens added about 75 KB brotli); strings cost almost nothing. The container's
//! content is never walked by hydration, so the pre-rendered start screen (introduction,
//! every question with its reason, whom to ask — readable without JavaScript) cannot
//! mismatch. Its controls carry `hidden` until an effect marks the page ready, and
//! `localStorage` is read only in that effect.
//!
//! The parts: [`screens`] writes each screen's HTML, [`memo`] the outcome and the 相談メモ,
//! [`draft`] the opt-in draft's format; this file holds the island, its state and events.

mod draft;
mod memo;
mod screens;

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::page::page_view;
use crate::data::{PageData, ScreeningData, Shell};
use crate::model::screening::{Answers, QuestionKind};
use draft::{draft_text, parse_draft};
use memo::area_answer;
use screens::{municipality_options, render};

/// The one `localStorage` key the page writes, and only after opt-in.
const DRAFT_KEY: &str = "kn-screening-draft";
/// Focus targets: each screen's heading, the error summary, the draft button.
const STEP_ID: &str = "kn-screening-step";
const ERRORS_ID: &str = "kn-screening-errors";
const DRAFT_BUTTON_ID: &str = "kn-screening-draft-button";
/// The name of the prefecture select (the municipality select is named by its question).
const PREF: &str = "kn-pref";

#[component]
pub fn ScreeningPage() -> impl IntoView {
    page_view(|d| match d {
        PageData::Screening(s) => Some(view! { <ScreeningIsland data=s.clone()/> }.into_any()),
        _ => None,
    })
}

/// The self-check as an island: its questions travel as the island's props.
// An island in the `screening` wasm bundle; a plain component, left out, in the others.
#[cfg_attr(any(feature = "ssr", feature = "island-screening"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "island-screening")), component, allow(dead_code))]
fn ScreeningIsland(data: ScreeningData) -> impl IntoView {
    screening(Arc::new(data), Signal::stored(None))
}

/// The page's state. `step` 0 is the start screen, 1..=n the questions, n+1 the result.
#[derive(Clone, Copy)]
pub(super) struct State {
    step: RwSignal<usize>,
    answers: RwSignal<Answers>,
    /// 次へ was pressed without an answer.
    error: RwSignal<bool>,
    /// Changing one answer from the result: 次へ goes back to the result.
    review: RwSignal<bool>,
    /// Hydrated: the controls can show.
    ready: RwSignal<bool>,
    /// The person opted in to keeping a draft on this device.
    saving: RwSignal<bool>,
    /// A draft found on this device when the page opened.
    draft: RwSignal<Option<(usize, Answers)>>,
    /// The prefecture chosen in the area question.
    pref: RwSignal<String>,
}

type Data = Arc<ScreeningData>;

/// The self-check. `preset` is a municipality to answer the area question with (the
/// widget's `area`, issue #8); the person can still change it.
pub fn screening(d: Data, preset: Signal<Option<String>>) -> impl IntoView {
    let st = State {
        step: RwSignal::new(0),
        answers: RwSignal::new(Answers::new()),
        error: RwSignal::new(false),
        review: RwSignal::new(false),
        ready: RwSignal::new(false),
        saving: RwSignal::new(false),
        draft: RwSignal::new(None),
        pref: RwSignal::new(String::new()),
    };
    let base = use_context::<Shell>().map(|s| s.base).unwrap_or_default();
    // Effects run in the browser after hydration only: show the controls, look for a draft.
    Effect::new(move |_| {
        st.ready.set(true);
        st.draft.set(storage().and_then(|s| s.get_item(DRAFT_KEY).ok().flatten()).and_then(|t| parse_draft(&t)));
    });
    // Keep the draft up to date, but only once the person has opted in.
    Effect::new(move |_| {
        let (step, on) = (st.step.get(), st.saving.get());
        st.answers.with(|a| {
            if let (true, Some(s)) = (on, storage()) {
                let _ = s.set_item(DRAFT_KEY, &draft_text(step, a));
            }
        });
    });
    let d0 = d.clone();
    Effect::new(move |_| {
        let Some(area) = preset.get() else { return };
        let Some(pref) = d0.prefectures.iter().find(|p| p.areas.iter().any(|a| a.0 == area)) else { return };
        let Some(q) = d0.screening.questions.iter().find(|q| q.kind == QuestionKind::Area) else { return };
        st.pref.set(pref.name.clone());
        st.answers.update(|a| {
            a.insert(q.id.clone(), area);
        });
    });
    let (d1, d2, d3) = (d.clone(), d.clone(), d.clone());
    view! {
        <div
            class="kn-screening"
            inner_html=move || render(&d1, st, &base)
            on:click=move |ev| click(&d2, st, ev)
            on:change=move |ev| change(&d3, st, ev)
            on:submit=move |ev| {
                ev.prevent_default();
                next(&d, st);
            }
        ></div>
    }
}

// ─── Events ─────────────────────────────────────────────────────────────────────────────

/// Buttons and links carry `data-action` (and `data-arg`); everything else is left to the
/// browser (links, `tel:`, `mailto:`, the download).
fn click(d: &ScreeningData, st: State, ev: leptos::ev::MouseEvent) {
    let Some(el) = crate::browser::closest_target(&ev, "[data-action]") else {
        return;
    };
    let arg = el.get_attribute("data-arg").unwrap_or_default();
    let step = st.step.get_untracked();
    match el.get_attribute("data-action").as_deref().unwrap_or_default() {
        "start" => go(st, 1),
        "back" => go(st, step.saturating_sub(1)),
        "change" => {
            st.review.set(true);
            go(st, arg.parse().unwrap_or(1));
        }
        "focus" => {
            ev.prevent_default();
            focus_later(&arg);
        }
        "save" => {
            st.saving.set(true);
            focus_later(DRAFT_BUTTON_ID);
        }
        "delete" => {
            if let Some(s) = storage() {
                let _ = s.remove_item(DRAFT_KEY);
            }
            st.saving.set(false);
            st.draft.set(None);
            focus_later(if step == 0 { STEP_ID } else { DRAFT_BUTTON_ID });
        }
        "resume" => {
            // Resuming continues the opt-in given when the draft was saved.
            let Some((step, answers)) = st.draft.get_untracked() else { return };
            let area = area_answer(&d.screening, &answers);
            st.pref.set(
                d.prefectures
                    .iter()
                    .find(|p| p.areas.iter().any(|a| a.0 == area))
                    .map(|p| p.name.clone())
                    .unwrap_or_default(),
            );
            st.answers.set(answers);
            st.saving.set(true);
            st.draft.set(None);
            go(st, step.clamp(1, d.screening.questions.len() + 1));
        }
        "print" => {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        }
        "restart" => {
            st.answers.set(Answers::new());
            st.pref.set(String::new());
            go(st, 0);
        }
        _ => {}
    }
}

/// An answer was chosen. The prefecture select refills the municipality select in place.
fn change(d: &ScreeningData, st: State, ev: leptos::ev::Event) {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let name = el.get_attribute("name").unwrap_or_default();
    let value = event_target_value(&ev);
    if name == PREF {
        let area = d
            .screening
            .questions
            .iter()
            .find(|q| q.kind == QuestionKind::Area)
            .map(|q| q.id.clone())
            .unwrap_or_default();
        st.answers.update(|a| {
            a.remove(&area);
        });
        if let Some(select) = document().get_element_by_id("kn-q-area") {
            select.set_inner_html(&municipality_options(d, &value, ""));
            let _ = if value.is_empty() {
                select.set_attribute("disabled", "")
            } else {
                select.remove_attribute("disabled")
            };
        }
        st.pref.set(value);
    } else if !name.is_empty() {
        st.answers.update(|a| {
            if value.is_empty() {
                a.remove(&name);
            } else {
                a.insert(name, value);
            }
        });
    }
}

/// 次へ: on to the next question (or back to the result when changing one answer), or
/// the error summary when the question is unanswered (3.3.1).
fn next(d: &ScreeningData, st: State) {
    let i = st.step.get_untracked();
    let Some(q) = i.checked_sub(1).and_then(|k| d.screening.questions.get(k)) else { return };
    if st.answers.with_untracked(|a| a.contains_key(&q.id)) {
        let review = st.review.get_untracked();
        st.review.set(false);
        go(st, if review { d.screening.questions.len() + 1 } else { i + 1 });
    } else {
        st.error.set(true);
        focus_later(ERRORS_ID);
    }
}

/// Move to screen `step` and put the focus on its heading (2.4.3).
fn go(st: State, step: usize) {
    st.error.set(false);
    st.step.set(step);
    focus_later(STEP_ID);
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Focus the element `id` once the new screen is in the document.
fn focus_later(id: &str) {
    let id = id.to_string();
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// A small self-check for the screens' and the memo's tests: two questions, two levels, two
/// municipalities of which one has contacts and registration.
#[cfg(test)]
fn test_data() -> ScreeningData {
    use crate::data::{AreaChoice, LocalSteps, ScreeningPrefecture};
    use crate::model::screening::{Choice, Level, NextSteps, Question, Screening};
    use crate::model::{Call, CallRank, Registration};
    let text = crate::i18n::catalogue(crate::i18n::Lang::Ja).texts(&["call", "screening", "memo"]);
    let choice = |id: &str, weight| Choice { id: id.into(), label: format!("<{id}>"), weight, ..Default::default() };
    let screening = Screening {
        disclaimer: "目安です。".into(),
        questions: vec![
            Question {
                id: "q".into(),
                short: "質問".into(),
                options: vec![choice("a", 0), choice("b", 5)],
                ..Default::default()
            },
            Question {
                id: "area".into(), short: "市区町村".into(), kind: QuestionKind::Area, ..Default::default()
            },
        ],
        levels: vec![
            Level { id: "low".into(), title: "低".into(), ..Default::default() },
            Level { id: "high".into(), min_score: 5, title: "高".into(), ..Default::default() },
        ],
        next_steps: NextSteps {
            no_content: "未掲載です。".into(),
            registration: "一般の説明".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    ScreeningData {
        screening,
        prefectures: vec![ScreeningPrefecture {
            name: "東京都".into(),
            areas: vec![
                AreaChoice("132144".into(), "国分寺市".into(), "www.city.kokubunji.tokyo.jp/".into()),
                AreaChoice("131016".into(), "千代田区".into(), "www.city.chiyoda.lg.jp/".into()),
            ],
        }],
        local: vec![LocalSteps {
            id: "132144".into(),
            name: "国分寺市".into(),
            members: vec!["132144".into()],
            calls: vec![
                Call {
                    rank: CallRank::Kyoten,
                    name: "基幹".into(),
                    why: "相談".into(),
                    phone: Some("042-123-4567".into()),
                    ..Default::default()
                },
                Call::emergency(&text),
            ],
            registration: Some(Registration {
                summary: "事前面談".into(),
                apply_url: Some("https://example.jp/apply".into()),
                ..Default::default()
            }),
        }],
        page_url: "https://example.jp/screening/".into(),
        text,
    }
}
