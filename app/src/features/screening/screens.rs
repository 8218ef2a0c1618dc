//! The self-check's screens as escaped HTML strings (see the module above for why strings):
//! the start screen, one question, the result.

use leptos::prelude::*;

use crate::browser::today;
use crate::data::{join_base, ScreeningData};
use crate::markup::call_list::call_list;
use crate::markup::html::{esc, rb};
use crate::model::screening::{Answers, QuestionKind};

use super::memo::{answer_label, area_answer, encode, memo_text, outcome};
use super::{State, DRAFT_BUTTON_ID, ERRORS_ID, STEP_ID};
use crate::routes::Route;

/// The current screen as HTML. Reads `answers` untracked: choosing an answer must not
/// redraw the screen under the person's finger.
pub(super) fn render(d: &ScreeningData, st: State, base: &str) -> String {
    let n = d.screening.questions.len();
    let step = st.step.get();
    let t = &d.text;
    // On the questions and the result the title shrinks, so a phone shows the answers.
    let compact = if step > 0 { " kn-screening__page-title" } else { "" };
    let mut h = format!(
        "<header class=\"kn-page-heading\"><h1 class=\"kn-page-heading__title{compact}\">{}</h1></header>",
        t.html("screening.title")
    );
    match step {
        0 => start(&mut h, d, st.ready.get(), st.draft.get(), base),
        i if i <= n => question(&mut h, d, st, i, st.error.get()),
        _ => result(&mut h, d, &st.answers.get_untracked(), base),
    }
    if step > 0 && st.ready.get() {
        h += &format!("<section class=\"kn-screening__draft\" aria-labelledby=\"kn-screening-draft\"><h2 class=\"kn-screening__draft-title\" id=\"kn-screening-draft\">{}</h2>", t.html("screening.draft_title"));
        h += &if st.saving.get() {
            format!("<p role=\"status\">{}</p><button type=\"button\" class=\"kn-button kn-button--secondary\" id=\"{DRAFT_BUTTON_ID}\" data-action=\"delete\">{}</button>", t.html("screening.draft_saving"), t.html("screening.draft_delete"))
        } else {
            format!("<p>{}</p><button type=\"button\" class=\"kn-button kn-button--secondary\" id=\"{DRAFT_BUTTON_ID}\" data-action=\"save\">{}</button>", t.html("screening.draft_offer"), t.html("screening.draft_save"))
        };
        h += "</section>";
    }
    h
}

