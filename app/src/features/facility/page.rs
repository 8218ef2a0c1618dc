//! `/facilities/{id}/`: everything known about one facility, what is unknown, where it comes
//! from, and how to ask for a correction.

use leptos::prelude::*;

use crate::components::page::static_view;
use crate::data::FacilityData;
use crate::markup::call_button::tel_href;
use crate::markup::correction::{Correction, FactAge};
use crate::markup::source_list::SourceList;
use crate::markup::unknown_value::UnknownValue;
use crate::routes::Route;
use crate::url::encode_component;

/// Shows the HTML the builder rendered with [`facility`].
#[component]
pub fn FacilityPage() -> impl IntoView {
    static_view()
}

/// The page body, rendered at build time.
pub fn facility(data: FacilityData) -> impl IntoView {
    let json_ld = structured_data(&data);
    let f = data.facility;
    let functions = f.functions.iter().map(|x| x.label()).collect::<Vec<_>>().join("、");
    let disabilities = f.disabilities.iter().map(|x| x.label()).collect::<Vec<_>>().join("、");
    let ages = f.ages.iter().map(|x| x.label()).collect::<Vec<_>>().join("、");
    let open_24h = f.open_24h.map(|b| if b { "24時間対応" } else { "24時間対応ではありません" });
    let other_phones = f.other_phones();
    // Once a person has confirmed the number (a content file), WAM NET's other numbers are
    // what the open data still says, not numbers to prefer.
    let other_phones_label = if f.last_verified.is_empty() || f.records.is_empty() {
        "サービス別のほかの電話番号"
    } else {
        "WAM NET に載っているほかの電話番号（古い可能性があります）"
    };
    let rows = differing_rows(&f.records, &data.sources);
    let maps = f.address.as_deref().map(map_link);
    view! {
        <article class="kn-facility">
            <script type="application/ld+json" inner_html=json_ld></script>
            <header class="kn-page-heading">
                <p class="kn-page-heading__eyebrow">{f.role.label()}" ／ "<a href=Route::Area(&data.area.id).href()>{data.area.name.clone()}</a></p>
                <h1 class="kn-page-heading__title">{f.name.clone()}</h1>
                {f.kana.clone().map(|k| view! { <p class="kn-page-heading__kana">{k}</p> })}
                {if f.kyoten {
                    view! { <p class="kn-facility__kyoten">{kyoten_label(&f)}</p> }.into_any()
                } else if f.services.is_empty() {
                    view! {
                        <p class="kn-facility__open-data">
                            {f.role.label()}"です。資料は、この機関を"{data.area.name.clone()}"の地域生活支援拠点等の一部としては書いていません。"
                        </p>
                    }.into_any()
                } else {
                    view! {
                        <p class="kn-facility__open-data">
                            "障害福祉サービス事業所（"{f.services.iter().map(|r| r.label()).collect::<Vec<_>>().join("・")}"）です。"
                            "この事業所が"{data.area.name.clone()}"の地域生活支援拠点等に含まれるかどうかは、市区町村にご確認ください。"
                        </p>
                    }.into_any()
                }}
            </header>
            {f.phone.clone().map(|p| {
                let tel = tel_href(&p);
                view! { <a class="kn-button kn-button--call" href=tel>"電話する "{p}</a> }
            })}
            <FactAge checked=data.corrections.checked.clone()/>
            <dl class="kn-summary-list">
                <div class="kn-summary-list__row"><dt>"電話番号"</dt><dd>{match f.phone.clone() { Some(p) => p.into_any(), None => view! { <UnknownValue/> }.into_any() }}</dd></div>
                {(!other_phones.is_empty()).then(|| view! { <div class="kn-summary-list__row"><dt>{other_phones_label}</dt><dd>{other_phones.join("、")}</dd></div> })}
                // Text, not a link: a FAX number is written to, not dialled. Only when known.
                {f.fax.clone().map(|x| view! { <div class="kn-summary-list__row"><dt>"FAX"</dt><dd>{x}</dd></div> })}
                <div class="kn-summary-list__row"><dt>"住所"</dt><dd>{match f.address.clone() { Some(a) => view! { {a}" "{maps.map(|m| view! { <a href=m rel="noopener noreferrer" target="_blank">"地図アプリで開く"</a> })} }.into_any(), None => view! { <UnknownValue/> }.into_any() }}</dd></div>
                <div class="kn-summary-list__row"><dt>"運営法人"</dt><dd>{match f.operator.clone() { Some(o) => o.into_any(), None => view! { <UnknownValue/> }.into_any() }}</dd></div>
                {(!f.services.is_empty()).then(|| view! { <div class="kn-summary-list__row"><dt>"サービス種別"</dt><dd>{f.services.iter().map(|r| r.label()).collect::<Vec<_>>().join("、")}</dd></div> })}
                {f.capacity.map(|c| view! { <div class="kn-summary-list__row"><dt>"定員"</dt><dd>{format!("{c}人")}</dd></div> })}
                {f.url.clone().map(|u| view! { <div class="kn-summary-list__row"><dt>"ウェブサイト"</dt><dd><a class="kn-summary-list__link" href=u.clone() rel="noopener noreferrer">{u.clone()}</a></dd></div> })}
                {f.url.is_none().then_some(()).and(f.url_source.clone()).map(|u| view! { <div class="kn-summary-list__row"><dt>"ウェブサイト"</dt><dd>"資料の記載："{u}"（アドレスの形が正しくないため、リンクにしていません）"</dd></div> })}
                <div class="kn-summary-list__row"><dt>{if f.kyoten { "担う機能" } else { "関わる拠点の機能（サービス種別から）" }}</dt><dd>{if functions.is_empty() { view! { <UnknownValue/> }.into_any() } else { functions.into_any() }}</dd></div>
                <div class="kn-summary-list__row"><dt>"対象となる障害"</dt><dd>{if disabilities.is_empty() { "対象は事業所にご確認ください".into_any() } else { disabilities.into_any() }}</dd></div>
                <div class="kn-summary-list__row"><dt>"対象年齢"</dt><dd>{if ages.is_empty() { "資料に記載がありません".into_any() } else { ages.into_any() }}</dd></div>
                <div class="kn-summary-list__row"><dt>"受付時間"</dt><dd>{match f.hours.clone() { Some(h) => h.into_any(), None => view! { <UnknownValue/> }.into_any() }}</dd></div>
                <div class="kn-summary-list__row"><dt>"24時間対応"</dt><dd>{match open_24h { Some(t) => t.into_any(), None => "資料に記載がありません".into_any() }}</dd></div>
                <div class="kn-summary-list__row"><dt>"緊急用の空床"</dt><dd>{match f.emergency_beds { Some(n) => format!("{n}床").into_any(), None => "資料に記載がありません".into_any() }}</dd></div>
                <div class="kn-summary-list__row"><dt>"拠点への位置付け"</dt><dd>{positioned_text(&f)}</dd></div>
                <div class="kn-summary-list__row"><dt>"地図上の位置"</dt><dd>{if f.exact_position { "所在地の位置" } else { "所在地が未掲載のため、市区町村役所の位置に仮に表示しています（おおよその位置）" }}</dd></div>
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
            {(!f.body_html.is_empty()).then(|| view! { <div class="kn-prose" inner_html=f.body_html.clone()></div> })}
            <section class="kn-listing-info" aria-labelledby="kn-listing-info">
                <h2 id="kn-listing-info">"掲載情報について"</h2>
                {f.wamnet.is_some().then(|| view! { <p class="kn-listing-info__credit">"出典：障害福祉サービス等情報公表システム（WAM NET）のオープンデータを加工して作成"</p> })}
                <SourceList sources=data.sources/>
                <Correction corrections=data.corrections title=f.name.clone() facility=Some(f.clone())/>
            </section>
        </article>
    }
}

