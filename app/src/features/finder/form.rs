//! The finder's form: where (municipality, with suggestions as you type, or 「近くを探す」),
//! what is needed (the five functions in plain words), disability type, age, and options.
//! It is a GET form whose names are the finder's URL parameters, but it needs JavaScript to
//! search: a static host answers any query with the same file. Without JavaScript the page
//! hides it (`@media (scripting: none)`) and its start section points to the municipality
//! directory instead, whose area pages list every facility (`features::finder::page::search_start`).
//!
//! Lean by design (the wasm budget, issue #10): the markup is one string ([`form_html`]),
//! the same when pre-rendered and in the browser; a few effects set the controls from the
//! URL, and one listener per event type reads them back (`data-kn-action` names a button's
//! job). No view tree, so no generic code per control.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use crate::browser::fetch_json;
use crate::data::{href, Shell};
use crate::features::finder::areas::{distance_km, matching_areas, Positions};
use crate::features::finder::query::Filters;
use crate::features::finder::state::{use_set_filters, FinderState};
use crate::i18n::Texts;
use crate::markup::html::esc;
use crate::model::{AgeGroup, DisabilityType, Function};
use crate::routes::Route;

#[component]
pub fn FinderForm() -> impl IntoView {
    let state = expect_context::<FinderState>();
    let set = use_set_filters();
    let root = NodeRef::<leptos::html::Form>::new();
    let typed = RwSignal::new(String::new());
    let locating = RwSignal::new(None::<&'static str>);
    // Set when a suggestion is chosen: its list is emptied (and the focused button with it)
    // before the picker changes, so the picker cannot see where the focus was.
    let chosen_here = StoredValue::new(false);
    let reading = state.reading;
    let find = move |selector: &str| root.get_untracked().and_then(|f| f.query_selector(selector).ok().flatten());

    // The controls follow the URL (a change here, Back and Forward, a widened search).
    Effect::new(move |_| {
        let Some(form) = root.get() else { return };
        state.filters.with(|(f, _)| set_controls(&form, f));
    });
    // The municipality: the chosen one with a way to change it, or the search box.
    Effect::new(move |_| {
        let id = state.filters.with(|f| f.0.area.clone());
        let chosen = state.areas.with(|a| id.and_then(|id| a.as_ref()?.iter().find(|x| x.id == id).cloned()));
        let (Some(open), Some(done)) = (find("[data-kn=picker-open]"), find("[data-kn=picker-chosen]")) else { return };
        // Focus inside the part about to be hidden (a suggestion just chosen, or the search box
        // reached by Tab while the list of municipalities was still loading) moves to the part
        // shown, never to the page's start.
        let leaving = if chosen.is_some() { &open } else { &done };
        let just_chosen = std::mem::take(&mut *chosen_here.write_value());
        let had_focus = just_chosen
            || web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .is_some_and(|a| leaving.contains(Some(&a)));
        set_hidden(&open, chosen.is_some());
        set_hidden(&done, chosen.is_none());
        let next = if chosen.is_some() { "[data-kn-action=change-area]" } else { "#kn-area-input" };
        if let Some(a) = chosen {
            set_text(find("[data-kn=area-name]"), &a.shown_name());
            let pref =
                reading.with_value(|r| r.text.plain_with("finder.area_prefecture", &[("prefecture", &a.prefecture)]));
            set_text(find("[data-kn=area-pref]"), &pref);
            if let Some(input) = find("input[name=area]").and_then(|e| e.dyn_into::<HtmlInputElement>().ok()) {
                input.set_value(&a.id);
                input.set_disabled(false);
            }
        } else if let Some(input) = find("input[name=area]").and_then(|e| e.dyn_into::<HtmlInputElement>().ok()) {
            input.set_disabled(true);
        }
        if had_focus {
            if let Some(el) = find(next).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                let _ = el.focus();
            }
        }
    });
    Effect::new(move |_| {
        let t = typed.get();
        let html = state.areas.with(|a| {
            let Some(a) = a.as_ref() else { return String::new() };
            matching_areas(a, &t, 8)
                .into_iter()
                .map(|a| format!(
                    r#"<li><button class="kn-area-picker__suggestion" type="button" data-kn-action="choose" data-id="{}">{}<span class="kn-area-picker__pref">{}</span></button></li>"#,
                    esc(&a.id), esc(&a.shown_name()), esc(&a.prefecture)
                ))
                .collect()
        });
        if let Some(list) = find(".kn-area-picker__suggestions") {
            list.set_inner_html(&html);
        }
    });
    Effect::new(move |_| {
        let message = locating.get().map(|key| reading.with_value(|r| r.text.plain(key))).unwrap_or_default();
        set_text(find("[data-kn=locating]"), &message);
    });

    let change = move |edit: &dyn Fn(&mut Filters)| {
        let mut f = state.filters.with_untracked(|f| f.0.clone());
        edit(&mut f);
        set.run(f);
    };
    let choose = move |id: String| {
        chosen_here.set_value(true);
        typed.set(String::new());
        change(&|f| f.area = Some(id.clone()));
    };
    let positions_url = StoredValue::new(href(&format!(
        "/data/{}/search/positions.json",
        use_context::<Shell>().unwrap_or_default().build
    )));
    let locate = move || {
        locating.set(Some("finder.locating"));
        let url = positions_url.get_value();
        crate::browser::current_position(move |pos| match pos {
            Some((lat, lng)) => {
                state.near.set(Some((lat, lng)));
                // The municipalities' halls are fetched only now: no other search needs them.
                fetch_json::<Positions>(url, move |halls| {
                    let nearest = halls.iter().min_by(|x, y| {
                        distance_km(lat, lng, x.1[0], x.1[1]).total_cmp(&distance_km(lat, lng, y.1[0], y.1[1]))
                    });
                    // A ward is chosen as its city, whose search covers every ward.
                    let id = nearest.and_then(|(code, _)| {
                        state.areas.with_untracked(|a| {
                            a.as_ref()?.iter().find(|x| &x.id == code).map(|x| x.parent.clone().unwrap_or(x.id.clone()))
                        })
                    });
                    locating.set(None);
                    if let Some(id) = id {
                        choose(id)
                    }
                });
            }
            None => locating.set(Some("finder.locate_failed")),
        });
    };

    // One listener per event type for every control of the form.
    let on_change = move |ev: web_sys::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
        let (name, value) = (input.name(), input.value());
        change(&|f| match name.as_str() {
            "fn" => {
                if let Some(x) = Function::from_id(&value) {
                    toggle(&mut f.functions, x)
                }
            }
            "dis" => {
                if let Some(x) = DisabilityType::from_id(&value) {
                    toggle(&mut f.disabilities, x)
                }
            }
            "age" => f.age = AgeGroup::from_id(&value),
            "h24" => f.open_24h = !f.open_24h,
            "beds" => f.beds = !f.beds,
            "kyoten" => f.kyoten_only = !f.kyoten_only,
            _ => {}
        });
    };
    let on_input = move |ev: web_sys::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
        match input.name().as_str() {
            "where" => typed.set(input.value()),
            "q" => {
                let text = input.value();
                change(&|f| f.text = text.clone());
            }
            _ => {}
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(button) = crate::browser::closest_target(&ev, "[data-kn-action]") else {
            return;
        };
        match button.get_attribute("data-kn-action").as_deref() {
            Some("choose") => choose(button.get_attribute("data-id").unwrap_or_default()),
            Some("change-area") => {
                state.near.set(None);
                // The search box comes back, with the focus (the picker's effect above).
                change(&|f| f.area = None);
            }
            Some("locate") => locate(),
            _ => {}
        }
    };

    let (action, label, html) =
        reading.with_value(|r| (r.href(&Route::Search.path()), r.text.plain("finder.form_label"), form_html(&r.text)));
    view! {
        <form node_ref=root class="kn-finder-form" action=action method="get" role="search" aria-label=label
            inner_html=html on:submit=|ev| ev.prevent_default() on:change=on_change on:input=on_input on:click=on_click>
        </form>
    }
}

