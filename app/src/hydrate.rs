//! The wasm entry. Pages are plain pre-rendered HTML; only their islands (the finder, the
//! catalogue's filters, the self-check and the widgets) come alive. The boot script loads
//! this module on pages that have islands, calls [`hydrate`] once, then hydrates each
//! `<leptos-island>` with the function its `data-component` names.

use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::data::Shell;

#[derive(serde::Deserialize)]
struct Embedded {
    shell: Shell,
}

/// Set up the reactive root every island hangs from, with the site's [`Shell`] (base path,
/// build) in context.
#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    let shell = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|doc| doc.get_element_by_id("kn-page"))
        .and_then(|e| e.text_content())
        .and_then(|json| serde_json::from_str::<Embedded>(&json).ok())
        .map(|e| e.shell)
        .unwrap_or_default();
    provide_context(shell);
}
