//! A facility in a list: name, role, area, functions and a tel: button when known.

use leptos::prelude::*;

use crate::data::FacilitySummary;
use crate::markup::call_button::tel_href;
use crate::routes::Route;

#[component]
pub fn FacilityCard(facility: FacilitySummary) -> impl IntoView {
    let link = Route::Facility(&facility.id).href();
    let functions = facility.functions.iter().map(|f| f.label()).collect::<Vec<_>>().join("・");
    let services = facility.services.iter().map(|r| r.label()).collect::<Vec<_>>().join("・");
    // Never confuse the two kinds (issue #11): 拠点 bodies named by a municipality's documents,
    // and registered service providers from open data.
    let kind = if facility.kyoten {
        "拠点".to_string()
    } else {
        format!("障害福祉サービス事業所（{services}）")
    };
    view! {
        <li class="kn-facility-card">
            <h3 class="kn-facility-card__name">
                <a class="kn-facility-card__link" href=link>{facility.name.clone()}</a>
            </h3>
            <p class="kn-facility-card__meta">
                <span class=if facility.kyoten { "kn-facility-card__badge" } else { "kn-facility-card__kind" }>{kind}</span>
                " "{if facility.kyoten { facility.role.label() } else { "" }}" ／ "{facility.area_name.clone()}
            </p>
            {(!functions.is_empty()).then(|| view! { <p class="kn-facility-card__functions">{if facility.kyoten { "機能：" } else { "関わる機能：" }}{functions}</p> })}
            {facility.phone.clone().map(|p| {
                let tel = tel_href(&p);
                view! { <a class="kn-facility-card__phone" href=tel>"電話 "{p}</a> }
            })}
        </li>
    }
}
