//! `import sheet FILE.csv`: a municipality's own list, made from
//! `content/templates/facilities-template.csv`, merged into the facility files by ID (or by
//! WAM NET 事業所番号). It carries what WAM NET does not know — whether a facility is part
//! of the 拠点, its functions, disability types, ages, 24-hour contact, emergency beds,
//! notes — and can add facilities WAM NET does not list (a 基幹相談支援センター, a
//! municipal office). An empty cell says nothing: it never clears a value.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

use toml::Value;
use unicode_normalization::UnicodeNormalization;

use super::edit::{Doc, Origin};
use super::{
    check_shape, claimed_by, existing_facilities, finish, shown, source_ids, string, strings, FileChange, Plan,
};
use crate::load::ids::valid_path_id;
use crate::load::reference::valid_lgcode;
use crate::load::validate::{in_japan, is_phone, is_real_date};
use crate::load::wamnet::wamnet_id;
use crate::load::Diagnostic;
use crate::model::{AgeGroup, DisabilityType, Function, Role};

/// The template's columns, in order: (header, what to write). The README documents each
/// column from this list; `content/templates/facilities-template.csv` is this header row.
pub const SHEET_COLUMNS: &[(&str, &str)] = &[
    ("ID", "拠点ナビの施設ID（content/facilities/ のファイル名）。WAM NET から取り込んだ施設は w＋事業所番号＋記号（例 w1313700161-5e0b）。新しい施設は半角英小文字・数字・ハイフンで決めます（例 kokubunji-kikan）。空欄なら事業所番号で探します"),
    ("事業所番号", "WAM NET の事業所番号（10桁）。ID が空欄のとき、この番号の施設に合わせます。ID と両方書くと、その施設ファイルに番号を記録します"),
    ("名称", "名称。新しい施設では必須。同じ事業所番号の事業所が複数あるときは、名称で見分けます"),
    ("よみ", "名称のよみ（ひらがな・カタカナ）"),
    ("運営法人", "運営する法人の名称"),
    ("市区町村コード", "6桁の全国地方公共団体コード（例 132144）または圏域のID。新しい施設では必須"),
    ("役割", "基幹相談支援センター、地域生活支援拠点、地域活動支援センター、相談支援事業所、短期入所、グループホーム、日中活動系サービス、居宅介護・訪問系サービス、地域移行支援、地域定着支援、障害者福祉センター、市区町村の窓口、運営法人 のどれか（英字のIDも可）。新しい施設では必須"),
    ("拠点に位置付け", "この施設を地域生活支援拠点等に位置付けているか：はい／いいえ"),
    ("拠点の機能", "担う拠点の機能：相談、緊急、体験、人材、体制 から「、」区切りで（例 相談、緊急）"),
    ("対象の障害", "身体、知的、精神、発達、難病、高次脳機能障害、重症心身障害、医療的ケア、強度行動障害 から「、」区切りで"),
    ("対象年齢", "子ども（18歳未満）、大人（18歳以上）：子ども／大人 を「、」区切りで"),
    ("24時間対応", "24時間連絡がつくか：はい／いいえ"),
    ("緊急用の空床数", "緊急時のために確保している空床の数（半角数字）"),
    ("位置付けた時期", "拠点に位置付けた年月：2021-11 または 2021-11-01"),
    ("住所", "住所"),
    ("緯度", "緯度（例 35.7108）。経度と両方書きます"),
    ("経度", "経度（例 139.4622）"),
    ("電話番号", "電話番号（ハイフン付き、例 042-123-4567）"),
    ("受付時間", "受付時間（例 平日 8:30～17:15）"),
    ("ウェブサイト", "ウェブサイトのアドレス（https://…）"),
    ("出典", "この行の情報の出典：content/sources.toml の id（複数は「、」区切り）。空欄なら --source の値"),
    ("確認日", "この行の情報を確かめた日：2026-11-22 の形。空欄なら取り込んだ日"),
    ("備考", "施設のページに載せる説明（Markdown）。施設ファイルの本文が空のときだけ書き込みます"),
];

/// What to import.
#[derive(Clone, Debug)]
pub struct SheetImport {
    pub file: std::path::PathBuf,
    /// `--source`: the source id for rows whose 出典 cell is empty.
    pub source: Option<String>,
    /// `last_verified` for rows whose 確認日 is empty, `YYYY-MM-DD`.
    pub date: String,
    pub content: std::path::PathBuf,
}

