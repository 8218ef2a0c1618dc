//! `opendata/facilities-standard.csv`: the facility list with the columns of the
//! 自治体標準オープンデータセット 介護サービス事業所一覧, in its order (unknown → empty), UTF-8
//! with a BOM as the standard's files are opened in Excel.

use super::{position, services, write_csv};
use crate::load::fields::is_municipality_id;
use crate::load::Content;

/// The header of `facilities-standard.csv`: the 自治体標準オープンデータセット's
/// 介護サービス事業所一覧 columns, in its order, with what 拠点ナビ writes in each.
pub const STANDARD_COLUMNS: &[(&str, &str)] = &[
    ("都道府県コード又は市区町村コード", "施設のある市区町村の6桁のコード（圏域に掲載している施設は空欄）"),
    ("NO", "この表の中の連番"),
    ("都道府県名", "都道府県"),
    ("市区町村名", "市区町村・圏域名"),
    ("名称", "施設の名称"),
    ("名称_カナ", "よみ（全角カタカナ。資料にある場合）"),
    ("実施サービス", "WAM NET のサービス種別（複数は「;」区切り）。WAM NET にない施設は拠点ナビの役割"),
    ("住所", "住所"),
    ("方書", "空欄（資料にありません）"),
    ("緯度", "所在地の緯度（市区町村役所の位置で代えている施設は空欄）"),
    ("経度", "所在地の経度（同上）"),
    ("電話番号", "電話番号（全国の番号の形）"),
    ("内線番号", "空欄（資料にありません）"),
    ("FAX番号", "FAX番号（全国の番号の形。資料にある場合）"),
    ("法人番号", "空欄（拠点ナビは載せていません）"),
    ("法人の名称", "運営法人"),
    ("事業所番号", "WAM NET の事業所番号"),
    ("利用可能曜日", "空欄（曜日の形にはしていません。時間帯は次の列）"),
    ("利用可能曜日特記事項", "利用できる時間帯・定休日（WAM NET の記載。サービスで異なる場合はサービスごと）"),
    ("定員", "定員（WAM NET）"),
    ("URL", "ウェブサイト"),
    ("備考", "拠点ナビでの種類と施設ID（ページのアドレス /facilities/{id}/）"),
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
