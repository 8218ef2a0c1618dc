//! 「修正を依頼する」 on every facility and area page (issue #21), and how old the page's
//! facts are.
//!
//! The form is pre-rendered, prefilled with what the page publishes; the person changes
//! only what is wrong (or presses 「この掲載内容は正しいです」). `correction.js` (loaded by
//! the boot script when the form is opened) turns it into a before → after text, an e-mail
//! and one row of the import CSV, on the device: nothing is sent by the site. Each field's
//! `data-column` is a column of `content/templates/facilities-template.csv`, so the row is
//! what `import sheet` reads. Without JavaScript the form (in a closed `<details>`) stays
//! hidden and the block says what to send and where.

use leptos::prelude::*;

use crate::data::{href, Checked, Corrections, FactDate};
use crate::i18n::{messages, published, t, Lang};
use crate::markup::call_button::call_button;
use crate::markup::html::{esc, rb};
use crate::model::{AgeGroup, DisabilityType, Facility, Function, Source};
use crate::url::encode_component;

/// What a page says when its facts are more than a year old.
pub const STALE: &str = "情報が古い可能性があります";

/// 「最終確認日」 or the data's date, with the warning when it is more than 12 months old.
/// In another reading, the date as the reading writes it, and the warning without the link
/// to the form (which is on the standard page only).
#[component]
pub fn FactAge(checked: Option<Checked>) -> impl IntoView {
    let m = messages();
    checked.map(|c| {
        if m.lang == Lang::Ja {
            return view! {
                <p class="kn-fact-age">{c.text.clone()}</p>
                {c.stale.then(|| view! {
                    <p class="kn-fact-age__stale"><strong>{STALE}</strong>"（1年以上前の情報です）。電話で確かめてから利用してください。違っていたら、"<a href="#kn-correction" rel="external">"修正を依頼する"</a>"からお知らせください。"</p>
                })}
            }
            .into_any();
        }
        let text = match &c.date {
            Some(FactDate::Checked(d)) => m.html_with("sources.checked", &[("date", &esc(d))]),
            Some(FactDate::DataAsOf(years)) => {
                let dates: Vec<String> = years.iter().map(|y| published(y)).collect();
                m.html_with("sources.data_as_of", &[("dates", &dates.join(&m.html("memo.separator")))])
            }
            None => esc(&c.text),
        };
        view! {
            <p class="kn-fact-age" inner_html=text></p>
            {c.stale.then(|| view! { <p class="kn-fact-age__stale">{t("facility.stale")}</p> })}
        }
        .into_any()
    })
}

/// The block: the form (shown by `correction.js`), where to send it, and for WAM NET
/// facts how the facility itself corrects them at the source.
#[component]
pub fn Correction(
    corrections: Corrections,
    /// The page's subject, for the e-mail's subject line.
    title: String,
    /// The facility the page is about; `None` on an area page (a free-text request).
    facility: Option<Facility>,
) -> impl IntoView {
    let mail = corrections.email.clone().map(|e| {
        let subject = format!("【拠点ナビ】掲載情報の修正依頼：{title}");
        let body = format!("ページ：{}\n\n修正してほしい内容：\n\n根拠となる資料：\n", corrections.page_url);
        format!("mailto:{e}?subject={}&body={}", encode_component(&subject), encode_component(&body))
    });
    let none = mail.is_none() && corrections.edit_url.is_none();
    let instead = none.then(|| instead_html(&corrections));
    let wamnet = corrections.wamnet.clone().map(|s| wamnet_note(&s));
    let form = form_html(&corrections, &title, facility.as_ref());
    view! {
        <section class="kn-correction" aria-labelledby="kn-correction">
            <h2 id="kn-correction" class="kn-correction__title">"修正を依頼する"</h2>
            <p>"掲載内容の誤りや変更、また内容が正しいことを確かめたときは、お知らせください。市区町村などの担当者が確かめてから直します。"</p>
            <div inner_html=form></div>
            <p class="kn-correction__nojs" data-kn-nojs="">"お知らせには、このページのアドレス、直したい項目と正しい内容、その根拠となる資料（ホームページ、通知、パンフレットなど）、あなたの立場（事業所の職員、ご家族など）を書いてください。"</p>
            {mail.map(|m| view! { <a class="kn-button kn-button--secondary" data-kn-nojs="" href=m>"メールで修正を依頼する"</a> })}
            {corrections.edit_url.map(|u| view! { <a class="kn-button kn-button--secondary" href=u rel="noopener noreferrer">"掲載データを直接編集する"</a> })}
            {instead.map(|html| view! { <div class="kn-correction__instead" inner_html=html></div> })}
            {wamnet.map(|html| view! { <div class="kn-correction__wamnet" inner_html=html></div> })}
        </section>
    }
}

