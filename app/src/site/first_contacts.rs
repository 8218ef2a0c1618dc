//! Derives 「まず連絡するところ」 for an area (issue #17): whom a family calls first, ranked,
//! each with why and when and the source of its number.
//!
//! 1. the area's 拠点 contact, coordinator or 基幹相談支援センター, when a source gives a number;
//! 2. the municipality's 障害福祉 desk (then other consultation points), when a source gives it;
//! 3. WAM NET 地域定着支援 and then 短期入所 facilities, nearest to the hall first;
//! 4. the municipality's official website (reference list), to find its desk;
//! 5. 119 for danger to life.
//!
//! A contact without a number is left to the area page's own contact section: the list holds
//! only what can be called or opened. An area's contacts are its own, then its designated
//! city's (a ward), then its regions'.

use crate::features::finder::areas::distance_km;
use crate::i18n::{Lang, Messages};
use crate::load::Content;
use crate::markup::html::fixed;
use crate::markup::source_list::source_dates;
use crate::model::{Area, Call, CallRank, Contact, ContactKind, Facility, Role, Source};
use crate::routes::Route;
use crate::site::opendata::AreaFacilities;

/// How many WAM NET facilities of each service the list names.
const NEARBY: usize = 2;
/// How far from the hall a facility outside the area may be and still be named, in km.
const NEARBY_OUTSIDE_KM: f64 = 30.0;

/// The ranked list for `area`, its fixed text in the reading of `m` (facts and names stay as
/// their sources give them).
pub fn first_contacts(c: &Content, by_area: &AreaFacilities, area: &Area, m: &Messages) -> Vec<Call> {
    let mut calls = Vec::new();
    let t = m.texts(&["call"]);
    let chain = contact_chain(c, area);
    for rank in [CallRank::Kyoten, CallRank::Desk] {
        let mut entries: Vec<(&Contact, &Area)> = chain
            .iter()
            .flat_map(|a| a.contacts.iter().map(move |k| (k, *a)))
            .filter(|(k, _)| k.phone.is_some() && rank_of(k.kind) == rank)
            .collect();
        // Within a rank: 拠点 before 基幹, desks before other points; the source order otherwise.
        entries.sort_by_key(|(k, _)| k.kind);
        for (k, a) in entries {
            if calls.iter().any(|x: &Call| x.phone == k.phone) {
                continue;
            }
            calls.push(contact_call(c, k, a, rank, m));
        }
        if rank == CallRank::Kyoten {
            // A content facility that is a 拠点 body with a number of its own.
            for f in by_area
                .of(area)
                .into_iter()
                .filter(|f| f.kyoten && matches!(f.role, Role::CoreConsultation | Role::Base) && f.phone.is_some())
            {
                if calls.iter().any(|x| x.phone == f.phone) {
                    continue;
                }
                calls.push(facility_call(c, f, CallRank::Kyoten, None, m));
            }
        }
    }
    // Whom a family without a 地域定着支援 contract calls instead: a number listed above, or
    // the desk the municipality's website names.
    let instead = m.raw(if calls.iter().any(|x| x.phone.is_some()) {
        "contacts.instead_above"
    } else if area.website.is_some() {
        "contacts.instead_website"
    } else {
        "contacts.instead_desk"
    });
    for (service, rank) in [(Role::CommunitySettlement, CallRank::Settlement), (Role::ShortStay, CallRank::ShortStay)] {
        for (f, km) in nearby(c, by_area, area, service) {
            if calls.iter().any(|x| x.phone == f.phone) {
                continue;
            }
            let mut call = facility_call(c, f, rank, Some((km, !in_area(by_area, area, f))), m);
            if rank == CallRank::Settlement {
                call.why = format!("{}{instead}", call.why);
            }
            calls.push(call);
        }
    }
    if let Some(url) = &area.website {
        calls.push(Call::website(&name_in(area, m.lang), url, &t));
    }
    calls.push(Call::emergency(&t));
    calls
}

