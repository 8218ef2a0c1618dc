//! Page data: what each route shows, as one serialisable value per URL. At build time it
//! is computed from the loaded content and embedded in the page; in the browser the first
//! page reads it from the HTML (so hydration sees exactly what the server rendered) and
//! later pages fetch `data/<build>/<route>.json` with gloo-net. Views never see the
//! difference: they call [`use_page`].

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::{Area, Facility, Guide, PracticeSection, Report, Source};

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
    /// The 拠点 bodies and the area directory, rendered at build time: what the page shows
    /// before a search, and without JavaScript.
    pub start_html: String,
}

/// What the finder shows before a search (rendered at build time).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchStart {
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
    /// The 好事例集's practice sections that cite this area as an example.
    pub practices: Vec<PracticeSection>,
    pub facilities: Vec<FacilitySummary>,
    pub reports: Vec<Report>,
    pub members: Vec<AreaLink>,
    pub regions: Vec<AreaLink>,
    pub sources: Vec<Source>,
    pub corrections: Corrections,
}

/// `/catalogue/`. The whole page — comparison table, cards, filter form, charts, practice
/// sections — is rendered at build time and works without JavaScript; in the browser the
/// page only shows, hides and reorders the pre-rendered rows as the URL's filters say, so
/// the view code stays out of the wasm (`pages::catalogue`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CatalogueData {
    /// The page body, rendered at build time.
    pub html: String,
    /// The 25 entries in table order, the same order as the rows in `html`.
    pub entries: Vec<CatalogueEntry>,
    /// The page's public URL without a query, printed on paper with the filters.
    pub url: String,
}

/// What the filters and sort need to know of one 好事例集 entry (its row is in the HTML).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CatalogueEntry {
    /// Area id (`/areas/{id}/`).
    pub id: String,
    /// Row number in the 一覧表, 1–25.
    pub number: u32,
    /// Reading in hiragana, for the 五十音順 sort.
    pub kana: String,
    pub prefecture: String,
    pub kind: Option<crate::model::DevelopmentType>,
    /// Bit i set when function i ([`crate::model::Function::ALL`]) is 実施 (「○」).
    pub done: u8,
    /// Bit i set when function i's cell says anything (「○」, 空床, 検討中, a year …).
    pub noted: u8,
    /// 空床確保 in the ②緊急時 cell: bit 0 inside the 拠点, bit 1 outside.
    pub beds: u8,
    /// コーディネーター配置 「○」.
    pub coordinator: bool,
    /// Everything the free-text filter searches (name, reading, prefecture, 整備類型,
    /// features, 取組み概要), folded by `pages::catalogue::filter::fold`.
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScreeningData {
    pub screening: crate::model::Screening,
    /// Every municipality for the area question, by prefecture in the reference order.
    pub prefectures: Vec<ScreeningPrefecture>,
    /// Next steps of the areas whose content says something; a region's apply to its members.
    pub local: Vec<LocalSteps>,
    /// This page's public URL, printed on the 相談メモ.
    pub page_url: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScreeningPrefecture {
    pub name: String,
    pub areas: Vec<AreaChoice>,
}

/// One municipality of the area select, kept small (about 1,900 travel with the page):
/// `[id, name, official website without "https://"]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AreaChoice(pub String, pub String, pub String);

/// What an area's content says about whom to contact and how to pre-register.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LocalSteps {
    /// The area the content belongs to: a municipality code or a region slug.
    pub id: String,
    pub name: String,
    /// The municipalities it applies to: the municipality itself, or a region's members.
    pub members: Vec<String>,
    /// The area's contacts, then its 基幹相談支援センター not already among them.
    pub contacts: Vec<crate::model::Contact>,
    pub registration: Option<crate::model::Registration>,
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
    /// Service types from open data (empty for content-only facilities).
    pub services: Vec<crate::model::Role>,
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
            services: f.services.clone(),
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
