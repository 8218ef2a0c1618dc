//! `/embed/finder/`, `/embed/emergency/`, `/embed/screening/` (issue #8): what every widget
//! shares. The route table leaves out the site header and footer on these addresses
//! (`is_widget_path`); this frame adds the options' notices, the accent colour, the link to
//! the full page, links that open outside the host page, and the height reports.
//!
//! The options are in the query, which only the browser knows (each widget is pre-rendered
//! once): they are read after hydration, as the finder reads its filters, so the first
//! render equals the pre-rendered HTML.
//!
//! The frame is pre-rendered markup around the widget's island; the island wires it with DOM
//! calls only ([`wire_frame`]), so the frame costs the browser no view code (issue #10).
//! Each kind is its own island, in a bundle of its own: the finder widget in `finder-widget`,
//! the self-check and emergency widgets in `screening-widget`, so that the finder and
//! self-check pages do not load the frame.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::emergency;
use super::options::{Accent, WidgetOptions};
use crate::components::page::{page_view, PageHeading};
use crate::data::{href, PageData, ScreeningData, Widget};
use crate::features::finder::Finder;
use crate::features::screening::screening;
use crate::i18n::{t, Texts};
use crate::markup::html::esc;
use crate::model::Function;
use crate::routes::Route;
use crate::url::use_query_map;

/// The message type the loader (`public/embed.js`) listens for.
pub const HEIGHT_MESSAGE: &str = "kyoten-navi:height";

#[component]
pub fn WidgetPage() -> impl IntoView {
    page_view(|d| match d {
        PageData::Widget(w) => {
            // Each island's props are only what it shows: the finder loads its own index.
            let data = w.screening.clone().unwrap_or_default();
            let island = match w.widget {
                // The heading is static: pre-rendered outside the island, it costs no wasm.
                Widget::Finder => {
                    let reading = w.finder.clone().unwrap_or_default();
                    view! { <div class="kn-search"><PageHeading title=crate::i18n::messages().html("finder.title") markup=true/><FinderWidget reading/></div> }
                        .into_any()
                }
                Widget::Emergency => view! { <EmergencyWidget data/> }.into_any(),
                Widget::Screening => view! { <ScreeningWidget data/> }.into_any(),
            };
            Some(view! {
                <div id=FRAME_ID class="kn-widget">
                    <div class="kn-widget__notices"></div>
                    {island}
                    <p class="kn-widget__more">
                        <a class="kn-widget__more-link" href=more_link(w.widget, &WidgetOptions::default(), None) target="_blank" rel="noopener">
                            {t("widget.more")}<span class="kn-widget__new-tab">{t("widget.new_tab")}</span>
                        </a>
                    </p>
                </div>
            }.into_any())
        }
        _ => None,
    })
}

/// The frame's element, around the island.
const FRAME_ID: &str = "kn-widget";

/// Whether `path` (base path removed) is a widget, shown without the site's header and
/// footer. `/embed/` itself, the generator, is an ordinary page.
pub fn is_widget_path(path: &str) -> bool {
    // A widget in another reading (`/en/embed/emergency/`) is a widget too.
    let path = crate::i18n::Lang::of_path(path).1.trim_end_matches('/');
    Widget::ALL.iter().any(|w| Route::Widget(*w).path().trim_end_matches('/') == path)
}

/// Whether the page being pre-rendered is a widget (the builder's request URL, with the
/// base path `base`).
pub fn is_widget_request(base: &str) -> bool {
    use_context::<leptos_router::location::RequestUrl>().is_some_and(|u| {
        let path = u.as_ref().split('?').next().unwrap_or_default();
        is_widget_path(&format!("/{}", path.strip_prefix(base).unwrap_or(path).trim_start_matches('/')))
    })
}

/// Results the finder widget shows at first and per 「さらに表示」 (about two phone screens).
const WIDGET_RESULTS: usize = 3;

/// The finder widget, an island in the `finder-widget` wasm bundle.
#[cfg_attr(any(feature = "ssr", feature = "island-finder-widget"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "island-finder-widget")), component, allow(dead_code))]
fn FinderWidget(reading: crate::features::finder::state::FinderReading) -> impl IntoView {
    wire_frame(Widget::Finder, |_| None, reading.text.clone());
    view! { <Finder reading page=WIDGET_RESULTS/> }
}

