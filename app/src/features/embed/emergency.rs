//! The emergency contacts card (`/embed/emergency/?area=…`, issue #8): whom an area's
//! content names to call — contacts marked for emergencies first, then the rest and the
//! 基幹相談支援センター — each with a tel: button, the municipality's official website, and
//! the finder's short-stay search for the area. Nothing is invented: an area without
//! contacts says so and points to its municipality.
//!
//! Built as an HTML string, like the self-check's screens (`features::screening`), so the card
//! costs the wasm almost nothing.

use crate::data::{join_base, LocalSteps, ScreeningData};
use crate::i18n::Texts;
use crate::markup::call_list::call_list;
use crate::markup::html::esc;
use crate::model::{merge_calls, Call};
use crate::routes::Route;

/// An area the widgets know: a municipality of the reference list, or a region whose
/// content names its members.
pub struct Place<'a> {
    pub id: String,
    pub name: String,
    pub prefecture: String,
    /// The municipality's official website, `https://…` (none for a region).
    pub website: Option<String>,
    /// What the content says: the area's own entry first, then its regions' (a ward's
    /// city's too, when the builder lists the wards as the city's members).
    pub local: Vec<&'a LocalSteps>,
    pub municipality: bool,
}

/// Look `id` up among the municipalities and regions.
pub fn place<'a>(d: &'a ScreeningData, id: &str) -> Option<Place<'a>> {
    let mut local: Vec<&LocalSteps> =
        d.local.iter().filter(|l| l.id == id || l.members.iter().any(|m| m == id)).collect();
    local.sort_by_key(|l| l.id != id);
    for p in &d.prefectures {
        if let Some(a) = p.areas.iter().find(|a| a.0 == id) {
            // The reference list gives most addresses without their scheme (see AreaChoice).
            let website =
                (!a.2.is_empty())
                    .then(|| if a.2.starts_with("http") { a.2.clone() } else { format!("https://{}", a.2) });
            return Some(Place {
                id: id.to_string(),
                name: a.1.clone(),
                prefecture: p.name.clone(),
                website,
                local,
                municipality: true,
            });
        }
    }
    let region = local.first().filter(|l| l.id == id)?;
    let prefecture = region
        .members
        .first()
        .and_then(|m| d.prefectures.iter().find(|p| p.areas.iter().any(|a| &a.0 == m)))
        .map(|p| p.name.clone())
        .unwrap_or_default();
    Some(Place { id: id.to_string(), name: region.name.clone(), prefecture, website: None, local, municipality: false })
}

/// The card for `place`, or for no place (no or unknown `area`: the notice says why), in
/// the reading of `t`.
pub fn card(place: Option<&Place>, base: &str, t: &Texts) -> String {
    // The finder and area pages have a page in every reading.
    let link = |path: &str| join_base(base, &t.page(path));
    let Some(p) = place else {
        return format!(
            "<header class=\"kn-page-heading\"><h1 class=\"kn-page-heading__title\">{}</h1></header><p>{}</p><p><a class=\"kn-button\" href=\"{}\">{}</a></p>",
            t.html("widget.emergency_title"),
            t.html("widget.emergency_unset"),
            esc(&link(&Route::Search.path())),
            t.html("widget.choose_area"),
        );
    };
    let name = esc(&p.name);
    let mut h = format!(
        "<header class=\"kn-page-heading\"><p class=\"kn-page-heading__eyebrow\">{}</p><h1 class=\"kn-page-heading__title\">{}</h1></header>",
        esc(&p.prefecture),
        t.html("widget.emergency_of").replace("{area}", &name)
    );
    let calls = place_calls(p, t);
    h += &call_list(&calls, &p.name, base, t);
    h += "<ul class=\"kn-emergency-card__links\">";
    h += &format!(
        "<li><a href=\"{}\">{}</a></li>",
        esc(&link(&format!("{}#kn-first", Route::Area(&p.id).path()))),
        t.html("call.area_link").replace("{area}", &name)
    );
    h += &format!(
        "<li><a href=\"{}\">{}</a></li></ul>",
        esc(&link(&format!("{}?area={}&fn=emergency", Route::Search.path(), p.id))),
        t.html("widget.find_emergency").replace("{area}", &name),
    );
    h
}

