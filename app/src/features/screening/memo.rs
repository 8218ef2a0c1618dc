//! What the result says and the 相談メモ repeats: the outcome of the answers for the chosen
//! area, and the memo as plain text for the download and the e-mail.

use crate::data::{LocalSteps, ScreeningData};
use crate::markup::call_list::call_list_text;
use crate::model::screening::{score, Answers, Question, QuestionKind, ResultLevel, Screening};
use crate::model::{merge_calls, Call};

use super::TITLE;

/// Everything the result shows and the 相談メモ repeats.
pub(super) struct Outcome<'a> {
    pub(super) s: &'a Screening,
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
        .find_map(|p| p.areas.iter().find(|a| a.0 == area).map(|a| (format!("{}{}", p.name, a.1), a.2.clone())))
        .unwrap_or_default();
    // The reference list gives most addresses without their scheme (see AreaChoice).
    let website =
        if website.is_empty() || website.starts_with("http") { website } else { format!("https://{website}") };
    let mut local: Vec<&LocalSteps> = d.local.iter().filter(|l| l.members.iter().any(|m| m == area)).collect();
    local.sort_by_key(|l| l.id != area);
    let mut lists: Vec<Vec<Call>> = local.iter().map(|l| l.calls.clone()).collect();
    if website.starts_with("http") {
        lists.push(vec![Call::website(&area_name, &website)]);
    }
    lists.push(vec![Call::emergency()]);
    let calls = merge_calls(lists.iter().map(Vec::as_slice));
    Outcome { s, r: score(s, answers), answers, area_name, local, area_id: area.to_string(), calls }
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
        _ => q.options.iter().find(|c| c.id == value).map_or_else(|| "（未回答）".to_string(), |c| c.label.clone()),
    }
}

/// The 相談メモ as plain text: the whole memo for the file, the summary for e-mail (mail
/// programs cut long `mailto:` links).
pub(super) fn memo_text(o: &Outcome, page_url: &str, date: &str, full: bool) -> String {
    let s = o.s;
    let (title, text) = s.levels.get(o.r.level).map(|l| (l.title.as_str(), l.text.as_str())).unwrap_or_default();
    let mut t = format!("相談メモ（{TITLE}）\n作成日：{date}\n\n■ 結果\n{title}\n{text}\n\n■ この結果になった理由\n");
    for x in &o.r.reasons {
        t += &format!("・{x}\n");
    }
    t += "\n■ 回答\n";
    for q in &s.questions {
        t += &format!("・{}：{}\n", q.short, answer_label(o, q));
    }
    if full {
        t += &format!("\n■ 次にすること（{}）\n", o.area_name);
        t += &call_list_text(&o.calls);
        t += &format!("・{}\n", s.next_steps.ask);
        for x in &o.r.advice {
            t += &format!("・{x}\n");
        }
        let mut registered = false;
        for l in &o.local {
            if let Some(r) = &l.registration {
                registered = true;
                t += &format!("・事前登録（{}）：{}\n", l.name, r.summary);
                if let Some(u) = &r.apply_url {
                    t += &format!("　申請ページ：{u}\n");
                }
            }
        }
        if !registered {
            t += &format!("・事前登録：{}\n", s.next_steps.registration);
        }
        t += &format!(
            "・体験利用：{}\n・相談に持っていくとよいもの：{}\n",
            s.next_steps.experience,
            s.next_steps.bring.join("、")
        );
    }
    t += &format!("\n{}\n拠点ナビ {page_url}\n", s.disclaimer);
    t
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