/// The emergency contacts widget, an island in the `screening-widget` wasm bundle (it reads
/// the same municipal data as the self-check).
#[cfg_attr(any(feature = "ssr", feature = "island-screening-widget"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "island-screening-widget")), component, allow(dead_code))]
fn EmergencyWidget(data: ScreeningData) -> impl IntoView {
    let d = Arc::new(data);
    let known = d.clone();
    let options =
        wire_frame(Widget::Emergency, move |area| Some(emergency::place(&known, area).is_some()), d.text.clone());
    let base = use_context::<crate::data::Shell>().unwrap_or_default().base;
    let html = move || {
        if options.with(Option::is_none) {
            let t = &d.text;
            return format!(
                "<header class=\"kn-page-heading\"><h1 class=\"kn-page-heading__title\">{}</h1></header><p class=\"kn-loading\" role=\"status\">{}</p><noscript><p>{}</p></noscript>",
                t.html("widget.emergency_title"),
                t.html("widget.loading"),
                t.html("widget.noscript")
            );
        }
        let area = options.with(|o| o.as_ref().and_then(|o| o.area.clone())).unwrap_or_default();
        emergency::card(emergency::place(&d, &area).as_ref(), &base, &d.text)
    };
    view! { <div class="kn-emergency-card" inner_html=html></div> }
}

/// The self-check widget, an island in the `screening-widget` wasm bundle.
#[cfg_attr(any(feature = "ssr", feature = "island-screening-widget"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "island-screening-widget")), component, allow(dead_code))]
fn ScreeningWidget(data: ScreeningData) -> impl IntoView {
    let d = Arc::new(data);
    let known = d.clone();
    let options =
        wire_frame(Widget::Screening, move |area| Some(emergency::place(&known, area).is_some()), d.text.clone());
    let preset = Signal::derive(move || options.with(|o| o.as_ref().and_then(|o| o.area.clone())));
    screening(d, preset)
}

/// Wire the pre-rendered frame to the options in the address: notices, the accent colour,
/// compact mode, 「拠点ナビで詳しく見る」, links that leave the host page, the height reports.
/// `known` tells whether the widget knows an area (`None`: the finder, which checks its own
/// in its results); `t` holds the notices' text (the `widget` section).
/// Returns the options, read from the address after hydration (`None`
/// before: the builder rendered the widget without them).
fn wire_frame(
    widget: Widget,
    known: impl Fn(&str) -> Option<bool> + 'static,
    t: Texts,
) -> ReadSignal<Option<WidgetOptions>> {
    let query = use_query_map();
    let options = RwSignal::new(None);
    // Effects run only in the browser, after hydration: this one follows the address.
    Effect::new(move |wired: Option<bool>| {
        let o = query.with(|q| WidgetOptions::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v))));
        let Some(frame) = document().get_element_by_id(FRAME_ID) else { return false };
        let known = o.area.as_deref().and_then(&known);
        let _ = frame.class_list().toggle_with_force("kn-widget--compact", o.compact);
        if let Ok(Some(notices)) = frame.query_selector(".kn-widget__notices") {
            notices.set_inner_html(&notices_html(widget, &o, known, &t));
        }
        if let Ok(Some(more)) = frame.query_selector(".kn-widget__more-link") {
            let _ = more.set_attribute("href", &more_link(widget, &o, known));
        }
        // The colour: set through the CSSOM, which the site's CSP allows (a `style`
        // attribute in the markup it would block).
        apply_accent(o.accent.as_ref());
        if wired != Some(true) {
            listen_clicks(&frame);
            if let Some(id) = o.id.clone() {
                report_heights(id, frame);
            }
        }
        options.set(Some(o));
        true
    });
    options.read_only()
}

