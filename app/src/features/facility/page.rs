//! `/facilities/{id}/`: everything known about one facility, what is unknown, where it comes
//! from, and how to ask for a correction ([`facility`]), one template for every reading:
//! やさしい日本語 and English pages link to the standard page for the open data's rows and
//! the correction form.

use leptos::prelude::*;

use crate::components::page::static_view;
use crate::data::{href, AreaLink, FacilityData};
use crate::i18n::{lang, messages, published, t, Lang, Messages};
use crate::markup::area_directory::area_name;
use crate::markup::call_button::tel_href;
use crate::markup::correction::{Correction, FactAge};
use crate::markup::html::{esc, with_reading};
use crate::markup::source_list::SourceList;
use crate::markup::unknown_value::UnknownValue;
use crate::model::Facility;
use crate::routes::Route;
use crate::url::encode_component;

/// Shows the HTML the builder rendered with [`facility`].
#[component]
pub fn FacilityPage() -> impl IntoView {
    static_view()
}

/// The page body, rendered at build time, in every reading (issue #22): the fixed text from
/// the reading's catalogue ([facility]), what the sources say as published (marked Japanese
/// on English pages). The open data's rows, the page's own text and the correction form are
/// on the standard page, which the other readings link to; so is the structured data, once.
pub fn facility(data: FacilityData) -> impl IntoView {
    let standard = lang() == Lang::Ja;
    let json_ld = standard.then(|| structured_data(&data));
    let f = data.facility;
    let m = messages();
    let other_phones = f.other_phones();
    // Once a person has confirmed the number (a content file), WAM NET's other numbers are
    // what the open data still says, not numbers to prefer.
    let other_phones_label = if f.last_verified.is_empty() || f.records.is_empty() {
        "facility.other_phones"
    } else {
        "facility.other_phones_old"
    };
    let rows = if standard { differing_rows(&f.records, &data.sources) } else { Vec::new() };
    let maps = f.address.as_deref().map(map_link);
    // The standard page says how to tell us a missing fact (the form is there).
    let unknown: fn() -> AnyView =
        if standard { || view! { <UnknownValue/> }.into_any() } else { || t("facility.not_given").into_any() };
    let row = |label: &'static str, value: String| {
        view! { <div class="kn-summary-list__row"><dt>{t(label)}</dt><dd inner_html=value></dd></div> }
    };
    let standard_path = Route::Facility(&f.id).path();
    view! {
        <article class="kn-facility">
            {json_ld.map(|ld| view! { <script type="application/ld+json" inner_html=ld></script> })}
            {heading(&f, &data.area)}
            {call_button(&f)}
            <FactAge checked=data.corrections.checked.clone()/>
            <dl class="kn-summary-list">
                {phone_row(&f, unknown)}
                {(!other_phones.is_empty()).then(|| row(other_phones_label, esc(&other_phones.join(&m.plain("memo.separator")))))}
                {fax_row(&f)}
                {address_row(&f, maps, unknown)}
                {published_row("facility.operator", f.operator.clone(), unknown)}
                {(!f.services.is_empty()).then(|| row("facility.services", labels(&m, f.services.iter().map(|r| r.key()), "memo.separator")))}
                {f.capacity.map(|c| row("facility.capacity", m.html_with("facility.capacity_count", &[("n", &c.to_string())])))}
                {f.url.clone().map(|u| view! { <div class="kn-summary-list__row"><dt>{t("facility.website")}</dt><dd><a class="kn-summary-list__link" href=u.clone() rel="noopener noreferrer">{u.clone()}</a></dd></div> })}
                {f.url.is_none().then_some(()).and(f.url_source.clone()).map(|u| row("facility.website", m.html_with("facility.website_unlinked", &[("url", &published(&u))])))}
                {functions_row(&f, unknown)}
                {disabilities_row(&f)}
                {ages_row(&f)}
                {published_row("facility.hours_label", f.hours.clone(), unknown)}
                {open_24h_row(&f, standard)}
                {beds_row(&f, standard)}
                {row("facility.positioned", positioned_html(&f, &m))}
                {row("facility.position", m.html(if f.exact_position { "facility.position_exact" } else { "facility.position_approx" }))}
            </dl>
            {(!rows.is_empty()).then(|| view! {
                <section class="kn-facility__rows" aria-labelledby="kn-facility-rows">
                    <h2 id="kn-facility-rows">"資料の行ごとの記載"</h2>
                    <p>"この事業所はオープンデータの複数の行に載っていて、行によって記載が異なります。行ごとの記載をそのまま示します。"</p>
                    <div class="kn-table-wrap"><table class="kn-table">
                        <thead><tr><th scope="col">"資料（行）"</th><th scope="col">"サービス種別"</th><th scope="col">"電話番号"</th><th scope="col">"受付時間"</th><th scope="col">"住所"</th><th scope="col">"定員"</th></tr></thead>
                        <tbody>{rows.into_iter().map(|r| view! { <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> }).collect_view()}</tbody>
                    </table></div>
                </section>
            })}
            {(standard && !f.body_html.is_empty()).then(|| view! { <div class="kn-prose" inner_html=f.body_html.clone()></div> })}
            <section class="kn-listing-info" aria-labelledby="kn-listing-info">
                <h2 id="kn-listing-info">{t("facility.listing_title")}</h2>
                {wamnet_credit(&f)}
                <SourceList sources=data.sources/>
                {if standard {
                    view! { <Correction corrections=data.corrections.clone() title=f.name.clone() facility=Some(f.clone())/> }.into_any()
                } else {
                    view! {
                        <h3>{t("facility.more_title")}</h3>
                        <p>{t("facility.more_text")}</p>
                        <ul class="kn-facility__links">
                            <li><a href=href(&standard_path) hreflang="ja">{t("facility.more_link")}</a>" "<span class="kn-only-japanese">{t("site.japanese_only")}</span></li>
                        </ul>
                        <p class="kn-print-meta">{data.corrections.page_url.clone()}</p>
                    }.into_any()
                }}
            </section>
        </article>
    }
}

