//! A summary figure of the 好事例集 (整備類型 3/16/6 …) as a bar chart: an SVG drawn here
//! (`role="img"`, named by its caption and the list of numbers) and the same numbers as a
//! visible list, plus the figure counted again from the 一覧表 where the table holds it.
//! Rendered at build time only: the catalogue sends it as HTML, so none of it is in the wasm.
//!
//! Titles and labels are the document's (`content/catalogue/index.md`); in another reading
//! those the catalogue knows are said in it ([`chart_key`], [`bar_key`]), and any other is
//! quoted as printed. The numbers are the document's in every reading.

use leptos::prelude::*;

use crate::i18n::{messages, Lang, Messages};
use crate::markup::html::esc;
use crate::model::{Bar, Chart, DevelopmentType};

/// Height of one bar's row in the SVG, in `em` (label line + bar), so it grows with text size.
const ROW: f32 = 3.25;

/// The catalogue key of a chart's title, by the chart's id.
pub fn chart_key(id: &str) -> Option<&'static str> {
    Some(match id {
        "development_type" => "catalogue.chart.development_type",
        "coordinator" => "catalogue.chart.coordinator",
        "reception_24h" => "catalogue.chart.reception_24h",
        "beds" => "catalogue.chart.beds",
        _ => return None,
    })
}

/// The catalogue key of a bar's label as the document prints it.
pub fn bar_key(label: &str) -> Option<&'static str> {
    if let Some(t) = DevelopmentType::ALL.into_iter().find(|t| t.label() == label) {
        return Some(t.key());
    }
    Some(match label {
        "確保している" => "catalogue.bar.secured",
        "確保していない" => "catalogue.bar.not_secured",
        "夜勤、宿直対応" => "catalogue.bar.night_shift",
        "電話対応" => "catalogue.bar.phone",
        "している" => "catalogue.bar.doing",
        "していない" => "catalogue.bar.not_doing",
        _ => return None,
    })
}

/// The document's words in the page's reading: `(markup, plain text)`. Standard Japanese
/// shows them as printed; another reading its catalogue's text, or the words as printed
/// (marked Japanese on an English page) when the catalogue has none.
fn words(m: &Messages, printed: &str, key: Option<&str>) -> (String, String) {
    match key {
        Some(key) if m.lang != Lang::Ja => (m.html(key), m.plain(key)),
        _ if m.lang == Lang::En => (format!("<span lang=\"ja\">{}</span>", esc(printed)), printed.to_string()),
        _ => (esc(printed), printed.to_string()),
    }
}

/// `recount`: the bars counted from the entries ([`Chart::recount`]), `None` when the
/// table cannot answer this figure.
#[component]
pub fn ChartFigure(chart: Chart, total: u32, recount: Option<Vec<Bar>>) -> impl IntoView {
    let m = messages();
    let id = format!("kn-chart-{}", chart.id.replace('_', "-"));
    let title_id = format!("{id}-title");
    let values_id = format!("{id}-values");
    let total = total.max(1);
    let value = |b: &Bar| match b.percent {
        Some(p) => m
            .plain("catalogue.chart.count_percent")
            .replace("{count}", &b.count.to_string())
            .replace("{percent}", &p.to_string()),
        None => m.plain("catalogue.chart.count").replace("{count}", &b.count.to_string()),
    };
    let label = |b: &Bar| words(&m, &b.label, bar_key(&b.label));
    // `{label}：{value}`, as markup.
    let pair = |key: &str, b: &Bar| m.html(key).replace("{label}", &label(b).0).replace("{value}", &esc(&value(b)));
    let rows = chart
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let top = i as f32 * ROW;
            let width = format!("{:.1}%", (b.count as f32 / total as f32 * 100.0).min(100.0));
            let text = m.plain("catalogue.chart.svg_bar").replace("{label}", &label(b).1).replace("{value}", &value(b));
            view! {
                <text class="kn-chart__label" x="0" y=format!("{:.2}em", top + 1.1)>{text}</text>
                <rect class="kn-chart__track" x="0" y=format!("{:.2}em", top + 1.6) width="100%" height="1.1em"></rect>
                <rect class="kn-chart__fill" x="0" y=format!("{:.2}em", top + 1.6) width=width height="1.1em"></rect>
            }
        })
        .collect_view();
    let height = format!("{:.2}em", chart.bars.len() as f32 * ROW);
    let check = match recount {
        None => view! { <p class="kn-chart__note">{crate::i18n::t("catalogue.chart.not_recounted")}</p> }.into_any(),
        Some(counted) => {
            let same = counted == chart.bars;
            let values = counted
                .iter()
                .map(|b| pair("catalogue.chart.recount_item", b))
                .collect::<Vec<_>>()
                .join(&m.html("catalogue.chart.separator"));
            let text =
                m.html("catalogue.chart.recount").replace("{total}", &total.to_string()).replace("{values}", &values);
            view! {
                <p class="kn-chart__note">
                    {super::page::shown(text)}
                    <strong>{crate::i18n::t(if same { "catalogue.chart.same" } else { "catalogue.chart.differs" })}</strong>
                </p>
            }
            .into_any()
        }
    };
    let title = words(&m, &chart.title, chart_key(&chart.id)).0;
    let caption = m.html("catalogue.chart.caption").replace("{title}", &title).replace("{total}", &total.to_string());
    view! {
        <figure class="kn-chart">
            <figcaption class="kn-chart__title" id=title_id.clone() inner_html=caption></figcaption>
            <svg class="kn-chart__svg" role="img" aria-labelledby=format!("{title_id} {values_id}") width="100%" height=height focusable="false">
                {rows}
            </svg>
            <ul class="kn-chart__values" id=values_id>
                {chart.bars.iter().map(|b| view! { <li class="kn-chart__value" inner_html=pair("catalogue.chart.bar", b)></li> }).collect_view()}
            </ul>
            {check}
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The catalogue's words for the document's titles and labels are `ja.toml`'s as
    /// printed: if `content/catalogue/index.md` changes one, this says which key to follow.
    #[test]
    fn the_keys_say_what_the_document_prints() {
        let m = crate::i18n::catalogue(Lang::Ja);
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        let c = crate::load::load_content(&dir, "/").unwrap_or_else(|d| panic!("{d:?}"));
        for chart in &c.catalogue.charts {
            let key = chart_key(&chart.id).unwrap_or_else(|| panic!("no key for chart {}", chart.id));
            assert_eq!(m.plain(key), chart.title, "{key}");
            for b in &chart.bars {
                let key = bar_key(&b.label).unwrap_or_else(|| panic!("no key for bar {}", b.label));
                assert_eq!(m.plain(key), b.label, "{key}");
            }
        }
    }
}
