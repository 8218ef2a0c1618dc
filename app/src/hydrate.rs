//! The wasm entry: read the page's embedded data, then hydrate the pre-rendered HTML.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::app::App;
use crate::data::{route_key, PageData, PageStore, Shell};

#[derive(serde::Deserialize)]
struct Embedded {
    shell: Shell,
    page: PageData,
}

#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(json) = doc.get_element_by_id("kn-page").and_then(|e| e.text_content()) else { return };
    let Ok(embedded) = serde_json::from_str::<Embedded>(&json) else { return };
    let path = doc.location().and_then(|l| l.pathname().ok()).unwrap_or_default();
    let base = embedded.shell.base.trim_end_matches('/').to_string();
    let key = route_key(path.strip_prefix(&base).unwrap_or(&path));
    let shell = embedded.shell;
    let page = Arc::new(embedded.page);
    leptos::mount::hydrate_body(move || {
        provide_context(shell.clone());
        provide_context(PageStore(RwSignal::new(BTreeMap::from([(key.clone(), page.clone())]))));
        view! { <App/> }
    });
}