/// The options' own notices, and the area's when the widget does not know it.
fn notices_html(widget: Widget, o: &WidgetOptions, known: Option<bool>, t: &Texts) -> String {
    let mut all: Vec<String> = o.notices.iter().map(|n| n.text(t)).collect();
    match (widget, &o.area, known) {
        (Widget::Finder, _, _) => {}
        (_, Some(area), Some(false)) => all.insert(0, t.plain("widget.unknown_area").replace("{area}", area)),
        (Widget::Emergency, None, _) => all.insert(0, t.plain("widget.no_area")),
        _ => {}
    }
    if all.is_empty() {
        return String::new();
    }
    let paragraphs: String = all.iter().map(|n| format!("<p>{}</p>", esc(n))).collect();
    format!(r#"<div class="kn-widget__notice" role="status">{paragraphs}</div>"#)
}

/// Where 「拠点ナビで詳しく見る」 leads: the same search, area or self-check on the portal.
fn more_link(widget: Widget, o: &WidgetOptions, known: Option<bool>) -> String {
    match (widget, &o.area) {
        (Widget::Finder, Some(a)) => {
            let mut q = format!("?area={a}");
            if !o.functions.is_empty() {
                q += &format!("&fn={}", o.functions.iter().map(|f: &Function| f.id()).collect::<Vec<_>>().join(","));
            }
            href(&format!("{}{q}", Route::Search.path()))
        }
        (Widget::Emergency, Some(a)) if known == Some(true) => Route::Area(a).href(),
        (Widget::Screening, _) => Route::Screening.href(),
        _ => Route::Search.href(),
    }
}

/// [`open_outside`] for every click in the frame.
fn listen_clicks(frame: &web_sys::Element) {
    use wasm_bindgen::closure::Closure;
    let listener = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(open_outside);
    let _ = frame.add_event_listener_with_callback("click", listener.as_ref().unchecked_ref());
    // Lives as long as the page.
    listener.forget();
}

/// Links inside a widget leave the host page in a new tab: the widget's frame is small, and
/// the full portal would otherwise open inside it. Same-page anchors, `tel:`, `mailto:` and
/// downloads stay as they are.
fn open_outside(ev: web_sys::MouseEvent) {
    if ev.default_prevented() {
        return;
    }
    let Some(a) = crate::browser::closest_target(&ev, "a[href]") else {
        return;
    };
    let href = a.get_attribute("href").unwrap_or_default();
    if href.starts_with('#')
        || href.starts_with("tel:")
        || href.starts_with("mailto:")
        || href.starts_with("data:")
        || a.has_attribute("download")
    {
        return;
    }
    let _ = a.set_attribute("target", "_blank");
    let _ = a.set_attribute("rel", "noopener");
}

/// The accent's custom properties on `<html>` (see `style/tokens.css`), or none.
fn apply_accent(accent: Option<&Accent>) {
    let Some(root) = document().document_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    let style = web_sys::HtmlElement::style(&root);
    let names = [
        "--kn-color-brand",
        "--kn-color-link",
        "--kn-color-brand-dark",
        "--kn-color-link-hover",
        "--kn-color-brand-subtle",
    ];
    match accent {
        Some(a) => {
            for (name, value) in names.iter().zip([&a.color, &a.color, &a.dark, &a.dark, &a.subtle]) {
                let _ = style.set_property(name, value);
            }
        }
        None => {
            for name in names {
                let _ = style.remove_property(name);
            }
        }
    }
}

/// Tell the page holding this frame how tall the widget is, now and whenever it changes.
///
/// The target origin is `*`: the widget cannot know which municipality's page holds it,
/// and the message carries only a height and the id the loader chose — nothing about the
/// person. The loader checks the sender's origin and frame before it uses the height.
fn report_heights(id: String, el: web_sys::Element) {
    use wasm_bindgen::closure::Closure;
    use web_sys::js_sys::{Object, Reflect};
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    let last = std::cell::Cell::new(0.0);
    let target = el.clone();
    let send = Closure::<dyn FnMut()>::new(move || {
        // The widget's bottom edge, not the document's: the document is never shorter than
        // the frame, so it could grow but never shrink.
        let height = (target.get_bounding_client_rect().bottom() + window.scroll_y().unwrap_or(0.0)).ceil();
        if height == last.get() {
            return;
        }
        last.set(height);
        let message = Object::new();
        let _ = Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = Reflect::set(&message, &"widget".into(), &id.as_str().into());
        let _ = Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(send.as_ref().unchecked_ref()) {
        observer.observe(&el);
        // Both live as long as the page.
        std::mem::forget(observer);
        send.forget();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_three_widgets_drop_the_site_chrome() {
        for (path, want) in [
            ("/embed/finder/", true),
            ("/embed/emergency/", true),
            ("/embed/screening/", true),
            ("/en/embed/emergency/", true),
            ("/easy/embed/screening/", true),
            ("/en/embed/", false),
            ("/embed/", false),
            ("/embed/other/", false),
            ("/search/", false),
            ("/", false),
        ] {
            assert_eq!(is_widget_path(path), want, "{path}");
        }
    }
}
