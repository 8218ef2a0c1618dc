//! What the result says and the 相談メモ repeats: the outcome of the answers for the chosen
//! area, and the memo as plain text for the download and the e-mail.

use crate::data::{LocalSteps, ScreeningData};
use crate::i18n::Texts;
use crate::markup::call_list::call_list_text;
use crate::markup::html::unruby;
use crate::model::screening::{score, Answers, Question, QuestionKind, ResultLevel, Screening};
use crate::model::{merge_calls, Call};

/// Everything the result shows and the 相談メモ repeats.
pub(super) struct Outcome<'a> {
    pub(super) s: &'a Screening,
    /// The fixed text, in the reading of the page.
    pub(super) t: &'a Texts,
    pub(super) r: ResultLevel,
    pub(super) answers: &'a Answers,
    pub(super) area_name: String,
    /// The municipality's own content first, then its regions'.
    pub(super) local: Vec<&'a LocalSteps>,
    /// The chosen municipality's code.
    pub(super) area_id: String,
    /// 「まず連絡するところ」: the content's ranked lists merged, the website and 119.
    pub(super) calls: Vec<Call>,
}

pub(super) fn outcome<'a>(d: &'a ScreeningData, answers: &'a Answers) -> Outcome<'a> {
    let s = &d.screening;
    let area = area_answer(s, answers);
    let (area_name, website) = d
        .prefectures
        .iter()
        .find_map(|p| {
            p.areas.iter().find(|a| a.0 == area).map(|a| {
                (
                    d.text.plain("screening.area_name").replace("{prefecture}", &p.name).replace("{area}", &a.1),
                    a.2.clone(),
                )
            })
        })
        .unwrap_or_default();
    // The reference list gives most addresses without their scheme (see AreaChoice).
    let website =
        if website.is_empty() || website.starts_with("http") { website } else { format!("https://{website}") };
    let mut local: Vec<&LocalSteps> = d.local.iter().filter(|l| l.members.iter().any(|m| m == area)).collect();
    local.sort_by_key(|l| l.id != area);
    let mut lists: Vec<Vec<Call>> = local.iter().map(|l| l.calls.clone()).collect();
    if website.starts_with("http") {
        lists.push(vec![Call::website(&area_name, &website, &d.text)]);
    }
    lists.push(vec![Call::emergency(&d.text)]);
    let calls = merge_calls(lists.iter().map(Vec::as_slice));
    Outcome { s, t: &d.text, r: score(s, answers), answers, area_name, local, area_id: area.to_string(), calls }
}

pub(super) fn area_answer<'a>(s: &Screening, answers: &'a Answers) -> &'a str {
    s.questions
        .iter()
        .find(|q| q.kind == QuestionKind::Area)
        .and_then(|q| answers.get(&q.id))
        .map_or("", String::as_str)
}

/// What the person answered to `q`, as shown.
pub(super) fn answer_label(o: &Outcome, q: &Question) -> String {
    let value = o.answers.get(&q.id).map_or("", String::as_str);
    match q.kind {
        QuestionKind::Area if !value.is_empty() => o.area_name.clone(),
        _ => q
            .options
            .iter()
            .find(|c| c.id == value)
            .map_or_else(|| o.t.raw("screening.unanswered"), |c| c.label.clone()),
    }
}

/// The 相談メモ as plain text: the whole memo for the file, the summary for e-mail (mail
/// programs cut long `mailto:` links). In the reading of the self-check, without ふりがな.
pub(super) fn memo_text(o: &Outcome, page_url: &str, date: &str, full: bool) -> String {
    let (s, t) = (o.s, o.t);
    let line = |key: &str, name: &str, value: &str| t.plain(key).replace(name, &unruby(value)) + "\n";
    let item = |value: &str| line("memo.item", "{text}", value);
    let (title, text) = s.levels.get(o.r.level).map(|l| (l.title.as_str(), l.text.as_str())).unwrap_or_default();
    let mut m = t.plain("memo.heading") + "\n" + &line("memo.date", "{date}", date) + "\n";
    m += &(t.plain("memo.result") + "\n" + &unruby(title) + "\n" + &unruby(text) + "\n\n");
    m += &(t.plain("memo.why") + "\n");
    for x in &o.r.reasons {
        m += &item(x);
    }
    m += &("\n".to_string() + &t.plain("memo.answers") + "\n");
    for q in &s.questions {
        m += &(t
            .plain("memo.answer")
            .replace("{question}", &unruby(&q.short))
            .replace("{answer}", &unruby(&answer_label(o, q)))
            + "\n");
    }
    if full {
        m += &("\n".to_string() + &line("memo.next", "{area}", &o.area_name));
        m += &call_list_text(&o.calls, t);
        m += &item(&s.next_steps.ask);
        for x in &o.r.advice {
            m += &item(x);
        }
        let mut registered = false;
        for l in &o.local {
            if let Some(r) = &l.registration {
                registered = true;
                m += &(t.plain("memo.registration_of").replace("{area}", &l.name).replace("{summary}", &r.summary)
                    + "\n");
                if let Some(u) = &r.apply_url {
                    m += &line("memo.apply", "{url}", u);
                }
            }
        }
        if !registered {
            m += &line("memo.registration", "{text}", &s.next_steps.registration);
        }
        m += &line("memo.experience", "{text}", &s.next_steps.experience);
        let bring: Vec<String> = s.next_steps.bring.iter().map(|b| unruby(b)).collect();
        m += &line("memo.bring", "{items}", &bring.join(&t.plain("memo.separator")));
    }
    m += &format!("\n{}\n{} {page_url}\n", unruby(&s.disclaimer), t.plain("memo.site"));
    m
}

/// Percent-encode everything but unreserved ASCII, for `mailto:` and `data:` URLs.
pub(super) fn encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::html::esc;

    #[test]
    fn encodes_for_html_mailto_and_data_urls() {
        assert_eq!(encode("a b&c=d\r\n"), "a%20b%26c%3Dd%0D%0A");
        assert_eq!(encode("\u{feff}相"), "%EF%BB%BF%E7%9B%B8");
        assert_eq!(esc("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }

    #[test]
    fn the_memo_has_answers_next_steps_disclaimer_and_address() {
        let d = super::super::test_data();
        let answers: Answers = [("q".to_string(), "b".to_string()), ("area".to_string(), "132144".to_string())].into();
        let o = outcome(&d, &answers);
        let full = memo_text(&o, &d.page_url, "2026/11/22", true);
        for needle in [
            "作成日：2026/11/22",
            "■ 結果\n高",
            "・質問：<b>",
            "・市区町村：東京都国分寺市",
            "1. 拠点・基幹相談支援センター：基幹 電話 042-123-4567",
            "申請ページ：https://example.jp/apply",
            "目安です。",
            "https://example.jp/screening/",
        ] {
            assert!(full.contains(needle), "missing {needle:?} in\n{full}");
        }
        let short = memo_text(&o, &d.page_url, "2026/11/22", false);
        assert!(!short.contains("次にすること") && short.contains("目安です。"));
    }
}
