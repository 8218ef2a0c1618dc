//! A facility or contact point: `content/facilities/<id>.md`, id = file stem
//! (lowercase letters, digits and hyphens, e.g. `kokubunji-kikan`).
//!
//! Write only what a source says. A fact the sources do not give stays out of the file and
//! the site shows it as 未掲載 with the way to send it; never invent an address or number.

use serde::{Deserialize, Serialize};

use super::vocab::{AgeGroup, DisabilityType, Function, Role};

authored_model! {
    /// Front matter of `content/facilities/<id>.md`: every field an author may write, each
    /// documented here. Anything else, a field the loader fills in included, is refused.
    file FacilityFile;
    /// A facility as the site shows it: the file's fields (or an open-data record's) plus what
    /// the loader derives. WAM NET rows are built as `Facility` directly (`load::wamnet`).
    model Facility;
    authored {
        /// Name as the source gives it, e.g. `"地域活動支援センターつばさ"`.
        name: String,
        /// Reading in hiragana or katakana, when a source gives it.
        #[serde(default)]
        kana: Option<String>,
        /// Operating body (法人), e.g. `"（社福）ありのまま舎"`, when a source names it.
        #[serde(default)]
        operator: Option<String>,
        /// The area id it belongs to: a municipality code (`"132144"`) or a region slug.
        area: String,
        /// What it is: `"core_consultation"`, `"base"`, `"activity_support"`,
        /// `"consultation_office"`, `"short_stay"`, `"group_home"`, `"day_activity"`,
        /// `"home_care"`, `"community_transition"`, `"community_settlement"`,
        /// `"welfare_centre"`, `"municipal_office"` or `"operator"`.
        role: Role,
        /// The 拠点 functions the source says it carries, e.g. `["consultation", "network"]`.
        #[serde(default)]
        functions: Vec<Function>,
        /// Disability types served, when a source says: `"physical"`, `"intellectual"`,
        /// `"mental"`, `"developmental"`, `"intractable"`, `"brain_injury"`,
        /// `"severe_multiple"`, `"medical_care"`, `"behavioral"`. Empty = not known.
        #[serde(default)]
        disabilities: Vec<DisabilityType>,
        /// Age groups served, when a source says: `"child"`, `"adult"`. Empty = not known.
        #[serde(default)]
        ages: Vec<AgeGroup>,
        /// Postal address, when a source gives it.
        #[serde(default)]
        address: Option<String>,
        /// Latitude of the address (WGS84). With `lng`; leave both out when unknown and the map
        /// places the facility at its municipality's hall, marked approximate.
        #[serde(default)]
        lat: Option<f64>,
        /// Longitude of the address (WGS84).
        #[serde(default)]
        lng: Option<f64>,
        /// Phone number with hyphens, e.g. `"042-123-4567"`.
        #[serde(default)]
        phone: Option<String>,
        /// FAX number, written like `phone` (hyphens, e.g. `"042-123-4568"`), when a source gives
        /// it: people who are deaf or hard of hearing often cannot phone and write by FAX. Leave it
        /// out when unknown; the page then shows no FAX line (not 未掲載).
        #[serde(default)]
        fax: Option<String>,
        /// Opening hours as the source gives them.
        #[serde(default)]
        hours: Option<String>,
        /// `true` when a source says it answers 24 hours; leave out when unknown.
        #[serde(default)]
        open_24h: Option<bool>,
        /// Emergency beds (緊急用居室・空床), when a source gives the number.
        #[serde(default)]
        emergency_beds: Option<u32>,
        /// When it was positioned as part of the 拠点: `"YYYY-MM"` or `"YYYY-MM-DD"`.
        #[serde(default)]
        positioned: Option<String>,
        /// When the source only proposes positioning it in the 拠点 (a plan, 案): which document,
        /// e.g. `"令和3年度資料"`. The page then says 「位置付けの案（令和3年度資料）」, not that it is
        /// positioned.
        #[serde(default)]
        plan_source: Option<String>,
        /// The time the plan gives for positioning it, as the plan writes it, e.g. `"令和4年度"`.
        #[serde(default)]
        planned: Option<String>,
        /// `true` when a source positions it as part of the area's 拠点 (default `true` for
        /// content files; imported open data is `false` until a municipality confirms).
        #[serde(default = "yes")]
        kyoten: bool,
        /// Date the facts were last checked against the sources, `"YYYY-MM-DD"`.
        last_verified: String,
        /// Ids from `content/sources.toml`, e.g. `["kokubunji-r3"]`.
        sources: Vec<String>,
        /// The WAM NET 事業所番号 of this facility, when it is also in the open data; the build
        /// then merges the open-data record into this page (facts written here win), e.g.
        /// `"1412606194"`.
        #[serde(default)]
        wamnet: Option<String>,
        /// The facility's own website, `https://…`.
        #[serde(default)]
        url: Option<String>,
    }
    derived {
        /// Filled in by the loader from the file name; never written.
        id: String,
        /// Filled in by the loader from open data: every service type the facility is
        /// registered for (短期入所, 地域移行支援, 地域定着支援).
        services: Vec<Role>,
        /// Filled in by the loader from open data: 定員 (capacity) as published.
        capacity: Option<u32>,
        /// Filled in by the loader: a website address the open data gives that is not a usable
        /// address (「http://three.ai,jp」), kept as written; the page shows it as text.
        url_source: Option<String>,
        /// Filled in by the loader: `true` when `lat`/`lng` are the facility's own position,
        /// `false` when they are the municipality hall.
        exact_position: bool,
        /// Filled in by the loader: the Markdown body as sanitised HTML.
        body_html: String,
        /// Filled in by the loader: every open-data row this facility was built from, each with
        /// what that row says, so that a facility in several files (or twice in one) loses no
        /// fact when the rows are merged (issue #19).
        records: Vec<SourceRecord>,
    }
}

