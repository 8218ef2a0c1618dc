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
pub fn opendata(columns: &'static [(&'static str, &'static str)]) -> impl IntoView {
    view! {
        <article class="kn-opendata">
            <PageHeading title="オープンデータ" lead="拠点ナビに掲載しているすべての施設と地域を、機械で読める形で公開しています。"/>
            <section class="kn-prose">
                <h2>"ファイル"</h2>
                // `download`: the files are not pages, so the router must leave the click alone.
                <ul>
                    <li><a href=href("/opendata/facilities.csv") download="facilities.csv">"facilities.csv"</a>"（施設、CSV・UTF-8 BOM付き。Excel でそのまま開けます）"</li>
                    <li><a href=href("/opendata/facilities.json") download="facilities.json">"facilities.json"</a>"（施設、JSON）"</li>
                    <li><a href=href("/opendata/facilities.geojson") download="facilities.geojson">"facilities.geojson"</a>"（施設の位置、GeoJSON）"</li>
                    <li><a href=href("/opendata/areas.csv") download="areas.csv">"areas.csv"</a>"（市区町村・圏域、CSV・UTF-8 BOM付き）"</li>
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
                <h2>"ライセンスと出典"</h2>
                <p>"自治体資料から書き写した内容は、各施設の出典列に示す資料に基づきます。障害福祉サービス事業所の情報は「出典：障害福祉サービス等情報公表システム（WAM NET）のオープンデータを加工して作成」です。市区町村の名称・コード・位置は code4fukui/localgovjp（CC0 1.0）によります。利用するときは、これらの出典を表示してください。"</p>
                <p>"障害福祉サービス事業所が各市区町村の地域生活支援拠点等に含まれるかどうか、対象となる障害の種類は、データからはわかりません。"</p>
            </section>
        </article>
    }
}