/// The start screen, also the pre-rendered page: introduction, the controls (hidden until
/// hydrated), every question with its reason, whom to ask.
fn start(h: &mut String, d: &ScreeningData, ready: bool, draft: Option<(usize, Answers)>, base: &str) {
    let (s, t) = (&d.screening, &d.text);
    let n = s.questions.len();
    *h += &format!(
        "<p class=\"kn-page-heading__lead kn-screening__lead\">{}</p><div class=\"kn-prose\">{}</div>",
        rb(&s.lead),
        s.body_html
    );
    *h += &format!(
        "<section class=\"kn-screening__begin\" aria-labelledby=\"{STEP_ID}\"{}><h2 id=\"{STEP_ID}\" tabindex=\"-1\">{}</h2><p>{}</p>",
        if ready { "" } else { " hidden" },
        t.html("screening.begin_title"),
        t.html("screening.begin_privacy")
    );
    if let Some((step, _)) = draft {
        *h += &format!(
            "<div class=\"kn-screening__resume\"><p>{}</p><button type=\"button\" class=\"kn-button\" data-action=\"resume\">{}</button><button type=\"button\" class=\"kn-button kn-button--secondary\" id=\"{DRAFT_BUTTON_ID}\" data-action=\"delete\">{}</button></div>",
            t.html("screening.resume_found")
                .replace("{done}", &step.saturating_sub(1).min(n).to_string())
                .replace("{n}", &n.to_string()),
            t.html("screening.resume"),
            t.html("screening.draft_delete")
        );
    }
    *h += &format!(
        "<button type=\"button\" class=\"kn-button\" data-action=\"start\">{}</button></section>",
        t.html("screening.start")
    );
    *h += &format!(
        "<section class=\"kn-screening__overview\" aria-labelledby=\"kn-screening-questions\"><h2 id=\"kn-screening-questions\">{}</h2><p>{}</p><ol class=\"kn-screening__overview-list\">",
        t.html("screening.overview_title").replace("{n}", &n.to_string()),
        t.html("screening.overview_lead")
    );
    for q in &s.questions {
        *h += &format!(
            "<li class=\"kn-screening__overview-item\"><p class=\"kn-screening__overview-legend\">{}</p>",
            rb(&q.legend)
        );
        if q.kind == QuestionKind::Area {
            *h += &format!("<p>{}</p>", t.html("screening.overview_area"));
        } else {
            *h += "<ul>";
            for c in &q.options {
                *h += &format!("<li>{}</li>", rb(&c.label));
            }
            *h += "</ul>";
        }
        *h += &format!(
            "<p class=\"kn-screening__reason\">{}</p></li>",
            t.html("screening.reason").replace("{reason}", &rb(&q.reason))
        );
    }
    *h += &format!(
        "</ol><h2>{}</h2><p>{}</p><p><a class=\"kn-screening__link\" href=\"{}\">{}</a></p></section>",
        t.html("screening.ask_title"),
        rb(&s.next_steps.ask),
        esc(&join_base(base, &t.page(&Route::Search.path()))),
        t.html("screening.find_contacts"),
    );
}

/// Question `i` (1-based): progress, one fieldset, errors linked to the field, 戻る / 次へ.
/// `method="dialog"`: even without its listener the form can never send the answers.
fn question(h: &mut String, d: &ScreeningData, st: State, i: usize, error: bool) {
    let n = d.screening.questions.len();
    let q = &d.screening.questions[i - 1];
    let t = &d.text;
    let chosen = st.answers.with_untracked(|a| a.get(&q.id).cloned()).unwrap_or_default();
    let area = q.kind == QuestionKind::Area;
    let pref = st.pref.get_untracked();
    let (message, target) = match (area, pref.is_empty()) {
        (true, true) => (t.html("screening.choose_prefecture"), "kn-q-pref".to_string()),
        (true, false) => (t.html("screening.choose_municipality"), "kn-q-area".to_string()),
        _ => (
            t.html("screening.choose_one"),
            esc(&format!("kn-q-{}-{}", q.id, q.options.first().map_or("", |c| c.id.as_str()))),
        ),
    };
    *h += &format!("<form class=\"kn-screening__form\" method=\"dialog\" novalidate><p class=\"kn-screening__progress\">{}</p><progress class=\"kn-screening__bar\" max=\"{n}\" value=\"{i}\" aria-hidden=\"true\"></progress>", t.html("screening.progress").replace("{i}", &i.to_string()).replace("{n}", &n.to_string()));
    if error {
        *h += &format!("<div class=\"kn-screening__errors\" id=\"{ERRORS_ID}\" role=\"alert\" tabindex=\"-1\"><h2 class=\"kn-screening__errors-title\">{}</h2><ul><li><a href=\"#{target}\" data-action=\"focus\" data-arg=\"{target}\">{message}</a></li></ul></div>", t.html("screening.errors_title"));
    }
    *h += &format!(
        "<fieldset class=\"kn-screening__question\" aria-describedby=\"kn-q-reason{}\"><legend class=\"kn-screening__legend\"><h2 class=\"kn-screening__title\" id=\"{STEP_ID}\" tabindex=\"-1\">{}</h2></legend><p class=\"kn-screening__reason\" id=\"kn-q-reason\">{}</p>",
        if error { " kn-q-error" } else { "" },
        rb(&q.legend),
        t.html("screening.reason").replace("{reason}", &rb(&q.reason))
    );
    if error {
        *h += &format!("<p class=\"kn-screening__error\" id=\"kn-q-error\">{message}</p>");
    }
    if area {
        *h += &format!("<div class=\"kn-field kn-screening__field\"><label class=\"kn-field__label\" for=\"kn-q-pref\">{}</label><select class=\"kn-field__input kn-screening__select\" id=\"kn-q-pref\" name=\"kn-pref\"><option value=\"\">{}</option>", t.html("screening.prefecture"), esc(&t.plain("screening.choose")));
        for p in &d.prefectures {
            let name = esc(&p.name);
            *h += &format!("<option value=\"{name}\"{}>{name}</option>", if p.name == pref { " selected" } else { "" });
        }
        *h += &format!(
            "</select></div><div class=\"kn-field kn-screening__field\"><label class=\"kn-field__label\" for=\"kn-q-area\">{}</label><select class=\"kn-field__input kn-screening__select\" id=\"kn-q-area\" name=\"{}\"{}>{}</select></div>",
            t.html("screening.municipality"),
            esc(&q.id),
            if pref.is_empty() { " disabled" } else { "" },
            municipality_options(d, &pref, &chosen)
        );
    } else {
        *h += "<div class=\"kn-screening__choices\">";
        for c in &q.options {
            let (qid, cid) = (esc(&q.id), esc(&c.id));
            *h += &format!(
                "<label class=\"kn-screening__choice\"><input class=\"kn-screening__radio\" type=\"radio\" id=\"kn-q-{qid}-{cid}\" name=\"{qid}\" value=\"{cid}\"{}><span>{}</span></label>",
                if c.id == chosen { " checked" } else { "" },
                rb(&c.label)
            );
        }
        *h += "</div>";
    }
    let next = t.html(if st.review.get_untracked() {
        "screening.back_to_result"
    } else if i == n {
        "screening.see_result"
    } else {
        "screening.next"
    });
    *h += &format!("</fieldset><div class=\"kn-screening__nav\"><button type=\"button\" class=\"kn-button kn-button--secondary\" data-action=\"back\">{}</button><button type=\"submit\" class=\"kn-button kn-screening__next\">{next}</button></div></form>", t.html("screening.back"));
}

