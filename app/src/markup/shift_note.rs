//! The one caveat beside 特徴・付加機能等 that rest on the one-row shift alone, on the
//! catalogue's table and cards and on the area page (issue #19).

use leptos::prelude::*;

use crate::i18n::t;

/// The caveat as a paragraph (`.kn-shift-note`), in the page's reading
/// (`catalogue.shift_only`; in standard Japanese, `model::SHIFT_ONLY_NOTE`).
pub fn shift_only_note() -> impl IntoView {
    view! { <p class="kn-shift-note">{t("catalogue.shift_only")}</p> }
}
