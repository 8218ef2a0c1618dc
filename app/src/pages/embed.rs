//! `/embed/`: how municipalities put 拠点ナビ on their own websites.

use leptos::prelude::*;

use crate::components::page::{static_view, PageHeading};

/// Shows the HTML the builder rendered with [`embed`].
#[component]
pub fn EmbedPage() -> impl IntoView {
    static_view()
}

/// The page body, rendered at build time.
pub fn embed() -> impl IntoView {
    view! {
        <div class="kn-embed">
            <PageHeading title="ホームページに埋め込む" lead="自治体のホームページに、拠点ナビの相談先検索や緊急連絡先を表示できるようにする準備を進めています。"/>
            <p>"準備ができしだい、このページで埋め込み用のコードを作成できるようになります。"</p>
        </div>
    }
}
