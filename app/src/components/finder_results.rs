//! The finder's results: a count announced to screen readers, result cards with tel:
//! buttons, 「さらに表示」, and — never a dead end — a way on when nothing matches. The
//! results fetch the row files of the chosen area's municipalities (`search/rows/<code>.json`,
//! a ward's in its city's file, only files that exist) and keep them in
//! [`FinderState::shards`] for the visit.

use leptos::prelude::*;

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::browser::{fetch_json, reveal, timed};
use crate::data::{href, Shell};
use crate::model::{Function, Role};
use crate::pages::search::{use_set_filters, FinderState};
use crate::search::areas::{area, area_codes, distance_km, row_files, AreaEntry};
use crate::search::query::{rank, BadParam, Filters, FinderRow, Hit, Matcher};

/// What the results area shows.
#[derive(Clone, PartialEq)]
enum Outcome {
    Loading,
    NoArea,
    UnknownArea(String),
    Found { area: AreaEntry, hits: Vec<Hit> },
}

const PAGE: usize = 30;

#[component]
pub fn FinderResults() -> impl IntoView {
    let state = expect_context::<FinderState>();
    let set = use_set_filters();
    let shown = RwSignal::new(PAGE);
    // The row files of the chosen area, each fetched once (and only once while in flight).
    let build = use_context::<Shell>().unwrap_or_default().build;
    let requested = StoredValue::new(BTreeSet::<String>::new());
    Effect::new(move |_| {
        let Some(id) = state.filters.with(|f| f.0.area.clone()) else { return };
        let Some(areas) = state.areas.get() else { return };
        for code in row_files(&areas, &area_codes(&areas, &id)) {
            if state.shards.with_untracked(|s| s.contains_key(&code)) || !requested.try_update_value(|r| r.insert(code.clone())).unwrap_or(false) {
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
                if let (Some(Outcome::Found { area: then, hits }), Some((before, near_then))) = (prev, earlier) {
                    if then.id == area.id && near_then == near && m.narrows(&Matcher::new(&before, &codes)) {
                        let hits = hits.iter().filter(|h| m.accepts(h.row())).cloned().collect();
                        return Outcome::Found { area, hits };
                    }
                }
                let mut hits: Vec<Hit> = loaded
                    .iter()
                    .flat_map(|file| {
                        let m = &m;
                        file.iter().enumerate().filter(move |(_, r)| m.accepts(r)).map(move |(at, r)| Hit::new(Arc::clone(file), at, near.map(|(lat, lng)| distance_km(lat, lng, r.lat, r.lng))))
                    })
                    .collect();
                hits.sort_by_key(|h| rank(h.row()));
                if near.is_some() {
                    hits.sort_by(|a, b| a.distance.unwrap_or(f64::MAX).total_cmp(&b.distance.unwrap_or(f64::MAX)));
                }
                Outcome::Found { area, hits }
            })
        })
    });
    // The map shows the same rows and shares the selection (issue #4): a pin chosen on the
    // map brings its card into view, past 「さらに表示」 if need be.
    Effect::new(move |_| {
        outcome.with(|o| state.found.set(match o {
            Outcome::Found { hits, .. } => hits.clone(),
            _ => Vec::new(),
        }))
    });
    Effect::new(move |_| {
        let Some(id) = state.selected.get() else { return };
        if !state.from_map.get_untracked() {
            return;
        }
        if let Some(i) = state.found.with_untracked(|hits| hits.iter().position(|h| h.row().id == id)) {
            if i >= shown.get_untracked() {
                shown.set((i / PAGE + 1) * PAGE);
            }
        }
        reveal(format!(".kn-facility-card[data-id=\"{id}\"]"), false);
    });
    view! {
        <section class="kn-finder-results" aria-labelledby="kn-results-heading">
            <h2 id="kn-results-heading" class="kn-finder-results__title">"さがした結果"</h2>
            {move || state.filters.with(|f| bad_params(&f.1))}
            {move || match outcome.get() {
                Outcome::Loading => view! { <p class="kn-loading" role="status">"読み込んでいます…"</p> }.into_any(),
                Outcome::NoArea => view! { <p role="status">"まず、お住まいの市区町村を選んでください。"</p> }.into_any(),
                Outcome::UnknownArea(id) => view! {
                    <div class="kn-finder-results__empty" role="status">
                        <p>"「"{id}"」という市区町村は見つかりませんでした。アドレスが古いか、間違っている可能性があります。"</p>
                        <button class="kn-button" type="button" on:click=move |_| { let mut f = state.filters.with_untracked(|f| f.0.clone()); f.area = None; set.run(f); }>"市区町村を選び直す"</button>
                    </div>
                }.into_any(),
                Outcome::Found { area, hits } => {
                    let total = hits.len();
                    let area_page = href(&format!("/areas/{}/", area.id));
                    if total == 0 {
                        view! { <NoResults area=area/> }.into_any()
                    } else {
                        let more = total.saturating_sub(shown.get());
                        view! {
                            <p class="kn-finder-results__count" role="status">{area.name.clone()}"で"<strong>{total}"件"</strong>"見つかりました"</p>
                            <ul class="kn-facility-list">
                                {hits.into_iter().take(shown.get()).map(|h| view! { <ResultCard row=h.row().clone() distance=h.distance/> }).collect_view()}
                            </ul>
                            {(more > 0).then(|| view! { <button class="kn-button kn-button--secondary" type="button" on:click=move |_| shown.update(|n| *n += PAGE)>{format!("さらに表示（残り{more}件）")}</button> })}
                            <p><a class="kn-finder-results__area-link" href=area_page>{area.name.clone()}"の相談先・拠点の情報を見る"</a></p>
                        }.into_any()
                    }
                }
            }}
        </section>
    }
}

