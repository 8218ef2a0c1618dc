//! In the browser: the pre-rendered comparison follows the URL query. Form controls and the
//! table's sort buttons only change the URL (typing replaces the history entry, any other
//! change adds one, so Back undoes it); an effect on the URL shows, hides and reorders the
//! rows and cards, and updates the count, the printed address, the headings' `aria-sort` and
//! the controls. The effect runs after hydration, so hydration always meets the HTML the
//! builder wrote (all 25, in table order). DOM calls only, no view code: the page's HTML is
//! rendered at build time by `super::page::catalogue_page`, whose ids this file looks for.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement, HtmlSelectElement};

use super::filter::{Column, Filters};
use crate::data::CatalogueEntry;
use crate::i18n::Texts;
use crate::model::Function;
use crate::url::{current_path, use_navigate, use_query_map, NavigateOptions};

/// The rows and cards in table order, as found after hydration (before any reordering),
/// and the count's markup as last written.
struct Lists {
    rows: Vec<Element>,
    cards: Vec<Element>,
    count: String,
}

fn children(id: &str) -> Vec<Element> {
    let Some(parent) = document().get_element_by_id(id) else { return Vec::new() };
    let c = parent.children();
    (0..c.length()).filter_map(|i| c.item(i)).collect()
}

/// Wire the page: called by the page's view; does nothing until it runs in the browser.
/// `text`: the count's words in the page's reading ([`super::filter::island_texts`]).
pub fn enhance(entries: Vec<CatalogueEntry>, url: String, text: Texts) {
    let query = use_query_map();
    let navigate = use_navigate();

    Effect::new(move |lists: Option<Lists>| {
        let filters = Filters::from_query(&query.get());
        let first = lists.is_none();
        // The builder wrote the count of all entries, with no condition.
        let mut lists = lists.unwrap_or_else(|| Lists {
            rows: children("kn-catalogue-rows"),
            cards: children("kn-catalogue-cards"),
            count: Filters::default().count(&text, entries.len(), entries.len(), ""),
        });
        show(&mut lists, &entries, &filters, &url, &text, first);
        lists
    });

    let on_event = move |ev: Event| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        let within = |selector: &str| target.closest(selector).ok().flatten();
        let mut filters = query.with_untracked(Filters::from_query);
        let replace = match ev.type_().as_str() {
            // Results follow every change; the submit button is for pages without wasm.
            "submit" => {
                if target.id() == "kn-filter" {
                    ev.prevent_default();
                }
                return;
            }
            "click" => {
                // A link to this page with other filters (「条件をすべて解除」) changes the
                // query in place, keeping the open filter panel and the scroll position.
                if let Some(link) = within("a[href]") {
                    let href = link.get_attribute("href").unwrap_or_default();
                    let path = current_path();
                    if href == path || href.strip_prefix(&path).is_some_and(|q| q.starts_with('?')) {
                        ev.prevent_default();
                        navigate(&href, NavigateOptions::default());
                    }
                    return;
                }
                let Some(heading) = within("[data-sort]") else { return };
                filters.sort_by(Column::from_id(&heading.get_attribute("data-sort").unwrap_or_default()));
                false
            }
            _ => {
                if within("#kn-filter").is_none() {
                    return;
                }
                let name = target.get_attribute("name").unwrap_or_default();
                filters.set(&name, &event_target_value(&ev), event_target_checked(&ev));
                name == "q"
            }
        };
        navigate(&format!("{}{}", current_path(), filters.to_query()), NavigateOptions { replace, scroll: false });
    };
    // In an effect: listeners belong to the browser, and effects never run while the
    // builder renders the page.
    Effect::new(move |_| {
        let handles = ["input", "click", "submit"].map(|name| window_event_listener_untyped(name, on_event.clone()));
        on_cleanup(move || handles.into_iter().for_each(|h| h.remove()));
    });
}

