//! Page data: what each route shows, as one serialisable value per URL, computed at build
//! time from the loaded content and rendered into the page's HTML. Pages call [`use_page`].
//! In the browser only islands run; they receive what they need as props (serialised into
//! the HTML by Leptos) and fetch the finder's data files with the browser's `fetch`
//! (`browser::fetch_json`).
//!
//! Here: the shell every page knows, [`PageData`] and the pages simple enough to need one type.
//! Each richer page has its file: `area.rs`, `facility.rs`, `catalogue.rs`, `screening.rs` (the
//! self-check and the widgets) and `corrections.rs` (how old facts are, how to correct them).

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::{Area, Facility, Guide, PracticeSection, Report, Source};

mod area;
mod catalogue;
mod corrections;
mod facility;
mod screening;

pub use area::*;
pub use catalogue::*;
pub use corrections::*;
pub use facility::*;
pub use screening::*;

/// What every page knows about the build it belongs to.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Shell {
    /// `/` or `/sub/path/`.
    pub base: String,
    /// Content hash naming this build's data folder.
    pub build: String,
    /// Site name.
    pub name: String,
    /// The reading the pages are rendered in, with its fixed text (issue #22). Provided as
    /// context while rendering; not sent to the browser, and not in the wasm (dropping a
    /// catalogue there cost every bundle 2 KB of code).
    #[cfg(feature = "ssr")]
    #[serde(skip)]
    pub messages: crate::i18n::Messages,
}

/// The page data of one URL. Pages without interaction (home, facility, area, guide,
/// about) travel as HTML rendered at build time, so their view code never reaches the
/// browser's wasm; interactive pages carry the data their components need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageData {
    Static(StaticPage),
    Search(SearchData),
    Catalogue(CatalogueData),
    Screening(ScreeningData),
    /// `/embed/finder/`, `/embed/emergency/`, `/embed/screening/` (issue #8).
    Widget(WidgetData),
    NotFound,
}

/// A page whose body was rendered to HTML by the builder.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StaticPage {
    pub title: String,
    pub description: String,
    /// The `<main>` content, rendered and sanitised at build time.
    pub html: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HomeData {
    pub guides: Vec<GuideLink>,
    /// Areas whose 拠点 the content describes, for the 「地域から探す」 entry.
    pub areas: Vec<AreaLink>,
    pub prefectures: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchData {
    /// The 拠点 bodies and the area directory, rendered at build time: what the page shows
    /// before a search, and without JavaScript.
    pub start_html: String,
    /// The finder island's text and links in the page's reading.
    pub reading: crate::features::finder::state::FinderReading,
}

/// What the finder shows before a search (rendered at build time).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchStart {
    /// The 拠点 bodies by name, or none when there are too many to list on one page.
    pub facilities: Vec<FacilitySummary>,
    /// How many 拠点 bodies the content has.
    pub kyoten: usize,
    pub prefectures: Vec<PrefectureAreas>,
}

/// `/emergency/`: the areas with content first, then every area by prefecture.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EmergencyData {
    pub areas: Vec<AreaLink>,
    pub prefectures: Vec<PrefectureAreas>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PrefectureAreas {
    pub prefecture: String,
    pub areas: Vec<AreaLink>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GuideData {
    pub guide: Guide,
    pub guides: Vec<GuideLink>,
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AboutData {
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GuideLink {
    pub slug: String,
    pub title: String,
    pub description: String,
}

impl PageData {
    /// The page's own title (the builder adds the site name).
    pub fn title(&self) -> String {
        match self {
            PageData::Static(p) => p.title.clone(),
            PageData::Search(s) => s.reading.text.plain("finder.title"),
            PageData::Catalogue(c) => c.title.clone(),
            PageData::Screening(s) => s.text.plain("screening.title"),
            // The emergency card and the self-check name themselves in their reading.
            PageData::Widget(WidgetData { widget: Widget::Finder, finder: Some(f), .. }) => {
                f.text.plain("widget.embed_title").replace("{title}", &f.text.plain("finder.title"))
            }
            PageData::Widget(WidgetData { widget, screening: Some(s), .. }) if *widget != Widget::Finder => {
                let name = s.text.plain(match widget {
                    Widget::Emergency => "widget.emergency_title",
                    _ => "screening.title",
                });
                s.text.plain("widget.embed_title").replace("{title}", &name)
            }
            PageData::Widget(w) => format!("{}（埋め込み用）", w.widget.label()),
            PageData::NotFound => "ページが見つかりません".into(),
        }
    }

    /// One sentence for `<meta name="description">`.
    pub fn description(&self) -> String {
        match self {
            PageData::Static(p) => p.description.clone(),
            PageData::Search(s) => s.reading.text.plain("finder.description"),
            PageData::Catalogue(c) => c.description.clone(),
            PageData::Screening(s) => s.text.plain("screening.description"),
            PageData::Widget(w) => format!("自治体のホームページに埋め込む、拠点ナビの「{}」です。", w.widget.label()),
            PageData::NotFound => "お探しのページは見つかりませんでした。".into(),
        }
    }

    /// Whether this is the home page (its title stands alone, without the site name).
    pub fn is_home(&self) -> bool {
        matches!(self, PageData::Static(p) if p.title.starts_with("拠点ナビ"))
    }

    /// Whether this is a widget, made to be shown inside a municipality's page: search
    /// engines should send people to the full page instead (`noindex`, not in the sitemap).
    pub fn is_widget(&self) -> bool {
        matches!(self, PageData::Widget(_))
    }
}

/// The route key of a path: `/facilities/x/` → `facilities/x`, `/` → `index`.
pub fn route_key(path: &str) -> String {
    let key = path.trim_matches('/');
    if key.is_empty() {
        "index".to_string()
    } else {
        key.to_string()
    }
}

/// Page data cache, keyed by route key, shared by every page.
#[derive(Clone, Copy)]
pub struct PageStore(pub RwSignal<BTreeMap<String, Arc<PageData>>>);

/// Link to a route: `Route::Guide("x").href()` → `/sub/guides/x/` under a base path.
pub fn href(path: &str) -> String {
    let shell = use_context::<Shell>().unwrap_or_default();
    join_base(&shell.base, path)
}

pub fn join_base(base: &str, path: &str) -> String {
    let base = if base.is_empty() { "/" } else { base };
    format!("{}{}", base, path.trim_start_matches('/'))
}

/// The current page's data, which the builder puts in context for the route it renders.
/// (Pages are complete HTML: the browser never asks for page data, only islands run there.)
pub fn use_page() -> Signal<Option<Arc<PageData>>> {
    let store = expect_context::<PageStore>();
    let shell = use_context::<Shell>().unwrap_or_default();
    let location = leptos_router::hooks::use_location();
    Signal::derive(move || {
        let path = location.pathname.get();
        let base = shell.base.trim_end_matches('/');
        let (_, path) = crate::i18n::Lang::of_path(path.strip_prefix(base).unwrap_or(&path));
        let key = route_key(path);
        store.0.with(|m| m.get(&key).cloned())
    })
}
