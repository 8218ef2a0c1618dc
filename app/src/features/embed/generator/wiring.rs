//! The generator island's work on the pre-rendered page, in the browser: listeners, the
//! municipality select filled from the area index, the form read into a [`Choice`], the
//! snippets and preview brought up to date, the copy buttons and the preview frame's height
//! reports. No view code.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::super::widget::HEIGHT_MESSAGE;
use super::snippet::{accent_choice, frame_title, iframe_snippet, script_snippet, widget_path, AccentNote, Choice};
use super::{
    ACCENT, ACCENT_NOTE, AREA, COMPACT, COPIED_IFRAME, COPIED_SCRIPT, FUNCTIONS, IFRAME, PREF, PREVIEW, PREVIEW_ID,
    SCRIPT,
};
use crate::data::{join_base, Widget};
use crate::features::finder::areas::AreaEntry;
use crate::i18n::{Lang, Texts};
use crate::markup::html::esc;
use crate::model::Function;
use crate::routes::Route;

/// Call `f` on `event` at the element `id`, for the page's lifetime.
pub(super) fn listen(id: &str, event: &str, f: impl FnMut(web_sys::Event) + 'static) {
    use wasm_bindgen::closure::Closure;
    let Some(el) = by_id(id) else { return };
    let f = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    let _ = el.add_event_listener_with_callback(event, f.as_ref().unchecked_ref());
    f.forget();
}

pub(super) fn changed(ev: &web_sys::Event, areas: RwSignal<Option<Arc<Vec<AreaEntry>>>>, base: &str, t: &Texts) {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    if el.id() == PREF {
        refill(areas, t);
    }
    update(base, t);
}

/// Give the municipality select the chosen prefecture's municipalities, unless it has them
/// already (its `data-pref` says whose they are) or the index has not arrived yet.
pub(super) fn refill(areas: RwSignal<Option<Arc<Vec<AreaEntry>>>>, t: &Texts) -> bool {
    let pref = by_id(PREF)
        .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default();
    let (Some(select), Some(list)) = (by_id(AREA), areas.get_untracked()) else { return false };
    if select.get_attribute("data-pref").as_deref() == Some(pref.as_str()) {
        return false;
    }
    select.set_inner_html(&area_options(&list, &pref, t));
    let _ = select.set_attribute("data-pref", &pref);
    true
}

/// `<option>`s of a prefecture's municipalities (wards under their city) and regions, named
/// as the page's index names them; a romanised one keeps the name as written in `data-name`
/// for the frame titles.
fn area_options(areas: &[AreaEntry], pref: &str, t: &Texts) -> String {
    let region = esc(&t.plain("generator.island.region"));
    let mut h = String::new();
    for a in areas.iter().filter(|a| a.prefecture == pref) {
        let suffix = if a.members.is_empty() { "" } else { region.as_str() };
        let name = if a.english.is_empty() { String::new() } else { format!(" data-name=\"{}\"", esc(&a.name)) };
        h += &format!("<option value=\"{}\"{name}>{}{suffix}</option>", esc(&a.id), esc(&a.shown_name()));
    }
    h
}

