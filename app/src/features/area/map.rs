//! The small map on an area page (issue #5): the area's outline and a dot per listed
//! facility, drawn at build time as a static SVG, so it costs the page no script and works
//! offline. It is a picture of where the places are; the list below it is the way to reach
//! each one (the finder's map is the interactive one).

use leptos::prelude::*;

use crate::data::AreaMap;
use crate::i18n::{messages, t};

/// The map, its words in the page's reading; the boundary data's required credit
/// (国土数値情報, CC BY 4.0) is `finder.map_credit`, as on the finder's map.
#[component]
pub fn AreaMapFigure(map: AreaMap, #[prop(into)] area_name: String) -> impl IntoView {
    let m = messages();
    let [x, y, w, h] = map.view_box;
    // Dots keep about the same size on screen whatever the area's size.
    let r = f64::from(w.max(h)) / 70.0;
    let kyoten = map.pins.iter().filter(|p| p.kyoten).count();
    let others = map.pins.len() - kyoten;
    let summary = crate::i18n::fill(
        &m.plain("area.map_summary"),
        &[("area", &area_name), ("kyoten", &kyoten.to_string()), ("others", &others.to_string())],
    );
    // WAM NET providers first, so that the 拠点's dots are drawn on top.
    let mut pins = map.pins;
    pins.sort_by_key(|p| p.kyoten);
    view! {
        <figure class="kn-area-map">
            <svg class="kn-area-map__svg" viewBox=format!("{x} {y} {w} {h}") role="img" aria-label=summary preserveAspectRatio="xMidYMid meet">
                {map.outlines.into_iter().map(|d| view! { <path class="kn-area-map__outline" d=d/> }).collect_view()}
                {pins.into_iter().map(|p| {
                    let class = if p.kyoten { "kn-area-map__pin kn-area-map__pin--kyoten" } else { "kn-area-map__pin" };
                    view! { <circle class=class cx=p.x cy=p.y r=format!("{r:.1}")/> }
                }).collect_view()}
            </svg>
            <figcaption class="kn-area-map__caption">
                <ul class="kn-area-map__legend">
                    {(kyoten > 0).then(|| view! { <li><span class="kn-area-map__key kn-area-map__key--kyoten" aria-hidden="true"></span>{t("area.kyoten_list")}</li> })}
                    {(others > 0).then(|| view! { <li><span class="kn-area-map__key" aria-hidden="true"></span>{t("area.map_others")}</li> })}
                </ul>
                {(map.unplaced > 0).then(|| view! { <p inner_html=m.html_with("area.map_unplaced", &[("n", &map.unplaced.to_string())])></p> })}
                <p class="kn-area-map__credit">{t("finder.map_credit")}</p>
            </figcaption>
        </figure>
    }
}
