//! A summary figure of the 好事例集 (整備類型 3/16/6 …) as a bar chart: an SVG drawn here
//! (`role="img"`, named by its caption and the list of numbers) and the same numbers as a
//! visible list, plus the figure counted again from the 一覧表 where the table holds it.
//! Rendered at build time only: the catalogue sends it as HTML, so none of it is in the wasm.

use leptos::prelude::*;

use crate::model::{Bar, Chart};

/// Height of one bar's row in the SVG, in `em` (label line + bar), so it grows with text size.
const ROW: f32 = 3.25;

/// `recount`: the bars counted from the entries ([`Chart::recount`]), `None` when the
/// table cannot answer this figure.
#[component]
pub fn ChartFigure(chart: Chart, total: u32, recount: Option<Vec<Bar>>) -> impl IntoView {
    let id = format!("kn-chart-{}", chart.id.replace('_', "-"));
    let title_id = format!("{id}-title");
    let values_id = format!("{id}-values");
    let total = total.max(1);
    let value = |b: &Bar| match b.percent {
        Some(p) => format!("{}件（{p}%）", b.count),
        None => format!("{}件", b.count),
    };
    let rows = chart
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let top = i as f32 * ROW;
            let width = format!("{:.1}%", (b.count as f32 / total as f32 * 100.0).min(100.0));
            view! {
                <text class="kn-chart__label" x="0" y=format!("{:.2}em", top + 1.1)>{format!("{}　{}", b.label, value(b))}</text>
                <rect class="kn-chart__track" x="0" y=format!("{:.2}em", top + 1.6) width="100%" height="1.1em"></rect>
                <rect class="kn-chart__fill" x="0" y=format!("{:.2}em", top + 1.6) width=width height="1.1em"></rect>
            }
        })
        .collect_view();
    let height = format!("{:.2}em", chart.bars.len() as f32 * ROW);
    let check = match recount {
        None => view! { <p class="kn-chart__note">"この数値は一覧表からは数えられないため、資料の値をそのまま掲載しています。"</p> }.into_any(),
        Some(counted) => {
            let same = counted == chart.bars;
            let text = counted.iter().map(|b| format!("{} {}", b.label, value(b))).collect::<Vec<_>>().join("、");
            view! {
                <p class="kn-chart__note">
                    {format!("一覧表の{total}件から数えた値：{text}。")}
                    <strong>{if same { "資料の値と一致します。" } else { "資料の値と一致しません。" }}</strong>
                </p>
            }
            .into_any()
        }
    };
    view! {
        <figure class="kn-chart">
            <figcaption class="kn-chart__title" id=title_id.clone()>{format!("{}（{total}自治体等）", chart.title)}</figcaption>
            <svg class="kn-chart__svg" role="img" aria-labelledby=format!("{title_id} {values_id}") width="100%" height=height focusable="false">
                {rows}
            </svg>
            <ul class="kn-chart__values" id=values_id>
                {chart.bars.iter().map(|b| view! { <li class="kn-chart__value">{format!("{}：{}", b.label, value(b))}</li> }).collect_view()}
            </ul>
            {check}
        </figure>
    }
}
