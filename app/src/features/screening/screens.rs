//! The self-check's screens as escaped HTML strings (see the module above for why strings):
//! the start screen, one question, the result.

use leptos::prelude::*;

use crate::browser::today;
use crate::data::{join_base, ScreeningData};
use crate::markup::call_list::call_list;
use crate::markup::html::esc;
use crate::model::screening::{Answers, QuestionKind};

use super::memo::{answer_label, area_answer, encode, memo_text, outcome};
use super::{State, DRAFT_BUTTON_ID, ERRORS_ID, STEP_ID, TITLE};
use crate::routes::Route;

/// The current screen as HTML. Reads `answers` untracked: choosing an answer must not
/// redraw the screen under the person's finger.
pub(super) fn render(d: &ScreeningData, st: State, base: &str) -> String {
    let n = d.screening.questions.len();
    let step = st.step.get();
    // On the questions and the result the title shrinks, so a phone shows the answers.
    let compact = if step > 0 { " kn-screening__page-title" } else { "" };
    let mut h = format!(
        "<header class=\"kn-page-heading\"><h1 class=\"kn-page-heading__title{compact}\">{TITLE}</h1></header>"
    );
    match step {
        0 => start(&mut h, d, st.ready.get(), st.draft.get(), base),
        i if i <= n => question(&mut h, d, st, i, st.error.get()),
        _ => result(&mut h, d, &st.answers.get_untracked(), base),
    }
    if step > 0 && st.ready.get() {
        h += "<section class=\"kn-screening__draft\" aria-labelledby=\"kn-screening-draft\"><h2 class=\"kn-screening__draft-title\" id=\"kn-screening-draft\">回答の一時保存（任意）</h2>";
        h += if st.saving.get() {
            "<p role=\"status\">回答をこの端末（このブラウザ）に保存しています。次にこのページを開いたとき、続きから再開できます。</p><button type=\"button\" class=\"kn-button kn-button--secondary\" id=\"kn-screening-draft-button\" data-action=\"delete\">保存した回答を削除する</button>"
        } else {
            "<p>保存すると、回答がこの端末（このブラウザ）に残り、あとで続きから再開できます。インターネットには送られません。ほかの人と共有している端末では、保存しないでください。</p><button type=\"button\" class=\"kn-button kn-button--secondary\" id=\"kn-screening-draft-button\" data-action=\"save\">この端末に回答を保存する</button>"
        };
        h += "</section>";
    }
    h
}

/// The start screen, also the pre-rendered page: introduction, the controls (hidden until
/// hydrated), every question with its reason, whom to ask.
fn start(h: &mut String, d: &ScreeningData, ready: bool, draft: Option<(usize, Answers)>, base: &str) {
    let s = &d.screening;
    let n = s.questions.len();
    *h += &format!(
        "<p class=\"kn-page-heading__lead kn-screening__lead\">{}</p><div class=\"kn-prose\">{}</div>",
        esc(&s.lead),
        s.body_html
    );
    *h += &format!(
        "<section class=\"kn-screening__begin\" aria-labelledby=\"{STEP_ID}\"{}><h2 id=\"{STEP_ID}\" tabindex=\"-1\">チェックをはじめる</h2><p>回答は、この端末の中だけで使います。インターネットに送られることはなく、アクセス解析も使っていません。</p>",
        if ready { "" } else { " hidden" }
    );
    if let Some((step, _)) = draft {
        *h += &format!(
            "<div class=\"kn-screening__resume\"><p>この端末に、前回保存した回答があります（{} / {n} 問まで回答済み）。</p><button type=\"button\" class=\"kn-button\" data-action=\"resume\">続きから再開する</button><button type=\"button\" class=\"kn-button kn-button--secondary\" id=\"{DRAFT_BUTTON_ID}\" data-action=\"delete\">保存した回答を削除する</button></div>",
            step.saturating_sub(1).min(n)
        );
    }
    *h += "<button type=\"button\" class=\"kn-button\" data-action=\"start\">はじめる</button></section>";
    *h += &format!(
        "<section class=\"kn-screening__overview\" aria-labelledby=\"kn-screening-questions\"><h2 id=\"kn-screening-questions\">質問の一覧（{n}問）</h2><p>次の質問にお答えいただきます。それぞれ、おたずねする理由を添えています。</p><ol class=\"kn-screening__overview-list\">"
    );
    for q in &s.questions {
        *h += &format!(
            "<li class=\"kn-screening__overview-item\"><p class=\"kn-screening__overview-legend\">{}</p>",
            esc(&q.legend)
        );
        if q.kind == QuestionKind::Area {
            *h += "<p>都道府県と市区町村を選びます。</p>";
        } else {
            *h += "<ul>";
            for c in &q.options {
                *h += &format!("<li>{}</li>", esc(&c.label));
            }
            *h += "</ul>";
        }
        *h += &format!("<p class=\"kn-screening__reason\">おたずねする理由：{}</p></li>", esc(&q.reason));
    }
    *h += &format!(
        "</ol><h2>相談先</h2><p>{}</p><p><a class=\"kn-screening__link\" href=\"{}\">お住まいの地域の相談先をさがす</a></p></section>",
        esc(&s.next_steps.ask),
        join_base(base, &Route::Search.path())
    );
}