/// What the sources say about the facility's place in the 拠点: positioned, or only proposed
/// in a plan (西東京市's 「位置づけについて（案）」, seed 002, issue #19).
fn kyoten_label(f: &crate::model::Facility) -> String {
    match &f.plan_source {
        Some(doc) => format!("地域生活支援拠点等への位置付けの案（{doc}）に挙げられています。実際に位置付けられたかどうかは市区町村にご確認ください"),
        None => "資料で地域生活支援拠点等に位置付けられています".into(),
    }
}

/// The 「拠点への位置付け」 row: the date positioned, the year a plan gives, or that no time is given.
fn positioned_text(f: &crate::model::Facility) -> String {
    match (&f.positioned, &f.planned) {
        (Some(p), _) => p.clone(),
        (None, Some(year)) => format!("計画（案）では{year}（{}）", f.plan_source.as_deref().unwrap_or("資料")),
        (None, None) => "時期の記載はありません".into(),
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

    #[test]
    fn a_plan_is_labelled_as_a_plan_with_its_year() {
        let mut f = crate::model::Facility::default();
        assert_eq!(kyoten_label(&f), "資料で地域生活支援拠点等に位置付けられています");
        assert_eq!(positioned_text(&f), "時期の記載はありません");
        f.plan_source = Some("令和3年度資料".into());
        f.planned = Some("令和4年度".into());
        assert!(kyoten_label(&f).starts_with("地域生活支援拠点等への位置付けの案（令和3年度資料）"));
        assert_eq!(positioned_text(&f), "計画（案）では令和4年度（令和3年度資料）");
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
        let html = facility(data.clone()).to_html();
        let fax = html.find("<dt>FAX</dt><dd>042-123-4568</dd>").unwrap_or_else(|| panic!("no FAX row: {html}"));
        assert!(html.find("<dt>電話番号</dt>").is_some_and(|phone| phone < fax), "{html}");
        assert!(!html.contains("tel:0421234568"), "{html}");
        assert!(structured_data(&data).contains("\"faxNumber\":\"042-123-4568\""));
        data.facility.fax = None;
        let html = facility(data).to_html();
        assert!(!html.contains("FAX"), "{html}");
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
