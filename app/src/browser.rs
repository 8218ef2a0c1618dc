//! Browser APIs behind one signature each: the real thing in the browser (`hydrate`), a
//! no-op when the builder pre-renders. Views call these and never contain `cfg`.

/// Fetch and decode JSON in the browser, then hand it to `done` (nothing happens on the
/// server, nor when the request fails: the page keeps what it shows). Only the decoding is
/// generic: the request is [`fetch_text`], compiled once for every kind of file (each
/// generic copy of the request cost the finder's wasm about 2 KB).
#[cfg(feature = "hydrate")]
pub fn fetch_json<T: serde::de::DeserializeOwned + 'static>(url: String, done: impl FnOnce(T) + 'static) {
    fetch_text(
        url,
        Box::new(move |text| {
            if let Ok(value) = serde_json::from_str::<T>(&text) {
                done(value);
            }
        }),
    );
}

#[cfg(not(feature = "hydrate"))]
pub fn fetch_json<T: serde::de::DeserializeOwned + 'static>(_url: String, _done: impl FnOnce(T) + 'static) {}

/// `url`'s body as text, by the browser's own `fetch`, when the answer is 2xx.
#[cfg(feature = "hydrate")]
fn fetch_text(url: String, done: Box<dyn FnOnce(String)>) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let Some(window) = web_sys::window() else { return };
    let request = window.fetch_with_str(&url);
    leptos::task::spawn_local(async move {
        let Ok(resp) = JsFuture::from(request).await.and_then(|r| r.dyn_into::<web_sys::Response>()) else { return };
        if !resp.ok() {
            return;
        }
        let Ok(body) = resp.text() else { return };
        if let Some(text) = JsFuture::from(body).await.ok().and_then(|t| t.as_string()) {
            done(text);
        }
    });
}

/// Ask the browser for the position once; `done(None)` when refused or unavailable.
#[cfg(feature = "hydrate")]
pub fn current_position(done: impl FnOnce(Option<(f64, f64)>) + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let Some(geo) = web_sys::window().and_then(|w| w.navigator().geolocation().ok()) else {
        if let Some(d) = done.borrow_mut().take() {
            d(None)
        }
        return;
    };
    let ok_done = done.clone();
    let ok = Closure::once(move |pos: web_sys::Position| {
        let c = pos.coords();
        if let Some(d) = ok_done.borrow_mut().take() {
            d(Some((c.latitude(), c.longitude())))
        }
    });
    let err = Closure::once(move |_e: wasm_bindgen::JsValue| {
        if let Some(d) = done.borrow_mut().take() {
            d(None)
        }
    });
    let _ =
        geo.get_current_position_with_error_callback(ok.as_ref().unchecked_ref(), Some(err.as_ref().unchecked_ref()));
    ok.forget();
    err.forget();
}

#[cfg(not(feature = "hydrate"))]
pub fn current_position(done: impl FnOnce(Option<(f64, f64)>) + 'static) {
    done(None)
}

/// After the next paint (so that whatever the current turn renders is there), scroll the
/// first element matching `selector` to the middle of the screen — smoothly, unless the
/// person prefers reduced motion — and, when `focus` is set, move the focus to it. Used by
/// the finder's list and map to show each other's selection (issue #4).
#[cfg(feature = "hydrate")]
pub fn reveal(selector: String, focus: bool) {
    use wasm_bindgen::JsCast;
    leptos::prelude::request_animation_frame(move || {
        let Some(window) = web_sys::window() else { return };
        let Some(el) = window.document().and_then(|d| d.query_selector(&selector).ok().flatten()) else { return };
        let reduce = window.match_media("(prefers-reduced-motion: reduce)").ok().flatten().is_some_and(|m| m.matches());
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        options.set_behavior(if reduce { web_sys::ScrollBehavior::Auto } else { web_sys::ScrollBehavior::Smooth });
        el.scroll_into_view_with_scroll_into_view_options(&options);
        if focus {
            let keep = web_sys::FocusOptions::new();
            keep.set_prevent_scroll(true);
            if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
                let _ = svg.focus_with_options(&keep);
            } else if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
                let _ = html.focus_with_options(&keep);
            }
        }
    });
}

#[cfg(not(feature = "hydrate"))]
pub fn reveal(_selector: String, _focus: bool) {}

/// Today's date by the browser's clock, e.g. `2026/11/22` (empty when pre-rendering: the
/// self-check's 相談メモ that prints it is never pre-rendered).
#[cfg(feature = "hydrate")]
pub fn today() -> String {
    #[wasm_bindgen::prelude::wasm_bindgen]
    extern "C" {
        type Date;
        #[wasm_bindgen(constructor)]
        fn new() -> Date;
        #[wasm_bindgen(method, js_name = toLocaleDateString)]
        fn to_locale_date_string(this: &Date, locale: &str) -> String;
    }
    Date::new().to_locale_date_string("ja-JP")
}

#[cfg(not(feature = "hydrate"))]
pub fn today() -> String {
    String::new()
}

/// Run `f`; when the page was opened for measuring (`<html data-kn-measure>`, which only
/// `tests/bench/browser-bench.mjs` sets, before the page loads), also record how long it
/// took as a `performance.measure(name)` entry (issue #7). Otherwise the cost is one flag,
/// read once per page.
#[cfg(feature = "hydrate")]
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    #[wasm_bindgen::prelude::wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = performance)]
        fn now() -> f64;
        #[wasm_bindgen(js_namespace = performance)]
        fn measure(name: &str, options: &js_sys::Object);
    }
    thread_local! {
        static ON: bool = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .is_some_and(|e| e.has_attribute("data-kn-measure"));
    }
    if !ON.with(|on| *on) {
        return f();
    }
    let start = now();
    let out = f();
    let span = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&span, &"start".into(), &start.into());
    let _ = js_sys::Reflect::set(&span, &"end".into(), &now().into());
    measure(name, &span);
    out
}

#[cfg(not(feature = "hydrate"))]
pub fn timed<T>(_name: &str, f: impl FnOnce() -> T) -> T {
    f()
}

/// The element an event happened in that matches `selector` (the target or its nearest
/// ancestor): how the islands' delegated listeners find the button or link that was used.
pub fn closest_target(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.closest(selector).ok().flatten())
}