/// The form, hidden until `correction.js` runs. String markup, every value through [`esc`].
fn form_html(c: &Corrections, title: &str, f: Option<&Facility>) -> String {
    let mut h = String::from("<details class=\"kn-correction__details\" data-kn-js=\"\" hidden><summary class=\"kn-correction__summary\">入力フォームを開く</summary>");
    h += &format!(
        "<form class=\"kn-correction__form\" data-kn-correction=\"\" data-title=\"{}\" data-page=\"{}\" data-email=\"{}\" data-columns=\"{}\" data-fixed=\"{}\">",
        esc(title),
        esc(&c.page_url),
        esc(c.email.as_deref().unwrap_or_default()),
        esc(&serde_json::to_string(&c.columns).unwrap_or_default()),
        esc(&serde_json::to_string(&c.fixed).unwrap_or_default()),
    );
    h += "<p>直したい項目だけを書きかえてください。書きかえていない項目は、そのままです。入力した内容は、あなたが送らないかぎり、どこにも送られません。</p>";
    match f {
        Some(f) => h += &facility_fields(f),
        None => {
            h += &text_field("kn-corr-what", "what", "直してほしいところと、正しい内容", "", true);
        }
    }
    h += &input_field(
        "kn-corr-basis",
        "根拠となる資料",
        "根拠となる資料（ホームページのアドレス、通知、パンフレットなど）",
        "",
        "text",
    );
    h += &input_field("kn-corr-who", "依頼した人", "あなたの立場（例：カペラの職員、利用者の家族）", "", "text");
    h += "<p class=\"kn-correction__hint\">取り込まれると、ページの出典として公開されます。個人のお名前は書かなくてかまいません。</p>";
    h += "<div class=\"kn-correction__actions\"><button class=\"kn-button\" type=\"button\" data-kn-mode=\"change\">修正の文面を作る</button>";
    if f.is_some() {
        h += "<button class=\"kn-button kn-button--secondary\" type=\"button\" data-kn-mode=\"confirm\">この掲載内容は正しいです</button>";
    }
    h += "</div><div class=\"kn-correction__result\" hidden><p class=\"kn-correction__message\" role=\"status\"></p><div class=\"kn-correction__outputs\" hidden>";
    h += "<a class=\"kn-button\" data-kn=\"mail\" href=\"#kn-correction\" hidden>メールで送る</a>";
    if f.is_some() {
        h += "<button class=\"kn-button kn-button--secondary\" type=\"button\" data-kn=\"download\">CSVファイルを保存する</button>";
    }
    h += "<button class=\"kn-button kn-button--secondary\" type=\"button\" data-kn=\"copy\">文面をコピーする</button><span class=\"kn-correction__copied\" role=\"status\"></span>";
    h +=
        "<p class=\"kn-correction__label\">送る文面</p><pre class=\"kn-correction__text\" tabindex=\"0\"></pre></div></div></form></details>";
    h
}