fn bad_params(bad: &[BadParam]) -> Option<AnyView> {
    (!bad.is_empty()).then(|| {
        let names = bad.iter().map(|b| format!("{}={}", b.name, b.value)).collect::<Vec<_>>().join("、");
        view! { <p class="kn-finder-results__notice" role="alert">"アドレスの条件のうち、使えないものがあったので外しました："{names}</p> }.into_any()
    })
}

/// No result: show where to ask instead, and widen the search with one tap.
#[component]
fn NoResults(area: AreaEntry) -> impl IntoView {
    let state = expect_context::<FinderState>();
    let set = use_set_filters();
    let f = state.filters.with_untracked(|f| f.0.clone());
    let widen = move |edit: fn(&mut Filters)| {
        let mut f = state.filters.with_untracked(|f| f.0.clone());
        edit(&mut f);
        set.run(f);
    };
    view! {
        <div class="kn-finder-results__empty">
            <p role="status">{area.name.clone()}"では、この条件に合う相談先は見つかりませんでした。"</p>
            <p>"条件をゆるめるか、"{area.name.clone()}"の相談先（基幹相談支援センターや市区町村の窓口）にお問い合わせください。"</p>
            <a class="kn-button" href=href(&format!("/areas/{}/", area.id))>{area.name.clone()}"の相談先を見る"</a>
            <ul class="kn-finder-results__widen">
                {(!f.functions.is_empty()).then(|| view! { <li><button class="kn-button kn-button--secondary" type="button" on:click=move |_| widen(|f| f.functions.clear())>"困っていることの条件を外す"</button></li> })}
                {(!f.disabilities.is_empty() || f.age.is_some()).then(|| view! { <li><button class="kn-button kn-button--secondary" type="button" on:click=move |_| widen(|f| { f.disabilities.clear(); f.age = None; })>"障害の種類・年齢の条件を外す"</button></li> })}
                {(f.open_24h || f.beds || f.kyoten_only).then(|| view! { <li><button class="kn-button kn-button--secondary" type="button" on:click=move |_| widen(|f| { f.open_24h = false; f.beds = false; f.kyoten_only = false; })>"そのほかの条件を外す"</button></li> })}
                {(!f.text.is_empty()).then(|| view! { <li><button class="kn-button kn-button--secondary" type="button" on:click=move |_| widen(|f| f.text.clear())>"名前・住所の条件を外す"</button></li> })}
            </ul>
        </div>
    }
}

/// One result: name (link to its page), what kind of place it is, what it helps with, and
/// a tel: button when the number is known.
#[component]
fn ResultCard(row: FinderRow, distance: Option<f64>) -> impl IntoView {
    let kind = if row.kyoten == 1 {
        format!("拠点・{}", row.role().label())
    } else {
        let services: Vec<&str> = [Role::ShortStay, Role::CommunityTransition, Role::CommunitySettlement].into_iter().filter(|r| row.has_service(*r)).map(|r| r.label()).collect();
        format!("障害福祉サービス事業所（{}）", services.join("・"))
    };
    let needs: Vec<&str> = Function::ALL.into_iter().filter(|f| row.has_function(*f)).map(|f| f.label()).collect();
    let tel = row.phone.clone().map(|p| (format!("tel:{}", p.replace('-', "")), p));
    let state = expect_context::<FinderState>();
    let id = row.id.clone();
    let chosen = move || state.selected.with(|s| s.as_ref() == Some(&id));
    let id = row.id.clone();
    let on_map = move |_| {
        state.from_map.set(false);
        state.selected.set(Some(id.clone()));
    };
    view! {
        <li class=move || if chosen() { "kn-facility-card kn-facility-card--selected" } else { "kn-facility-card" } data-id=row.id.clone()>
            <p class="kn-facility-card__selected">"地図で選んだ相談先"</p>
            <h3 class="kn-facility-card__name"><a class="kn-facility-card__link" href=href(&format!("/facilities/{}/", row.id))>{row.name.clone()}</a></h3>
            <p class="kn-facility-card__meta">
                <span class=if row.kyoten == 1 { "kn-facility-card__badge" } else { "kn-facility-card__kind" }>{kind}</span>
                {distance.map(|d| format!(" 約{:.1}km", d))}
            </p>
            {(!needs.is_empty()).then(|| view! { <p class="kn-facility-card__functions">"関わる機能："{needs.join("・")}</p> })}
            {(row.disabilities == 0).then(|| view! { <p class="kn-facility-card__note">"対象は事業所にご確認ください"</p> })}
            {tel.map(|(href, p)| view! { <a class="kn-facility-card__phone" href=href>"電話 "{p}</a> })}
            {(row.lat != 0.0 || row.lng != 0.0).then(|| view! {
                <button class="kn-button kn-button--secondary kn-facility-card__map" type="button" on:click=on_map>
                    "地図で見る"<span class="kn-visually-hidden">"（"{row.name.clone()}"）"</span>
                </button>
            })}
        </li>
    }
}
