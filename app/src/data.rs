//! Page data: what each route shows, as one serialisable value per URL, computed at build
//! time from the loaded content and rendered into the page's HTML. Pages call [`use_page`].
//! In the browser only islands run; they receive what they need as props (serialised into
//! the HTML by Leptos) and fetch the finder's data files with the browser's `fetch` (`browser::fetch_json`).

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

/// Rendered at build time only (a static page), so not serialised: `Facility` has no serde,
/// being built by the loader, never read from a file.
#[derive(Clone, Debug, Default, PartialEq)]
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
    /// Whom to tell instead when the deployment sets no address (issue #21): the area's one
    /// sourced desk or 拠点 number, else its website (`site::first_contacts`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instead: Option<crate::model::Call>,
    /// The area's page (a route), whose 「まず連絡するところ」 lists every known number.
    #[serde(default)]
    pub area_page: String,
    /// The area's name, as the page says it.
    #[serde(default)]
    pub area_name: String,
    /// The facts come from WAM NET, which the facility itself reports under the 情報公表制度:
    /// the page that says how (`content/sources.toml`, [`WAMNET_SYSTEM_SOURCE`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wamnet: Option<crate::model::Source>,
    /// The import CSV's columns (`import::sheet::SHEET_COLUMNS`), which the form's row has.
    #[serde(default)]
    pub columns: Vec<String>,
    /// The cells that say which facility a row is: (column, value), e.g. `("ID", "kokubunji-kikan")`.
    #[serde(default)]
    pub fixed: Vec<(String, String)>,
    /// When the page's facts were last confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<Checked>,
}

/// The source that explains how WAM NET facts are reported and published.
pub const WAMNET_SYSTEM_SOURCE: &str = "funabashi-kohyo";

/// How old a page's facts are (issue #21): 「最終確認日：2026-11-22」 or the data's date.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Checked {
    /// The line in the page's reading, as plain text.
    pub text: String,
    /// Confirmed more than 12 months before the build.
    pub stale: bool,
    /// What the line says, for a page that marks the data's own words (English pages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<FactDate>,
}

/// The date of a page's facts: the day a person confirmed them, or the dates of the open data
/// they come from, each as its file gives it (「2025年3月時点」).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactDate {
    /// `last_verified`, `YYYY-MM-DD`.
    Checked(String),
    /// The open-data files' dates, each once.
    DataAsOf(Vec<String>),
}

/// A listing an area's staff should look at (issue #21): its phone number is unknown, or
/// its facts are the oldest.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkItem {
    pub id: String,
    pub name: String,
    /// Why it is listed: 「電話番号が未掲載」, 「2025年3月時点のデータ」.
    pub why: String,
}

/// Rendered at build time only, like [`FacilityData`] (`Area` has no serde).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AreaData {
    pub area: Area,
    /// The area as the page's reading names it (English: romanised, with the name as written).
    pub link: AreaLink,
    /// The 好事例集's practice sections that cite this area as an example.
    pub practices: Vec<PracticeSection>,
    pub facilities: Vec<FacilitySummary>,
    pub reports: Vec<Report>,
    pub members: Vec<AreaLink>,
    pub regions: Vec<AreaLink>,
    pub sources: Vec<Source>,
    pub corrections: Corrections,
    /// The small map above the facility list; `None` without outlines or positions.
    pub map: Option<AreaMap>,
    /// 「まず連絡するところ」, ranked (`site::first_contacts`).
    pub calls: Vec<crate::model::Call>,
    /// For the area's staff: listings to confirm or complete first.
    pub worklist: Vec<WorkItem>,
}

/// An area's outline and its facilities' positions, in the finder map's units
/// (`features::finder::map_data::project`), drawn at build time as a static SVG (`features::area::map`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AreaMap {
    /// `[x, y, width, height]` around the outlines and the pins.
    pub view_box: [i32; 4],
    /// SVG path data of the area's municipalities (or wards, or a region's members).
    pub outlines: Vec<String>,
    pub pins: Vec<AreaPin>,
    /// Facilities listed without a position of their own (not on the map).
    pub unplaced: usize,
}

/// One facility on an area's map.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AreaPin {
    pub x: i32,
    pub y: i32,
    /// Positioned as part of the 拠点 by the content (drawn apart from WAM NET providers).
    pub kyoten: bool,
}

/// `/catalogue/`. The whole page — comparison table, cards, filter form, charts, practice
/// sections — is rendered at build time and works without JavaScript; in the browser the
/// page only shows, hides and reorders the pre-rendered rows as the URL's filters say, so
/// the view code stays out of the wasm (`features::catalogue`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CatalogueData {
    /// The page's title and description, in its reading.
    pub title: String,
    pub description: String,
    /// The page body, rendered at build time.
    pub html: String,
    /// The 25 entries in table order, the same order as the rows in `html`.
    pub entries: Vec<CatalogueEntry>,
    /// The page's public URL without a query, printed on paper with the filters.
    pub url: String,
    /// The words the filters write in the browser (the count and its conditions), in the
    /// page's reading (issue #22; `features::catalogue::filter::island_texts`).
    pub text: crate::i18n::Texts,
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
    /// features, 取組み概要), folded by `features::catalogue::filter::fold`.
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
    /// The fixed text of the self-check, 「まず連絡するところ」, the 相談メモ and the widgets,
    /// in the page's reading (issue #22).
    pub text: crate::i18n::Texts,
}

/// A widget for municipal websites (issue #8). Its options (area, colour …) are in the
/// address's query, which only the browser knows: the page is pre-rendered once per widget.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WidgetData {
    pub widget: Widget,
    /// Every municipality and the areas' next steps: what the emergency card and the
    /// self-check show (the questionnaire is left empty for the emergency card). `None` for
    /// the finder, which loads its own index.
    pub screening: Option<ScreeningData>,
    /// The finder widget's text and links in the page's reading (`None` for the others).
    pub finder: Option<crate::features::finder::state::FinderReading>,
}

/// Which widget a page is; the id is its address, `/embed/<id>/`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Widget {
    #[default]
    Finder,
    Emergency,
    Screening,
}

impl Widget {
    pub const ALL: [Widget; 3] = [Widget::Finder, Widget::Emergency, Widget::Screening];

    pub fn id(self) -> &'static str {
        match self {
            Widget::Finder => "finder",
            Widget::Emergency => "emergency",
            Widget::Screening => "screening",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.id() == id)
    }

    /// What it shows, as a title.
    pub fn label(self) -> &'static str {
        match self {
            Widget::Finder => "相談先をさがす",
            Widget::Emergency => "緊急時の連絡先",
            Widget::Screening => "事前登録のセルフチェック",
        }
    }
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
    /// 「まず連絡するところ」 of the area, ranked (`site::first_contacts`).
    pub calls: Vec<crate::model::Call>,
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
    /// The name in the page's reading (English pages: "Kokubunji City").
    pub name: String,
    pub prefecture: String,
    /// やさしい日本語 pages: the name's reading, shown as ふりがな.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
    /// English pages: the name as the municipality writes it, for the desk and the map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local: Option<String>,
}

impl AreaLink {
    pub fn of(area: &Area) -> Self {
        AreaLink {
            id: area.id.clone(),
            name: area.name.clone(),
            prefecture: area.prefecture.clone(),
            reading: None,
            local: None,
        }
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
    /// The sources name the disability types it serves.
    pub target_known: bool,
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
            target_known: !f.disabilities.is_empty(),
        }
    }
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