/// Catalogue labels joined the way the reading lists them (「、」, ", "), as markup.
fn labels(m: &Messages, keys: impl Iterator<Item = &'static str>, separator: &str) -> String {
    keys.map(|k| m.html(k)).collect::<Vec<_>>().join(&m.html(separator))
}

/// The kind and the area above the name; the name as published, with its reading below it
/// (as ふりがな over it on やさしい日本語 pages, marked Japanese on English ones); then what
/// the sources say it is: a 拠点 body (or one a plan proposes), another contact, or a
/// registered provider whose place in the 拠点 is for the municipality to say.
fn heading(f: &Facility, area: &AreaLink) -> impl IntoView + use<> {
    let m = messages();
    let reading = lang();
    let name_lang = (reading == Lang::En).then_some("ja");
    let has_kanji = f.name.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '々');
    let ruby = f.kana.clone().filter(|_| reading == Lang::Easy && has_kanji);
    let name = match ruby.as_deref() {
        Some(kana) => view! { <span inner_html=with_reading(&f.name, Some(kana))></span> }.into_any(),
        None => f.name.clone().into_any(),
    };
    // Below the name: always on the standard page; never on やさしい日本語 pages (ふりがな over a
    // name with kanji, and one without needs none); on English pages when it adds something.
    let kana = f.kana.clone().filter(|k| match reading {
        Lang::Ja => true,
        Lang::Easy => false,
        Lang::En => k != &f.name,
    });
    let area_html = with_reading(&area.name, area.reading.as_deref().filter(|_| reading == Lang::Easy));
    let kind = if f.kyoten {
        let text = match &f.plan_source {
            Some(doc) => m.html("facility.kyoten_plan").replace("{plan}", &published(doc)),
            None => m.html("facility.kyoten"),
        };
        view! { <p class="kn-facility__kyoten" inner_html=text></p> }.into_any()
    } else if f.services.is_empty() {
        let text = m.html("facility.not_part").replace("{role}", &m.html(f.role.key())).replace("{area}", &area_html);
        view! { <p class="kn-facility__open-data" inner_html=text></p> }.into_any()
    } else {
        let services = labels(&m, f.services.iter().map(|r| r.key()), "facility.service_separator");
        let text = m.html("facility.provider").replace("{services}", &services).replace("{area}", &area_html);
        view! { <p class="kn-facility__open-data" inner_html=text></p> }.into_any()
    };
    view! {
        <header class="kn-page-heading">
            <p class="kn-page-heading__eyebrow">{t(f.role.key())}{t("facility.separator")}<a href=Route::Area(&area.id).href()>{area_name(area)}</a></p>
            <h1 class="kn-page-heading__title" lang=name_lang>{name}</h1>
            {kana.map(|k| view! { <p class="kn-page-heading__kana" lang=name_lang>{k}</p> })}
            {kind}
        </header>
    }
}

/// 「電話する 042-…」: a `tel:` link, when the number is known.
fn call_button(f: &Facility) -> Option<impl IntoView + use<>> {
    f.phone.clone().map(|p| {
        let tel = tel_href(&p);
        view! { <a class="kn-button kn-button--call" href=tel>{t("call.button")}" "{p}</a> }
    })
}

