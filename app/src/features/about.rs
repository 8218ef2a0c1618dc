//! `/about/`: what the site is, data sources and credits, licences, privacy.

use leptos::prelude::*;

use crate::components::page::{static_view, PageHeading};
use crate::data::AboutData;

/// Shows the HTML the builder rendered with [`about`].
#[component]
pub fn AboutPage() -> impl IntoView {
    static_view()
}

/// The page body, rendered at build time.
pub fn about(data: AboutData) -> impl IntoView {
    let (open_data, documents): (Vec<_>, Vec<_>) = data.sources.into_iter().partition(|s| s.id.starts_with("wamnet-"));
    view! {
        <article class="kn-about">
            <PageHeading title="このサイトについて" lead="拠点ナビは、地域生活支援拠点等の情報を、障害のある方とご家族が探しやすい形にまとめたサイトです。"/>
            <section class="kn-prose">
                <h2>"掲載している情報の出典"</h2>
                <p>"拠点の情報は、次の公開資料から書き写しています。各ページに、そのページの出典を表示しています。"</p>
                <ul>
                    {documents.into_iter().filter(|s| s.id != "localgovjp").map(|s| view! { <li>{s.publisher}"「"{s.title}"」（"{s.year}"）"</li> }).collect_view()}
                </ul>
                <h2>"全国の障害福祉サービス事業所のデータ"</h2>
                <p>"短期入所・地域移行支援・地域定着支援の事業所は、障害福祉サービス等情報公表システム（WAM NET）のオープンデータから掲載しています。"
                   "これらの事業所が各市区町村の地域生活支援拠点等に含まれるかどうかは、データからはわかりません。市区町村にご確認ください。対象となる障害の種類もデータにないため、事業所にご確認ください。"</p>
                <ul>
                    {open_data.into_iter().map(|s| view! { <li>{s.title}"（"{s.year}"）"</li> }).collect_view()}
                </ul>
                <p class="kn-about__credit">"出典：障害福祉サービス等情報公表システム（WAM NET）のオープンデータを加工して作成"</p>
                <h2>"地図と市区町村のデータ"</h2>
                <ul>
                    <li>"市区町村の名称・読み・全国地方公共団体コード・役所の位置：code4fukui/localgovjp（CC0 1.0）"</li>
                    <li>"行政区域の境界：出典：国土数値情報（行政区域データ）（国土交通省）を加工して作成（CC BY 4.0）"</li>
                    <li>"地図の背景（選んだときだけ表示）："<a href="https://maps.gsi.go.jp/development/ichiran.html">"地理院タイル"</a>"（淡色地図）"</li>
                </ul>
                <h2>"プライバシー"</h2>
                <p>"このサイトは、アクセス解析や広告などの外部サービスを使っていません。事前登録のセルフチェックの回答は、お使いの端末の中だけで処理され、ご自身が送信の操作をしない限り、どこにも送られません。"</p>
                <h2>"ご注意"</h2>
                <p>"掲載内容は資料の作成時点のものです。実際の利用や登録については、お住まいの市区町村や相談支援事業所にご確認ください。"</p>
            </section>
        </article>
    }
}
