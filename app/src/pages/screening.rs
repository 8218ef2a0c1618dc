//! `/screening/`: self-screening for pre-registration (事前登録).

use leptos::prelude::*;

use crate::components::page::{page_view, PageHeading};
use crate::data::{href, PageData, ScreeningData};

#[component]
pub fn ScreeningPage() -> impl IntoView {
    page_view(|d| match d {
        PageData::Screening(s) => Some(screening(s.clone()).into_any()),
        _ => None,
    })
}

fn screening(data: ScreeningData) -> impl IntoView {
    view! {
        <div class="kn-screening">
            <PageHeading title="事前登録のセルフチェック" lead="緊急時の支援が見込めないご家庭は、事前に登録しておくと、いざというときの支援がスムーズになります。"/>
            <section class="kn-prose">
                <h2>"事前登録をおすすめするご家庭"</h2>
                <ul>
                    <li>"主に介護している家族が高齢になった、または体調に不安がある"</li>
                    <li>"介護する人が急に倒れたとき、代わりに支援できる人がいない"</li>
                    <li>"障害福祉サービスをまだ使っていない、または短期入所（ショートステイ）を使ったことがない"</li>
                    <li>"医療的ケアや、行動面での配慮が必要"</li>
                </ul>
                <p>"当てはまるものがあれば、お住まいの地域の相談支援事業所や基幹相談支援センターにご相談ください。"</p>
            </section>
            <ul class="kn-guide-list">
                {data.guides.into_iter().map(|g| view! { <li class="kn-guide-list__item"><a class="kn-guide-list__link" href=href(&format!("/guides/{}/", g.slug))>{g.title}</a></li> }).collect_view()}
            </ul>
        </div>
    }
}