/// A row whose value is the sources' own text, marked Japanese on English pages.
fn published_row(label: &'static str, value: Option<String>, unknown: fn() -> AnyView) -> impl IntoView + use<> {
    let value_lang = (lang() == Lang::En).then_some("ja");
    view! {
        <div class="kn-summary-list__row"><dt>{t(label)}</dt>{match value {
            Some(v) => view! { <dd lang=value_lang>{v}</dd> }.into_any(),
            None => view! { <dd>{unknown()}</dd> }.into_any(),
        }}</div>
    }
}

fn phone_row(f: &Facility, unknown: fn() -> AnyView) -> impl IntoView + use<> {
    view! {
        <div class="kn-summary-list__row"><dt>{t("facility.phone")}</dt><dd>{match f.phone.clone() { Some(p) => p.into_any(), None => unknown() }}</dd></div>
    }
}

/// Text, not a link: a FAX number is written to, not dialled. Only when known.
fn fax_row(f: &Facility) -> Option<impl IntoView + use<>> {
    f.fax.clone().map(|x| view! { <div class="kn-summary-list__row"><dt>{t("facility.fax")}</dt><dd>{x}</dd></div> })
}

/// The address as published, with a link to a map app.
fn address_row(f: &Facility, map: Option<String>, unknown: fn() -> AnyView) -> impl IntoView + use<> {
    match (f.address.clone(), map) {
        (Some(a), Some(m)) => view! {
            <div class="kn-summary-list__row"><dt>{t("facility.address")}</dt><dd><span lang=(lang() == Lang::En).then_some("ja")>{a}</span>" "<a href=m rel="noopener noreferrer" target="_blank">{t("facility.map_link")}</a></dd></div>
        }
        .into_any(),
        (address, _) => published_row("facility.address", address, unknown).into_any(),
    }
}

/// The 拠点 functions: those the sources give a 拠点 body, or for a provider those its service
/// types relate to — and the label says which.
fn functions_row(f: &Facility, unknown: fn() -> AnyView) -> impl IntoView + use<> {
    let m = messages();
    let label = if f.kyoten { "facility.functions" } else { "facility.functions_from_services" };
    let value = if f.functions.is_empty() {
        view! { <dd>{unknown()}</dd> }.into_any()
    } else {
        view! { <dd inner_html=labels(&m, f.functions.iter().map(|x| x.label_key()), "memo.separator")></dd> }
            .into_any()
    };
    view! { <div class="kn-summary-list__row"><dt>{t(label)}</dt>{value}</div> }
}

/// Whom it serves, or — when the sources name no one — to ask the provider.
fn disabilities_row(f: &Facility) -> impl IntoView + use<> {
    let m = messages();
    let value = if f.disabilities.is_empty() {
        m.html("facility.ask_targets")
    } else {
        labels(&m, f.disabilities.iter().map(|x| x.key()), "memo.separator")
    };
    view! { <div class="kn-summary-list__row"><dt>{t("facility.disabilities")}</dt><dd inner_html=value></dd></div> }
}

fn ages_row(f: &Facility) -> impl IntoView + use<> {
    let m = messages();
    let value = if f.ages.is_empty() {
        m.html("facility.not_given")
    } else {
        labels(&m, f.ages.iter().map(|x| x.key()), "memo.separator")
    };
    view! { <div class="kn-summary-list__row"><dt>{t("facility.ages")}</dt><dd inner_html=value></dd></div> }
}

/// 24時間対応 as the sources say; with `always`, also that they do not say.
fn open_24h_row(f: &Facility, always: bool) -> Option<impl IntoView + use<>> {
    let value = match f.open_24h {
        Some(true) => "facility.open_24h",
        Some(false) => "facility.not_24h",
        None if always => "facility.not_given",
        None => return None,
    };
    Some(view! { <div class="kn-summary-list__row"><dt>{t("facility.open_24h_title")}</dt><dd>{t(value)}</dd></div> })
}

/// The emergency beds the sources give; with `always`, also that they give none.
fn beds_row(f: &Facility, always: bool) -> Option<impl IntoView + use<>> {
    let value = match f.emergency_beds {
        Some(n) => messages().html("facility.beds_count").replace("{n}", &n.to_string()),
        None if always => messages().html("facility.not_given"),
        None => return None,
    };
    Some(view! { <div class="kn-summary-list__row"><dt>{t("facility.beds")}</dt><dd inner_html=value></dd></div> })
}

