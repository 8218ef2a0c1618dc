//! The emergency contacts card (`/embed/emergency/?area=…`, issue #8): whom an area's
//! content names to call — contacts marked for emergencies first, then the rest and the
//! 基幹相談支援センター — each with a tel: button, the municipality's official website, and
//! the finder's short-stay search for the area. Nothing is invented: an area without
//! contacts says so and points to its municipality.
//!
//! Built as an HTML string, like the self-check's screens (`pages::screening`), so the card
//! costs the wasm almost nothing.

use crate::data::{join_base, LocalSteps, ScreeningData};
use crate::html::esc;
use crate::model::Contact;

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

/// The card for `place`, or for no place (no or unknown `area`: the notice says why).
pub fn card(place: Option<&Place>, base: &str) -> String {
    let link = |path: &str| join_base(base, path);
    let Some(p) = place else {
        return format!(
            "<header class=\"kn-page-heading\"><h1 class=\"kn-page-heading__title\">緊急時の連絡先</h1></header><p>この埋め込みには、表示する地域が正しく設定されていません。お住まいの市区町村の相談先は、拠点ナビでさがせます。</p><p><a class=\"kn-button\" href=\"{}\">市区町村を選んで相談先をさがす</a></p>",
            link("/search/")
        );
    };
    let name = esc(&p.name);
    let mut h = format!(
        "<header class=\"kn-page-heading\"><p class=\"kn-page-heading__eyebrow\">{}</p><h1 class=\"kn-page-heading__title\">{name}の緊急時の連絡先</h1></header>",
        esc(&p.prefecture)
    );
    let groups: Vec<(&LocalSteps, Vec<&Contact>)> = p
        .local
        .iter()
        .map(|l| {
            let mut contacts: Vec<&Contact> = l.contacts.iter().collect();
            contacts.sort_by_key(|c| !c.emergency);
            (*l, contacts)
        })
        .filter(|(_, c)| !c.is_empty())
        .collect();
    if groups.is_empty() {
        h += &format!("<p>{name}の緊急時の連絡先は、まだ拠点ナビに掲載されていません。{name}の障害福祉の担当窓口にお問い合わせください。</p>");
    }
    let titled = groups.len() > 1;
    for (l, contacts) in &groups {
        if titled {
            h += &format!("<h2 class=\"kn-emergency-card__group\">{}</h2>", esc(&l.name));
        }
        h += "<ul class=\"kn-contact-list\">";
        for c in contacts {
            let title = match &c.facility {
                Some(id) => format!("<a href=\"{}\">{}</a>", link(&format!("/facilities/{}/", esc(id))), esc(&c.name)),
                None => esc(&c.name),
            };
            let badge = if c.emergency { "<span class=\"kn-contact-list__badge\">緊急時</span>" } else { "" };
            h += &format!("<li class=\"kn-contact-list__item\"><p class=\"kn-contact-list__name\">{title}{badge}</p>");
            if let Some(x) = &c.purpose {
                h += &format!("<p>{}</p>", esc(x));
            }
            if let Some(x) = &c.hours {
                h += &format!("<p>受付：{}</p>", esc(x));
            }
            h += &match &c.phone {
                Some(x) => format!(
                    "<a class=\"kn-button kn-button--call\" href=\"tel:{}\">電話する {}</a>",
                    esc(&x.replace('-', "")),
                    esc(x)
                ),
                None => "<p class=\"kn-contact-list__unknown\">電話番号：未掲載</p>".to_string(),
            };
            h += "</li>";
        }
        h += "</ul>";
    }
    h += "<ul class=\"kn-emergency-card__links\">";
    if let Some(w) = &p.website {
        h += &format!("<li><a href=\"{}\" rel=\"noopener noreferrer\">{name}の公式サイト</a></li>", esc(w));
    }
    h += &format!(
        "<li><a href=\"{}\">{name}で緊急時に頼れる事業所（短期入所など）をさがす</a></li></ul>",
        link(&format!("/search/?area={}&amp;fn=emergency", esc(&p.id)))
    );
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{AreaChoice, ScreeningPrefecture};

    fn data() -> ScreeningData {
        let contact = |name: &str, phone: Option<&str>, emergency: bool| Contact {
            name: name.into(),
            phone: phone.map(Into::into),
            emergency,
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
                    contacts: vec![
                        contact("市の窓口", None, false),
                        contact("夜間の窓口 <24h>", Some("0144-00-0000"), true),
                    ],
                    registration: None,
                },
                LocalSteps {
                    id: "higashi-iburi".into(),
                    name: "東胆振圏域".into(),
                    members: vec!["012131".into(), "015784".into()],
                    contacts: vec![contact("圏域の基幹", Some("0144-11-1111"), false)],
                    registration: None,
                },
            ],
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
    fn emergency_contacts_come_first_escaped_with_tel_buttons() {
        let d = data();
        let h = card(place(&d, "012131").as_ref(), "/kyoten/navi/");
        let night = h.find("夜間の窓口 &lt;24h&gt;").expect("escaped name");
        assert!(night < h.find("市の窓口").expect("other contact"), "emergency first");
        for needle in [
            "苫小牧市の緊急時の連絡先",
            "href=\"tel:0144000000\"",
            "電話番号：未掲載",
            "<h2 class=\"kn-emergency-card__group\">東胆振圏域</h2>",
            "href=\"/kyoten/navi/search/?area=012131&amp;fn=emergency\"",
            "https://www.city.tomakomai.hokkaido.jp/",
        ] {
            assert!(h.contains(needle), "missing {needle} in {h}");
        }
    }

    #[test]
    fn an_area_without_contacts_says_so_without_inventing_any() {
        let d = ScreeningData { local: Vec::new(), ..data() };
        let h = card(place(&d, "015784").as_ref(), "/");
        assert!(h.contains("白老町の緊急時の連絡先は、まだ拠点ナビに掲載されていません"), "{h}");
        assert!(!h.contains("tel:") && !h.contains("公式サイト"));
        let h = card(None, "/");
        assert!(h.contains("正しく設定されていません") && h.contains("href=\"/search/\""));
    }
}
