//! A facility page's data, and the short form area pages list.

use super::*;

/// Rendered at build time only (a static page), so not serialised: `Facility` has no serde,
/// being built by the loader, never read from a file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FacilityData {
    pub facility: Facility,
    pub area: AreaLink,
    pub sources: Vec<Source>,
    pub corrections: Corrections,
}
/// A facility as a list shows it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FacilitySummary {
    pub id: String,
    pub name: String,
    pub role: crate::model::Role,
    pub area_name: String,
    /// やさしい日本語 lists: the area name's reading, shown as ふりがな.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_reading: Option<String>,
    pub functions: Vec<crate::model::Function>,
    pub phone: Option<String>,
    pub kyoten: bool,
    /// Service types from open data (empty for content-only facilities).
    pub services: Vec<crate::model::Role>,
    /// The sources name the disability types it serves.
    pub target_known: bool,
}
impl FacilitySummary {
    /// `f` in a list, its area named as the list's reading names it (`area`).
    pub fn of(f: &Facility, area: &AreaLink) -> Self {
        FacilitySummary {
            id: f.id.clone(),
            name: f.name.clone(),
            role: f.role,
            area_name: area.name.clone(),
            area_reading: area.reading.clone(),
            functions: f.functions.clone(),
            phone: f.phone.clone(),
            kyoten: f.kyoten,
            services: f.services.clone(),
            target_known: !f.disabilities.is_empty(),
        }
    }
}
