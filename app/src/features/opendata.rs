//! `/opendata/`: what the site publishes as open data, its columns, licence and credits.

use leptos::prelude::*;

use crate::components::page::{static_view, PageHeading};
use crate::data::href;

/// Shows the HTML the builder rendered with [`opendata`].
#[component]
pub fn OpenDataPage() -> impl IntoView {
    static_view()
}

/// The page body, rendered at build time. `columns` are the facility CSV's header row with
/// what each column means.
/// `standard`: the same for `facilities-standard.csv`.
pub fn opendata(
    columns: &'static [(&'static str, &'static str)],
    standard: &'static [(&'static str, &'static str)],
) -> impl IntoView {
    view! {
        <article class="kn-opendata">
            <PageHeading title="オープンデータ" lead="拠点ナビに掲載しているすべての施設と地域を、機械で読める形で公開しています。"/>
            <section class="kn-prose">
                <h2>"ファイル"</h2>
                <ul>{files(MAIN_FILES)}</ul>
                <h2>"標準の形式のファイル"</h2>
                <p>"同じ施設を、ほかのシステムでも読みやすい形式でも公開しています。拠点ナビにない項目は空欄で、推測した値は入れていません。"</p>
                <ul>
                    {files(STANDARD_FILES)}
                    <li>{file_link("hsds/taxonomies.csv")}"・"{file_link("hsds/taxonomy_terms.csv")}"：地域生活支援拠点等の5つの機能と、障害の種類の分類です。"</li>
                    {files(ATTRIBUTE_FILES)}
                </ul>
                <p>"CSV ファイルでは、Excel などの表計算ソフトで開いたときに数式として動かないよう、「=」「+」「-」「@」（全角も含みます）やタブ・改行の文字で始まる欄の先頭に「'」（半角のアポストロフィ）を付けています。緯度・経度・定員などの数値の欄は、そのままです。元の文字どおりの値は、JSON と GeoJSON に入っています。"</p>
                <p>"市区町村・圏域ごとの施設の一覧（列は facilities.csv と同じ）は、各地域のページの「オープンデータ」からダウンロードできます（"<code>"/opendata/areas/市区町村コード.csv"</code>"）。"</p>
                <h2>"自分の地域のデータを載せるには"</h2>
                <p>"自治体の方は、WAM NET のオープンデータと自治体の一覧表（テンプレート "<code>"content/templates/facilities-template.csv"</code>"）から、拠点ナビの施設ファイルを作れます。手順はリポジトリの README の「データを取り込む」にあります。"</p>
                <h2>"施設の項目"</h2>
                <table>
                    <thead><tr><th scope="col">"列"</th><th scope="col">"内容"</th></tr></thead>
                    <tbody>
                        {columns.iter().map(|(k, v)| view! { <tr><th scope="row"><code>{*k}</code></th><td>{*v}</td></tr> }).collect_view()}
                    </tbody>
                </table>
                <h2>"facilities-standard.csv の項目"</h2>
                <table>
                    <thead><tr><th scope="col">"列"</th><th scope="col">"内容"</th></tr></thead>
                    <tbody>
                        {standard.iter().map(|(k, v)| view! { <tr><th scope="row">{*k}</th><td>{*v}</td></tr> }).collect_view()}
                    </tbody>
                </table>
                <h2>"ライセンスと出典"</h2>
                <p>"自治体資料から書き写した内容は、各施設の出典列に示す資料に基づきます。障害福祉サービス事業所の情報は「出典：障害福祉サービス等情報公表システム（WAM NET）のオープンデータを加工して作成」です。市区町村の名称・コード・位置は code4fukui/localgovjp（CC0 1.0）によります。利用するときは、これらの出典を表示してください。"</p>
                <p>"障害福祉サービス事業所が各市区町村の地域生活支援拠点等に含まれるかどうか、対象となる障害の種類は、データからはわかりません。"</p>
            </section>
        </article>
    }
}

/// Published files under `/opendata/`, each with what follows its link.
const MAIN_FILES: &[(&str, &str)] = &[
    ("facilities.csv", "（施設、CSV・UTF-8 BOM付き。Excel でそのまま開けます）"),
    ("facilities.json", "（施設、JSON）"),
    ("facilities.geojson", "（施設の位置、GeoJSON）"),
    ("areas.csv", "（市区町村・圏域、CSV・UTF-8 BOM付き）"),
];
const STANDARD_FILES: &[(&str, &str)] = &[
    ("facilities-standard.csv", "：「自治体標準オープンデータセット」の「介護サービス事業所一覧」と同じ列の並びで、施設を載せています（CSV・UTF-8 BOM付き）。列の内容は下の表のとおりです。"),
    ("hsds/datapackage.json", "：Open Referral の Human Services Data Specification（HSDS）3.0 の表形式（Tabular Data Package）の説明ファイルです。同じフォルダの CSV の列と型を示しています。"),
    ("hsds/organizations.csv", "：運営法人です。運営法人が資料に書かれていない施設は、施設の名称で載せています。"),
    ("hsds/services.csv", "：施設のサービスです。WAM NET のサービス種別ごとに1行です。"),
    ("hsds/locations.csv", "：施設の所在地です。緯度・経度は、所在地の位置がわかる施設だけに入れています。"),
    ("hsds/service_at_location.csv", "：サービスと所在地の結び付きです。"),
    ("hsds/phones.csv", "：サービスごとの電話番号です。"),
    ("hsds/schedules.csv", "：サービスごとの利用できる時間帯・定休日で、WAM NET の記載のままです。"),
];
const ATTRIBUTE_FILES: &[(&str, &str)] = &[(
    "hsds/attributes.csv",
    "：サービスに、その施設が担う機能と対象となる障害の種類を結び付けています。資料に書かれている場合だけです。",
)];

/// One list item per file: its link, then what it holds.
fn files(list: &'static [(&'static str, &'static str)]) -> impl IntoView {
    list.iter().map(|(rel, what)| view! { <li>{file_link(rel)}{*what}</li> }).collect_view()
}

/// A download link to `/opendata/<rel>`. `download`: the files are not pages, so the router
/// must leave the click alone.
fn file_link(rel: &'static str) -> impl IntoView {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    view! { <a href=href(&format!("/opendata/{rel}")) download=name>{rel}</a> }
}
