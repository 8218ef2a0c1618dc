//! 「未掲載」: a fact the sources do not give, with how to tell us.

use leptos::prelude::*;

#[component]
pub fn UnknownValue() -> impl IntoView {
    view! {
        <span class="kn-unknown-value">
            "未掲載"
            <span class="kn-unknown-value__hint">"（資料に記載がありません。ご存じの方は下の「修正を依頼する」からお知らせください）"</span>
        </span>
    }
}
