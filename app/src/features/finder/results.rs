//! The finder's results: a count announced to screen readers, result cards with tel:
//! buttons, 「さらに表示」, and — never a dead end — a way on when nothing matches. The
//! results fetch the row files of the chosen area's municipalities (`search/rows/<code>.json`,
//! a ward's in its city's file, only files that exist) and keep them in
//! [`FinderState::shards`] for the visit.
//!
//! Lean by design (the wasm budget, issue #10): the results are one string of markup
//! ([`results_html`]) and one click listener (`data-kn-action` names a button's job); the
//! selection shared with the map only moves a class.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::browser::{fetch_json, reveal, timed};
use crate::data::{href, Shell};
use crate::features::finder::areas::{area, area_codes, distance_km, row_files, AreaEntry};
use crate::features::finder::order;
use crate::features::finder::query::{
    fit, nearest, rank, unchanged_by, BadParam, Condition, Filters, FinderRow, Fit, Hit, Matcher,
};
use crate::features::finder::state::{use_set_filters, FinderReading, FinderState};
use crate::i18n::Texts;
use crate::markup::facility_card::{self, Card};
use crate::markup::html::{esc, fixed};
use crate::model::{Function, Role};
use crate::routes::Route;

/// What the results area shows.
#[derive(Clone, PartialEq)]
enum Outcome {
    Loading,
    NoArea,
    UnknownArea(String),
    /// `unchanged`: the conditions that narrowed nothing.
    Found {
        area: Box<AreaEntry>,
        hits: Vec<Hit>,
        unchanged: Vec<Condition>,
    },
}

const PAGE: usize = 30;

