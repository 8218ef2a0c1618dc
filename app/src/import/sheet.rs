//! `import sheet FILES…`: a municipality's own list, and the correction rows families and
//! facilities send from the site's form (issue #21), all made from
//! `content/templates/facilities-template.csv`, merged into the facility files by ID (or by
//! WAM NET 事業所番号). A list carries what WAM NET does not know — whether a facility is
//! part of the 拠点, its functions, disability types, ages, 24-hour contact, emergency beds,
//! notes — and can add facilities WAM NET does not list (a 基幹相談支援センター, a
//! municipal office). An empty cell says nothing: it never clears a value.
//!
//! Rows about one facility from several files are applied together. A row with no fact
//! confirms the listing (its 確認日 renews `last_verified`). A row checked before the file's
//! last edit by a list or correction, and a field two rows disagree on, are conflicts:
//! reported and left out while the other rows apply. A correction for a WAM NET facility
//! that has no file yet creates one over its base-layer record (`content/wamnet/`).

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use toml::Value;
use unicode_normalization::UnicodeNormalization;

use super::correction::{correction_source, Sources, MAX_CHARS};
use super::edit::{Change, Doc, Origin};
use super::{
    check_shape, claimed_by, existing_facilities, shown, string, strings, Detail, DetailKind, Existing, FileChange,
    Plan, RowRef,
};
use crate::load::ids::valid_path_id;
use crate::load::reference::valid_lgcode;
use crate::load::validate::{in_japan, is_phone, is_real_date};
use crate::load::wamnet::wamnet_id;
use crate::load::Diagnostic;
use crate::model::{AgeGroup, DisabilityType, Facility, Function, Role};

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
    ("出典", "この行の情報の出典：content/sources.toml の id（複数は「、」区切り）。空欄なら、依頼した人・根拠となる資料から新しい出典を作ります（どちらも空欄なら --source の値）"),
    ("確認日", "この行の情報を確かめた日：2026-11-22 の形。空欄なら取り込んだ日。施設ファイルの確認日より前の行が、その後に一覧表・修正依頼で書かれた値を変えようとするときは「conflict」として取り込みません。ID（または事業所番号）と確認日だけで事実の列が空の行は「この掲載内容は正しいです」という確認で、確認日を新しくします（前には戻しません）"),
    ("備考", "施設のページに載せる説明（Markdown）。施設ファイルの本文が空のときだけ書き込みます"),
    ("依頼した人", "修正・確認を依頼した人（例 カペラ 施設長 山田、利用者の家族）。出典が空欄なら、この行の出典（content/sources.toml の新しい [[source]]）の発行者として施設のページに載ります。本人かどうかは拠点ナビでは確かめません"),
    ("根拠となる資料", "依頼の根拠（例 施設のパンフレット 2026年4月版、または https://… のアドレス）。出典が空欄なら、この行の出典の題名（https:// のアドレスなら url）になります"),
];

/// What to import.
#[derive(Clone, Debug)]
pub struct SheetImport {
    /// CSV files and folders, in the order given; a folder stands for every `*.csv` directly
    /// inside it, sorted by name.
    pub inputs: Vec<PathBuf>,
    /// `--source`: the source id for rows whose 出典, 依頼した人 and 根拠となる資料 are empty.
    pub source: Option<String>,
    /// `last_verified` for rows whose 確認日 is empty, `YYYY-MM-DD`.
    pub date: String,
    pub content: PathBuf,
}