/// The copy buttons. Without the asynchronous clipboard (an insecure address), the code is
/// selected for Ctrl+C.
pub(super) fn clicked(ev: web_sys::Event, t: &Texts) {
    use web_sys::js_sys::{Function as JsFunction, Reflect};
    let Some(button) = crate::browser::closest_target(&ev, "[data-copy]") else {
        return;
    };
    let Some(area) = button
        .get_attribute("data-copy")
        .and_then(|id| by_id(&id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return;
    };
    area.select();
    let navigator = window().navigator();
    let clipboard = Reflect::get(&navigator, &"clipboard".into()).ok().filter(|c| c.is_object());
    let write = clipboard
        .as_ref()
        .and_then(|c| Reflect::get(c, &"writeText".into()).ok())
        .and_then(|f| f.dyn_into::<JsFunction>().ok());
    let copied = match (clipboard, write) {
        (Some(c), Some(f)) => f.call1(&c, &area.value().into()).is_ok(),
        _ => false,
    };
    // The confirmation appears beside the button pressed; the other one is cleared.
    for id in [COPIED_SCRIPT, COPIED_IFRAME] {
        if let Some(status) = by_id(id) {
            status.set_text_content(None);
        }
    }
    if let Some(status) = button.get_attribute("data-status").and_then(|id| by_id(&id)) {
        let said = t.plain(if copied { "generator.island.copied" } else { "generator.island.selected" });
        status.set_text_content(Some(&said));
    }
}

/// Read the form; write the accent's note, the snippets and the preview's address.
pub(super) fn update(base: &str, t: &Texts) {
    let (choice, note) = read_form(t);
    let origin = window().location().origin().unwrap_or_default();
    let portal = format!("{origin}{}", join_base(base, &Route::Home.path()));
    if let Some(n) = by_id(ACCENT_NOTE) {
        n.set_text_content(Some(&note));
    }
    set_value(SCRIPT, &script_snippet(&portal, &choice));
    set_value(IFRAME, &iframe_snippet(&portal, &choice));
    if let Some(fns) = by_id(FUNCTIONS) {
        let _ = if choice.widget == Widget::Finder {
            fns.remove_attribute("hidden")
        } else {
            fns.set_attribute("hidden", "")
        };
    }
    if let Some(frame) = by_id(PREVIEW).and_then(|e| e.dyn_into::<web_sys::HtmlIFrameElement>().ok()) {
        let src = format!("{}&kn_id={PREVIEW_ID}", join_base(base, &format!("/{}", widget_path(&choice))));
        if frame.get_attribute("src").as_deref() != Some(src.as_str()) {
            frame.set_src(&src);
        }
        frame.set_title(&t.plain_with("generator.island.preview", &[("title", &frame_title(&choice))]));
    }
}

fn read_form(t: &Texts) -> (Choice, String) {
    let checked = |selector: &str| -> Vec<String> {
        all(selector)
            .into_iter()
            .filter_map(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .filter(|i| i.checked())
            .map(|i| i.value())
            .collect()
    };
    let widget = checked("input[name=kn-widget]").first().and_then(|w| Widget::from_id(w)).unwrap_or_default();
    let area = by_id(AREA)
        .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default();
    // The name as written: a romanised option carries it, else its text is it (a region's
    // with the region mark after it).
    let option = document().query_selector(&format!("#{AREA} option:checked")).ok().flatten();
    let region = t.plain("generator.island.region");
    let area_name = option
        .and_then(|o| {
            o.get_attribute("data-name")
                .or_else(|| o.text_content().map(|text| text.trim_end_matches(region.as_str()).to_string()))
        })
        .unwrap_or_default();
    let functions = checked("input[name=kn-fn]").iter().filter_map(|f| Function::from_id(f)).collect();
    let compact =
        by_id(COMPACT).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some_and(|i| i.checked());
    let typed = by_id(ACCENT)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default();
    let (accent, note) = accent_choice(&typed);
    let note = match note {
        AccentNote::None => String::new(),
        AccentNote::Contrast(ratio) => {
            t.plain_with("generator.island.accent_contrast", &[("ratio", &format!("{ratio:.1}"))])
        }
        AccentNote::Darkened(color) => t.plain_with("generator.island.accent_darkened", &[("color", &color)]),
        AccentNote::Invalid => t.plain("generator.island.accent_invalid"),
    };
    let lang = checked("input[name=kn-lang]").first().and_then(|l| Lang::from_id(l)).unwrap_or_default();
    (Choice { widget, area, area_name, functions, accent, compact, lang }, note)
}

/// Size the preview frame from its height reports, checked like the loader checks them.
pub(super) fn listen_to_preview() {
    use wasm_bindgen::closure::Closure;
    use web_sys::js_sys::Reflect;
    let Some(frame) = by_id(PREVIEW).and_then(|e| e.dyn_into::<web_sys::HtmlIFrameElement>().ok()) else { return };
    let origin = window().location().origin().unwrap_or_default();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let from_preview =
            frame.content_window().is_some_and(|w| ev.source().is_some_and(|s| JsValue::from(s) == JsValue::from(w)));
        if ev.origin() != origin || !from_preview {
            return;
        }
        let data = ev.data();
        let field = |k: &str| Reflect::get(&data, &k.into()).ok();
        let kind = field("type").and_then(|v| v.as_string());
        let id = field("widget").and_then(|v| v.as_string());
        let height = field("height").and_then(|v| v.as_f64()).filter(|h| *h > 0.0 && *h < 100_000.0);
        if let (Some(HEIGHT_MESSAGE), Some(PREVIEW_ID), Some(h)) = (kind.as_deref(), id.as_deref(), height) {
            let _ = web_sys::HtmlElement::style(&frame).set_property("height", &format!("{}px", h.ceil()));
        }
    });
    let _ = window().add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}

fn by_id(id: &str) -> Option<web_sys::Element> {
    document().get_element_by_id(id)
}

pub(super) fn all(selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = document().query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<web_sys::Element>().ok()).collect()
}

fn set_value(id: &str, value: &str) {
    if let Some(t) = by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
        t.set_value(value);
    }
}