/// One row of an open-data file as the file gives it (filled in by the loader, never written).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRecord {
    /// Id in `content/sources.toml`, e.g. `"wamnet-054"`.
    pub source: String,
    /// Line of the row in its file.
    pub line: usize,
    /// The service type of the row.
    pub service: Role,
    /// The row's phone number when it can be dialled.
    #[serde(default)]
    pub phone: Option<String>,
    /// The row's phone number exactly as the file gives it (may be empty).
    #[serde(default)]
    pub phone_source: String,
    /// The row's hours, 「平日 09:00-18:00／定休日：…」.
    #[serde(default)]
    pub hours: Option<String>,
    /// The row's address.
    #[serde(default)]
    pub address: Option<String>,
    /// The row's 定員.
    #[serde(default)]
    pub capacity: Option<u32>,
}

impl Facility {
    /// The numbers in Japan's phone plan a facility file writes, as (front-matter key, value):
    /// each is written and checked the same way (hyphens, 10 or 11 digits,
    /// `load::fields::is_phone`), and a mistake is reported at its key.
    pub fn numbers(&self) -> [(&'static str, Option<&str>); 2] {
        [("phone", self.phone.as_deref()), ("fax", self.fax.as_deref())]
    }

    /// The contact facts another record of the same facility can fill when this one leaves
    /// them unknown (open-data rows of one facility, a content file and its open-data record).
    fn contacts_mut(&mut self) -> [&mut Option<String>; 3] {
        [&mut self.phone, &mut self.fax, &mut self.url]
    }

    /// Fill each contact fact `self` leaves unknown from `other` (taking it); what `self`
    /// says wins.
    pub fn fill_contacts(&mut self, other: &mut Facility) {
        for (mine, theirs) in self.contacts_mut().into_iter().zip(other.contacts_mut()) {
            if mine.is_none() {
                *mine = theirs.take();
            }
        }
    }

    /// Hours as one text: the same for every row, or each row's by service when they differ
    /// (「地域移行支援：平日 09:00-18:00／…　地域定着支援：…」).
    pub fn hours_by_service(records: &[SourceRecord]) -> Option<String> {
        let mut distinct: Vec<&str> = Vec::new();
        for h in records.iter().filter_map(|r| r.hours.as_deref()) {
            if !distinct.contains(&h) {
                distinct.push(h);
            }
        }
        match distinct.len() {
            0 => None,
            1 => Some(distinct[0].to_string()),
            _ => {
                let mut parts: Vec<String> = Vec::new();
                for r in records {
                    let Some(h) = &r.hours else { continue };
                    let part = format!("{}：{h}", r.service.label());
                    if !parts.contains(&part) {
                        parts.push(part);
                    }
                }
                Some(parts.join("　"))
            }
        }
    }

    /// Phone numbers the open-data rows give besides [`Facility::phone`], each with its
    /// service (「地域定着支援：0138-83-8015」), in row order.
    pub fn other_phones(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut seen: Vec<&str> = self.phone.as_deref().into_iter().collect();
        for r in &self.records {
            let p = r.phone.as_deref().unwrap_or(r.phone_source.as_str());
            if p.is_empty() || seen.contains(&p) {
                continue;
            }
            seen.push(p);
            out.push(format!("{}：{p}", r.service.label()));
        }
        out
    }
}

fn yes() -> bool {
    true
}