/// The CSV files `inputs` stand for: a file as it is, a folder as every `*.csv` directly in
/// it (sorted by name; names starting with `.` are skipped). A file reached twice is read
/// once.
pub fn csv_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for input in inputs {
        let meta = fs::metadata(input).map_err(|e| format!("{}: {e}", input.display()))?;
        if !meta.is_dir() {
            out.push(input.clone());
            continue;
        }
        let entries = fs::read_dir(input).map_err(|e| format!("{}: {e}", input.display()))?;
        let mut found: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.is_file()
                    && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv"))
                    && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        if found.is_empty() {
            return Err(format!("{}: no .csv file in this folder", input.display()));
        }
        found.sort();
        out.extend(found);
    }
    let mut seen = BTreeSet::new();
    out.retain(|p| seen.insert(fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    Ok(out)
}

/// One row, read and checked: which facility, what it says, and on whose word.
struct Request {
    from: RowRef,
    target: String,
    /// The 事業所番号 given, for hints.
    number: String,
    facts: Vec<(&'static str, Value)>,
    /// 備考: the facility's text, written only where the file has none.
    note: String,
    /// 出典 ids given in the row (or `--source`); empty when the row's own source is made
    /// from 依頼した人 and 根拠となる資料.
    sources: Vec<String>,
    /// Whether the row gives 確認日 (a confirmation row must).
    dated: bool,
}

/// What every row is checked against.
struct Context<'a> {
    content: &'a Path,
    reference: &'a BTreeMap<String, crate::model::Area>,
    known_sources: Vec<String>,
    existing: BTreeMap<String, Existing>,
    /// The WAM NET base layer, read the first time a row needs it.
    base: OnceCell<Result<BTreeMap<String, Facility>, String>>,
    source: Option<String>,
    date: String,
}

impl Context<'_> {
    fn base(&self) -> Result<&BTreeMap<String, Facility>, String> {
        self.base.get_or_init(|| super::wamnet::base_layer(self.content, self.reference)).as_ref().map_err(Clone::clone)
    }

    /// The base-layer record a facility file or a new id stands for, if any.
    fn base_record(&self, target: &str) -> Result<Option<&Facility>, String> {
        let base = self.base()?;
        if let Some(f) = base.get(target) {
            return Ok(Some(f));
        }
        let Some(e) = self.existing.get(target) else { return Ok(None) };
        let (Some(number), Some(name)) = (e.str("wamnet"), e.str("name")) else { return Ok(None) };
        Ok(base.get(&wamnet_id(&number, &name)).or_else(|| {
            let mut same = base_with_number(base, &number);
            match (same.next(), same.next()) {
                (Some(f), None) => Some(f),
                _ => None,
            }
        }))
    }
}

/// The base-layer records with this 事業所番号 (ids `w<番号>-…`).
fn base_with_number<'a>(base: &'a BTreeMap<String, Facility>, number: &str) -> impl Iterator<Item = &'a Facility> {
    let prefix = format!("w{number}-");
    base.range(prefix.clone()..).take_while(move |(k, _)| k.starts_with(&prefix)).map(|(_, f)| f)
}

/// Work out what importing the lists and correction rows would do (see
/// [`super::wamnet::plan_wamnet`]). Rows about one facility from several files are applied
/// together; a row checked before the file's last edit, and a field two rows disagree on,
/// are conflicts: reported in [`FileChange::details`], not applied, not an error.
pub fn plan_sheet(opts: &SheetImport) -> Result<Plan, String> {
    let content = opts.content.as_path();
    let reference = super::reference(content)?;
    let (known, sources_text) = super::sources(content)?;
    if let Some(s) = &opts.source {
        if !known.iter().any(|k| &k.id == s) {
            return Err(format!(
                "--source {s}: not an id in content/sources.toml (add a [[source]] for your list first)"
            ));
        }
    }
    let files = csv_files(&opts.inputs)?;
    let ctx = Context {
        content,
        reference: &reference,
        known_sources: known.iter().map(|s| s.id.clone()).collect(),
        existing: existing_facilities(content),
        base: OnceCell::new(),
        source: opts.source.clone(),
        date: opts.date.clone(),
    };
    let mut plan = Plan::default();
    let mut requests = Vec::new();
    for file in &files {
        read_file(&ctx, file, &mut plan, &mut requests)?;
    }
    let mut groups: BTreeMap<String, Vec<Request>> = BTreeMap::new();
    for r in requests {
        groups.entry(r.target.clone()).or_default().push(r);
    }
    let mut sources = Sources::new(known);
    for (target, rows) in groups {
        if let Some(change) = plan_facility(&ctx, &target, rows, &mut sources, &mut plan)? {
            plan.files.push(change);
        }
    }
    if !sources.added.is_empty() {
        let ids: Vec<&str> = sources.added.iter().map(|s| s.id.as_str()).collect();
        plan.extra.push((
            content.join("sources.toml"),
            format!("added source(s) {}", ids.join(", ")),
            sources.append_to(&sources_text),
        ));
    }
    // Problems in input order: by file as given, then by line.
    let order: BTreeMap<String, usize> = files.iter().enumerate().map(|(i, f)| (f.display().to_string(), i)).collect();
    plan.rejected.sort_by_key(|d| (order.get(&d.path).copied().unwrap_or(usize::MAX), d.line));
    plan.files.sort_by(|a, b| a.shown.cmp(&b.shown));
    Ok(plan)
}