/// The `<option>`s of the municipality select for prefecture `pref`.
pub(super) fn municipality_options(d: &ScreeningData, pref: &str, chosen: &str) -> String {
    let areas = d.prefectures.iter().find(|p| p.name == pref).map(|p| p.areas.as_slice()).unwrap_or_default();
    let mut h = format!(
        "<option value=\"\">{}</option>",
        esc(&d.text.plain(if areas.is_empty() { "screening.prefecture_first" } else { "screening.choose" }))
    );
    for a in areas {
        h += &format!(
            "<option value=\"{}\"{}>{}</option>",
            esc(&a.0),
            if a.0 == chosen { " selected" } else { "" },
            esc(&a.1)
        );
    }
    h
}

/// The result: level and reasons, the disclaimer, next steps for the area, the answers
/// (each changeable), the 相談メモ actions. Printing shows this screen without controls.
pub(super) fn result(h: &mut String, d: &ScreeningData, answers: &Answers, base: &str) {
    let o = outcome(d, answers);
    let s = o.s;
    let Some(level) = s.levels.get(o.r.level) else { return };
    let top = o.r.level + 1 == s.levels.len() && s.levels.len() > 1;
    let steps = &s.next_steps;
    let t = &d.text;
    *h += &format!(
        "<div class=\"kn-screening__result\"><h2 class=\"kn-screening__title\" id=\"{STEP_ID}\" tabindex=\"-1\">{}</h2><div class=\"kn-screening__level{}\"><p class=\"kn-screening__level-title\">{}</p><p>{}</p></div><p class=\"kn-screening__screen-only\"><a class=\"kn-screening__link\" href=\"#kn-screening-memo\" data-action=\"focus\" data-arg=\"kn-screening-memo\">{}</a></p><h3>{}</h3>",
        t.html("screening.result_title"),
        if top { " kn-screening__level--top" } else { "" },
        rb(&level.title),
        rb(&level.text),
        t.html("screening.to_memo"),
        t.html("screening.why_title")
    );
    list(h, o.r.reasons.iter(), &t.html("screening.no_reasons"));
    *h += &format!("<p class=\"kn-screening__disclaimer\">{}</p>", rb(&s.disclaimer));

    // 1. Whom to contact: the area's contacts, else honest advice and the official website.
    *h += &format!(
        "<h3>{}</h3><ol class=\"kn-screening__steps\"><li class=\"kn-screening__step\"><h4>{}</h4>",
        t.html("screening.next_title").replace("{area}", &esc(&o.area_name)),
        t.html("screening.step_contact")
    );
    *h += &call_list(&o.calls, &o.area_name, base, t);
    *h += &format!(
        "<p class=\"kn-screening__screen-only\"><a class=\"kn-screening__link\" href=\"{}\">{}</a></p>",
        esc(&join_base(base, &format!("{}#kn-first", Route::Area(&o.area_id).path()))),
        t.html("call.area_link").replace("{area}", &esc(&o.area_name))
    );
    for l in &o.local {
        *h += &format!(
            "<p class=\"kn-screening__screen-only\"><a class=\"kn-screening__link\" href=\"{}\">{}</a></p>",
            esc(&join_base(base, &Route::Area(&l.id).path())),
            t.html("screening.local_link").replace("{area}", &esc(&l.name))
        );
    }
    *h += &format!("<p>{}</p><p>{}</p>", rb(&steps.ask), rb(&steps.consultation_office));
    if !o.r.advice.is_empty() {
        list(h, o.r.advice.iter(), "");
    }

    // 2. How pre-registration works here, with the e-application page when there is one.
    *h += &format!("</li><li class=\"kn-screening__step\"><h4>{}</h4>", t.html("screening.step_registration"));
    let registrations: Vec<_> = o.local.iter().filter_map(|l| l.registration.as_ref().map(|r| (l, r))).collect();
    if registrations.is_empty() {
        *h += &format!("<p>{}</p>", rb(&steps.registration));
    }
    for (l, r) in registrations {
        // A region's (or a ward's city's) text names it; the municipality's own speaks for itself.
        *h += &if l.id != area_answer(s, answers) {
            format!(
                "<p>{}</p>",
                t.html("screening.registration_of")
                    .replace("{area}", &esc(&l.name))
                    .replace("{summary}", &esc(&r.summary))
            )
        } else {
            format!("<p>{}</p>", esc(&r.summary))
        };
        if let Some(a) = &r.ask {
            *h += &format!("<p>{}</p>", t.html("screening.registration_ask").replace("{ask}", &esc(a)));
        }
        if let Some(u) = &r.apply_url {
            *h += &format!(
                "<p>{}</p><p><a class=\"kn-button kn-screening__apply\" href=\"{}\" rel=\"noopener noreferrer\">{}</a></p>",
                t.html("screening.apply_note"),
                esc(u),
                t.html("screening.apply")
            );
        }
    }

    // 3. The experience stay; 4. what to bring.
    *h += &format!(
        "</li><li class=\"kn-screening__step\"><h4>{}</h4><p>{}</p></li><li class=\"kn-screening__step\"><h4>{}</h4>",
        t.html("screening.step_experience"),
        rb(&steps.experience),
        t.html("screening.step_bring")
    );
    list(h, steps.bring.iter(), "");
    *h += &format!(
        "</li></ol><h3>{}</h3><dl class=\"kn-summary-list kn-screening__answers\">",
        t.html("screening.answers_title")
    );
    for (k, q) in s.questions.iter().enumerate() {
        *h += &format!(
            "<div class=\"kn-summary-list__row\"><dt>{short}</dt><dd>{} <button type=\"button\" class=\"kn-screening__change\" data-action=\"change\" data-arg=\"{}\">{}<span class=\"kn-visually-hidden\">（{short}）</span></button></dd></div>",
            rb(&answer_label(&o, q)),
            k + 1,
            t.html("screening.change"),
            short = rb(&q.short)
        );
    }
    let date = today();
    let memo = memo_text(&o, &d.page_url, &date, true).replace('\n', "\r\n");
    let mail = memo_text(&o, &d.page_url, &date, false).replace('\n', "\r\n");
    *h += &format!(
        "</dl><p class=\"kn-screening__stamp\">{}</p></div>",
        t.html("screening.stamp").replace("{date}", &esc(&date)).replace("{url}", &esc(&d.page_url))
    );
    *h += &format!(
        "<section class=\"kn-screening__actions\" aria-labelledby=\"kn-screening-memo\"><h2 id=\"kn-screening-memo\" tabindex=\"-1\">{}</h2><p>{}</p><div class=\"kn-screening__buttons\"><button type=\"button\" class=\"kn-button\" data-action=\"print\">{}</button><a class=\"kn-button kn-button--secondary\" href=\"data:text/plain;charset=utf-8,{}\" download=\"{}\">{}</a></div><h3>{}</h3><p>{}</p><p><a class=\"kn-button kn-button--secondary\" href=\"mailto:?subject={}&amp;body={}\">{}</a></p><h3>{}</h3><p><button type=\"button\" class=\"kn-button kn-button--secondary\" data-action=\"restart\">{}</button></p></section>",
        t.html("screening.memo_title"),
        t.html("screening.memo_lead"),
        t.html("screening.print"),
        encode(&format!("\u{feff}{memo}")),
        esc(&t.plain("screening.file_name")),
        t.html("screening.save_file"),
        t.html("screening.mail_title"),
        t.html("screening.mail_lead"),
        encode(&t.plain("screening.mail_subject")),
        encode(&mail),
        t.html("screening.mail"),
        t.html("screening.restart_title"),
        t.html("screening.restart")
    );
}