/// Question `i` (1-based): progress, one fieldset, errors linked to the field, 戻る / 次へ.
/// `method="dialog"`: even without its listener the form can never send the answers.
fn question(h: &mut String, d: &ScreeningData, st: State, i: usize, error: bool) {
    let n = d.screening.questions.len();
    let q = &d.screening.questions[i - 1];
    let chosen = st.answers.with_untracked(|a| a.get(&q.id).cloned()).unwrap_or_default();
    let area = q.kind == QuestionKind::Area;
    let pref = st.pref.get_untracked();
    let (message, target) = match (area, pref.is_empty()) {
        (true, true) => ("都道府県を選んでください", "kn-q-pref".to_string()),
        (true, false) => ("市区町村を選んでください", "kn-q-area".to_string()),
        _ => (
            "当てはまるものを1つ選んでください",
            format!("kn-q-{}-{}", q.id, q.options.first().map_or("", |c| c.id.as_str())),
        ),
    };
    *h += &format!("<form class=\"kn-screening__form\" method=\"dialog\" novalidate><p class=\"kn-screening__progress\">質問 {i} / {n}</p><progress class=\"kn-screening__bar\" max=\"{n}\" value=\"{i}\" aria-hidden=\"true\"></progress>");
    if error {
        *h += &format!("<div class=\"kn-screening__errors\" id=\"{ERRORS_ID}\" role=\"alert\" tabindex=\"-1\"><h2 class=\"kn-screening__errors-title\">回答を確認してください</h2><ul><li><a href=\"#{target}\" data-action=\"focus\" data-arg=\"{target}\">{message}</a></li></ul></div>");
    }
    *h += &format!(
        "<fieldset class=\"kn-screening__question\" aria-describedby=\"kn-q-reason{}\"><legend class=\"kn-screening__legend\"><h2 class=\"kn-screening__title\" id=\"{STEP_ID}\" tabindex=\"-1\">{}</h2></legend><p class=\"kn-screening__reason\" id=\"kn-q-reason\">おたずねする理由：{}</p>",
        if error { " kn-q-error" } else { "" },
        esc(&q.legend),
        esc(&q.reason)
    );
    if error {
        *h += &format!("<p class=\"kn-screening__error\" id=\"kn-q-error\">{message}</p>");
    }
    if area {
        *h += "<div class=\"kn-field kn-screening__field\"><label class=\"kn-field__label\" for=\"kn-q-pref\">都道府県</label><select class=\"kn-field__input kn-screening__select\" id=\"kn-q-pref\" name=\"kn-pref\"><option value=\"\">選んでください</option>";
        for p in &d.prefectures {
            let name = esc(&p.name);
            *h += &format!("<option value=\"{name}\"{}>{name}</option>", if p.name == pref { " selected" } else { "" });
        }
        *h += &format!(
            "</select></div><div class=\"kn-field kn-screening__field\"><label class=\"kn-field__label\" for=\"kn-q-area\">市区町村</label><select class=\"kn-field__input kn-screening__select\" id=\"kn-q-area\" name=\"{}\"{}>{}</select></div>",
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
                esc(&c.label)
            );
        }
        *h += "</div>";
    }
    let next = if st.review.get_untracked() {
        "結果にもどる"
    } else if i == n {
        "結果を見る"
    } else {
        "次へ"
    };
    *h += &format!("</fieldset><div class=\"kn-screening__nav\"><button type=\"button\" class=\"kn-button kn-button--secondary\" data-action=\"back\">戻る</button><button type=\"submit\" class=\"kn-button kn-screening__next\">{next}</button></div></form>");
}

