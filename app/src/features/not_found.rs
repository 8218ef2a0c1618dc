//! The 404 page (also `dist/404.html`): never a dead end.

use leptos::prelude::*;

use crate::routes::Route;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <div class="kn-not-found">
            <h1 class="kn-page-heading__title">"ページが見つかりません"</h1>
            <p>"お探しのページは、移動したか、アドレスが間違っている可能性があります。"</p>
            <ul class="kn-guide-list">
                <li class="kn-guide-list__item"><a class="kn-guide-list__link" href=Route::Search.href()>"相談先をさがす"</a></li>
                <li class="kn-guide-list__item"><a class="kn-guide-list__link" href=Route::Guide("emergency").href()>"緊急時の流れ"</a></li>
                <li class="kn-guide-list__item"><a class="kn-guide-list__link" href=Route::Home.href()>"トップページへ"</a></li>
            </ul>
        </div>
    }
}
