//! The finder's form: where (municipality, with suggestions as you type, or 「近くを探す」),
//! what is needed (the five functions in plain words), disability type, age, and options.
//! It is a GET form whose names are the finder's URL parameters, but it needs JavaScript to
//! search: a static host answers any query with the same file. Without JavaScript the page
//! hides it (`@media (scripting: none)`) and its start section points to the municipality
//! directory instead, whose area pages list every facility (`pages::search::search_start`).

use leptos::prelude::*;

use crate::browser::fetch_json;
use crate::data::{href, Shell};
use crate::model::{AgeGroup, DisabilityType, Function};
use crate::pages::search::{use_set_filters, FinderState};
use crate::search::areas::{distance_km, matching_areas, Positions};
use crate::search::query::Filters;

#[component]
pub fn FinderForm() -> impl IntoView {
    let state = expect_context::<FinderState>();
    let set = use_set_filters();
    let current = move || state.filters.with(|f| f.0.clone());
    let change = move |edit: Box<dyn FnOnce(&mut Filters)>| {
        let mut f = current();
        edit(&mut f);
        set.run(f);
    };
    view! {
        <form class="kn-finder-form" action=href("/search/") method="get" role="search" aria-label="相談先の検索"
            on:submit=move |ev| ev.prevent_default()>
            <AreaPicker/>
            <fieldset class="kn-finder-form__group">
                <legend class="kn-finder-form__legend">"困っていること・したいこと"</legend>
                {Function::ALL.into_iter().map(|f| view! {
                    <label class="kn-check">
                        <input class="kn-check__input" type="checkbox" name="fn" value=f.id()
                            prop:checked=move || state.filters.with(|x| x.0.functions.contains(&f))
                            on:change=move |_| change(Box::new(move |x: &mut Filters| toggle(&mut x.functions, f)))/>
                        <span class="kn-check__label">{f.need()}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <details class="kn-finder-form__more">
                <summary class="kn-finder-form__summary">"障害の種類・年齢・そのほかの条件"</summary>
                <fieldset class="kn-finder-form__group">
                    <legend class="kn-finder-form__legend">"障害の種類"</legend>
                    <p class="kn-finder-form__hint">"対象が資料にない事業所も「対象は事業所にご確認ください」として表示します。"</p>
                    {DisabilityType::ALL.into_iter().map(|d| view! {
                        <label class="kn-check">
                            <input class="kn-check__input" type="checkbox" name="dis" value=d.id()
                                prop:checked=move || state.filters.with(|x| x.0.disabilities.contains(&d))
                                on:change=move |_| change(Box::new(move |x: &mut Filters| toggle(&mut x.disabilities, d)))/>
                            <span class="kn-check__label">{d.label()}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <fieldset class="kn-finder-form__group">
                    <legend class="kn-finder-form__legend">"年齢"</legend>
                    {[None, Some(AgeGroup::Child), Some(AgeGroup::Adult)].into_iter().map(|a| view! {
                        <label class="kn-check">
                            <input class="kn-check__input" type="radio" name="age" value=a.map(|a| a.id()).unwrap_or("")
                                prop:checked=move || state.filters.with(|x| x.0.age == a)
                                on:change=move |_| change(Box::new(move |x: &mut Filters| x.age = a))/>
                            <span class="kn-check__label">{a.map(|a| a.label()).unwrap_or("指定しない")}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <fieldset class="kn-finder-form__group">
                    <legend class="kn-finder-form__legend">"そのほか"</legend>
                    <label class="kn-check">
                        <input class="kn-check__input" type="checkbox" name="h24" value="1" prop:checked=move || state.filters.with(|x| x.0.open_24h)
                            on:change=move |_| change(Box::new(|x: &mut Filters| x.open_24h = !x.open_24h))/>
                        <span class="kn-check__label">"24時間連絡できる（地域定着支援を含む）"</span>
                    </label>
                    <label class="kn-check">
                        <input class="kn-check__input" type="checkbox" name="beds" value="1" prop:checked=move || state.filters.with(|x| x.0.beds)
                            on:change=move |_| change(Box::new(|x: &mut Filters| x.beds = !x.beds))/>
                        <span class="kn-check__label">"緊急用の空床がある（資料に記載があるもの）"</span>
                    </label>
                    <label class="kn-check">
                        <input class="kn-check__input" type="checkbox" name="kyoten" value="1" prop:checked=move || state.filters.with(|x| x.0.kyoten_only)
                            on:change=move |_| change(Box::new(|x: &mut Filters| x.kyoten_only = !x.kyoten_only))/>
                        <span class="kn-check__label">"拠点に位置付けられた相談先だけ"</span>
                    </label>
                </fieldset>
                <div class="kn-field">
                    <label class="kn-field__label" for="kn-finder-q">"名前・住所・法人名で絞り込む"</label>
                    <input class="kn-field__input" id="kn-finder-q" name="q" type="search"
                        prop:value=move || state.filters.with(|x| x.0.text.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); change(Box::new(move |x: &mut Filters| x.text = v)) }/>
                </div>
            </details>
        </form>
    }
}

/// The municipality: the chosen one with a way to change it, or a search box with
/// suggestions and 「近くを探す」.
#[component]
fn AreaPicker() -> impl IntoView {
    let state = expect_context::<FinderState>();
    let set = use_set_filters();
    let typed = RwSignal::new(String::new());
    let chosen = Memo::new(move |_| {
        let id = state.filters.with(|f| f.0.area.clone())?;
        state.areas.with(|a| a.as_ref().and_then(|a| a.iter().find(|x| x.id == id).cloned()))
    });
    let suggestions = Memo::new(move |_| {
        let t = typed.get();
        state.areas.with(|a| a.as_ref().map(|a| matching_areas(a, &t, 8).into_iter().cloned().collect::<Vec<_>>()).unwrap_or_default())
    });
    let choose = move |id: String| {
        let mut f = state.filters.with_untracked(|f| f.0.clone());
        f.area = Some(id);
        typed.set(String::new());
        set.run(f);
    };
    let locating = RwSignal::new(None::<&'static str>);
    let positions_url = StoredValue::new(href(&format!("/data/{}/search/positions.json", use_context::<Shell>().unwrap_or_default().build)));
    let locate = move |_| {
        locating.set(Some("現在地を確かめています…"));
        let url = positions_url.get_value();
        crate::browser::current_position(move |pos| match pos {
            Some((lat, lng)) => {
                state.near.set(Some((lat, lng)));
                // The municipalities' halls are fetched only now: no other search needs them.
                fetch_json::<Positions>(url, move |halls| {
                    let nearest = halls.iter().min_by(|x, y| distance_km(lat, lng, x.1[0], x.1[1]).total_cmp(&distance_km(lat, lng, y.1[0], y.1[1])));
                    // A ward is chosen as its city, whose search covers every ward.
                    let id = nearest.and_then(|(code, _)| state.areas.with_untracked(|a| a.as_ref()?.iter().find(|x| &x.id == code).map(|x| x.parent.clone().unwrap_or(x.id.clone()))));
                    locating.set(None);
                    if let Some(id) = id { choose(id) }
                });
            }
            None => locating.set(Some("現在地がわかりませんでした。市区町村名で探してください。")),
        });
    };
    view! {
        <div class="kn-area-picker">
            {move || match chosen.get() {
                Some(a) => view! {
                    <p class="kn-area-picker__chosen">
                        <span class="kn-area-picker__label">"地域："</span>
                        <strong>{a.name.clone()}</strong>"（"{a.prefecture.clone()}"）"
                        <input type="hidden" name="area" value=a.id.clone()/>
                    </p>
                    <button class="kn-button kn-button--secondary" type="button"
                        on:click=move |_| { let mut f = state.filters.with_untracked(|f| f.0.clone()); f.area = None; state.near.set(None); set.run(f); }>
                        "地域を変える"
                    </button>
                }.into_any(),
                None => view! {
                    <label class="kn-field__label" for="kn-area-input">"お住まいの市区町村（ひらがな・ローマ字でも）"</label>
                    <input class="kn-field__input" id="kn-area-input" name="where" type="search" autocomplete="off"
                        aria-describedby="kn-area-hint" prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev))/>
                    <p id="kn-area-hint" class="kn-finder-form__hint">"例：こくぶんじ、国分寺、Kokubunji"</p>
                    <ul class="kn-area-picker__suggestions" aria-label="候補の市区町村">
                        {move || suggestions.get().into_iter().map(|a| {
                            let id = a.id.clone();
                            view! { <li><button class="kn-area-picker__suggestion" type="button" on:click=move |_| choose(id.clone())>
                                {a.name.clone()}<span class="kn-area-picker__pref">{a.prefecture.clone()}</span>
                            </button></li> }
                        }).collect_view()}
                    </ul>
                    <button class="kn-button kn-button--secondary" type="button" on:click=locate>"近くを探す（現在地を使う）"</button>
                    <p class="kn-finder-form__hint">"現在地はこの端末の中だけで使い、どこにも送りません。"</p>
                    {move || locating.get().map(|m| view! { <p role="status">{m}</p> })}
                }.into_any(),
            }}
        </div>
    }
}

fn toggle<T: PartialEq + Copy>(list: &mut Vec<T>, x: T) {
    if let Some(i) = list.iter().position(|y| *y == x) {
        list.remove(i);
    } else {
        list.push(x);
    }
}