/// The credit WAM NET's terms ask for, on a page built from its open data.
fn wamnet_credit(f: &Facility) -> Option<impl IntoView + use<>> {
    f.wamnet.is_some().then(|| view! { <p class="kn-listing-info__credit">{t("facility.wamnet_credit")}</p> })
}

/// The 「拠点への位置付け」 value, as markup: the date positioned (as published), the year a
/// plan gives, or that no time is given.
fn positioned_html(f: &Facility, m: &Messages) -> String {
    match (&f.positioned, &f.planned) {
        (Some(p), _) => published(p),
        (None, Some(year)) => {
            let plan = f.plan_source.as_deref().map_or_else(|| m.html("facility.plan_document"), published);
            m.html_with("facility.positioned_plan", &[("year", &published(year)), ("plan", &plan)])
        }
        (None, None) => m.html("facility.positioned_none"),
    }
}

/// A map app's search for the address, the address percent-encoded (41 addresses had raw
/// spaces in the link, issue #19).
fn map_link(address: &str) -> String {
    format!("https://www.google.com/maps/search/?api=1&query={}", encode_component(address))
}

/// The open-data rows as table cells (資料（行）, サービス種別, 電話番号, 受付時間, 住所, 定員),
/// when there is more than one row and they do not all say the same; otherwise none.
fn differing_rows(records: &[crate::model::SourceRecord], sources: &[crate::model::Source]) -> Vec<[String; 6]> {
    let facts =
        |r: &crate::model::SourceRecord| (r.phone_source.clone(), r.hours.clone(), r.address.clone(), r.capacity);
    if records.len() < 2 || records.iter().all(|r| facts(r) == facts(&records[0])) {
        return Vec::new();
    }
    let dash = || "記載なし".to_string();
    records
        .iter()
        .map(|r| {
            let title = sources.iter().find(|s| s.id == r.source).map_or(r.source.clone(), |s| s.title.clone());
            [
                format!("{title}（{}行目）", r.line),
                r.service.label().to_string(),
                if r.phone_source.is_empty() { dash() } else { r.phone_source.clone() },
                r.hours.clone().unwrap_or_else(dash),
                r.address.clone().unwrap_or_else(dash),
                r.capacity.map_or_else(dash, |c| format!("{c}人")),
            ]
        })
        .collect()
}

