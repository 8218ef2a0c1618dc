//! The facility card, the one template of a facility in a list (issue #18): the finder's
//! results (written by its island) and the pre-rendered lists (an area's facilities, the
//! finder's start page) both call [`card_html`]. A string, like every fragment islands
//! write, so it costs the finder's wasm no view code.
//!
//! It says what the sources say and no more: a 拠点 body (named by a municipality's
//! documents, with its role) is never confused with a registered service provider (issue
//! #11), whose functions come from its service types; a card whose sources name no target
//! disability says to ask the provider (issue #17).

use crate::data::FacilitySummary;
use crate::i18n::Texts;
use crate::markup::call_button::tel_href;
use crate::markup::html::{esc, with_reading};
use crate::model::{Function, Role};
use crate::routes::Route;

/// The catalogue sections a card's text comes from (`Messages::texts`).
pub const SECTIONS: [&str; 4] = ["card", "role", "function", "finder"];

/// What one card shows.
pub struct Card<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// The facility's page, in the page's reading when it has a version there.
    pub href: String,
    /// After the link: 「 (Japanese)」 when the facility's page is in standard Japanese only
    /// (markup, [`Texts::only_in_japanese`]), else empty.
    pub note_html: String,
    /// A 拠点 body: its role; `None` for a registered provider.
    pub kyoten: Option<Role>,
    /// A provider's service types (短期入所, 地域移行支援, 地域定着支援), in that order.
    pub services: Vec<Role>,
    /// After the kind: where it is (「 ／ 国分寺市」) or how far (「 約1.2km」), as markup.
    pub place_html: String,
    pub functions: Vec<Function>,
    /// What it offers in an emergency and on what basis (a catalogue key), when the finder
    /// asks for it.
    pub emergency: Option<&'a str>,
    /// The sources name the disability types it serves.
    pub target_known: bool,
    pub phone: Option<&'a str>,
    /// The heading level of the name (3 on a page, 4 under the finder's groups).
    pub level: u8,
    /// On the finder's map: `Some(selected)` for a card with a pin, which it can point to.
    pub pin: Option<bool>,
}

impl<'a> Card<'a> {
    /// A facility as a pre-rendered page lists it, with its area, linked in the page's
    /// reading (`Route::href`).
    pub fn of(f: &'a FacilitySummary, t: &Texts) -> Self {
        let path = Route::Facility(&f.id).path();
        Card {
            id: &f.id,
            name: &f.name,
            href: Route::Facility(&f.id).href(),
            note_html: if crate::i18n::messages().has_page(&path) { String::new() } else { t.only_in_japanese() },
            kyoten: f.kyoten.then_some(f.role),
            services: f.services.clone(),
            place_html: format!(" ／ {}", with_reading(&f.area_name, f.area_reading.as_deref())),
            functions: f.functions.clone(),
            emergency: None,
            target_known: f.target_known,
            phone: f.phone.as_deref(),
            level: 3,
            pin: None,
        }
    }
}