/// `page`: results shown at first and per 「さらに表示」 — given by the finder widget, which
/// then also links to the full results on the portal.
#[component]
pub fn FinderResults(#[prop(default = None)] page: Option<usize>) -> impl IntoView {
    let state = expect_context::<FinderState>();
    let set = use_set_filters();
    let widget = page.is_some();
    let page = page.unwrap_or(PAGE);
    let shown = RwSignal::new(page);
    // The row files of the chosen area, each fetched once (and only once while in flight).
    let build = use_context::<Shell>().unwrap_or_default().build;
    let requested = StoredValue::new(BTreeSet::<String>::new());
    Effect::new(move |_| {
        let Some(id) = state.filters.with(|f| f.0.area.clone()) else { return };
        let Some(areas) = state.areas.get() else { return };
        for code in row_files(&areas, &area_codes(&areas, &id)) {
            if state.shards.with_untracked(|s| s.contains_key(&code))
                || !requested.try_update_value(|r| r.insert(code.clone())).unwrap_or(false)
            {
                continue;
            }
            let url = href(&format!("/data/{build}/search/rows/{code}.json"));
            fetch_json::<Vec<FinderRow>>(url, move |mut rows| {
                timed("kn-prepare", || rows.iter_mut().for_each(|r| r.prepare(&code)));
                state.shards.update(|s| {
                    s.insert(code, Arc::new(rows));
                });
            });
        }
    });
    // The conditions of the last search, whose results a narrower one (typing on) filters
    // instead of every row: per keystroke, a few hits rather than a whole city's rows.
    let last = StoredValue::new(None::<(Filters, Option<(f64, f64)>)>);
    let outcome = Memo::new(move |prev: Option<&Outcome>| {
        let (filters, _) = state.filters.get();
        let Some(id) = filters.area.clone() else { return Outcome::NoArea };
        let Some(areas) = state.areas.get() else { return Outcome::Loading };
        let Some(area) = area(&areas, &id).cloned() else { return Outcome::UnknownArea(id) };
        let codes = area_codes(&areas, &id);
        let files = row_files(&areas, &codes);
        let near = state.near.get();
        state.shards.with(|shards| {
            let loaded: Option<Vec<&Arc<Vec<FinderRow>>>> = files.iter().map(|f| shards.get(f)).collect();
            let Some(loaded) = loaded else { return Outcome::Loading };
            // What the browser benchmark times per keystroke (tests/bench/browser-bench.mjs).
            timed("kn-query", || {
                // A ward's search reads its city's file: only the ward's rows count.
                let m = Matcher::new(&filters, &codes);
                let earlier = last.get_value();
                last.set_value(Some((filters.clone(), near)));
                let unchanged = unchanged_by(loaded.iter().flat_map(|file| file.iter()), &filters, &codes);
                if let (Some(Outcome::Found { area: then, hits, .. }), Some((before, near_then))) = (prev, earlier) {
                    if then.id == area.id && near_then == near && m.narrows(&Matcher::new(&before, &codes)) {
                        let hits = hits.iter().filter(|h| m.accepts(h.row())).cloned().collect();
                        return Outcome::Found { area: Box::new(area), hits, unchanged };
                    }
                }
                let mut hits: Vec<Hit> = loaded
                    .iter()
                    .flat_map(|file| {
                        let m = &m;
                        file.iter().enumerate().filter(move |(_, r)| m.accepts(r)).map(move |(at, r)| {
                            Hit::new(Arc::clone(file), at, near.map(|(lat, lng)| distance_km(lat, lng, r.lat, r.lng)))
                        })
                    })
                    .collect();
                // Rows whose 対象 is confirmed first; in each group the 拠点 first, or the nearest.
                order::sort_by_key(&mut hits, |h| rank(&filters, h.row()));
                if near.is_some() {
                    order::sort_by_key(&mut hits, |h| nearest(&filters, h.row(), h.distance));
                }
                Outcome::Found { area: Box::new(area), hits, unchanged }
            })
        })
    });
    // The map shows the same rows and shares the selection (issue #4): a pin chosen on the
    // map brings its card into view, past 「さらに表示」 if need be.
    Effect::new(move |_| {
        outcome.with(|o| {
            state.found.set(match o {
                Outcome::Found { hits, .. } => hits.clone(),
                _ => Vec::new(),
            })
        })
    });
    Effect::new(move |_| {
        let Some(id) = state.selected.get() else { return };
        if !state.from_map.get_untracked() {
            return;
        }
        if let Some(i) = state.found.with_untracked(|hits| hits.iter().position(|h| h.row().id == id)) {
            if i >= shown.get_untracked() {
                shown.set((i / page + 1) * page);
            }
        }
        reveal(format!(".kn-facility-card[data-id=\"{id}\"]"), false);
    });
    // The chosen card (from the map or its own button) is marked without redrawing the list,
    // so the focus stays where it is.
    let root = NodeRef::<leptos::html::Section>::new();
    Effect::new(move |_| {
        let selected = state.selected.get();
        let Some(section) = root.get() else { return };
        let Ok(cards) = section.query_selector_all(".kn-facility-card") else { return };
        for card in (0..cards.length()).filter_map(|i| cards.item(i)?.dyn_into::<Element>().ok()) {
            let on = selected.as_deref().is_some_and(|id| card.get_attribute("data-id").as_deref() == Some(id));
            let _ = card.class_list().toggle_with_force("kn-facility-card--selected", on);
        }
    });
    let html = move || {
        let selected = state.selected.get_untracked();
        let filters = state.filters.with_untracked(|f| f.0.clone());
        state.reading.with_value(|r| {
            let bad = state.filters.with(|f| bad_params(&f.1, &r.text));
            format!(
                r#"<h2 id="kn-results-heading" class="kn-finder-results__title">{}</h2>{bad}{}"#,
                r.text.html("finder.results_title"),
                outcome.with(|o| results_html(
                    o,
                    &filters,
                    Shown { count: shown.get(), widget },
                    selected.as_deref(),
                    r
                ))
            )
        })
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(button) = crate::browser::closest_target(&ev, "[data-kn-action]") else {
            return;
        };
        let widen = |c: Condition| set.run(state.filters.with_untracked(|f| f.0.without(c)));
        match button.get_attribute("data-kn-action").as_deref() {
            Some("more") => shown.update(|n| *n += page),
            Some("map") => {
                state.from_map.set(false);
                state.selected.set(button.get_attribute("data-id"));
            }
            Some("rechoose") => {
                let mut f = state.filters.with_untracked(|f| f.0.clone());
                f.area = None;
                set.run(f);
            }
            Some("widen") => {
                let group = button.get_attribute("data-group").and_then(|g| g.parse::<usize>().ok());
                if let Some(c) = group.and_then(|g| Condition::ALL.get(g)) {
                    widen(*c);
                }
            }
            _ => {}
        }
    };
    view! {
        <section node_ref=root class="kn-finder-results" aria-labelledby="kn-results-heading" inner_html=html on:click=on_click></section>
    }
}