/// Read one CSV file's rows into `requests`; its problems into `plan`.
fn read_file(ctx: &Context, file: &Path, plan: &mut Plan, requests: &mut Vec<Request>) -> Result<(), String> {
    let shown_file = file.display().to_string();
    let bytes = fs::read(file).map_err(|e| format!("{shown_file}: {e}"))?;
    let table = match super::table::parse_table(&shown_file, &bytes) {
        Ok(t) => t,
        Err(d) => {
            plan.rejected.push(d);
            return Ok(());
        }
    };
    let headers: Vec<String> = table.headers.iter().map(|h| h.trim().to_string()).collect();
    let mut bad_header = false;
    for (i, h) in headers.iter().enumerate() {
        let problem = if !SHEET_COLUMNS.iter().any(|(c, _)| c == h) {
            format!(
                "column {} 「{h}」 is not a template column (expected one of {})",
                i + 1,
                SHEET_COLUMNS.iter().map(|(c, _)| *c).collect::<Vec<_>>().join("、")
            )
        } else if headers[..i].contains(h) {
            format!("column {} 「{h}」 appears twice", i + 1)
        } else {
            continue;
        };
        plan.rejected.push(Diagnostic::new(&shown_file, 1, "header", problem));
        bad_header = true;
    }
    if !headers.iter().any(|h| h == "ID" || h == "事業所番号") {
        plan.rejected.push(Diagnostic::new(
            &shown_file,
            1,
            "header",
            "needs the column ID or 事業所番号 to know which facility a row is",
        ));
        bad_header = true;
    }
    if bad_header {
        return Ok(());
    }
    plan.rejected.extend(table.broken);
    // The first line of each facility in this file: a list has one row per facility.
    let mut taken: BTreeMap<String, usize> = BTreeMap::new();
    for row in &table.rows {
        if row.record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        match read_row(ctx, &shown_file, row.line, &headers, &row.record)? {
            Ok(ReadRow { request, note_redirect }) => {
                if let Some(first) = taken.get(&request.target) {
                    plan.rejected.push(Diagnostic::new(
                        &shown_file,
                        row.line,
                        "ID",
                        format!("the same facility ({}) as line {first}; merge the two rows", request.target),
                    ));
                    continue;
                }
                taken.insert(request.target.clone(), row.line);
                plan.notes.extend(note_redirect);
                requests.push(request);
            }
            Err(errors) => plan.rejected.extend(errors),
        }
    }
    Ok(())
}

/// A row that passed its own checks.
struct ReadRow {
    request: Request,
    /// Said when an ID named a WAM NET record that a facility file already claims.
    note_redirect: Option<Diagnostic>,
}

