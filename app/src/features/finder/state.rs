//! What the finder's parts share — the page's island, the form, the results and the map —
//! and the one way they change the query. Its own file so that the parts import it and not
//! the page (which imports them).

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::areas::AreaEntry;
use super::query::{BadParam, Filters, FinderRow, Hit};
use crate::i18n::Texts;
use crate::url::{current_path, use_navigate, use_query_map, NavigateOptions};

/// The finder in the page's reading (issue #22), the island's props: its fixed text, and
/// where its links go. One wasm bundle serves every reading.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FinderReading {
    /// The catalogue sections `finder`, `card` and the vocabularies ([`FinderReading::SECTIONS`]).
    pub text: Texts,
    /// Facility pages have versions in the reading; if not, links to them say 「(Japanese)」.
    pub facility_pages: bool,
    /// The area index to load: `areas.en.json` names areas in English.
    pub index: String,
}

impl FinderReading {
    pub const SECTIONS: [&'static str; 6] = ["finder", "card", "function", "disability", "age", "role"];

    /// The finder's props on a page in `m`'s reading.
    pub fn of(m: &crate::i18n::Messages) -> Self {
        let lang = m.lang;
        FinderReading {
            text: m.texts(&Self::SECTIONS),
            facility_pages: lang == crate::i18n::Lang::Ja
                || m.pages.get(&lang).is_some_and(|p| p.iter().any(|path| path.starts_with("/facilities/"))),
            index: if lang == crate::i18n::Lang::En { "areas.en.json" } else { "areas.json" }.to_string(),
        }
    }

    /// `path` (`/areas/132144/`) in the reading, under the base path: every area and the
    /// finder have a page in every reading.
    pub fn href(&self, path: &str) -> String {
        crate::data::href(&self.text.page(path))
    }
}

/// Everything the finder's parts share.
#[derive(Clone, Copy)]
pub struct FinderState {
    /// False until hydrated: the first render must equal the pre-rendered HTML.
    pub ready: RwSignal<bool>,
    pub filters: Memo<(Filters, Vec<BadParam>)>,
    pub areas: RwSignal<Option<Arc<Vec<AreaEntry>>>>,
    /// Row files fetched so far (`search/rows/<area>.json`), by area id, kept for the visit.
    pub shards: RwSignal<BTreeMap<String, Arc<Vec<FinderRow>>>>,
    /// The person's position, only in memory, after they asked for 「近くを探す」.
    pub near: RwSignal<Option<(f64, f64)>>,
    /// Every row the results currently list (they show them page by page), for the map.
    pub found: RwSignal<Vec<Hit>>,
    /// The facility (id) chosen on the map or in the list; the other one highlights it.
    pub selected: RwSignal<Option<String>>,
    /// Whether `selected` was chosen on the map (the list then shows its card) or in the
    /// list (the map then shows and focuses its pin).
    pub from_map: RwSignal<bool>,
    /// The text and links of the page's reading.
    pub reading: StoredValue<FinderReading>,
}

/// A callback that puts new filters into the URL (and so into the results). Created once
/// per component, since the router's navigate function is only found during setup.
pub fn use_set_filters() -> Callback<Filters> {
    let navigate = use_navigate();
    let query = use_query_map();
    Callback::new(move |f: Filters| {
        // The finder's own address: `/search/`, or `/embed/finder/` in a widget (issue #8),
        // whose own options (`kn_id`, `accent`, `compact`) ride along.
        let base = current_path();
        let carried = query.with_untracked(|q| crate::url::carried_query(q.into_iter().map(|(k, v)| (k.as_ref(), v))));
        let query = [f.to_query(), carried].into_iter().filter(|q| !q.is_empty()).collect::<Vec<_>>().join("&");
        let url = if query.is_empty() { base } else { format!("{base}?{query}") };
        navigate(&url, NavigateOptions { replace: true, scroll: false });
    })
}