/// schema.org data for search engines: only the facts the page shows, nothing inferred.
/// `<` is escaped so that no text can end the script element or change how it is read.
fn structured_data(data: &FacilityData) -> String {
    let f = &data.facility;
    let mut ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": if f.kyoten { "GovernmentOffice" } else { "LocalBusiness" },
        "name": f.name,
        "url": data.corrections.page_url,
        "areaServed": data.area.name,
    });
    if let Some(p) = &f.phone {
        ld["telephone"] = p.as_str().into();
    }
    if let Some(x) = &f.fax {
        ld["faxNumber"] = x.as_str().into();
    }
    if let Some(a) = &f.address {
        ld["address"] = a.as_str().into();
    }
    if let (true, Some(lat), Some(lng)) = (f.exact_position, f.lat, f.lng) {
        ld["geo"] = serde_json::json!({ "@type": "GeoCoordinates", "latitude": lat, "longitude": lng });
    }
    // Every `<` as \u003c (still the same JSON): neither `</script>` nor `<!--<script>` —
    // which would make the script element swallow the rest of the page — can appear.
    ld.to_string().replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Role, SourceRecord};

    #[test]
    fn the_map_link_encodes_the_address() {
        for (address, query) in [
            (
                "東京都国分寺市本町 1-2 #3",
                "%E6%9D%B1%E4%BA%AC%E9%83%BD%E5%9B%BD%E5%88%86%E5%AF%BA%E5%B8%82%E6%9C%AC%E7%94%BA%201-2%20%233",
            ),
            ("a&b=c", "a%26b%3Dc"),
        ] {
            let link = map_link(address);
            assert_eq!(link, format!("https://www.google.com/maps/search/?api=1&query={query}"));
            assert!(!link.contains(' '));
        }
    }

    /// `view` rendered with the catalogue of `lang`, as the builder provides it.
    fn render<V: IntoView + 'static>(lang: Lang, view: impl FnOnce() -> V) -> String {
        Owner::new().with(|| {
            provide_context(crate::i18n::catalogue(lang));
            view().to_html()
        })
    }

    #[test]
    fn a_plan_is_labelled_as_a_plan_with_its_year() {
        let mut f = crate::model::Facility { kyoten: true, ..Default::default() };
        let area = AreaLink::default();
        let html = render(Lang::Ja, || heading(&f, &area));
        assert!(html.contains(">資料で地域生活支援拠点等に位置付けられています</p>"), "{html}");
        let ja = crate::i18n::catalogue(Lang::Ja);
        assert_eq!(positioned_html(&f, &ja), "時期の記載はありません");
        f.plan_source = Some("令和3年度資料".into());
        f.planned = Some("令和4年度".into());
        let html = render(Lang::Ja, || heading(&f, &area));
        assert!(html.contains(">地域生活支援拠点等への位置付けの案（令和3年度資料）に挙げられています。"), "{html}");
        assert_eq!(positioned_html(&f, &ja), "計画（案）では令和4年度（令和3年度資料）");
        // In English the plan's name stays as the document gives it, marked Japanese.
        let html = render(Lang::En, || heading(&f, &area));
        assert!(html.contains("A draft plan (<span lang=\"ja\">令和3年度資料</span>) names it"), "{html}");
    }

    #[test]
    fn rows_are_listed_only_when_they_differ() {
        let r = |service, phone: &str, hours: Option<&str>| SourceRecord {
            source: "wamnet-054".into(),
            line: 4,
            service,
            phone_source: phone.into(),
            hours: hours.map(String::from),
            ..Default::default()
        };
        let same = [
            r(Role::CommunityTransition, "011-1", Some("平日 9:00")),
            r(Role::CommunitySettlement, "011-1", Some("平日 9:00")),
        ];
        assert!(differing_rows(&same, &[]).is_empty());
        let differ = [
            r(Role::CommunityTransition, "011-1", None),
            r(Role::CommunitySettlement, "0138-83-8015", Some("平日 09:00-18:00")),
        ];
        let rows = differing_rows(&differ, &[]);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0][3], "記載なし");
        assert_eq!(rows[1][2], "0138-83-8015");
        assert_eq!(rows[1][3], "平日 09:00-18:00");
    }

    /// A known FAX number is shown beside the phone as text (written to, not dialled); an
    /// unknown one adds no line (no 未掲載 on every page).
    #[test]
    fn a_known_fax_is_shown_as_text_beside_the_phone() {
        let mut data = FacilityData::default();
        data.facility.phone = Some("042-123-4567".into());
        data.facility.fax = Some("042-123-4568".into());
        let html = render(Lang::Ja, || facility(data.clone()));
        let fax = html.find("<dt>FAX</dt><dd>042-123-4568</dd>").unwrap_or_else(|| panic!("no FAX row: {html}"));
        assert!(html.find("<dt>電話番号</dt>").is_some_and(|phone| phone < fax), "{html}");
        assert!(!html.contains("tel:0421234568"), "{html}");
        assert!(structured_data(&data).contains("\"faxNumber\":\"042-123-4568\""));
        data.facility.fax = None;
        let html = render(Lang::Ja, || facility(data));
        assert!(!html.contains("FAX"), "{html}");
    }

    /// Opening hours, one row on every page: as published (marked Japanese on an English
    /// page), 「資料に記載がありません」 in the reading's words when unknown.
    #[test]
    fn opening_hours_are_shown_in_every_reading() {
        let mut data = FacilityData::default();
        data.facility.hours = Some("平日 9:00-17:00".into());
        let html = render(Lang::Ja, || facility(data.clone()));
        assert!(html.contains("<dt>受付時間</dt><dd>平日 9:00-17:00</dd>"), "{html}");
        let html = render(Lang::En, || facility(data.clone()));
        assert!(html.contains(r#"<dt>Opening hours</dt><dd lang="ja">平日 9:00-17:00</dd>"#), "{html}");
        let html = render(Lang::Easy, || facility(data.clone()));
        assert!(html.contains("平日 9:00-17:00</dd>") && html.contains("<rt>じかん</rt>"), "{html}");
        data.facility.hours = None;
        let html = render(Lang::En, || facility(data));
        assert!(html.contains("<dt>Opening hours</dt><dd>Not given in the sources</dd>"), "{html}");
    }

    /// Found by the content fuzzer (fuzz/, issue #10): a name with `<!--<script>` made the
    /// JSON-LD script element run on past its end tag and swallow the rest of the page.
    #[test]
    fn structured_data_cannot_leave_its_script_element() {
        for name in ["国分寺<!--<script>x", "a</script><script>alert(1)</script>", "<!--", "x</SCRIPT >"] {
            let mut data = FacilityData::default();
            data.facility.name = name.to_string();
            data.facility.address = Some(format!("{name}1-2-3"));
            let ld = structured_data(&data);
            assert!(!ld.contains('<'), "{ld}");
            let back: serde_json::Value = serde_json::from_str(&ld).expect("still JSON");
            assert_eq!(back["name"], name);
        }
    }
}