/// Work out what importing the list would do (see [`super::wamnet::plan_wamnet`]).
pub fn plan_sheet(opts: &SheetImport) -> Result<Plan, String> {
    let content = opts.content.as_path();
    let reference = super::reference(content)?;
    let known_sources = source_ids(content)?;
    let shown_file = opts.file.display().to_string();
    let bytes = fs::read(&opts.file).map_err(|e| format!("{shown_file}: {e}"))?;
    let mut plan = Plan::default();
    let table = match super::table::parse_table(&shown_file, &bytes) {
        Ok(t) => t,
        Err(d) => {
            plan.rejected.push(d);
            return Ok(plan);
        }
    };
    let headers: Vec<String> = table.headers.iter().map(|h| h.trim().to_string()).collect();
    for (i, h) in headers.iter().enumerate() {
        if !SHEET_COLUMNS.iter().any(|(c, _)| c == h) {
            plan.rejected.push(Diagnostic::new(
                &shown_file,
                1,
                "header",
                format!(
                    "column {} 「{h}」 is not a template column (expected one of {})",
                    i + 1,
                    SHEET_COLUMNS.iter().map(|(c, _)| *c).collect::<Vec<_>>().join("、")
                ),
            ));
        } else if headers[..i].contains(h) {
            plan.rejected.push(Diagnostic::new(
                &shown_file,
                1,
                "header",
                format!("column {} 「{h}」 appears twice", i + 1),
            ));
        }
    }
    if !headers.iter().any(|h| h == "ID" || h == "事業所番号") {
        plan.rejected.push(Diagnostic::new(
            &shown_file,
            1,
            "header",
            "needs the column ID or 事業所番号 to know which facility a row is",
        ));
    }
    if !plan.rejected.is_empty() {
        return Ok(plan);
    }
    plan.rejected.extend(table.broken);
    if let Some(s) = &opts.source {
        if !known_sources.contains(s) {
            return Err(format!(
                "--source {s}: not an id in content/sources.toml (add a [[source]] for your list first)"
            ));
        }
    }

    let existing = existing_facilities(content);
    let mut taken: BTreeMap<String, usize> = BTreeMap::new();
    for row in &table.rows {
        let cell = |name: &str| {
            headers.iter().position(|h| h == name).and_then(|i| row.record.get(i)).map(str::trim).unwrap_or("")
        };
        if row.record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut errors = Vec::new();
        let mut err =
            |field: &str, message: String| errors.push(Diagnostic::new(&shown_file, row.line, field, message));

        // Which facility this row is.
        let (id_cell, number, name) = (cell("ID"), nfkc(cell("事業所番号")), cell("名称"));
        if !number.is_empty() && !number.bytes().all(|b| b.is_ascii_digit()) {
            err("事業所番号", format!("\"{number}\" is not a 事業所番号 (expected 10 digits, e.g. 1313700161)"));
        }
        let target = if !id_cell.is_empty() {
            match valid_path_id(id_cell) {
                Ok(()) => Some(id_cell.to_string()),
                Err(e) => {
                    err("ID", e);
                    None
                }
            }
        } else if !number.is_empty() {
            let id = wamnet_id(&number, name);
            // Without a name, the one file with this number; with a name, only that name
            // (事業所番号 repeat across different facilities).
            match claimed_by(&existing, &number, name, &id, !name.is_empty()) {
                Some(t) => Some(t),
                None if !name.is_empty() => Some(id),
                None => {
                    err("名称", format!("no facility file has wamnet = \"{number}\"; give 名称 too (import the WAM NET file first, or this row adds a new facility)"));
                    None
                }
            }
        } else {
            err("ID", "ID or 事業所番号 is needed to know which facility this row is".into());
            None
        };

        let mut facts: Vec<(&'static str, Value)> = Vec::new();
        let mut text = |key: &'static str, column: &str| {
            let v = cell(column);
            if !v.is_empty() {
                facts.push((key, string(v)));
            }
        };
        text("name", "名称");
        text("kana", "よみ");
        text("operator", "運営法人");
        text("address", "住所");
        text("hours", "受付時間");
        if !number.is_empty() {
            facts.push(("wamnet", string(&number)));
        }
        let area = nfkc(cell("市区町村コード"));
        if !area.is_empty() {
            let region = content.join("areas").join(format!("{area}.md"));
            if (valid_lgcode(&area) && reference.contains_key(&area))
                || (!area.bytes().all(|b| b.is_ascii_digit()) && valid_path_id(&area).is_ok() && region.exists())
            {
                facts.push(("area", string(&area)));
            } else {
                err("市区町村コード", format!("\"{area}\" is not a municipality code in the reference list nor a region in content/areas/ (expected e.g. 132144)"));
            }
        }
        match cell("役割") {
            "" => {}
            v => match Role::ALL.into_iter().find(|r| r.id() == v || r.label() == v) {
                Some(r) => facts.push(("role", string(r.id()))),
                None => err(
                    "役割",
                    format!(
                        "「{v}」 is not a role (expected one of {})",
                        Role::ALL.iter().map(|r| r.label()).collect::<Vec<_>>().join("、")
                    ),
                ),
            },
        }
        for (column, key) in [("拠点に位置付け", "kyoten"), ("24時間対応", "open_24h")] {
            match yes_no(cell(column)) {
                Ok(Some(b)) => facts.push((key, Value::Boolean(b))),
                Ok(None) => {}
                Err(m) => err(column, m),
            }
        }
        let lists: [ListColumn; 3] = [
            ("拠点の機能", "functions", function_word, "相談、緊急、体験、人材、体制"),
            (
                "対象の障害",
                "disabilities",
                disability_word,
                "身体、知的、精神、発達、難病、高次脳機能障害、重症心身障害、医療的ケア、強度行動障害",
            ),
            ("対象年齢", "ages", age_word, "子ども、大人"),
        ];
        for (column, key, word, expected) in lists {
            match words(cell(column), word) {
                Ok(ids) if ids.is_empty() => {}
                Ok(ids) => facts.push((key, strings(ids))),
                Err(bad) => err(column, format!("「{bad}」 is not one of {expected} (separate several with 「、」)")),
            }
        }
        match nfkc(cell("緊急用の空床数")).as_str() {
            "" => {}
            v => match v.parse::<u32>() {
                Ok(n) => facts.push(("emergency_beds", Value::Integer(i64::from(n)))),
                Err(_) => err("緊急用の空床数", format!("\"{v}\" is not a number of beds (expected e.g. 2)")),
            },
        }
        match nfkc(cell("位置付けた時期")).as_str() {
            "" => {}
            v if is_real_date(v, true) => facts.push(("positioned", string(v))),
            v => err(
                "位置付けた時期",
                format!("\"{v}\" is not a real date (expected YYYY-MM or YYYY-MM-DD, e.g. 2021-11)"),
            ),
        }
        let (lat, lng) = (nfkc(cell("緯度")), nfkc(cell("経度")));
        match (lat.as_str(), lng.as_str()) {
            ("", "") => {}
            (a, b) => match (a.parse::<f64>(), b.parse::<f64>()) {
                (Ok(x), Ok(y)) if in_japan(x, y) => {
                    facts.push(("lat", Value::Float(x)));
                    facts.push(("lng", Value::Float(y)));
                }
                _ => err("緯度", format!("\"{a}\", \"{b}\" is not a position in Japan (give both 緯度 and 経度, e.g. 35.7108 and 139.4622)")),
            },
        }
        match nfkc(cell("電話番号")).as_str() {
            "" => {}
            v if is_phone(v) => facts.push(("phone", string(v))),
            v => err("電話番号", format!("\"{v}\" is not a complete phone number (expected e.g. 042-123-4567)")),
        }
        match cell("ウェブサイト") {
            "" => {}
            v if v.starts_with("https://") || v.starts_with("http://") => facts.push(("url", string(v))),
            v => err("ウェブサイト", format!("\"{v}\" is not a web address (expected https://…)")),
        }
        let mut row_sources: Vec<String> = split_list(cell("出典")).into_iter().map(|s| s.to_string()).collect();
        if row_sources.is_empty() {
            row_sources.extend(opts.source.clone());
        }
        if row_sources.is_empty() {
            err("出典", "name the source of this row (an id from content/sources.toml), or pass --source ID".into());
        }
        for s in &row_sources {
            if !known_sources.contains(s) {
                err(
                    "出典",
                    format!("unknown source \"{s}\" (add a [[source]] with this id to content/sources.toml first)"),
                );
            }
        }
        let date = match nfkc(cell("確認日")).as_str() {
            "" => opts.date.clone(),
            v if is_real_date(v, false) => v.to_string(),
            v => {
                err("確認日", format!("\"{v}\" is not a real date (expected YYYY-MM-DD, e.g. 2026-11-22)"));
                String::new()
            }
        };
        let note = cell("備考");
        if let Err((_, message)) = crate::markdown::check_limits(note) {
            err("備考", message);
        }

        let Some(target) = target else {
            plan.rejected.extend(errors);
            continue;
        };
        if let Some(first) = taken.get(&target) {
            err("ID", format!("the same facility ({target}) as line {first}; merge the two rows"));
        }
        let path = content.join("facilities").join(format!("{target}.md"));
        let old = existing.get(&target);
        if old.is_none() {
            let missing: Vec<&str> = [("名称", "name"), ("市区町村コード", "area"), ("役割", "role")]
                .into_iter()
                .filter(|(_, key)| !facts.iter().any(|(k, _)| k == key))
                .map(|(c, _)| c)
                .collect();
            if !missing.is_empty() {
                let other = existing
                    .iter()
                    .find(|(_, e)| !number.is_empty() && e.str("wamnet").as_deref() == Some(number.as_str()));
                let hint = other.map_or(String::new(), |(id, e)| {
                    format!(
                        " ({} has this 事業所番号 under the name 「{}」: if it is that facility, write its ID, {id})",
                        e.shown,
                        e.str("name").unwrap_or_default()
                    )
                });
                err(
                    missing[0],
                    format!(
                        "there is no file content/facilities/{target}.md yet; a new facility needs {}{hint}",
                        missing.join("、")
                    ),
                );
            }
        }
        if let Some(Some(existing_number)) = old.map(|e| e.str("wamnet")) {
            if !number.is_empty() && existing_number != number {
                err(
                    "事業所番号",
                    format!("{} has wamnet = \"{existing_number}\", this row says \"{number}\"", shown(content, &path)),
                );
            }
        }
        if !errors.is_empty() {
            plan.rejected.extend(errors);
            continue;
        }
        taken.insert(target.clone(), row.line);

        let mut doc = match old.map(|e| e.doc.clone()) {
            None => Doc::new(&[
                &format!("自治体の一覧表（{}）から取り込みました。", opts.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()),
                "行末の「# WAM NET」「# 一覧表」は取り込んだ値の印です。値を直した行は、次の取り込みで上書きされません。",
            ]),
            Some(Ok(doc)) => doc,
            Some(Err(e)) => {
                plan.rejected.push(Diagnostic::new(&shown(content, &path), 0, "", format!("{e}; fix the file (cargo run --release -- check) before importing into it")));
                continue;
            }
        };
        let display_name = facts
            .iter()
            .find(|(k, _)| *k == "name")
            .and_then(|(_, v)| v.as_str().map(str::to_string))
            .or_else(|| old.and_then(|e| e.str("name")))
            .unwrap_or_default();
        let mut change = FileChange {
            shown: shown(content, &path),
            path,
            name: display_name,
            created: old.is_none(),
            changed: Vec::new(),
            left: Vec::new(),
            text: None,
        };
        for (key, value) in &facts {
            let c = doc.propose(key, value.clone(), &Origin::Sheet, false);
            change.note(key, c, value);
        }
        if !note.is_empty() {
            let body = doc.body.trim();
            if body.is_empty() {
                doc.body = format!("{note}\n");
                change.changed.push("本文".into());
            } else if body != note {
                change.left.push((
                    "本文".into(),
                    string(body),
                    string(note),
                    "the file's text already says something else",
                ));
            }
        }
        finish(&mut doc, &mut change, &row_sources, &date);
        let new_text = doc.render();
        if old.is_none_or(|e| e.text != new_text) {
            if let Err(d) = check_shape(&change.shown, &new_text) {
                plan.rejected.push(Diagnostic::new(
                    &shown_file,
                    row.line,
                    "",
                    format!("would make {} invalid: {d}", change.shown),
                ));
            }
            change.text = Some(new_text);
        }
        plan.files.push(change);
    }
    plan.files.sort_by(|a, b| a.shown.cmp(&b.shown));
    let mut seen = BTreeSet::new();
    plan.files.retain(|f| seen.insert(f.shown.clone()));
    Ok(plan)
}