/// `<ul>` of `items`, or `<p>empty</p>` when there are none (and `empty` is given).
/// `empty` is markup; the items are content text (ふりがな in the explicit notation).
pub(super) fn list<'a>(h: &mut String, items: impl ExactSizeIterator<Item = &'a String>, empty: &str) {
    if items.len() == 0 {
        if !empty.is_empty() {
            *h += &format!("<p>{empty}</p>");
        }
        return;
    }
    *h += "<ul>";
    for x in items {
        *h += &format!("<li>{}</li>", rb(x));
    }
    *h += "</ul>";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_result_shows_the_areas_contacts_or_says_honestly_there_are_none() {
        let d = super::super::test_data();
        let with: Answers = [("q".to_string(), "b".to_string()), ("area".to_string(), "132144".to_string())].into();
        let mut h = String::new();
        result(&mut h, &d, &with, "/");
        for needle in [
            "高",
            "東京都国分寺市",
            "tel:0421234567",
            "<p>事前面談</p>",
            "href=\"https://example.jp/apply\"",
            "https://www.city.kokubunji.tokyo.jp/",
            "&lt;b&gt;",
            "目安です。",
            "download=\"相談メモ.txt\"",
            "mailto:?subject=",
        ] {
            assert!(h.contains(needle), "missing {needle}");
        }
        let without: Answers = [("q".to_string(), "a".to_string()), ("area".to_string(), "131016".to_string())].into();
        let mut h = String::new();
        result(&mut h, &d, &without, "/");
        for needle in [
            "低",
            "電話番号は、拠点ナビが確かめた資料にはまだありません",
            "一般の説明",
            "https://www.city.chiyoda.lg.jp/",
        ] {
            assert!(h.contains(needle), "missing {needle}");
        }
        assert_eq!(h.matches("href=\"tel:").count(), 1, "119 only: no invented phone number");
        assert!(h.contains("href=\"tel:119\""));
    }
}