/// Check one row: `Ok(Ok(row))`, or `Ok(Err(problems))`; `Err` when the base layer cannot
/// be read.
fn read_row(
    ctx: &Context,
    shown_file: &str,
    line: usize,
    headers: &[String],
    record: &csv::StringRecord,
) -> Result<Result<ReadRow, Vec<Diagnostic>>, String> {
    let cell =
        |name: &str| headers.iter().position(|h| h == name).and_then(|i| record.get(i)).map(str::trim).unwrap_or("");
    let content = ctx.content;
    let mut errors = Vec::new();
    let mut err = |field: &str, message: String| errors.push(Diagnostic::new(shown_file, line, field, message));
    let mut note_redirect = None;

    // Which facility this row is.
    let (id_cell, number, name) = (cell("ID"), nfkc(cell("事業所番号")), cell("名称"));
    if !number.is_empty() && !number.bytes().all(|b| b.is_ascii_digit()) {
        err("事業所番号", format!("\"{number}\" is not a 事業所番号 (expected 10 digits, e.g. 1313700161)"));
    }
    let target = if !id_cell.is_empty() {
        match valid_path_id(id_cell) {
            Ok(()) if ctx.existing.contains_key(id_cell) => Some(id_cell.to_string()),
            Ok(()) => {
                // The id of a WAM NET record a file already claims (under its own id): that
                // file is the facility's page, so the row goes there.
                let claimed = match ctx.base()?.get(id_cell) {
                    Some(f) => {
                        let n = f.wamnet.clone().unwrap_or_default();
                        let shared = base_with_number(ctx.base()?, &n).count() > 1;
                        claimed_by(&ctx.existing, &n, &f.name, "", shared)
                    }
                    None => None,
                };
                // 「w1313700161-5e0b」 mistyped: say which WAM NET ids have that number.
                let number = id_cell.strip_prefix('w').and_then(|r| r.split_once('-')).map(|(n, _)| n);
                let near: Vec<String> = match number.filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                {
                    Some(n) if claimed.is_none() && !ctx.base()?.contains_key(id_cell) => {
                        base_with_number(ctx.base()?, n).map(|f| format!("{} ({})", f.id, f.name)).collect()
                    }
                    _ => Vec::new(),
                };
                if !near.is_empty() {
                    err(
                        "ID",
                        format!("{id_cell} is neither a facility file nor a WAM NET record; WAM NET has this 事業所番号 as {}", near.join("、")),
                    );
                }
                match claimed {
                    Some(t) => {
                        note_redirect = Some(Diagnostic::new(
                            shown_file,
                            line,
                            "ID",
                            format!("{id_cell} is the WAM NET record that content/facilities/{t}.md claims: the row goes to that file"),
                        ));
                        Some(t)
                    }
                    None => Some(id_cell.to_string()),
                }
            }
            Err(e) => {
                err("ID", e);
                None
            }
        }
    } else if !number.is_empty() {
        let id = wamnet_id(&number, name);
        // Without a name, the one file with this number; with a name, only that name
        // (事業所番号 repeat across different facilities). Then the base layer's records.
        match claimed_by(&ctx.existing, &number, name, &id, !name.is_empty()) {
            Some(t) => Some(t),
            None if !name.is_empty() => Some(id),
            None => {
                let records: Vec<&Facility> = base_with_number(ctx.base()?, &number).collect();
                match records.as_slice() {
                    [f] => Some(f.id.clone()),
                    [] => {
                        err("名称", format!("no facility file has wamnet = \"{number}\" and WAM NET (content/wamnet/) has no facility with this number; give 名称 too (import the WAM NET file first, or this row adds a new facility)"));
                        None
                    }
                    several => {
                        let names: Vec<&str> = several.iter().map(|f| f.name.as_str()).collect();
                        err(
                            "名称",
                            format!(
                                "WAM NET has {} facilities with 事業所番号 {number} ({}); give 名称 or ID to say which",
                                several.len(),
                                names.join("、")
                            ),
                        );
                        None
                    }
                }
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
        if (valid_lgcode(&area) && ctx.reference.contains_key(&area))
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
        v => {
            err("位置付けた時期", format!("\"{v}\" is not a real date (expected YYYY-MM or YYYY-MM-DD, e.g. 2021-11)"))
        }
    }
    let (lat, lng) = (nfkc(cell("緯度")), nfkc(cell("経度")));
    match (lat.as_str(), lng.as_str()) {
        ("", "") => {}
        (a, b) => match (a.parse::<f64>(), b.parse::<f64>()) {
            (Ok(x), Ok(y)) if in_japan(x, y) => {
                facts.push(("lat", Value::Float(x)));
                facts.push(("lng", Value::Float(y)));
            }
            _ => err(
                "緯度",
                format!(
                    "\"{a}\", \"{b}\" is not a position in Japan (give both 緯度 and 経度, e.g. 35.7108 and 139.4622)"
                ),
            ),
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
    // Who asks and on what basis: shown in the dry run, and the row's source when 出典 is
    // empty. Published (as the source's publisher and title), so one line each.
    let one_line = |v: &str| v.split_whitespace().collect::<Vec<_>>().join(" ");
    let (requester, basis) = (one_line(cell("依頼した人")), one_line(cell("根拠となる資料")));
    for (column, v) in [("依頼した人", &requester), ("根拠となる資料", &basis)] {
        if v.chars().count() > MAX_CHARS {
            err(
                column,
                format!(
                    "{} characters; at most {MAX_CHARS} are accepted (it is published as the correction's source)",
                    v.chars().count()
                ),
            );
        }
    }
    let mut row_sources: Vec<String> = split_list(cell("出典")).into_iter().map(|s| s.to_string()).collect();
    if row_sources.is_empty() && requester.is_empty() && basis.is_empty() {
        row_sources.extend(ctx.source.clone());
        if row_sources.is_empty() {
            err("出典", "name the source of this row (an id from content/sources.toml), fill 依頼した人 or 根拠となる資料, or pass --source ID".into());
        }
    }
    for s in &row_sources {
        if !ctx.known_sources.contains(s) {
            err(
                "出典",
                format!("unknown source \"{s}\" (add a [[source]] with this id to content/sources.toml first)"),
            );
        }
    }
    let dated = !cell("確認日").is_empty();
    let date = match nfkc(cell("確認日")).as_str() {
        "" => ctx.date.clone(),
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

    if let Some(t) = &target {
        if let Some(Some(existing_number)) = ctx.existing.get(t).map(|e| e.str("wamnet")) {
            if !number.is_empty() && existing_number != number {
                err(
                    "事業所番号",
                    format!("content/facilities/{t}.md has wamnet = \"{existing_number}\", this row says \"{number}\""),
                );
            }
        }
    }
    let Some(target) = target.filter(|_| errors.is_empty()) else { return Ok(Err(errors)) };
    let from = RowRef { file: shown_file.to_string(), line, requester, basis, date, ..Default::default() };
    let request = Request { from, target, number, facts, note: note.to_string(), sources: row_sources, dated };
    Ok(Ok(ReadRow { request, note_redirect }))
}

/// Apply the rows about one facility to its file (or a new file) and say what each does.
/// `None` when the rows cannot apply (a problem is then in `plan.rejected`).
fn plan_facility(
    ctx: &Context,
    target: &str,
    rows: Vec<Request>,
    sources: &mut Sources,
    plan: &mut Plan,
) -> Result<Option<FileChange>, String> {
    let content = ctx.content;
    let path = content.join("facilities").join(format!("{target}.md"));
    let old = ctx.existing.get(target);
    let base =
        if old.is_none() || old.is_some_and(|e| e.str("wamnet").is_some()) { ctx.base_record(target)? } else { None };
    let at = |r: &Request, field: &str, message: String| Diagnostic::new(&r.from.file, r.from.line, field, message);
    let Some(first) = rows.first() else { return Ok(None) };

    if old.is_none() && base.is_none() {
        // A new facility: between them, its rows must say what it is.
        let missing: Vec<&str> = [("名称", "name"), ("市区町村コード", "area"), ("役割", "role")]
            .into_iter()
            .filter(|(_, key)| !rows.iter().any(|r| r.facts.iter().any(|(k, _)| k == key)))
            .map(|(c, _)| c)
            .collect();
        if !missing.is_empty() {
            let other = ctx
                .existing
                .iter()
                .find(|(_, e)| !first.number.is_empty() && e.str("wamnet").as_deref() == Some(first.number.as_str()));
            let hint = other.map_or(String::new(), |(id, e)| {
                format!(
                    " ({} has this 事業所番号 under the name 「{}」: if it is that facility, write its ID, {id})",
                    e.shown,
                    e.str("name").unwrap_or_default()
                )
            });
            plan.rejected.push(at(
                first,
                missing[0],
                format!(
                    "there is no file content/facilities/{target}.md yet; a new facility needs {}{hint}",
                    missing.join("、")
                ),
            ));
            return Ok(None);
        }
    }

    let mut doc = match old.map(|e| e.doc.clone()) {
        Some(Ok(doc)) => doc,
        Some(Err(e)) => {
            plan.rejected.push(Diagnostic::new(
                &shown(content, &path),
                0,
                "",
                format!("{e}; fix the file (cargo run --release -- check) before importing into it"),
            ));
            return Ok(None);
        }
        None => {
            let files: BTreeSet<String> = rows
                .iter()
                .map(|r| {
                    Path::new(&r.from.file).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
                })
                .collect();
            let files = files.into_iter().collect::<Vec<_>>().join("、");
            let mut doc = match base {
                Some(_) => Doc::new(&[
                    &format!("修正依頼・一覧表（{files}）から作りました。ここにない項目は WAM NET のオープンデータ（content/wamnet/）から表示されます。"),
                    "行末の「# WAM NET」「# 一覧表」は取り込んだ値の印です。値を直した行は、次の取り込みで上書きされません。",
                ]),
                None => Doc::new(&[
                    &format!("自治体の一覧表（{files}）から取り込みました。"),
                    "行末の「# WAM NET」「# 一覧表」は取り込んだ値の印です。値を直した行は、次の取り込みで上書きされません。",
                ]),
            };
            if let Some(f) = base {
                super::wamnet::claim_lines(&mut doc, f);
            }
            doc
        }
    };
    // The file as it was (or the new file's claim lines): what conflicts are judged against.
    let before = doc.clone();
    let current = |key: &str| before.get(key).or_else(|| base.and_then(|f| base_value(f, key)));
    let shown_before = |key: &str| {
        before
            .get(key)
            .map(|v| shown_value(key, &v))
            .or_else(|| base.and_then(|f| base_value(f, key)).map(|v| format!("{} (WAM NET)", shown_value(key, &v))))
    };
    let verified = match before.get("last_verified") {
        Some(Value::String(s)) => Some(s),
        _ => None,
    };
    let name = rows
        .iter()
        .flat_map(|r| r.facts.iter())
        .find(|(k, _)| *k == "name")
        .and_then(|(_, v)| v.as_str().map(str::to_string))
        .or_else(|| before.get("name").and_then(|v| v.as_str().map(str::to_string)))
        .unwrap_or_default();
    let mut change = FileChange {
        shown: shown(content, &path),
        path,
        name,
        created: old.is_none(),
        changed: Vec::new(),
        left: Vec::new(),
        text: None,
        over_base: old.is_none() && base.is_some(),
        rows: rows.iter().map(|r| r.from.clone()).collect(),
        details: Vec::new(),
    };
    let detail = |row: usize, label: &'static str, kind: DetailKind| Detail { row, label, kind };

    // 1. A row checked before the file's last_verified that would replace a value a list or
    // correction wrote (a `# 一覧表` line): the file holds a newer edit; the row is left out.
    let mut out_of_date = vec![false; rows.len()];
    if let Some(v) = &verified {
        for (i, r) in rows.iter().enumerate().filter(|(_, r)| r.from.date.as_str() < v.as_str()) {
            for (key, value) in &r.facts {
                let theirs = before.get(key);
                if before.owner(key) == Some(Origin::Sheet) && theirs.as_ref() != Some(value) {
                    out_of_date[i] = true;
                    change.details.push(detail(
                        i,
                        column_of(key),
                        DetailKind::Conflict {
                            proposed: format!("{} → {}", shown_before(key).unwrap_or_default(), shown_value(key, value)),
                            why: format!("newer edit in the file on {v} (this row was checked on {}; none of this row is applied)", r.from.date),
                        },
                    ));
                }
            }
        }
    }

    // 2. Two rows that say different things about one field: neither is applied.
    let live: Vec<usize> = (0..rows.len()).filter(|&i| !out_of_date[i]).collect();
    let said = |i: usize, key: &str| -> Option<Value> {
        if key == "本文" {
            return (!rows[i].note.is_empty()).then(|| string(&rows[i].note));
        }
        rows[i].facts.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone())
    };
    let mut disputed: BTreeSet<&'static str> = BTreeSet::new();
    let keys: BTreeSet<&'static str> = live
        .iter()
        .flat_map(|&i| rows[i].facts.iter().map(|(k, _)| *k).chain((!rows[i].note.is_empty()).then_some("本文")))
        .collect();
    for key in keys {
        let saying: Vec<(usize, Value)> = live.iter().filter_map(|&i| said(i, key).map(|v| (i, v))).collect();
        if saying.iter().all(|(_, v)| *v == saying[0].1) {
            continue;
        }
        disputed.insert(key);
        for (i, v) in &saying {
            let others: Vec<String> = saying
                .iter()
                .filter(|(j, w)| j != i && w != v)
                .map(|(j, w)| format!("{}:{} says {}", rows[*j].from.file, rows[*j].from.line, shown_value(key, w)))
                .collect();
            change.details.push(detail(
                *i,
                column_of(key),
                DetailKind::Conflict {
                    proposed: format!(
                        "{} → {}",
                        shown_before(key).unwrap_or_else(|| "（未掲載）".into()),
                        shown_value(key, v)
                    ),
                    why: format!("{}; the rows disagree, so neither is applied", others.join(", ")),
                },
            ));
        }
    }

    // 3. Each remaining row, in input order.
    let mut cited: Vec<String> = Vec::new();
    // (row, date) of rows that changed something or confirmed the listing.
    let mut dated: Vec<(usize, String, bool)> = Vec::new();
    for &i in &live {
        let r = &rows[i];
        let identity_only = r.note.is_empty()
            && r.facts.iter().all(|(k, v)| matches!(*k, "wamnet" | "name") && current(k).as_ref() == Some(v));
        let confirmation = identity_only && r.dated;
        if identity_only && !r.dated {
            plan.notes.push(at(r, "確認日", "this row changes nothing and gives no 確認日, so it confirms nothing; left out (a row that says the listing is right needs 確認日)".into()));
            continue;
        }
        let (mut changed, mut skipped) = (false, false);
        for (key, value) in &r.facts {
            if disputed.contains(key) {
                skipped = true;
                continue;
            }
            let was = shown_before(key);
            let c = doc.propose(key, value.clone(), &Origin::Sheet, false);
            change.note(key, c.clone(), value);
            match c {
                Change::Added | Change::Replaced { .. } => {
                    changed = true;
                    let mut after = shown_value(key, value);
                    // The value WAM NET already gives, now written in the file (a row that
                    // says the page is right about it).
                    if was.as_deref() == Some(format!("{after} (WAM NET)").as_str()) {
                        after.push_str(" (the same; now written in the file)");
                    }
                    change.details.push(detail(i, column_of(key), DetailKind::Changed { before: was, after }));
                }
                Change::Left { current, why } => {
                    skipped = true;
                    change.details.push(detail(
                        i,
                        column_of(key),
                        DetailKind::Left {
                            current: shown_value(key, &current),
                            proposed: shown_value(key, value),
                            why,
                        },
                    ));
                }
                Change::Same | Change::Absent | Change::Removed { .. } => {}
            }
        }
        if !r.note.is_empty() && !disputed.contains("本文") {
            let body = doc.body.trim().to_string();
            if body.is_empty() {
                doc.body = format!("{}\n", r.note);
                change.changed.push("本文".into());
                change.details.push(detail(
                    i,
                    "備考",
                    DetailKind::Changed { before: None, after: shown_value("本文", &string(&r.note)) },
                ));
                changed = true;
            } else if body != r.note {
                change.left.push((
                    "本文".into(),
                    string(&body),
                    string(&r.note),
                    "the file's text already says something else",
                ));
                change.details.push(detail(
                    i,
                    "備考",
                    DetailKind::Left {
                        current: shown_value("本文", &string(&body)),
                        proposed: shown_value("本文", &string(&r.note)),
                        why: "the file's text already says something else",
                    },
                ));
                skipped = true;
            }
        }
        // A row cites its source when it changed something, confirmed the listing, or said
        // only what the file says already; not when all it said was left out.
        if !(changed || confirmation || !skipped) {
            continue;
        }
        let mut ids = r.sources.clone();
        if ids.is_empty() {
            let wanted = correction_source(target, &r.from.date, &r.from.requester, &r.from.basis, confirmation);
            let (id, new) = sources.cite(wanted);
            if new {
                change.rows[i].new_sources.push(id.clone());
            }
            ids.push(id);
        }
        change.rows[i].sources = ids.clone();
        for id in ids {
            if !cited.contains(&id) {
                let already = matches!(before.get("sources"), Some(Value::Array(a)) if a.iter().any(|v| v.as_str() == Some(id.as_str())));
                if !already {
                    change.details.push(detail(i, "出典", DetailKind::Cited { source: id.clone() }));
                }
                cited.push(id);
            }
        }
        if changed || confirmation || change.created {
            dated.push((i, r.from.date.clone(), confirmation));
        }
    }

    if change.created && cited.is_empty() {
        // Every row was left out: no file is made.
        return Ok(Some(change));
    }
    // Sources: the file's own, a new file's WAM NET sources, then what the rows cite.
    let mut list: Vec<String> = match doc.get("sources") {
        Some(Value::Array(a)) => a.into_iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
        _ => base.filter(|_| change.created).map(|f| f.sources.clone()).unwrap_or_default(),
    };
    for id in cited {
        if !list.contains(&id) {
            list.push(id);
        }
    }
    let value = strings(list);
    let c = doc.set_plain("sources", value.clone());
    change.note("sources", c, &value);
    // last_verified moves forward to the newest 確認日 of a row that changed something or
    // confirmed the listing; never back.
    let newest = dated.iter().map(|(_, d, _)| d.as_str()).max().map(str::to_string);
    let final_date = match (&verified, &newest) {
        (Some(v), Some(n)) if n > v => Some(n.clone()),
        (None, Some(n)) => Some(n.clone()),
        _ => None,
    };
    for (i, d, confirmation) in &dated {
        if *confirmation {
            let after = match &verified {
                Some(v) if v.as_str() >= d.as_str() => v.clone(),
                _ => d.clone(),
            };
            change.details.push(detail(*i, "確認日", DetailKind::Confirmed { before: verified.clone(), after }));
        }
    }
    if let Some(date) = final_date {
        let value = string(&date);
        let c = doc.set_plain("last_verified", value.clone());
        change.note("last_verified", c, &value);
        if let Some((i, _, false)) = dated.iter().find(|(_, d, _)| *d == date) {
            change.details.push(detail(*i, "確認日", DetailKind::Changed { before: verified.clone(), after: date }));
        }
    }
    let new_text = doc.render();
    if old.is_none_or(|e| e.text != new_text) {
        if let Err(d) = check_shape(&change.shown, &new_text) {
            plan.rejected.push(at(first, "", format!("would make {} invalid: {d}", change.shown)));
        }
        change.text = Some(new_text);
    }
    Ok(Some(change))
}

/// Front-matter keys and the template columns that give them (the dry run names fields by
/// their column).
const FIELDS: &[(&str, &str)] = &[
    ("name", "名称"),
    ("kana", "よみ"),
    ("operator", "運営法人"),
    ("area", "市区町村コード"),
    ("role", "役割"),
    ("kyoten", "拠点に位置付け"),
    ("functions", "拠点の機能"),
    ("disabilities", "対象の障害"),
    ("ages", "対象年齢"),
    ("open_24h", "24時間対応"),
    ("emergency_beds", "緊急用の空床数"),
    ("positioned", "位置付けた時期"),
    ("address", "住所"),
    ("lat", "緯度"),
    ("lng", "経度"),
    ("phone", "電話番号"),
    ("hours", "受付時間"),
    ("url", "ウェブサイト"),
    ("wamnet", "事業所番号"),
    ("sources", "出典"),
    ("last_verified", "確認日"),
    ("本文", "備考"),
];

fn column_of(key: &str) -> &'static str {
    FIELDS.iter().find(|(k, _)| *k == key).map_or("備考", |(_, c)| c)
}

/// What the base layer says for `key` (what the page shows while the file says nothing).
fn base_value(f: &Facility, key: &str) -> Option<Value> {
    match key {
        "name" => Some(string(&f.name)),
        "kana" => f.kana.as_deref().map(string),
        "operator" => f.operator.as_deref().map(string),
        "area" => Some(string(&f.area)),
        "role" => Some(string(f.role.id())),
        "functions" => Some(strings(f.functions.iter().map(|x| x.id()))),
        "kyoten" => Some(Value::Boolean(f.kyoten)),
        "address" => f.address.as_deref().map(string),
        "lat" => f.lat.map(Value::Float),
        "lng" => f.lng.map(Value::Float),
        "phone" => f.phone.as_deref().map(string),
        "hours" => f.hours.as_deref().map(string),
        "url" => f.url.as_deref().map(string),
        "wamnet" => f.wamnet.as_deref().map(string),
        _ => None,
    }
}

/// A value as the template writes it (labels, はい／いいえ), on one line, cut at 80
/// characters: for people reading the dry run.
pub fn shown_value(key: &str, v: &Value) -> String {
    let label = |id: &str| -> String {
        let l = match key {
            "functions" => Function::from_id(id).map(Function::label),
            "disabilities" => DisabilityType::from_id(id).map(DisabilityType::label),
            "ages" => AgeGroup::from_id(id).map(AgeGroup::label),
            "role" => Role::ALL.into_iter().find(|r| r.id() == id).map(Role::label),
            _ => None,
        };
        l.map_or_else(|| id.to_string(), str::to_string)
    };
    let s = match v {
        Value::String(s) => label(s),
        Value::Boolean(b) => (if *b { "はい" } else { "いいえ" }).to_string(),
        Value::Array(a) if a.is_empty() => "（なし）".to_string(),
        Value::Array(a) => {
            a.iter().map(|x| x.as_str().map_or_else(|| x.to_string(), label)).collect::<Vec<_>>().join("、")
        }
        other => other.to_string(),
    };
    let s = s.trim().replace("\r\n", "\n").replace('\n', " ⏎ ");
    match s.char_indices().nth(80) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s,
    }
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