/// A list column: (header, front-matter key, word → id, the words it takes).
type ListColumn = (&'static str, &'static str, fn(&str) -> Option<&'static str>, &'static str);

/// Full-width digits, letters and hyphens as people type them in Excel → half-width.
fn nfkc(s: &str) -> String {
    s.nfkc().collect::<String>().trim().to_string()
}

fn split_list(cell: &str) -> Vec<&str> {
    cell.split(['、', ',', '，', '/', '／', ';', '；', ' ', '　', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The ids of a list cell. A word that is not known is tried once more split at 「・」
/// (「身体・知的」). `Err` carries the first unknown word.
fn words(cell: &str, word: fn(&str) -> Option<&'static str>) -> Result<Vec<&'static str>, String> {
    let mut ids = Vec::new();
    for w in split_list(cell) {
        let parts: Vec<&str> =
            if word(w).is_some() { vec![w] } else { w.split('・').filter(|p| !p.is_empty()).collect() };
        for p in parts {
            match word(p) {
                Some(id) if !ids.contains(&id) => ids.push(id),
                Some(_) => {}
                None => return Err(p.to_string()),
            }
        }
    }
    Ok(ids)
}

pub(super) fn function_word(w: &str) -> Option<&'static str> {
    let w = w.trim_start_matches(['①', '②', '③', '④', '⑤']);
    let f = match w {
        "相談" => Function::Consultation,
        "緊急" | "緊急時" | "緊急時の受け入れ・対応" | "緊急時の受け入れ" => {
            Function::Emergency
        }
        "体験" | "体験の機会・場" | "体験の機会" => Function::Experience,
        "人材" | "専門" | "専門的人材" | "専門的人材の確保・養成" => Function::Expertise,
        "体制" | "体制づくり" | "地域の体制づくり" => Function::Network,
        other => return Function::from_id(other).map(Function::id),
    };
    Some(f.id())
}

fn disability_word(w: &str) -> Option<&'static str> {
    DisabilityType::ALL
        .into_iter()
        .find(|d| {
            d.id() == w
                || d.label() == w
                || d.label().strip_suffix("障害") == Some(w)
                || (*d == DisabilityType::BrainInjury && w == "高次脳")
                || (*d == DisabilityType::SevereMultiple && w == "重心")
        })
        .map(DisabilityType::id)
}

fn age_word(w: &str) -> Option<&'static str> {
    match w {
        "子ども" | "子供" | "こども" | "児童" | "障害児" | "18歳未満" | "子ども（18歳未満）" => {
            Some(AgeGroup::Child.id())
        }
        "大人" | "おとな" | "成人" | "障害者" | "18歳以上" | "大人（18歳以上）" => {
            Some(AgeGroup::Adult.id())
        }
        other => AgeGroup::from_id(other).map(AgeGroup::id),
    }
}

fn yes_no(cell: &str) -> Result<Option<bool>, String> {
    match nfkc(cell).to_lowercase().as_str() {
        "" => Ok(None),
        "はい" | "○" | "◯" | "あり" | "yes" | "true" | "1" => Ok(Some(true)),
        "いいえ" | "×" | "なし" | "no" | "false" | "0" => Ok(Some(false)),
        v => Err(format!("\"{v}\" is not はい or いいえ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_cells_accept_ids_and_japanese_words() {
        assert_eq!(words("相談、緊急", function_word), Ok(vec!["consultation", "emergency"]));
        assert_eq!(
            words("②緊急時の受け入れ・対応,③体験の機会・場", function_word),
            Ok(vec!["emergency", "experience"])
        );
        assert_eq!(words("expertise network", function_word), Ok(vec!["expertise", "network"]));
        assert_eq!(words("身体・知的・精神", disability_word), Ok(vec!["physical", "intellectual", "mental"]));
        assert_eq!(
            words("医療的ケア、強度行動障害、高次脳", disability_word),
            Ok(vec!["medical_care", "behavioral", "brain_injury"])
        );
        assert_eq!(words("子ども、大人", age_word), Ok(vec!["child", "adult"]));
        assert_eq!(words("相談、送迎", function_word), Err("送迎".into()));
        assert_eq!(words("身体・視覚", disability_word), Err("視覚".into()));
        assert_eq!(words("", age_word), Ok(vec![]));
    }

    #[test]
    fn yes_and_no() {
        for (cell, expected) in [
            ("はい", Ok(Some(true))),
            ("いいえ", Ok(Some(false))),
            ("○", Ok(Some(true))),
            ("", Ok(None)),
            ("たぶん", Err("\"たぶん\" is not はい or いいえ".to_string())),
        ] {
            assert_eq!(yes_no(cell), expected, "{cell}");
        }
    }

    #[test]
    fn full_width_is_made_half_width() {
        assert_eq!(nfkc("０４２－１２３－４５６７"), "042-123-4567");
        assert_eq!(nfkc(" １３２１４４ "), "132144");
    }
}
