//! Page data: what each route shows, as one serialisable value per URL. At build time it
//! is computed from the loaded content and embedded in the page; in the browser the first
//! page reads it from the HTML (so hydration sees exactly what the server rendered) and
//! later pages fetch `data/<build>/<route>.json` with gloo-net. Views never see the
//! difference: they call [`use_page`].

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::{Area, CatalogueSummary, Facility, Guide, PracticeSection, Report, Source};

/// What every page knows about the build it belongs to.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Shell {
    /// `/` or `/sub/path/`.
    pub base: String,
    /// Content hash naming this build's data folder.
    pub build: String,
    /// Site name.
    pub name: String,
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
    pub facilities: Vec<FacilitySummary>,
    pub prefectures: Vec<PrefectureAreas>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PrefectureAreas {
    pub prefecture: String,
    pub areas: Vec<AreaLink>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FacilityData {
    pub facility: Facility,
    pub area: AreaLink,
    pub sources: Vec<Source>,
    pub corrections: Corrections,
}

/// Where a correction request goes, from `content/site.toml`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Corrections {
    pub email: Option<String>,
    /// Edit link for this page's content file, when configured.
    pub edit_url: Option<String>,
    /// The public URL of this page, for the e-mail body.
    pub page_url: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AreaData {
    pub area: Area,
    pub facilities: Vec<FacilitySummary>,
    pub reports: Vec<Report>,
    pub members: Vec<AreaLink>,
    pub regions: Vec<AreaLink>,
    pub sources: Vec<Source>,
    pub corrections: Corrections,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CatalogueData {
    pub summary: CatalogueSummary,
    /// The 25 entries, in table order.
    pub entries: Vec<Area>,
    pub practices: Vec<PracticeSection>,
    pub source: Option<Source>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScreeningData {
    pub guides: Vec<GuideLink>,
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

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AreaLink {
    pub id: String,
    pub name: String,
    pub prefecture: String,
}

impl AreaLink {
    pub fn of(area: &Area) -> Self {
        AreaLink { id: area.id.clone(), name: area.name.clone(), prefecture: area.prefecture.clone() }
    }
}

/// A facility as a list shows it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FacilitySummary {
    pub id: String,
    pub name: String,
    pub role: crate::model::Role,
    pub area_name: String,
    pub functions: Vec<crate::model::Function>,
    pub phone: Option<String>,
    pub kyoten: bool,
}

impl FacilitySummary {
    pub fn of(f: &Facility, area_name: &str) -> Self {
        FacilitySummary {
            id: f.id.clone(),
            name: f.name.clone(),
            role: f.role,
            area_name: area_name.to_string(),
            functions: f.functions.clone(),
            phone: f.phone.clone(),
            kyoten: f.kyoten,
        }
    }
}

impl PageData {
    /// The page's own title (the builder adds the site name).
    pub fn title(&self) -> String {
        match self {
            PageData::Static(p) => p.title.clone(),
            PageData::Search(_) => "相談先をさがす".into(),
            PageData::Catalogue(_) => "好事例集 25自治体等".into(),
            PageData::Screening(_) => "事前登録のセルフチェック".into(),
            PageData::NotFound => "ページが見つかりません".into(),
        }
    }

    /// One sentence for `<meta name="description">`.
    pub fn description(&self) -> String {
        match self {
            PageData::Static(p) => p.description.clone(),
            PageData::Search(_) => "市区町村や目的、障害の種類から、地域生活支援拠点等の相談先をさがせます。".into(),
            PageData::Catalogue(_) => "地域生活支援拠点等の好事例集（25自治体等）を、整備類型や機能で比べられます。".into(),
            PageData::Screening(_) => "緊急時に備えた事前登録をしておくとよいか、2分で確かめられます。".into(),
            PageData::NotFound => "お探しのページは見つかりませんでした。".into(),
        }
    }

    /// Whether this is the home page (its title stands alone, without the site name).
    pub fn is_home(&self) -> bool {
        matches!(self, PageData::Static(p) if p.title.starts_with("拠点ナビ"))
    }
}

/// The route key of a path: `/facilities/x/` → `facilities/x`, `/` → `index`.
pub fn route_key(path: &str) -> String {
    let key = path.trim_matches('/');
    if key.is_empty() { "index".to_string() } else { key.to_string() }
}

/// Page data cache, keyed by route key, shared by every page.
#[derive(Clone, Copy)]
pub struct PageStore(pub RwSignal<BTreeMap<String, Arc<PageData>>>);

/// Link to a route: `href("/guides/x/")` → `/sub/guides/x/` under a base path.
pub fn href(path: &str) -> String {
    let shell = use_context::<Shell>().unwrap_or_default();
    join_base(&shell.base, path)
}

pub fn join_base(base: &str, path: &str) -> String {
    let base = if base.is_empty() { "/" } else { base };
    format!("{}{}", base, path.trim_start_matches('/'))
}

/// The current page's data: present at once for the first page (SSR and hydration), fetched
/// for later ones. `None` while loading or when the fetch failed.
pub fn use_page() -> Signal<Option<Arc<PageData>>> {
    let store = expect_context::<PageStore>();
    let shell = use_context::<Shell>().unwrap_or_default();
    let location = leptos_router::hooks::use_location();
    let key = Memo::new(move |_| {
        let path = location.pathname.get();
        let base = shell.base.trim_end_matches('/');
        route_key(path.strip_prefix(base).unwrap_or(&path))
    });
    Effect::new(move |_| {
        let key = key.get();
        if store.0.with_untracked(|m| m.contains_key(&key)) {
            return;
        }
        fetch_page(store, use_context::<Shell>().unwrap_or_default(), key);
    });
    Signal::derive(move || {
        let k = key.get();
        store.0.with(|m| m.get(&k).cloned())
    })
}

#[cfg(feature = "hydrate")]
fn fetch_page(store: PageStore, shell: Shell, key: String) {
    leptos::task::spawn_local(async move {
        let url = join_base(&shell.base, &format!("data/{}/{}.json", shell.build, key));
        let data = match gloo_net::http::Request::get(&url).send().await {
            Ok(resp) if resp.ok() => resp.json::<PageData>().await.unwrap_or(PageData::NotFound),
            _ => PageData::NotFound,
        };
        store.0.update(|m| {
            m.insert(key, Arc::new(data));
        });
    });
}

#[cfg(not(feature = "hydrate"))]
fn fetch_page(_store: PageStore, _shell: Shell, _key: String) {}