/// 「まず連絡するところ」 of a place: its content's lists merged (its own first, then a
/// region's), or, for a place without content, its official website and 119.
pub fn place_calls(p: &Place, t: &Texts) -> Vec<Call> {
    let mut lists: Vec<Vec<Call>> = p.local.iter().map(|l| l.calls.clone()).collect();
    if let Some(w) = &p.website {
        lists.push(vec![Call::website(&p.name, w, t)]);
    }
    lists.push(vec![Call::emergency(t)]);
    merge_calls(lists.iter().map(Vec::as_slice))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{AreaChoice, ScreeningPrefecture};
    use crate::model::CallRank;

    fn data() -> ScreeningData {
        let text = crate::i18n::catalogue(crate::i18n::Lang::Ja).texts(&["call", "widget"]);
        let call = |name: &str, rank: CallRank, phone: &str| Call {
            name: name.into(),
            rank,
            why: "w".into(),
            phone: Some(phone.into()),
            ..Default::default()
        };
        ScreeningData {
            prefectures: vec![ScreeningPrefecture {
                name: "北海道".into(),
                areas: vec![
                    AreaChoice("012131".into(), "苫小牧市".into(), "www.city.tomakomai.hokkaido.jp/".into()),
                    AreaChoice("015784".into(), "白老町".into(), String::new()),
                ],
            }],
            local: vec![
                LocalSteps {
                    id: "012131".into(),
                    name: "苫小牧市".into(),
                    members: vec!["012131".into()],
                    calls: vec![call("市の窓口 <desk>", CallRank::Desk, "0144-00-0000"), Call::emergency(&text)],
                    registration: None,
                },
                LocalSteps {
                    id: "higashi-iburi".into(),
                    name: "東胆振圏域".into(),
                    members: vec!["012131".into(), "015784".into()],
                    calls: vec![call("圏域の基幹", CallRank::Kyoten, "0144-11-1111"), Call::emergency(&text)],
                    registration: None,
                },
            ],
            text,
            ..Default::default()
        }
    }

    #[test]
    fn finds_municipalities_and_regions_and_nothing_else() {
        let d = data();
        let p = place(&d, "012131").expect("municipality");
        assert_eq!((p.name.as_str(), p.prefecture.as_str(), p.municipality), ("苫小牧市", "北海道", true));
        assert_eq!(p.website.as_deref(), Some("https://www.city.tomakomai.hokkaido.jp/"));
        assert_eq!(p.local.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(), vec!["012131", "higashi-iburi"]);
        let r = place(&d, "higashi-iburi").expect("region");
        assert_eq!((r.name.as_str(), r.prefecture.as_str(), r.municipality), ("東胆振圏域", "北海道", false));
        assert!(place(&d, "999999").is_none() && place(&d, "").is_none());
    }

    #[test]
    fn the_card_leads_with_the_ranked_list_of_its_area_and_its_region() {
        let d = data();
        let h = card(place(&d, "012131").as_ref(), "/kyoten/navi/", &d.text);
        let kikan = h.find("圏域の基幹").expect("the region's 基幹");
        let desk = h.find("市の窓口 &lt;desk&gt;").expect("escaped desk");
        let site = h.find("苫小牧市の公式サイト").expect("website");
        let ambulance = h.find("href=\"tel:119\"").expect("119");
        assert!(kikan < desk && desk < site && site < ambulance, "ranked: {h}");
        assert_eq!(h.matches("href=\"tel:119\"").count(), 1, "119 once");
        for needle in [
            "苫小牧市の緊急時の連絡先",
            "href=\"tel:0144000000\"",
            "href=\"/kyoten/navi/areas/012131/#kn-first\"",
            "href=\"/kyoten/navi/search/?area=012131&amp;fn=emergency\"",
        ] {
            assert!(h.contains(needle), "missing {needle} in {h}");
        }
        assert!(!h.contains("未掲載"));
    }

    #[test]
    fn an_area_without_content_still_ends_in_a_number() {
        let d = ScreeningData { local: Vec::new(), ..data() };
        let h = card(place(&d, "015784").as_ref(), "/", &d.text);
        assert!(h.contains("白老町の拠点・基幹相談支援センターの電話番号は"), "{h}");
        assert!(h.contains("href=\"tel:119\""));
        assert!(!h.contains("未掲載"));
        let h = card(None, "/", &d.text);
        assert!(h.contains("正しく設定されていません") && h.contains("href=\"/search/\""));
    }
}