/// The published facts as fields, each named by its import column.
fn facility_fields(f: &Facility) -> String {
    let mut h = String::new();
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    h += &input_field("kn-corr-phone", "電話番号", "電話番号", &opt(&f.phone), "tel");
    h += &input_field("kn-corr-hours", "受付時間", "受付時間", &opt(&f.hours), "text");
    h += &input_field("kn-corr-address", "住所", "住所", &opt(&f.address), "text");
    h += &input_field("kn-corr-url", "ウェブサイト", "ウェブサイト（https://…）", &opt(&f.url), "url");
    // A service type is not a 拠点 role: a facility no source places in the 拠点 shows its
    // service-derived functions on the page, but the form does not offer them as its own.
    let functions: Vec<(&str, &str, bool)> =
        Function::ALL.into_iter().map(|x| (x.label(), x.label(), f.kyoten && f.functions.contains(&x))).collect();
    let legend = if f.kyoten {
        "拠点の機能"
    } else {
        "拠点の機能（拠点に位置付けられているときだけ選んでください）"
    };
    h += &choices("拠点の機能", legend, "checkbox", &functions);
    let disabilities: Vec<(&str, &str, bool)> =
        DisabilityType::ALL.into_iter().map(|x| (x.label(), x.label(), f.disabilities.contains(&x))).collect();
    h += &choices("対象の障害", "対象となる障害", "checkbox", &disabilities);
    let ages: Vec<(&str, &str, bool)> =
        AgeGroup::ALL.into_iter().map(|x| (x.label(), x.label(), f.ages.contains(&x))).collect();
    h += &choices("対象年齢", "対象年齢", "checkbox", &ages);
    h += &choices("24時間対応", "24時間対応", "radio", &yes_no(f.open_24h));
    let beds = f.emergency_beds.map(|n| n.to_string()).unwrap_or_default();
    h += &input_field("kn-corr-beds", "緊急用の空床数", "緊急用の空床の数", &beds, "number");
    // WAM NET facilities are not known to be in the 拠点 (`kyoten` false): unknown, not 「いいえ」.
    h += &choices("拠点に位置付け", "地域生活支援拠点等への位置付け", "radio", &yes_no(f.kyoten.then_some(true)));
    h += &input_field("kn-corr-since", "位置付けた時期", "位置付けた時期（例 2021-11）", &opt(&f.positioned), "text");
    h += &text_field("kn-corr-note", "備考", "そのほか、ページに載せてほしい説明", "", false);
    h
}

fn yes_no(v: Option<bool>) -> [(&'static str, &'static str, bool); 3] {
    [("はい", "はい", v == Some(true)), ("いいえ", "いいえ", v == Some(false)), ("", "わからない", v.is_none())]
}

fn input_field(id: &str, column: &str, label: &str, value: &str, kind: &str) -> String {
    let id = esc(id);
    let extra = match kind {
        "number" => " min=\"0\" inputmode=\"numeric\"",
        "tel" => " autocomplete=\"off\"",
        _ => "",
    };
    let kind = esc(kind);
    format!(
        "<div class=\"kn-field\"><label class=\"kn-field__label\" for=\"{id}\">{}</label><input class=\"kn-field__input\" id=\"{id}\" type=\"{kind}\" data-column=\"{}\" value=\"{}\"{extra}></div>",
        esc(label),
        esc(column),
        esc(value)
    )
}

fn text_field(id: &str, column: &str, label: &str, value: &str, main: bool) -> String {
    let rows = if main { 5 } else { 3 };
    let id = esc(id);
    format!(
        "<div class=\"kn-field\"><label class=\"kn-field__label\" for=\"{id}\">{}</label><textarea class=\"kn-field__input\" id=\"{id}\" rows=\"{rows}\" data-column=\"{}\">{}</textarea></div>",
        esc(label),
        esc(column),
        esc(value)
    )
}

/// Checkboxes or radios for one column: (value written to the CSV, label, checked now).
fn choices(column: &str, legend: &str, kind: &str, options: &[(&str, &str, bool)]) -> String {
    let kind = esc(kind);
    let mut h = format!(
        "<fieldset class=\"kn-correction__group\" data-column=\"{}\"><legend class=\"kn-field__label\">{}</legend>",
        esc(column),
        esc(legend)
    );
    for (value, label, checked) in options {
        h += &format!(
            "<label class=\"kn-check\"><input class=\"kn-check__input\" type=\"{kind}\" name=\"kn-corr-{}\" value=\"{}\"{}><span class=\"kn-check__label\">{}</span></label>",
            esc(column),
            esc(value),
            if *checked { " checked" } else { "" },
            esc(label)
        );
    }
    h + "</fieldset>"
}