/// The form's controls, unchecked and with no municipality chosen (a static page has no
/// query), their text from `t` (the page's reading): the effects above set them from the URL
/// after hydration.
pub fn form_html(t: &Texts) -> String {
    let check = |kind: &str, name: &str, value: &str, key: &str| {
        let (kind, name, value, label) = (esc(kind), esc(name), esc(value), t.html(key));
        format!(
            r#"<label class="kn-check"><input class="kn-check__input" type="{kind}" name="{name}" value="{value}"><span class="kn-check__label">{label}</span></label>"#
        )
    };
    let functions: String = Function::ALL.into_iter().map(|f| check("checkbox", "fn", f.id(), f.need_key())).collect();
    let disabilities: String =
        DisabilityType::ALL.into_iter().map(|d| check("checkbox", "dis", d.id(), d.key())).collect();
    let ages: String = [None, Some(AgeGroup::Child), Some(AgeGroup::Adult)]
        .into_iter()
        .map(|a| check("radio", "age", a.map(|a| a.id()).unwrap_or(""), a.map_or("finder.age_any", |a| a.key())))
        .collect();
    let others: String = [("h24", "finder.open_24h"), ("beds", "finder.beds"), ("kyoten", "finder.kyoten_only")]
        .into_iter()
        .map(|(name, key)| check("checkbox", name, "1", key))
        .collect();
    let h = |key: &str| t.html(key);
    let suggestions = t.plain("finder.suggestions");
    format!(
        r#"<div class="kn-area-picker"><div class="kn-area-picker__part" data-kn="picker-chosen" hidden><p class="kn-area-picker__chosen"><span class="kn-area-picker__label">{}</span><strong data-kn="area-name"></strong><span data-kn="area-pref"></span><input type="hidden" name="area" value="" disabled></p><button class="kn-button kn-button--secondary" type="button" data-kn-action="change-area">{}</button></div><div class="kn-area-picker__part" data-kn="picker-open"><label class="kn-field__label" for="kn-area-input">{}</label><input class="kn-field__input" id="kn-area-input" name="where" type="search" autocomplete="off" aria-describedby="kn-area-hint"><p id="kn-area-hint" class="kn-finder-form__hint">{}</p><ul class="kn-area-picker__suggestions" aria-label="{}"></ul><button class="kn-button kn-button--secondary" type="button" data-kn-action="locate">{}</button><p class="kn-finder-form__hint">{}</p><p class="kn-area-picker__status" role="status" data-kn="locating"></p></div></div><fieldset class="kn-finder-form__group"><legend class="kn-finder-form__legend">{}</legend>{functions}</fieldset><details class="kn-finder-form__more"><summary class="kn-finder-form__summary">{}</summary><fieldset class="kn-finder-form__group"><legend class="kn-finder-form__legend">{}</legend><p class="kn-finder-form__hint">{}</p>{disabilities}</fieldset><fieldset class="kn-finder-form__group"><legend class="kn-finder-form__legend">{}</legend>{ages}</fieldset><fieldset class="kn-finder-form__group"><legend class="kn-finder-form__legend">{}</legend>{others}</fieldset><div class="kn-field"><label class="kn-field__label" for="kn-finder-q">{}</label><input class="kn-field__input" id="kn-finder-q" name="q" type="search"></div></details>"#,
        h("finder.area_label"),
        h("finder.change_area"),
        h("finder.where_label"),
        h("finder.where_hint"),
        esc(&suggestions),
        h("finder.locate"),
        h("finder.locate_note"),
        h("finder.need_legend"),
        h("finder.more_summary"),
        h("finder.disability_legend"),
        h("finder.disability_hint"),
        h("finder.age_legend"),
        h("finder.other_legend"),
        h("finder.text_label"),
    )
}

