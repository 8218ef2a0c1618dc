//! WAM NET open data (障害福祉サービス等情報公表システム): the national base layer of
//! facilities, read straight from the CSV files in `content/wamnet/` at build time. One file
//! per service type, UTF-8 with BOM, 29 columns. A facility listed in several files (same
//! 事業所番号 and name) becomes one facility with several services. Nothing here says whether
//! a facility belongs to a 拠点, so every record is `kyoten = false`.
//!
//! This file reads a file's rows; `row` makes one row a facility, `service` says which 拠点
//! needs a service type serves, `city` finds an address's municipality, `merge` folds rows
//! of one facility and joins them with the content files that claim them.

mod city;
mod merge;
mod row;
mod service;

use super::diagnostic::Diagnostic;
use super::fields::normalize_phone;
use crate::model::Facility;

pub use city::CityIndex;
pub use merge::merge;
pub use row::{facility_of, wamnet_id, Row, HEADER, NUMBER_COLUMNS};
pub use service::service_role;

/// The source address rule under the name the tests know; it lives in `fields`.
pub use super::fields::usable_web_url as web_url;

/// The `content/sources.toml` id of a WAM NET file: `wamnet-` and the digits of its name
/// (`csvdownload024.csv` → `wamnet-024`); `None` when the name has no digits.
pub fn source_id(file_stem: &str) -> Option<String> {
    let digits: String = file_stem.chars().filter(|c| c.is_ascii_digit()).collect();
    (!digits.is_empty()).then(|| format!("wamnet-{digits}"))
}

/// Parse one WAM NET file. `source` is its id in `content/sources.toml`. Rows that cannot be
/// used are reported as diagnostics (with their CSV line) and left out.
pub fn parse_wamnet(
    path: &str,
    text: &str,
    source: &str,
    cities: &CityIndex,
    last_verified: &str,
    skipped: &mut Vec<Diagnostic>,
) -> Result<Vec<Facility>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| Diagnostic::new(path, 1, "", e.to_string()))?.clone();
    if headers.len() != 29 {
        return Err(Diagnostic::new(path, 1, "", format!("expected the 29 WAM NET columns, found {}", headers.len())));
    }
    let mut out = Vec::new();
    for record in reader.records() {
        let line = record.as_ref().ok().and_then(|r| r.position()).map_or(0, |p| p.line() as usize);
        let row: Row = match record.and_then(|r| r.deserialize(Some(&headers))) {
            Ok(r) => r,
            Err(e) => {
                skipped.push(Diagnostic::new(path, line, "", format!("unreadable row: {e}")));
                continue;
            }
        };
        match facility_of(&row, source, cities, last_verified) {
            Ok(mut f) => {
                for r in &mut f.records {
                    r.line = line;
                }
                for ((column, shown), raw) in NUMBER_COLUMNS.into_iter().zip(row.numbers()) {
                    if let Some(Err(why)) = Some(raw.trim()).filter(|r| !r.is_empty()).map(normalize_phone) {
                        skipped.push(Diagnostic::new(path, line, column, format!("{why}: {shown}")));
                    }
                }
                if let Some(u) = &f.url_source {
                    skipped.push(Diagnostic::new(
                        path,
                        line,
                        "事業所URL",
                        format!("「{u}」 is not a usable web address: the page shows it as text, not as a link"),
                    ));
                }
                out.push(f)
            }
            Err((field, message)) => skipped.push(Diagnostic::new(path, line, field, message)),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_that_would_leave_the_output_folder_is_left_out_with_its_line() {
        let mut csv = format!("\u{feff}{}\n", HEADER.join(","));
        let row = |number: &str| {
            let mut cells = vec![""; 29];
            (cells[11], cells[12], cells[14], cells[15]) = ("短期入所", "テスト", number, "神奈川県相模原市中央区");
            cells.join(",") + "\n"
        };
        csv.push_str(&row("1234567890/../../../../tmp/x"));
        csv.push_str(&row("1412606194"));
        let mut skipped = Vec::new();
        let rows = parse_wamnet("wamnet/x.csv", &csv, "wamnet-024", &city::sample(), "", &mut skipped).expect("parses");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].id, wamnet_id("1412606194", "テスト"));
        assert_eq!(skipped.len(), 1, "{skipped:?}");
        let shown = skipped[0].to_string();
        assert!(shown.starts_with("wamnet/x.csv:2: 事業所番号: row left out"), "{shown}");
    }
}