/// Make the page say what `filters` ask for. `first`: the first time after hydration.
fn show(lists: &mut Lists, entries: &[CatalogueEntry], filters: &Filters, url: &str, text: &Texts, first: bool) {
    let order = filters.apply(entries);
    for list in [&lists.rows, &lists.cards] {
        if let Some(parent) = list.first().and_then(|e| e.parent_element()) {
            for &i in &order {
                if let Some(e) = list.get(i) {
                    let _ = parent.append_child(e);
                }
            }
        }
        for (i, e) in list.iter().enumerate() {
            let _ = e.toggle_attribute_with_force("hidden", !order.contains(&i));
        }
    }
    let doc = document();
    let by_id = |id: &str| doc.get_element_by_id(id);
    if let Some(e) = by_id("kn-catalogue-url") {
        e.set_text_content(Some(&format!("{url}{}", filters.to_query())));
    }
    if let Some(e) = by_id("kn-catalogue-empty") {
        let _ = e.toggle_attribute_with_force("hidden", !order.is_empty());
    }
    for heading in children("kn-catalogue-head") {
        let Some(id) = heading.get_attribute("data-sort") else { continue };
        let sorted = (filters.sort.id() == id).then_some(filters.descending);
        let _ = match sorted {
            Some(true) => heading.set_attribute("aria-sort", "descending"),
            Some(false) => heading.set_attribute("aria-sort", "ascending"),
            None => heading.remove_attribute("aria-sort"),
        };
        if let Some(arrow) = heading.first_element_child().and_then(|b| b.last_element_child()) {
            arrow.set_text_content(Some(match sorted {
                Some(false) => "▲",
                Some(true) => "▼",
                None => "⇅",
            }));
        }
    }

    // The text box is written only when the URL disagrees with it (Back, a shared link),
    // never while someone types: rewriting it would break Japanese input (IME).
    if let Some(input) = by_id("kn-filter-q").and_then(|e| e.dyn_into::<HtmlInputElement>().ok()) {
        if input.value() != filters.text {
            input.set_value(&filters.text);
        }
    }
    let selects = [
        ("kn-filter-type", filters.kind.map_or("", |k| k.id())),
        ("kn-filter-beds", filters.beds.id()),
        ("kn-filter-pref", filters.prefecture.as_str()),
        ("kn-filter-sort", filters.sort.id()),
    ];
    for (id, value) in selects {
        if let Some(select) = by_id(id).and_then(|e| e.dyn_into::<HtmlSelectElement>().ok()) {
            select.set_value(value);
        }
    }
    // The prefecture as its option names it in the page's reading (English: romanised).
    let prefecture = by_id("kn-filter-pref")
        .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
        .and_then(|s| s.item(u32::try_from(s.selected_index()).ok()?))
        .and_then(|o| o.text_content())
        .filter(|_| !filters.prefecture.is_empty())
        .unwrap_or_else(|| filters.prefecture.clone());
    // Written only when it changes: a live region announces every write.
    let count = filters.count(text, entries.len(), order.len(), &prefecture);
    if count != lists.count {
        if let Some(e) = by_id("kn-catalogue-count") {
            e.set_inner_html(&count);
        }
        lists.count = count;
    }
    let mut boxes: Vec<(String, bool)> = Function::ALL
        .iter()
        .enumerate()
        .map(|(i, f)| (format!("kn-filter-fn-{}", f.id()), filters.functions & (1 << i) != 0))
        .collect();
    boxes.push(("kn-filter-coordinator".into(), filters.coordinator));
    boxes.push(("kn-filter-order".into(), filters.descending));
    for (id, on) in boxes {
        if let Some(b) = by_id(&id).and_then(|e| e.dyn_into::<HtmlInputElement>().ok()) {
            b.set_checked(on);
        }
    }
    // A shared link with conditions opens them, so people see what narrowed the list.
    let chosen = Filters { text: String::new(), sort: Column::Number, descending: false, ..filters.clone() };
    if first && chosen != Filters::default() {
        if let Some(more) = doc.get_elements_by_class_name("kn-catalogue-filter__more").item(0) {
            let _ = more.set_attribute("open", "");
        }
    }
}
