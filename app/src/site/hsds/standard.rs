//! `opendata/facilities-standard.csv`: the facility list with the columns of the
//! 自治体標準オープンデータセット 介護サービス事業所一覧, in its order (unknown → empty), UTF-8
//! with a BOM as the standard's files are opened in Excel.

use super::{position, services, write_csv};
use crate::load::fields::is_municipality_id;
use crate::load::Content;

/// The header of `facilities-standard.csv`: the 自治体標準オープンデータセット's
/// 介護サービス事業所一覧 columns, in its order, with the catalogue key that says what 拠点ナビ
/// writes in each (`opendata.standard.*`).
pub const STANDARD_COLUMNS: &[(&str, &str)] = &[
    ("都道府県コード又は市区町村コード", "opendata.standard.code"),
    ("NO", "opendata.standard.no"),
    ("都道府県名", "opendata.standard.prefecture"),
    ("市区町村名", "opendata.standard.municipality"),
    ("名称", "opendata.standard.name"),
    ("名称_カナ", "opendata.standard.kana"),
    ("実施サービス", "opendata.standard.services"),
    ("住所", "opendata.standard.address"),
    ("方書", "opendata.standard.address_note"),
    ("緯度", "opendata.standard.lat"),
    ("経度", "opendata.standard.lng"),
    ("電話番号", "opendata.standard.phone"),
    ("内線番号", "opendata.standard.extension"),
    ("FAX番号", "opendata.standard.fax"),
    ("法人番号", "opendata.standard.corporate_number"),
    ("法人の名称", "opendata.standard.operator"),
    ("事業所番号", "opendata.standard.office_number"),
    ("利用可能曜日", "opendata.standard.days"),
    ("利用可能曜日特記事項", "opendata.standard.days_note"),
    ("定員", "opendata.standard.capacity"),
    ("URL", "opendata.standard.url"),
    ("備考", "opendata.standard.note"),
];

/// Columns of [`STANDARD_COLUMNS`] written from numbers.
const STANDARD_NUMBERS: &[&str] = &["NO", "緯度", "経度", "定員"];

/// Hiragana to full-width katakana (the standard's 名称_カナ); anything else as it is.
fn katakana(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'ぁ'..='ゖ' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// `facilities-standard.csv` (UTF-8 with BOM, as the standard's files are opened in Excel).
pub fn standard_csv(c: &Content) -> Vec<u8> {
    let rows: Vec<Vec<String>> = c
        .facilities
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let area = c.areas.get(&f.area);
            let opt = |o: &Option<String>| o.clone().unwrap_or_default();
            vec![
                if is_municipality_id(&f.area) { f.area.clone() } else { String::new() },
                (i + 1).to_string(),
                area.map(|a| a.prefecture.clone()).unwrap_or_default(),
                area.map(|a| a.name.clone()).unwrap_or_default(),
                f.name.clone(),
                f.kana.as_deref().map(katakana).unwrap_or_default(),
                services(f).iter().map(|r| r.label()).collect::<Vec<_>>().join(";"),
                opt(&f.address),
                String::new(),
                position(f, f.lat),
                position(f, f.lng),
                opt(&f.phone),
                String::new(),
                opt(&f.fax),
                String::new(),
                opt(&f.operator),
                opt(&f.wamnet),
                String::new(),
                opt(&f.hours),
                f.capacity.map(|n| n.to_string()).unwrap_or_default(),
                opt(&f.url),
                format!(
                    "{}。拠点ナビの施設ID：{}",
                    if f.kyoten {
                        "拠点（自治体の資料で拠点に位置付け）"
                    } else {
                        "障害福祉サービス事業所"
                    },
                    f.id
                ),
            ]
        })
        .collect();
    let header: Vec<&str> = STANDARD_COLUMNS.iter().map(|(k, _)| *k).collect();
    write_csv(&header, STANDARD_NUMBERS, &rows, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kana_becomes_katakana() {
        assert_eq!(katakana("しゃかいふくしほうじん　つばさ"), "シャカイフクシホウジン　ツバサ");
        assert_eq!(katakana("サニースポット"), "サニースポット");
    }
}
