//! One facility as the finder searches it: the compact row of a row file
//! (`data/<build>/search/rows/<area>.json`) and what it can say about itself (functions,
//! services, 24-hour answer). Which rows a search keeps is `matching.rs`'s.

use serde::{Deserialize, Serialize};

use crate::features::finder::areas::is_zero;
use crate::features::finder::normalize::fold;
use crate::model::{Function, Role};

/// One facility as the finder needs it, in `data/<build>/search/rows/<area>.json`: one file
/// per area, so a family downloads only the municipalities it searches. Short keys and no
/// zero values keep the files small; the search key is made in the browser.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FinderRow {
    #[serde(rename = "i")]
    pub id: String,
    #[serde(rename = "n")]
    pub name: String,
    /// Reading, as the source writes it (hiragana or katakana).
    #[serde(rename = "j", default, skip_serializing_if = "Option::is_none")]
    pub kana: Option<String>,
    /// 法人 (operator) name.
    #[serde(rename = "o", default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    #[serde(rename = "l", default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Municipality code: the file's own area, so not written in it; set by
    /// [`FinderRow::prepare`].
    #[serde(rename = "a", default, skip_serializing_if = "String::is_empty")]
    pub area: String,
    #[serde(rename = "y")]
    pub lat: f64,
    #[serde(rename = "x")]
    pub lng: f64,
    /// 1 when the position is the facility's own, 0 when it is the municipality hall.
    #[serde(rename = "e", default, skip_serializing_if = "is_zero")]
    pub exact: u8,
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Index into `Role::ALL`.
    #[serde(rename = "r", default, skip_serializing_if = "is_zero")]
    pub role: u8,
    /// Bit per `Role::ALL` index of the open-data service types.
    #[serde(rename = "s", default, skip_serializing_if = "is_zero")]
    pub services: u16,
    /// Bit per `Function::ALL` index.
    #[serde(rename = "f", default, skip_serializing_if = "is_zero")]
    pub functions: u8,
    /// Bit per `DisabilityType::ALL` index; 0 = not known.
    #[serde(rename = "d", default, skip_serializing_if = "is_zero")]
    pub disabilities: u16,
    /// Bit per `AgeGroup::ALL` index; 0 = not known.
    #[serde(rename = "g", default, skip_serializing_if = "is_zero")]
    pub ages: u8,
    /// 1 when a municipality's documents position it as part of the 拠点.
    #[serde(rename = "k", default, skip_serializing_if = "is_zero")]
    pub kyoten: u8,
    /// 0 not known, 1 answers 24 hours, 2 does not.
    #[serde(rename = "h", default, skip_serializing_if = "is_zero")]
    pub open_24h: u8,
    #[serde(rename = "b", default, skip_serializing_if = "Option::is_none")]
    pub beds: Option<u32>,
    /// Folded name, kana, operator and address: made by [`FinderRow::prepare`] once the
    /// file is loaded, never shipped (it would double the file).
    #[serde(skip)]
    pub key: String,
    /// `area` as a number ([`area_code`]), made by [`FinderRow::prepare`]: every keystroke
    /// checks every row's area, and numbers compare three times faster than strings over a
    /// whole prefecture's rows.
    #[serde(skip)]
    pub code: u64,
}

/// A municipality code as a number for comparing; anything else (a region's slug) is
/// `u64::MAX`, which no row has. (`u64` and no `str::parse`: the map already sorts `u64`s,
/// and the finder widget's wasm has no room for another sort.)
pub fn area_code(id: &str) -> u64 {
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
        return u64::MAX;
    }
    id.bytes().fold(0, |n, b| n.wrapping_mul(10).wrapping_add(u64::from(b - b'0')))
}

impl FinderRow {
    /// After loading `rows/<file>.json`: the row's area (written only when it is not the
    /// file's, i.e. a ward's row in its city's file) and its search key.
    pub fn prepare(&mut self, file: &str) {
        if self.area.is_empty() {
            file.clone_into(&mut self.area);
        }
        self.code = area_code(&self.area);
        self.key = fold(&format!(
            "{} {} {} {}",
            self.name,
            self.kana.as_deref().unwrap_or(""),
            self.operator.as_deref().unwrap_or(""),
            self.address.as_deref().unwrap_or("")
        ));
    }

    pub fn role(&self) -> Role {
        Role::ALL.get(self.role as usize).copied().unwrap_or_default()
    }

    pub fn has_function(&self, f: Function) -> bool {
        self.functions & (1 << f as u8) != 0
    }

    pub fn has_service(&self, r: Role) -> bool {
        self.services & (1 << r as u16) != 0
    }

    /// A 拠点's own entry point: a 基幹相談支援センター or the 拠点's office that a municipality's
    /// documents position as part of the 拠点 — where a family in an emergency is sent first.
    pub fn is_entry_point(&self) -> bool {
        self.kyoten == 1 && matches!(self.role(), Role::CoreConsultation | Role::Base)
    }

    /// What the row offers in an emergency and on what basis, for the 緊急時 need (the
    /// catalogue key of its sentence): the municipality's documents for a 拠点 body, the
    /// service type for an open-data facility.
    pub fn emergency_basis(&self) -> Option<&'static str> {
        if self.kyoten == 1 && self.has_function(Function::Emergency) {
            Some("finder.basis_kyoten")
        } else if self.is_entry_point() {
            Some("finder.basis_entry")
        } else if self.has_service(Role::ShortStay) {
            Some("finder.basis_short_stay")
        } else {
            None
        }
    }

    /// 24-hour contact: stated by a source, or 地域定着支援, whose definition is a
    /// 常時の連絡体制 (issue #11).
    pub fn answers_24h(&self) -> bool {
        self.open_24h == 1 || self.has_service(Role::CommunitySettlement)
    }
}