/// No address for corrections on this deployment: say so, and name whom to tell — the
/// area's one sourced number or its website — with the area's full list one tap away.
fn instead_html(c: &Corrections) -> String {
    let area = esc(&c.area_name);
    let mut h = String::from("<p>このサイトには、修正の受付先がまだ設定されていません。");
    match &c.instead {
        Some(call) if call.phone.is_some() => {
            h += &format!(
                "作った文面やCSVファイルは、次の窓口に送るか、電話でお知らせください。</p><p class=\"kn-correction__name\">{}</p>",
                rb(&call.name)
            );
            h += &call_button(call.phone.as_deref().unwrap_or_default());
            if let Some(source) = &call.source {
                h += &format!("<p class=\"kn-correction__source\">{}</p>", rb(source));
            }
        }
        Some(call) => {
            h += &format!(
                "作った文面やCSVファイルは、{area}の障害福祉の担当窓口にお知らせください。窓口の連絡先は公式サイトでさがせます。</p><a class=\"kn-button kn-button--secondary\" href=\"{}\" rel=\"noopener noreferrer\">{}を開く</a>",
                esc(call.url.as_deref().unwrap_or_default()),
                rb(&call.name)
            );
        }
        None => h += &format!("作った文面やCSVファイルは、{area}の障害福祉の担当窓口にお知らせください。</p>"),
    }
    if !c.area_page.is_empty() {
        h += &format!(
            "<p><a href=\"{}\">{area}で、まず連絡するところ（電話番号）の一覧を見る</a></p>",
            esc(&href(&format!("{}#kn-first", c.area_page)))
        );
    }
    h
}

/// WAM NET facts are what the facility reports under the 情報公表制度: corrected at the
/// source, they reach every site that uses the data. Said with the page that says so.
fn wamnet_note(s: &Source) -> String {
    let read = s.read.as_deref().map(|d| format!("、{}閲覧", esc(d))).unwrap_or_default();
    let link = match &s.url {
        Some(u) => format!("<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>", esc(u), esc(&s.title)),
        None => esc(&s.title),
    };
    format!(
        "<p>サービス種別・電話番号・住所などの WAM NET の情報は、障害福祉サービス等情報公表制度により、事業者が都道府県知事等に報告し、都道府県知事等が公表しているものです。事業所の方は、障害福祉サービス等情報公表システムで報告の内容を直してください。公表されたデータを拠点ナビが取り込むと、このページにも反映されます。</p><p class=\"kn-correction__source\">出典：{}「{link}」（{}{read}）</p>",
        esc(&s.publisher),
        esc(&s.year)
    )
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::import::sheet::SHEET_COLUMNS;

    fn columns_of(html: &str) -> Vec<String> {
        html.split("data-column=\"").skip(1).filter_map(|s| s.split('"').next()).map(String::from).collect()
    }

    #[test]
    fn every_field_is_a_column_of_the_import_template() {
        let f = Facility { id: "x".into(), phone: Some("042-1".into()), ..Default::default() };
        let html = form_html(&Corrections::default(), "x", Some(&f));
        let columns = columns_of(&html);
        assert!(columns.len() >= 13, "{columns:?}");
        for c in &columns {
            if c != "what" {
                assert!(SHEET_COLUMNS.iter().any(|(h, _)| h == c), "{c} is not a template column");
            }
        }
        // An area page asks in words; it has no facility fields.
        let area = columns_of(&form_html(&Corrections::default(), "国分寺市", None));
        assert!(!area.iter().any(|c| c == "電話番号"), "{area:?}");
    }

    #[test]
    fn published_values_prefill_the_form_escaped() {
        let f = Facility {
            phone: Some("042-321-1136".into()),
            hours: Some("平日 <9:00>".into()),
            functions: vec![Function::Emergency],
            open_24h: Some(true),
            kyoten: true,
            ..Default::default()
        };
        let html = form_html(&Corrections::default(), "a\"b", Some(&f));
        assert!(html.contains("value=\"042-321-1136\""));
        assert!(html.contains("value=\"平日 &lt;9:00&gt;\""));
        assert!(html.contains("value=\"②緊急時の受け入れ・対応\" checked"));
        assert!(html.contains("data-title=\"a&quot;b\""));
        // Unknown stays unknown: 「わからない」, not 「いいえ」.
        let radio = |html: &str, column: &str| {
            let group = html.split(&format!("data-column=\"{column}\"")).nth(1).unwrap_or_default();
            group.split("</fieldset>").next().unwrap_or_default().to_string()
        };
        assert!(radio(&html, "24時間対応").contains("value=\"はい\" checked"));
        // A WAM NET facility: its service-derived functions are not offered as its 拠点 functions,
        // and its place in the 拠点 is unknown.
        let wamnet = Facility { functions: vec![Function::Emergency], kyoten: false, ..Default::default() };
        let html = form_html(&Corrections::default(), "x", Some(&wamnet));
        assert!(!radio(&html, "拠点の機能").contains("checked"));
        assert!(
            radio(&html, "拠点に位置付け").contains("value=\"\" checked><span class=\"kn-check__label\">わからない")
        );
    }
}