/// The `<option>`s of the municipality select for prefecture `pref`.
pub(super) fn municipality_options(d: &ScreeningData, pref: &str, chosen: &str) -> String {
    let areas = d.prefectures.iter().find(|p| p.name == pref).map(|p| p.areas.as_slice()).unwrap_or_default();
    let mut h = format!(
        "<option value=\"\">{}</option>",
        if areas.is_empty() { "先に都道府県を選んでください" } else { "選んでください" }
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
    *h += &format!(
        "<div class=\"kn-screening__result\"><h2 class=\"kn-screening__title\" id=\"{STEP_ID}\" tabindex=\"-1\">チェックの結果</h2><div class=\"kn-screening__level{}\"><p class=\"kn-screening__level-title\">{}</p><p>{}</p></div><p class=\"kn-screening__screen-only\"><a class=\"kn-screening__link\" href=\"#kn-screening-memo\" data-action=\"focus\" data-arg=\"kn-screening-memo\">相談メモ（印刷・保存・メール）へ</a></p><h3>この結果になった理由</h3>",
        if top { " kn-screening__level--top" } else { "" },
        esc(&level.title),
        esc(&level.text)
    );
    list(h, o.r.reasons.iter(), "点数が加わる回答はありませんでした。");
    *h += &format!("<p class=\"kn-screening__disclaimer\">{}</p>", esc(&s.disclaimer));

    // 1. Whom to contact: the area's contacts, else honest advice and the official website.
    *h += &format!("<h3>次にすること（{}）</h3><ol class=\"kn-screening__steps\"><li class=\"kn-screening__step\"><h4>相談先に連絡する</h4>", esc(&o.area_name));
    *h += &call_list(&o.calls, &o.area_name, base);
    *h += &format!(
        "<p class=\"kn-screening__screen-only\"><a class=\"kn-screening__link\" href=\"{}\">{}の「まず連絡するところ」と近くの事業所（拠点ナビ）</a></p>",
        esc(&join_base(base, &format!("{}#kn-first", Route::Area(&o.area_id).path()))),
        esc(&o.area_name)
    );
    for l in &o.local {
        *h += &format!("<p class=\"kn-screening__screen-only\"><a class=\"kn-screening__link\" href=\"{}\">{}の地域生活支援拠点等（拠点ナビ）</a></p>", join_base(base, &Route::Area(&esc(&l.id)).path()), esc(&l.name));
    }
    *h += &format!("<p>{}</p><p>{}</p>", esc(&steps.ask), esc(&steps.consultation_office));
    if !o.r.advice.is_empty() {
        list(h, o.r.advice.iter(), "");
    }

    // 2. How pre-registration works here, with the e-application page when there is one.
    *h += "</li><li class=\"kn-screening__step\"><h4>事前登録の仕組みをたずねる</h4>";
    let registrations: Vec<_> = o.local.iter().filter_map(|l| l.registration.as_ref().map(|r| (l, r))).collect();
    if registrations.is_empty() {
        *h += &format!("<p>{}</p>", esc(&steps.registration));
    }
    for (l, r) in registrations {
        // A region's (or a ward's city's) text names it; the municipality's own speaks for itself.
        *h += &if l.id != area_answer(s, answers) {
            format!("<p>{}：{}</p>", esc(&l.name), esc(&r.summary))
        } else {
            format!("<p>{}</p>", esc(&r.summary))
        };
        if let Some(a) = &r.ask {
            *h += &format!("<p>相談先：{}</p>", esc(a));
        }
        if let Some(u) = &r.apply_url {
            *h += &format!("<p>次のボタンで、市区町村の申請ページが開きます。このチェックの回答は送られません。申請ページで、あらためて入力してください。</p><p><a class=\"kn-button kn-screening__apply\" href=\"{}\" rel=\"noopener noreferrer\">申請ページを開く</a></p>", esc(u));
        }
    }

    // 3. The experience stay; 4. what to bring.
    *h += &format!("</li><li class=\"kn-screening__step\"><h4>体験利用を考える</h4><p>{}</p></li><li class=\"kn-screening__step\"><h4>相談に持っていくとよいもの</h4>", esc(&steps.experience));
    list(h, steps.bring.iter(), "");
    *h += "</li></ol><h3>回答の内容</h3><dl class=\"kn-summary-list kn-screening__answers\">";
    for (k, q) in s.questions.iter().enumerate() {
        *h += &format!(
            "<div class=\"kn-summary-list__row\"><dt>{short}</dt><dd>{} <button type=\"button\" class=\"kn-screening__change\" data-action=\"change\" data-arg=\"{}\">変更<span class=\"kn-visually-hidden\">（{short}）</span></button></dd></div>",
            esc(&answer_label(&o, q)),
            k + 1,
            short = esc(&q.short)
        );
    }
    let date = today();
    let memo = memo_text(&o, &d.page_url, &date, true).replace('\n', "\r\n");
    let mail = memo_text(&o, &d.page_url, &date, false).replace('\n', "\r\n");
    *h += &format!("</dl><p class=\"kn-screening__stamp\">作成日：{date}　拠点ナビ {}</p></div>", esc(&d.page_url));
    *h += &format!(
        "<section class=\"kn-screening__actions\" aria-labelledby=\"kn-screening-memo\"><h2 id=\"kn-screening-memo\" tabindex=\"-1\">相談メモ</h2><p>回答と結果、次にすることを1枚にまとめた「相談メモ」を、相談の窓口に持っていけます。</p><div class=\"kn-screening__buttons\"><button type=\"button\" class=\"kn-button\" data-action=\"print\">相談メモを印刷する</button><a class=\"kn-button kn-button--secondary\" href=\"data:text/plain;charset=utf-8,{}\" download=\"相談メモ.txt\">相談メモをファイルに保存する</a></div><h3>メールで送る</h3><p>次のボタンを押すと、お使いのメールソフトが開き、回答と結果が本文に入ります。宛先はご自身で入力してください。送信するまで、どこにも送られません。</p><p><a class=\"kn-button kn-button--secondary\" href=\"mailto:?subject={}&amp;body={}\">メールソフトで送る</a></p><h3>やり直す</h3><p><button type=\"button\" class=\"kn-button kn-button--secondary\" data-action=\"restart\">最初からやり直す</button></p></section>",
        encode(&format!("\u{feff}{memo}")),
        encode("相談メモ（事前登録のセルフチェック）"),
        encode(&mail)
    );
}

/// `<ul>` of `items`, or `<p>empty</p>` when there are none (and `empty` is given).
pub(super) fn list<'a>(h: &mut String, items: impl ExactSizeIterator<Item = &'a String>, empty: &str) {
    if items.len() == 0 {
        if !empty.is_empty() {
            *h += &format!("<p>{empty}</p>");
        }
        return;
    }
    *h += "<ul>";
    for x in items {
        *h += &format!("<li>{}</li>", esc(x));
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