/// The card as an `<li>` of a `.kn-facility-list`, its fixed text from `t` (the sections
/// [`SECTIONS`] of the page's reading).
pub fn card_html(c: &Card, t: &Texts) -> String {
    let (id, name) = (esc(c.id), esc(c.name));
    let sep = t.html("card.separator");
    let kind = match c.kyoten {
        Some(role) => t.html_with("card.kyoten", &[("role", &t.html(role.key()))]),
        None => {
            let services: Vec<String> = c.services.iter().map(|r| t.html(r.key())).collect();
            t.html_with("card.provider", &[("services", &services.join(&sep))])
        }
    };
    let selected = c.pin == Some(true);
    let level: u8 = c.level;
    let mut html = format!(
        r#"<li class="kn-facility-card{}" data-id="{id}">"#,
        if selected { " kn-facility-card--selected" } else { "" }
    );
    if c.pin.is_some() {
        html += &format!(r#"<p class="kn-facility-card__selected">{}</p>"#, t.html("card.map_selected"));
    }
    html += &format!(
        r#"<h{level} class="kn-facility-card__name"><a class="kn-facility-card__link" href="{}" lang="ja">{name}</a>{}</h{level}><p class="kn-facility-card__meta"><span class="{}">{kind}</span>{}</p>"#,
        esc(&c.href),
        c.note_html,
        if c.kyoten.is_some() { "kn-facility-card__badge" } else { "kn-facility-card__kind" },
        c.place_html,
    );
    if !c.functions.is_empty() {
        // A 拠点 body's functions are its municipality's assignment; a provider's are what
        // its service types relate to.
        let functions: Vec<String> = c.functions.iter().map(|f| t.html(f.label_key())).collect();
        html += &format!(
            r#"<p class="kn-facility-card__functions">{}{}</p>"#,
            t.html(if c.kyoten.is_some() { "card.functions_kyoten" } else { "card.functions_provider" }),
            functions.join(&sep)
        );
    }
    if let Some(basis) = c.emergency {
        html += &format!(r#"<p class="kn-facility-card__emergency">{}{}</p>"#, t.html("card.emergency"), t.html(basis));
    }
    if !c.target_known {
        html += &format!(r#"<p class="kn-facility-card__note">{}</p>"#, t.html("card.target_unknown"));
    }
    if let Some(p) = c.phone {
        html += &format!(
            r#"<a class="kn-facility-card__phone" href="{}">{} {}</a>"#,
            esc(&tel_href(p)),
            t.html("card.phone"),
            esc(p)
        );
    }
    if c.pin.is_some() {
        html += &format!(
            r#"<button class="kn-button kn-button--secondary kn-facility-card__map" type="button" data-kn-action="map" data-id="{id}">{}<span class="kn-visually-hidden">（{name}）</span></button>"#,
            t.html("card.map_show")
        );
    }
    html + "</li>"
}

/// Cards for a pre-rendered list, in the page's reading.
pub fn cards_html(facilities: &[FacilitySummary]) -> String {
    let t = crate::i18n::messages().texts(&SECTIONS);
    facilities.iter().map(|f| card_html(&Card::of(f, &t), &t)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ja() -> Texts {
        crate::i18n::catalogue(crate::i18n::Lang::Ja).texts(&SECTIONS)
    }

    fn summary() -> FacilitySummary {
        FacilitySummary {
            id: "x<1>".into(),
            name: "ひまわり<園>".into(),
            role: Role::ShortStay,
            area_name: "国分寺市".into(),
            area_reading: None,
            functions: vec![Function::Emergency],
            phone: Some("042-000-0000".into()),
            kyoten: false,
            services: vec![Role::ShortStay, Role::CommunitySettlement],
            target_known: false,
        }
    }

    #[test]
    fn a_provider_is_named_by_its_services_and_its_unknown_target_is_said() {
        let h = card_html(&Card::of(&summary(), &ja()), &ja());
        assert!(h.contains("障害福祉サービス事業所（短期入所・地域定着支援）"), "{h}");
        assert!(h.contains("関わる機能：②緊急時の受け入れ・対応"), "{h}");
        assert!(h.contains("対象は事業所にご確認ください"));
        assert!(h.contains(r#"href="tel:0420000000""#));
        assert!(h.contains("ひまわり&lt;園&gt;") && !h.contains("<園>"), "escaped: {h}");
        assert!(!h.contains("地図で"), "no map on a page");
    }

    #[test]
    fn a_kyoten_body_has_its_badge_and_role() {
        let f = FacilitySummary { kyoten: true, role: Role::CoreConsultation, target_known: true, ..summary() };
        let h = card_html(&Card::of(&f, &ja()), &ja());
        assert!(
            h.contains(r#"<span class="kn-facility-card__badge">拠点・基幹相談支援センター</span> ／ 国分寺市"#),
            "{h}"
        );
        assert!(h.contains("機能：②") && !h.contains("関わる機能"));
        assert!(!h.contains("対象は事業所に"));
    }

    /// On a やさしい日本語 list the area's name carries its reading as ふりがな.
    #[test]
    fn the_place_carries_its_reading_when_the_list_gives_it() {
        let f = FacilitySummary { area_reading: Some("こくぶんじし".into()), ..summary() };
        let h = card_html(&Card::of(&f, &ja()), &ja());
        assert!(h.contains(" ／ <ruby>国分寺市<rp>（</rp><rt>こくぶんじし</rt><rp>）</rp></ruby>"), "{h}");
    }

    #[test]
    fn the_finder_card_points_to_its_pin() {
        let f = summary();
        let mut c = Card::of(&f, &ja());
        c.pin = Some(true);
        let h = card_html(&c, &ja());
        assert!(
            h.contains("kn-facility-card--selected")
                && h.contains("地図で選んだ相談先")
                && h.contains(r#"data-kn-action="map""#)
        );
    }

    #[test]
    fn an_english_card_translates_its_labels_and_keeps_the_name_as_published() {
        let en = crate::i18n::catalogue(crate::i18n::Lang::En).texts(&SECTIONS);
        let f = summary();
        let mut c = Card::of(&f, &en);
        c.emergency = Some("finder.basis_short_stay");
        c.note_html = en.only_in_japanese();
        let h = card_html(&c, &en);
        assert!(
            h.contains(
                "Registered disability welfare service provider (Short stay (respite), Community settlement support)"
            ),
            "{h}"
        );
        assert!(h.contains("Related functions: ② Emergency acceptance and response"), "{h}");
        assert!(
            h.contains(
                "In an emergency: You can phone to ask whether a short-stay bed is free (from its service type)"
            ),
            "{h}"
        );
        assert!(h.contains("Please ask the provider whom they serve") && h.contains(">Call 042-000-0000<"), "{h}");
        assert!(
            h.contains(r#"lang="ja">ひまわり&lt;園&gt;</a> <span class="kn-only-japanese">(Japanese)</span>"#),
            "{h}"
        );
        assert!(!h.contains('['), "no missing key: {h}");
    }
}
