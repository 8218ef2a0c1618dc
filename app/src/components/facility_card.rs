//! A facility in a list: name, role, area, functions and a tel: button when known.

use leptos::prelude::*;

use crate::data::{href, FacilitySummary};

#[component]
pub fn FacilityCard(facility: FacilitySummary) -> impl IntoView {
    let link = href(&format!("/facilities/{}/", facility.id));
    let functions = facility.functions.iter().map(|f| f.label()).collect::<Vec<_>>().join("・");
    view! {
        <li class="kn-facility-card">
            <h3 class="kn-facility-card__name">
                <a class="kn-facility-card__link" href=link>{facility.name.clone()}</a>
            </h3>
            <p class="kn-facility-card__meta">
                <span class="kn-facility-card__role">{facility.role.label()}</span>
                " ／ "{facility.area_name.clone()}
                {facility.kyoten.then(|| view! { <span class="kn-facility-card__badge">"拠点"</span> })}
            </p>
            {(!functions.is_empty()).then(|| view! { <p class="kn-facility-card__functions">"機能："{functions}</p> })}
            {facility.phone.clone().map(|p| {
                let tel = format!("tel:{}", p.replace('-', ""));
                view! { <a class="kn-facility-card__phone" href=tel>"電話 "{p}</a> }
            })}
        </li>
    }
}