/// Whom a correction goes to when the deployment sets no address (issue #21): the one desk
/// or 拠点 contact with a sourced number among the areas that apply, else the first website.
/// Several numbers (千葉市's six ward desks) are left to the area's list.
pub fn corrections_contact(c: &Content, area: &Area, m: &Messages) -> Option<Call> {
    let chain = contact_chain(c, area);
    let numbered: Vec<(&Contact, &Area)> = chain
        .iter()
        .flat_map(|a| a.contacts.iter().map(move |k| (k, *a)))
        .filter(|(k, _)| k.phone.is_some() && k.kind != ContactKind::Other)
        .collect();
    if let [(k, a)] = numbered.as_slice() {
        return Some(contact_call(c, k, a, rank_of(k.kind), m));
    }
    let t = m.texts(&["call"]);
    chain.iter().find_map(|a| a.website.as_ref().map(|u| Call::website(&name_in(a, m.lang), u, &t)))
}

/// The areas whose contacts apply: the area, its designated city (a ward), its regions.
fn contact_chain<'a>(c: &'a Content, area: &'a Area) -> Vec<&'a Area> {
    let mut chain = vec![area];
    chain.extend(area.parent.as_ref().and_then(|p| c.areas.get(p)));
    chain.extend(area.regions.iter().filter_map(|r| c.areas.get(r)));
    chain
}

fn rank_of(kind: ContactKind) -> CallRank {
    match kind {
        ContactKind::Kyoten | ContactKind::Kikan => CallRank::Kyoten,
        ContactKind::Desk | ContactKind::Other => CallRank::Desk,
    }
}

/// How a page in `lang` names an area: romanised in English.
fn name_in(a: &Area, lang: Lang) -> String {
    if lang == Lang::En && !a.name_en.is_empty() {
        a.name_en.clone()
    } else {
        a.name.clone()
    }
}

fn contact_call(c: &Content, k: &Contact, a: &Area, rank: CallRank, m: &Messages) -> Call {
    // A purpose the content states is the source's wording, shown as written.
    let why = k.purpose.clone().unwrap_or_else(|| match k.kind {
        ContactKind::Kyoten => m.raw("contacts.kyoten_why"),
        ContactKind::Kikan => m.raw("contacts.kikan_why"),
        ContactKind::Desk => m.raw("contacts.desk_why").replace("{area}", &name_in(a, m.lang)),
        ContactKind::Other => m.raw("contacts.other_why"),
    });
    let source = k.sources.iter().filter_map(|id| c.sources.iter().find(|s| &s.id == id)).next();
    Call {
        rank,
        name: k.name.clone(),
        why,
        phone: k.phone.clone(),
        hours: k.hours.clone(),
        open_24h: k.open_24h,
        page: k.facility.as_ref().map(|id| m.page_path(&Route::Facility(id).path())),
        url: None,
        source: source.map(|s| source_line(s, m)),
        source_url: source.and_then(|s| s.url.clone()),
    }
}

fn facility_call(c: &Content, f: &Facility, rank: CallRank, distance: Option<(f64, bool)>, m: &Messages) -> Call {
    let place = match distance {
        Some((km, true)) => m
            .raw("contacts.place_outside")
            .replace("{area}", &c.areas.get(&f.area).map(|a| name_in(a, m.lang)).unwrap_or_default())
            .replace("{km}", &fixed(km, 1)),
        Some((km, false)) => m.raw("contacts.place_inside").replace("{km}", &fixed(km, 1)),
        None => String::new(),
    };
    let why = match (rank, f.role) {
        (CallRank::Settlement, _) => m.raw("contacts.settlement_why").replace("{place}", &place),
        (CallRank::ShortStay, _) => m.raw("contacts.short_stay_why").replace("{place}", &place),
        // The 拠点 bodies `first_contacts` lists from the content.
        (_, Role::CoreConsultation) => m.raw("contacts.kikan_why"),
        _ => m.raw("contacts.kyoten_why"),
    };
    let wamnet = match rank {
        CallRank::Settlement => c.sources.iter().find(|s| s.id == "wamnet-054"),
        CallRank::ShortStay => c.sources.iter().find(|s| s.id == "wamnet-024"),
        _ => None,
    };
    let source = match wamnet {
        Some(s) => Some(m.raw("contacts.source_wamnet").replace("{year}", &s.year)),
        None => {
            f.sources.iter().filter_map(|id| c.sources.iter().find(|s| &s.id == id)).next().map(|s| source_line(s, m))
        }
    };
    Call {
        rank,
        name: f.name.clone(),
        why,
        phone: f.phone.clone(),
        hours: f.hours.clone(),
        open_24h: false,
        page: Some(m.page_path(&Route::Facility(&f.id).path())),
        url: None,
        source,
        source_url: None,
    }
}

