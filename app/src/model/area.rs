//! An area: a municipality (市区町村, designated-city wards included) or a region of several
//! municipalities (圏域). Every municipality in the reference list is an area even without a
//! content file; `content/areas/<id>.md` adds what is known about its 拠点.
//!
//! File name = id: a municipality's file is named by its 6-digit 全国地方公共団体コード
//! (`content/areas/132144.md` is 国分寺市); a region's by a lowercase slug
//! (`content/areas/higashi-iburi.md`).

use serde::{Deserialize, Serialize};

use super::practice::Practice;
use super::vocab::{ContactKind, DevelopmentType};

authored_model! {
    /// Front matter of `content/areas/<id>.md`: every field an author may write, each
    /// documented here. Anything else, a field the loader fills in included, is refused.
    file AreaFile;
    /// An area as the site shows it: a file's fields (or none, for a municipality without a
    /// file) plus what the loader derives from the reference list and the regions.
    model Area;
    authored {
        /// Region only: its name, e.g. `"東胆振圏域"`. A municipality's name comes from the
        /// reference list (`content/geo/localgovjp.csv`) and must not be written here.
        #[serde(default)]
        name: String,
        /// Region only: reading in hiragana, e.g. `"ひがしいぶりけんいき"`.
        #[serde(default)]
        kana: String,
        /// Region only: member municipality codes (6 digits with check digit), e.g.
        /// `["012131", "015784"]`.
        #[serde(default)]
        members: Vec<String>,
        /// 整備類型: `"multi"` (多機能拠点整備型), `"area"` (面的整備型) or `"combined"` (併用整備型).
        #[serde(default)]
        development_type: Option<DevelopmentType>,
        /// コーディネーター配置 as the source says it, e.g.
        /// `"拠点コーディネーター10名（各区1名以上）"`. Leave out when the sources do not say.
        #[serde(default)]
        coordinator: Option<String>,
        /// Whom to call. Only contacts a source names; never invent a phone number.
        #[serde(default)]
        contacts: Vec<Contact>,
        /// How pre-registration (事前登録) works here, when a source says.
        #[serde(default)]
        registration: Option<Registration>,
        /// The area's entry in the 好事例集 (seed 003), when it has one.
        #[serde(default)]
        practice: Option<Practice>,
        /// Ids from `content/sources.toml` this file's facts come from, e.g. `["chiba-r6"]`.
        #[serde(default)]
        sources: Vec<String>,
        /// Date the facts were last checked against the sources, `"YYYY-MM-DD"`.
        #[serde(default)]
        last_verified: Option<String>,
    }
    derived {
        /// Filled in by the loader from the file name (or the reference list); never written.
        id: String,
        /// Filled in by the loader: the name in English for `/en/` pages, romanised from the
        /// reading ("Chuo Ward, Sapporo City"; see `load::names`).
        name_en: String,
        /// Filled in by the loader: the prefecture (for a region, that of its first member).
        prefecture: String,
        /// Filled in by the loader: the municipality's official website (reference list).
        website: Option<String>,
        /// Filled in by the loader: city-hall latitude (a region: mean of its members).
        lat: f64,
        /// Filled in by the loader: city-hall longitude.
        lng: f64,
        /// Filled in by the loader: for a designated-city ward, the city's code (札幌市中央区 →
        /// 札幌市).
        parent: Option<String>,
        /// Filled in by the loader: the regions this municipality belongs to (ids).
        regions: Vec<String>,
        /// Filled in by the loader: the Markdown body as sanitised HTML.
        body_html: String,
    }
}

impl Area {
    /// A municipality's id is its 6-digit code; anything else is a region.
    pub fn is_region(&self) -> bool {
        !self.members.is_empty()
    }

    /// Whether any content beyond the reference list is known for this area.
    pub fn has_content(&self) -> bool {
        self.development_type.is_some()
            || self.practice.is_some()
            || !self.contacts.is_empty()
            || !self.body_html.is_empty()
    }
}

/// A contact point named by a source.
///
/// Keep what a seed document says apart from what a web page says: a seed's statement about
/// a 拠点 is not a phone number, and a phone number from a web page does not make a body part
/// of a 拠点. A `phone` needs `sources` naming a web page (with `url` and `read`) in
/// `content/sources.toml`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Name as the source gives it, e.g. `"国分寺市 基幹相談支援センター"`.
    pub name: String,
    /// What it is, which sets its place in 「まず連絡するところ」: `"kyoten"` (the 拠点's
    /// contact point or coordinator, when a source says so), `"kikan"` (基幹相談支援センター),
    /// `"desk"` (the municipality's 障害福祉 desk) or `"other"` (another consultation
    /// point). Default `"other"`.
    #[serde(default)]
    pub kind: ContactKind,
    /// What to ask them, in plain words, e.g. `"緊急時の短期入所の利用調整（24時間365日）"`.
    #[serde(default)]
    pub purpose: Option<String>,
    /// Phone number with hyphens, e.g. `"042-123-4567"`, only when a source gives it.
    #[serde(default)]
    pub phone: Option<String>,
    /// Hours as the source gives them, e.g. `"24時間365日"`.
    #[serde(default)]
    pub hours: Option<String>,
    /// `true` only when a source says the phone itself is answered 24 hours.
    #[serde(default)]
    pub open_24h: bool,
    /// Postal address as the source gives it.
    #[serde(default)]
    pub address: Option<String>,
    /// `true` when this contact answers in an emergency.
    #[serde(default)]
    pub emergency: bool,
    /// Ids from `content/sources.toml` for this contact's phone, hours and address, e.g.
    /// `["121002-ward-desks"]`. Required with `phone`; the page shows the source and its
    /// dates beside the number. Without it the contact's facts come from the area's
    /// `sources`.
    #[serde(default)]
    pub sources: Vec<String>,
    /// The facility page this contact is, when there is one (facility id).
    #[serde(default)]
    pub facility: Option<String>,
    /// An official web page, `https://…`.
    #[serde(default)]
    pub url: Option<String>,
}

/// How pre-registration works in an area.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registration {
    /// Plain-Japanese description from the sources, e.g.
    /// `"緊急利用対象者の事前面談を行い、把握した方の情報を更新しています。"`.
    pub summary: String,
    /// Whom to ask, e.g. `"お住まいの地域の相談支援事業所、または基幹相談支援センター"`.
    #[serde(default)]
    pub ask: Option<String>,
    /// The municipality's e-application page, `https://…`, when one exists.
    #[serde(default)]
    pub apply_url: Option<String>,
}
