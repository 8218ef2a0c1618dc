//! Where a family searches: the area index every search loads first (`areas.json`: the
//! prefectures, every municipality and region), the municipalities' positions for
//! 「近くを探す」, finding an area as it is typed, and which codes and row files a search of an
//! area covers.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::normalize::fold;
use crate::math::{asin, cos, sin};

/// `data/<build>/search/areas.json`, which every search loads first: the prefectures' names
/// once, by 2-digit code, and every municipality and region. Positions are apart
/// ([`Positions`]), since only 「近くを探す」 needs them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AreaIndex {
    #[serde(rename = "p")]
    pub prefectures: BTreeMap<String, String>,
    #[serde(rename = "a")]
    pub areas: Vec<AreaEntry>,
}

impl AreaIndex {
    /// The entries, in id order as the builder writes them ([`super::index`]; [`area`]
    /// searches them by halves), with their prefecture, row file and search key filled in,
    /// ready for matching.
    pub fn into_entries(self) -> Vec<AreaEntry> {
        let AreaIndex { prefectures, mut areas } = self;
        let mut file_rows: BTreeMap<String, u32> = BTreeMap::new();
        for a in &mut areas {
            // A region is in its first member's prefecture, as the loader has it.
            let code = a.members.first().unwrap_or(&a.id);
            a.prefecture = code.get(..2).and_then(|p| prefectures.get(p)).cloned().unwrap_or_default();
            a.file = row_file_of(a).to_string();
            *file_rows.entry(a.file.clone()).or_default() += a.rows;
            a.prepare();
        }
        for a in &mut areas {
            a.file_rows = file_rows.get(&a.file).copied().unwrap_or_default();
        }
        areas
    }
}

/// `data/<build>/search/positions.json`: each municipality's hall, `[lat, lng]` to three
/// decimals (about 100 m: enough to find the nearest municipality), fetched for
/// 「近くを探す」 only.
pub type Positions = BTreeMap<String, [f64; 2]>;

/// A municipality or region in the area index.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AreaEntry {
    /// Code (municipality) or slug (region).
    #[serde(rename = "c")]
    pub id: String,
    #[serde(rename = "n")]
    pub name: String,
    /// The name in English (`areas.en.json` only): romanised, 「Kokubunji City」.
    #[serde(rename = "e", default, skip_serializing_if = "String::is_empty")]
    pub english: String,
    /// Reading in hiragana.
    #[serde(rename = "j", default, skip_serializing_if = "String::is_empty")]
    pub kana: String,
    /// A ward's city.
    #[serde(rename = "u", default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// A region's members.
    #[serde(rename = "m", default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    /// Facilities filed under this area itself.
    #[serde(rename = "r", default, skip_serializing_if = "is_zero")]
    pub rows: u32,
    /// The row file holding this area's facilities, `search/rows/<file>.json`: its own, or
    /// for a ward its city's (one file per 市町村, wards inside their city). Set by
    /// [`AreaIndex::into_entries`].
    #[serde(skip)]
    pub file: String,
    /// Rows in that file (0: there is no file). Set by [`AreaIndex::into_entries`].
    #[serde(skip)]
    pub file_rows: u32,
    /// Prefecture name, from [`AreaIndex::prefectures`].
    #[serde(skip)]
    pub prefecture: String,
    /// Folded name + kana + prefecture, for matching: made by [`AreaEntry::prepare`] once
    /// the index is loaded, never shipped.
    #[serde(skip)]
    pub key: String,
}

/// The row file of an area: a ward's rows are in its city's file.
pub fn row_file_of(a: &AreaEntry) -> &str {
    a.parent.as_deref().unwrap_or(&a.id)
}

/// The entry of `id` in entries sorted by id ([`AreaIndex::into_entries`]).
pub fn area<'a>(areas: &'a [AreaEntry], id: &str) -> Option<&'a AreaEntry> {
    areas.binary_search_by(|a| a.id.as_str().cmp(id)).ok().map(|i| &areas[i])
}

impl AreaEntry {
    /// Fill in the search key after loading.
    pub fn prepare(&mut self) {
        self.key = fold(&format!("{}{}{}{}", self.name, self.kana, self.english, self.prefecture));
    }

    /// The name as the page's reading shows it: in English with the name as written
    /// (「Esashi Town (江差町)」: romanised names can meet), else as written.
    pub fn shown_name(&self) -> String {
        if self.english.is_empty() {
            self.name.clone()
        } else {
            format!("{} ({})", self.english, self.name)
        }
    }
}

/// For `skip_serializing_if`: zero values are left out of the finder's files.
pub(super) fn is_zero<T: Default + PartialEq>(x: &T) -> bool {
    *x == T::default()
}

/// The municipality codes an area stands for: itself, its wards, or a region's members.
pub fn area_codes(areas: &[AreaEntry], id: &str) -> Vec<String> {
    let Some(area) = area(areas, id) else { return Vec::new() };
    if !area.members.is_empty() {
        return area.members.clone();
    }
    let mut codes = vec![area.id.clone()];
    codes.extend(areas.iter().filter(|a| a.parent.as_deref() == Some(id)).map(|a| a.id.clone()));
    codes
}

/// The row files (their ids) a search of `codes` needs, each once, only files that exist.
pub fn row_files(areas: &[AreaEntry], codes: &[String]) -> Vec<String> {
    let mut files: Vec<String> = Vec::new();
    for a in codes.iter().filter_map(|c| area(areas, c)).filter(|a| a.file_rows > 0) {
        // A handful of files per search: a linear check, and no sort in the wasm.
        if !files.contains(&a.file) {
            files.push(a.file.clone());
        }
    }
    files
}

/// Areas whose name or reading matches what was typed, prefix matches first.
pub fn matching_areas<'a>(areas: &'a [AreaEntry], typed: &str, limit: usize) -> Vec<&'a AreaEntry> {
    // 「sagamihara chuo」: every word must match, the first one ranks.
    let words: Vec<String> = typed.split_whitespace().map(fold).filter(|w| !w.is_empty()).collect();
    let Some(first) = words.first() else { return Vec::new() };
    let mut hits: Vec<(usize, &AreaEntry)> = areas
        .iter()
        .filter(|a| words.iter().all(|w| a.key.contains(w.as_str())))
        .filter_map(|a| a.key.find(first.as_str()).map(|pos| (if pos == 0 { 0 } else { 1 }, a)))
        .collect();
    // Prefix matches, municipalities before regions, shorter names first.
    super::order::sort_by_key(&mut hits, |(rank, a)| {
        (*rank as u64) << 33 | u64::from(!a.members.is_empty()) << 32 | a.name.chars().count() as u64
    });
    hits.into_iter().take(limit).map(|(_, a)| a).collect()
}

/// Great-circle distance in kilometres.
pub fn distance_km(lat1: f64, lng1: f64, lat2: f64, lng2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lng2 - lng1).to_radians();
    let a = sin(dp / 2.0).powi(2) + cos(p1) * cos(p2) * sin(dl / 2.0).powi(2);
    6371.0 * 2.0 * asin(a.sqrt())
}
