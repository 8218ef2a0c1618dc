//! The import template's columns: their order and help text (the README's table and
//! `content/templates/facilities-template.csv` come from [`SHEET_COLUMNS`]), which column
//! gives which front-matter key, and how a value is shown in the dry run. Reading a cell is
//! `cells.rs`'s.

use toml::Value;

use crate::import::{string, strings};
use crate::model::{AgeGroup, DisabilityType, Facility, Function, Role};

/// The template's columns, in order: (header, what to write). The README documents each
/// column from this list; `content/templates/facilities-template.csv` is this header row.
pub const SHEET_COLUMNS: &[(&str, &str)] = &[
    ("ID", "拠点ナビの施設ID（content/facilities/ のファイル名）。WAM NET から取り込んだ施設は w＋事業所番号＋記号（例 w1313700161-d134）。新しい施設は半角英小文字・数字・ハイフンで決めます（例 kokubunji-kikan）。空欄なら事業所番号で探します"),
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
    ("FAX番号", "FAX番号（電話番号と同じ形、例 042-123-4568）。電話が難しい方（聴覚障害など）の連絡先になります"),
    ("受付時間", "受付時間（例 平日 8:30～17:15）"),
    ("ウェブサイト", "ウェブサイトのアドレス（https://…）"),
    ("出典", "この行の情報の出典：content/sources.toml の id（複数は「、」区切り）。空欄なら、依頼した人・根拠となる資料から新しい出典を作ります（どちらも空欄なら --source の値）"),
    ("確認日", "この行の情報を確かめた日：2026-11-22 の形。空欄なら取り込んだ日。施設ファイルの確認日より前の行が、その後に一覧表・修正依頼で書かれた値を変えようとするときは「conflict」として取り込みません。ID（または事業所番号）と確認日だけで事実の列が空の行は「この掲載内容は正しいです」という確認で、確認日を新しくします（前には戻しません）"),
    ("備考", "施設のページに載せる説明（Markdown）。施設ファイルの本文が空のときだけ書き込みます"),
    ("依頼した人", "修正・確認を依頼した人（例 カペラ 施設長 山田、利用者の家族）。出典が空欄なら、この行の出典（content/sources.toml の新しい [[source]]）の発行者として施設のページに載ります。本人かどうかは拠点ナビでは確かめません"),
    ("根拠となる資料", "依頼の根拠（例 施設のパンフレット 2026年4月版、または https://… のアドレス）。出典が空欄なら、この行の出典の題名（https:// のアドレスなら url）になります"),
];

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
    ("fax", "FAX番号"),
    ("hours", "受付時間"),
    ("url", "ウェブサイト"),
    ("wamnet", "事業所番号"),
    ("sources", "出典"),
    ("last_verified", "確認日"),
    ("本文", "備考"),
];

/// The template's columns of numbers in Japan's phone plan, as (column, front-matter key):
/// each read and checked the same way (`load::fields::is_phone`).
pub(crate) const NUMBER_FIELDS: &[(&str, &str)] = &[("電話番号", "phone"), ("FAX番号", "fax")];

/// The keys `import wamnet` writes from a WAM NET row, in the order a new file has them;
/// each value is [`base_value`]'s.
pub(crate) const WAMNET_KEYS: &[&str] =
    &["name", "kana", "operator", "area", "role", "address", "lat", "lng", "phone", "fax", "hours", "url", "wamnet"];

pub(super) fn column_of(key: &str) -> &'static str {
    FIELDS.iter().find(|(k, _)| *k == key).map_or("備考", |(_, c)| c)
}

/// What the base layer says for `key` (what the page shows while the file says nothing).
pub(crate) fn base_value(f: &Facility, key: &str) -> Option<Value> {
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
        "fax" => f.fax.as_deref().map(string),
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
