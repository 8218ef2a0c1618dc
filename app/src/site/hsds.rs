//! Open data in the forms others already read (issue #19), written from the same facilities
//! as `facilities.csv`; a fact the site does not have is an empty cell, never a guess:
//! - `standard`: `opendata/facilities-standard.csv`, the columns of the
//!   自治体標準オープンデータセット 介護サービス事業所一覧;
//! - `tables`: the HSDS 3 tables the package has, their columns and `datapackage.json`;
//! - `package`: the rows of Open Referral's Human Services Data Specification 3 as a Tabular
//!   Data Package (`opendata/hsds/`), validated against HSDS's published JSON schemas by
//!   `tests/opendata_hsds.rs`.
//!
//! This file holds what both forms share: the services a facility is listed under, its
//! position cells, the stable UUIDs and the CSV writer. Text cells are neutralised for
//! spreadsheets as in [`super::opendata::csv_cell`]; number cells are written from numbers.

mod package;
mod standard;
mod tables;

use sha2::{Digest, Sha256};

pub use package::hsds_files;
pub use standard::{standard_csv, STANDARD_COLUMNS};
pub use tables::{Table, TABLES};

use super::opendata::csv_cell;
use crate::model::{Facility, Role};

/// The services a facility is registered for, or its role when it has none in WAM NET.
fn services(f: &Facility) -> Vec<Role> {
    if f.services.is_empty() {
        vec![f.role]
    } else {
        f.services.clone()
    }
}

/// A latitude or longitude cell: the facility's own position, or empty where the site shows
/// it at its municipality's office (`exact_position = false`).
fn position(f: &Facility, x: Option<f64>) -> String {
    match x {
        Some(v) if f.exact_position => v.to_string(),
        _ => String::new(),
    }
}

/// A stable UUID for a record of the package: the first 16 bytes of SHA-256 of `key`, with
/// the version (8, RFC 9562's custom form) and variant bits set. HSDS requires UUID ids;
/// the same facility gets the same ids in every build.
pub fn uuid(key: &str) -> String {
    let h = Sha256::digest(key.as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&h[..16]);
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

/// A CSV file: `header`, then `rows`, the cells of the `numbers` columns as they are and the
/// others neutralised for spreadsheets; a BOM first when `bom`.
fn write_csv(header: &[&str], numbers: &[&str], rows: &[Vec<String>], bom: bool) -> Vec<u8> {
    let mut out = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
    {
        let mut w = csv::Writer::from_writer(&mut out);
        let _ = w.write_record(header);
        let number: Vec<bool> = header.iter().map(|h| numbers.contains(h)).collect();
        for r in rows {
            let _ =
                w.write_record(
                    r.iter().zip(&number).map(|(cell, &n)| if n { cell.clone() } else { csv_cell(cell).into_owned() }),
                );
        }
        let _ = w.flush();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_uuids() {
        let id = uuid("location:kokubunji-kikan");
        assert_eq!(id, uuid("location:kokubunji-kikan"));
        assert_ne!(id, uuid("location:kokubunji-tsubasa"));
        let parts: Vec<&str> = id.split('-').collect();
        assert_eq!(parts.iter().map(|p| p.len()).collect::<Vec<_>>(), vec![8, 4, 4, 4, 12]);
        assert!(parts[2].starts_with('8'), "version 8: {id}");
        assert!(matches!(parts[3].as_bytes()[0], b'8' | b'9' | b'a' | b'b'), "variant: {id}");
    }
}