/// Check and fill the controls as `f` says.
fn set_controls(form: &Element, f: &Filters) {
    let Ok(inputs) = form.query_selector_all("input") else { return };
    for input in (0..inputs.length()).filter_map(|i| inputs.item(i)?.dyn_into::<HtmlInputElement>().ok()) {
        let value = input.value();
        let checked = match input.name().as_str() {
            "fn" => Function::from_id(&value).is_some_and(|x| f.functions.contains(&x)),
            "dis" => DisabilityType::from_id(&value).is_some_and(|x| f.disabilities.contains(&x)),
            "age" => AgeGroup::from_id(&value) == f.age,
            "h24" => f.open_24h,
            "beds" => f.beds,
            "kyoten" => f.kyoten_only,
            "q" => {
                // Only when the URL says something else (Back, a widened search): never
                // while typing, which would eat a trailing space.
                if value.trim() != f.text.trim() {
                    input.set_value(&f.text);
                }
                continue;
            }
            _ => continue,
        };
        input.set_checked(checked);
    }
}

fn set_hidden(el: &Element, hidden: bool) {
    let _ = if hidden { el.set_attribute("hidden", "") } else { el.remove_attribute("hidden") };
}

fn set_text(el: Option<Element>, text: &str) {
    if let Some(el) = el {
        el.set_text_content(Some(text));
    }
}

fn toggle<T: PartialEq + Copy>(list: &mut Vec<T>, x: T) {
    if let Some(i) = list.iter().position(|y| *y == x) {
        list.remove(i);
    } else {
        list.push(x);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_names_are_the_finders_url_parameters() {
        let html = form_html(
            &crate::i18n::catalogue(crate::i18n::Lang::Ja)
                .texts(&crate::features::finder::state::FinderReading::SECTIONS),
        );
        assert!(!html.contains('['), "every text is in the catalogue");
        for f in Function::ALL {
            assert!(html.contains(&format!(r#"name="fn" value="{}""#, f.id())), "{f:?}");
        }
        for d in DisabilityType::ALL {
            assert!(html.contains(&format!(r#"name="dis" value="{}""#, d.id())), "{d:?}");
        }
        for name in ["area", "where", "age", "h24", "beds", "kyoten", "q"] {
            assert!(html.contains(&format!(r#"name="{name}""#)), "{name}");
        }
        // Every control has its label: ids are unique and each `for` names one.
        for id in ["kn-area-input", "kn-finder-q"] {
            assert_eq!(html.matches(&format!(r#"id="{id}""#)).count(), 1);
            assert_eq!(html.matches(&format!(r#"for="{id}""#)).count(), 1);
        }
    }
}
