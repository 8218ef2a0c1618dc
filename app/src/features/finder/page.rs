//! `/search/`: the facility finder. The whole state lives in the URL query
//! (`?area=132144&fn=emergency&dis=intellectual&age=child&h24=1&beds=1&kyoten=1&q=…`).
//! Before a search — and without JavaScript — the page lists the 拠点 bodies and every
//! municipality by prefecture (rendered at build time); after hydration the finder loads the
//! area index and the rows of the chosen area's municipalities, and filters as you type.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use super::areas::AreaIndex;
use super::form::FinderForm;
use super::map::FinderMap;
use super::query::Filters;
use super::results::FinderResults;
use super::state::{use_set_filters, FinderReading, FinderState};
use crate::browser::fetch_json;
use crate::components::page::{page_view, PageHeading};
use crate::data::{href, PageData, SearchStart, Shell};
use crate::i18n::{messages, t};
use crate::markup::area_directory::AreaDirectory;
use crate::markup::facility_card::cards_html;
use crate::url::use_query_map;

#[component]
pub fn SearchPage() -> impl IntoView {
    page_view(|d| match d {
        PageData::Search(s) => Some(
            view! {
                <div class="kn-search">
                    <PageHeading title=messages().html("finder.title") lead=messages().html("finder.lead") markup=true/>
                    <FinderIsland reading=s.reading.clone()/>
                    <div class="kn-search__start" id=START_ID inner_html=s.start_html.clone()></div>
                </div>
            }
            .into_any(),
        ),
        _ => None,
    })
}

/// What the page shows before a search (and without JavaScript): static HTML outside the
/// island, hidden while a search shows results.
const START_ID: &str = "kn-search-start";

/// The finder as an island: the only part of `/search/` that runs in the browser.
// An island in the `finder` wasm bundle; a plain component, left out, in the others.
#[cfg_attr(any(feature = "ssr", feature = "island-finder"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "island-finder")), component, allow(dead_code))]
pub fn FinderIsland(reading: FinderReading) -> impl IntoView {
    view! { <Finder reading map=|| view! { <FinderMap/> }/> }
}

/// The finder, on `/search/` with its map, and in the finder widget (`features::embed`), which
/// has no map (the widget stays about two screens tall and its wasm small; its link opens
/// the results with the map on the portal) and shows fewer results at a time (`page`).
#[component]
pub fn Finder(
    /// The text and links of the page's reading.
    reading: FinderReading,
    /// The map beside the results (`/search/` only).
    #[prop(optional, into)]
    map: Option<ViewFn>,
    /// Results shown at first and per 「さらに表示」: a few in a widget, which then links to
    /// the full page, so that a host page stays about two screens tall.
    #[prop(optional)]
    page: Option<usize>,
) -> impl IntoView {
    let query = use_query_map();
    let ready = RwSignal::new(false);
    let filters = Memo::new(move |_| {
        if !ready.get() {
            return (Filters::default(), Vec::new());
        }
        query.with(|q| Filters::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v)).collect::<Vec<_>>()))
    });
    let state = FinderState {
        ready,
        filters,
        areas: RwSignal::new(None),
        shards: RwSignal::new(BTreeMap::new()),
        near: RwSignal::new(None),
        found: RwSignal::new(Vec::new()),
        selected: RwSignal::new(None),
        from_map: RwSignal::new(false),
        reading: StoredValue::new(reading),
    };
    provide_context(state);
    let build = use_context::<Shell>().unwrap_or_default().build;
    Effect::new(move |_| {
        ready.set(true);
    });
    // The area index, once, after hydration (the results fetch the rows they need).
    let areas_build = build;
    Effect::new(move |_| {
        if ready.get() && state.areas.get_untracked().is_none() {
            let url = href(&format!("/data/{areas_build}/search/{}", state.reading.with_value(|r| r.index.clone())));
            fetch_json::<AreaIndex>(url, move |index| {
                let areas = crate::browser::timed("kn-prepare-index", || index.into_entries());
                state.areas.set(Some(Arc::new(areas)));
            });
        }
    });
    // A plain form sent `where=…`: take the best-matching municipality.
    let set = use_set_filters();
    Effect::new(move |_| {
        let (f, _) = filters.get();
        if f.area.is_some() || f.place.trim().is_empty() {
            return;
        }
        let Some(areas) = state.areas.get() else { return };
        if let Some(best) = crate::features::finder::areas::matching_areas(&areas, &f.place, 1).first() {
            let mut f = f.clone();
            f.area = Some(best.id.clone());
            f.place.clear();
            set.run(f);
        }
    });
    let searching = move || filters.with(|f| f.0.area.is_some() || !f.1.is_empty());
    // The page's start (outside the island, on `/search/` only) gives way to the results.
    Effect::new(move |_| {
        let hide = searching();
        if let Some(start) = document().get_element_by_id(START_ID) {
            let _ = if hide { start.set_attribute("hidden", "") } else { start.remove_attribute("hidden") };
        }
    });
    view! {
        <FinderForm/>
        <Show when=searching>
            <div class="kn-search__results"><FinderResults page=page/>{map.clone().map(|m| m.run())}</div>
        </Show>
    }
}

/// What the page shows before a search, in the page's reading: the 拠点 bodies and the
/// area directory.
pub fn search_start(start: SearchStart) -> impl IntoView {
    let m = messages();
    let directory = format!("<a href=\"#kn-area-directory\">{}</a>", m.html("finder.directory_title"));
    let no_script = m.html("finder.no_script").replace("{link}", &directory);
    let count = m.html("finder.kyoten_count").replace("{n}", &crate::markup::html::grouped(start.kyoten));
    view! {
        // A static host cannot filter: without JavaScript the directory below is the way in.
        <noscript><p class="kn-search__no-script" inner_html=no_script></p></noscript>
        <section aria-labelledby="kn-kyoten-list"><h2 id="kn-kyoten-list">{t("finder.kyoten_title")}</h2>
            {if start.facilities.is_empty() && start.kyoten > 0 {
                view! { <p inner_html=count></p> }.into_any()
            } else {
                view! { <ul class="kn-facility-list" inner_html=cards_html(&start.facilities)></ul> }.into_any()
            }}
        </section>
        <section aria-labelledby="kn-area-directory"><h2 id="kn-area-directory">{t("finder.directory_title")}</h2>
            <p>{t("finder.directory_text")}</p>
            <AreaDirectory prefectures=start.prefectures/>
        </section>
    }
}