/// Facilities registered for `service` with a phone: the area's own, nearest to its hall
/// first; when it has none, the nearest within [`NEARBY_OUTSIDE_KM`].
fn nearby<'a>(c: &'a Content, by_area: &AreaFacilities<'a>, area: &Area, service: Role) -> Vec<(&'a Facility, f64)> {
    let serves = |f: &&Facility| f.phone.is_some() && (f.role == service || f.services.contains(&service));
    let km = |f: &Facility| match (f.lat, f.lng) {
        (Some(lat), Some(lng)) if area.lat != 0.0 => distance_km(area.lat, area.lng, lat, lng),
        _ => f64::MAX,
    };
    let mut own: Vec<(&Facility, f64)> = by_area.of(area).into_iter().filter(serves).map(|f| (f, km(f))).collect();
    if own.is_empty() {
        // A cheap box around the hall first (0.3° is over 30 km north–south and, at Japan's
        // latitudes, east–west), then the exact distance.
        let near = |f: &&Facility| match (f.lat, f.lng) {
            (Some(lat), Some(lng)) => (lat - area.lat).abs() < 0.3 && (lng - area.lng).abs() < 0.4,
            _ => false,
        };
        own = c
            .facilities
            .iter()
            .filter(near)
            .filter(serves)
            .map(|f| (f, km(f)))
            .filter(|(_, d)| *d <= NEARBY_OUTSIDE_KM)
            .collect();
    }
    own.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.id.cmp(&b.0.id)));
    own.truncate(NEARBY);
    own
}

fn in_area(by_area: &AreaFacilities, area: &Area, f: &Facility) -> bool {
    by_area.of(area).iter().any(|x| x.id == f.id)
}

/// 「出典：千葉市「区役所の窓口」（ページの更新日 2023年8月1日・2026年12月5日に確認）」, or
/// for a document without dates 「出典：千葉市「…」（令和6年度）」; in the reading of `m`.
pub fn source_line(s: &Source, m: &Messages) -> String {
    let dates: Vec<String> = source_dates(s, m).into_iter().map(|d| d.text().to_string()).collect();
    m.raw("contacts.source")
        .replace("{publisher}", &s.publisher)
        .replace("{title}", &s.title)
        .replace("{dates}", &dates.join(&m.raw("contacts.date_separator")))
}

/// `2023-08-01` → `2023年8月1日`, `2023-08` → `2023年8月`; anything else as it is.
pub fn japanese_date(d: &str) -> String {
    let parts: Vec<u32> = d.split('-').filter_map(|p| p.parse().ok()).collect();
    match parts.as_slice() {
        [y, m, day] if d.len() == 10 => format!("{y}年{m}月{day}日"),
        [y, m] if d.len() == 7 => format!("{y}年{m}月"),
        _ => d.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_japanese() {
        for (d, want) in [("2023-08-01", "2023年8月1日"), ("2019-04", "2019年4月"), ("令和6年度", "令和6年度")]
        {
            assert_eq!(japanese_date(d), want);
            assert_eq!(crate::i18n::catalogue(Lang::Ja).date(d), want);
        }
    }

    #[test]
    fn a_web_source_shows_its_page_date_and_the_day_it_was_read() {
        let s = Source {
            title: "区の窓口".into(),
            publisher: "千葉市".into(),
            url: Some("https://example.jp/".into()),
            page_date: Some("2023-08-01".into()),
            read: Some("2026-12-05".into()),
            ..Default::default()
        };
        let m = crate::i18n::catalogue(Lang::Ja);
        assert_eq!(source_line(&s, &m), "出典：千葉市「区の窓口」（ページの更新日 2023年8月1日・2026年12月5日に確認）");
        let undated = Source { page_date: None, ..s };
        assert_eq!(
            source_line(&undated, &m),
            "出典：千葉市「区の窓口」（ページに更新日の記載なし・2026年12月5日に確認）"
        );
    }
}
