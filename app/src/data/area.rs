//! An area page's data: the municipality or region, its first contacts, its map, and how
//! other pages link to it.

use super::*;

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