/// Unknown URL parameters: said, and left out of the search.
fn bad_params(bad: &[BadParam], t: &Texts) -> String {
    if bad.is_empty() {
        return String::new();
    }
    let names = bad.iter().map(|b| esc(&format!("{}={}", b.name, b.value))).collect::<Vec<_>>().join("、");
    format!(r#"<p class="kn-finder-results__notice" role="alert">{}{names}</p>"#, t.html("finder.bad_params"))
}

/// What the results area says for `outcome`: the first `shown` cards, 「さらに表示」, or a way
/// on when nothing matches.
/// How many cards to show, and whether they are in the finder widget.
struct Shown {
    count: usize,
    widget: bool,
}

fn results_html(
    outcome: &Outcome,
    filters: &Filters,
    shown: Shown,
    selected: Option<&str>,
    r: &FinderReading,
) -> String {
    let Shown { count: shown, widget } = shown;
    let t = &r.text;
    match outcome {
        Outcome::Loading => format!(r#"<p class="kn-loading" role="status">{}</p>"#, t.html("finder.loading")),
        Outcome::NoArea => format!(r#"<p role="status">{}</p>"#, t.html("finder.no_area")),
        Outcome::UnknownArea(id) => format!(
            r#"<div class="kn-finder-results__empty" role="status"><p>{}</p><button class="kn-button" type="button" data-kn-action="rechoose">{}</button></div>"#,
            t.html_with("finder.unknown_area", &[("id", &esc(id))]),
            t.html("finder.rechoose")
        ),
        Outcome::Found { area, hits, .. } if hits.is_empty() => no_results(area, filters, r),
        Outcome::Found { area, hits, unchanged } => {
            let name = esc(&area.shown_name());
            let confirmed = hits.iter().filter(|h| fit(filters, h.row()) == Fit::Confirmed).count();
            let split = filters.asks_who();
            let ask: usize = hits.len() - confirmed;
            let n = format!("<strong>{}</strong>", t.html_with("finder.count_n", &[("n", &hits.len().to_string())]));
            let mut count = t.html_with("finder.count", &[("area", &name), ("n", &n)]);
            if split {
                count += &t.html_with(
                    "finder.count_split",
                    &[("confirmed", &confirmed.to_string()), ("ask", &ask.to_string())],
                );
            }
            let mut cards = String::new();
            let mut group = None;
            for h in hits.iter().take(shown) {
                let g = fit(filters, h.row());
                if split && group != Some(g) {
                    if group.is_some() {
                        cards += "</ul>";
                    }
                    let heading = if g == Fit::Confirmed {
                        t.html_with("finder.group_confirmed", &[("n", &confirmed.to_string())])
                    } else {
                        t.html_with("finder.group_ask", &[("n", &ask.to_string())])
                    };
                    cards +=
                        &format!(r#"<h3 class="kn-finder-results__group">{heading}</h3><ul class="kn-facility-list">"#);
                    group = Some(g);
                }
                cards += &card_html(h.row(), h.distance, selected, filters, if split { 4 } else { 3 }, !widget, r);
            }
            let cards =
                if split { format!("{cards}</ul>") } else { format!(r#"<ul class="kn-facility-list">{cards}</ul>"#) };
            let more = hits.len().saturating_sub(shown);
            let mut more = if more > 0 {
                format!(
                    r#"<button class="kn-button kn-button--secondary" type="button" data-kn-action="more">{}</button>"#,
                    t.html_with("finder.more", &[("n", &more.to_string())])
                )
            } else {
                String::new()
            };
            if widget {
                more += &format!(
                    r#"<p class="kn-finder-results__full"><a href="{}">{}</a></p>"#,
                    esc(&r.href(&format!("{}?{}", Route::Search.path(), filters.to_query()))),
                    t.html_with("finder.full_results", &[("n", &hits.len().to_string())])
                );
            }
            format!(
                r#"<p class="kn-finder-results__count" role="status">{count}</p>{}<p class="kn-finder-results__first"><a class="kn-finder-results__area-link" href="{}">{}</a></p>{cards}{more}"#,
                unchanged_note(unchanged, t),
                esc(&r.href(&format!("{}#kn-first", Route::Area(&area.id).path()))),
                t.html_with("finder.first_link", &[("area", &name)])
            )
        }
    }
}

/// Conditions that narrowed nothing, said rather than shown as if they had.
fn unchanged_note(unchanged: &[Condition], t: &Texts) -> String {
    if unchanged.is_empty() {
        return String::new();
    }
    let conditions: String =
        unchanged.iter().map(|c| t.html_with("finder.condition", &[("label", &t.html(c.key()))])).collect();
    let mut h = t.html_with("finder.unchanged", &[("conditions", &conditions)]);
    if unchanged.contains(&Condition::Who) {
        h += &t.html("finder.unchanged_who");
    }
    format!(r#"<p class="kn-finder-results__unchanged">{h}</p>"#)
}

/// No result: where to ask instead, and one tap to widen the search.
fn no_results(area: &AreaEntry, f: &Filters, r: &FinderReading) -> String {
    let t = &r.text;
    let name = esc(&area.shown_name());
    let widen: String = Condition::ALL
        .into_iter()
        .enumerate()
        .filter(|(_, c)| f.has(*c))
        .map(|(i, c)| {
            format!(
                r#"<li><button class="kn-button kn-button--secondary" type="button" data-kn-action="widen" data-group="{i}">{}</button></li>"#,
                t.html_with("finder.widen", &[("label", &t.html(c.key()))])
            )
        })
        .collect();
    format!(
        r#"<div class="kn-finder-results__empty"><p role="status">{}</p><p>{}</p><a class="kn-button" href="{}">{}</a><ul class="kn-finder-results__widen">{widen}</ul></div>"#,
        t.html_with("finder.no_results", &[("area", &name)]),
        t.html_with("finder.no_results_next", &[("area", &name)]),
        esc(&r.href(&Route::Area(&area.id).path())),
        t.html_with("finder.no_results_link", &[("area", &name)]),
    )
}

/// One result, as the one facility card (`markup::facility_card`): the distance after its
/// kind, its 緊急時 basis when the person asks for emergencies, and a pin to point to on
/// the finder's map (`map`: not in the widget).
fn card_html(
    row: &FinderRow,
    distance: Option<f64>,
    selected: Option<&str>,
    filters: &Filters,
    level: u8,
    map: bool,
    r: &FinderReading,
) -> String {
    let t = &r.text;
    let path = Route::Facility(&row.id).path();
    facility_card::card_html(
        &Card {
            id: &row.id,
            name: &row.name,
            href: if r.facility_pages { r.href(&path) } else { href(&path) },
            note_html: if r.facility_pages { String::new() } else { t.only_in_japanese() },
            kyoten: (row.kyoten == 1).then(|| row.role()),
            services: [Role::ShortStay, Role::CommunityTransition, Role::CommunitySettlement]
                .into_iter()
                .filter(|r| row.has_service(*r))
                .collect(),
            place_html: distance.map(|d| t.html_with("finder.distance", &[("km", &fixed(d, 1))])).unwrap_or_default(),
            functions: Function::ALL.into_iter().filter(|f| row.has_function(*f)).collect(),
            emergency: row.emergency_basis().filter(|_| filters.functions.contains(&Function::Emergency)),
            target_known: row.disabilities != 0,
            phone: row.phone.as_deref(),
            level,
            pin: (map && (row.lat != 0.0 || row.lng != 0.0)).then(|| selected == Some(row.id.as_str())),
        },
        t,
    )
}
