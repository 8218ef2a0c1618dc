//! The 好事例集's comparison of the 25 entries: a table from 48rem, cards below, each row and
//! card with the data attributes the filters read.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::filter::{self, Beds, Column, Filters};
use super::page::{ja_attr, said, said_after, Named, Value};
use crate::data::AreaLink;
use crate::i18n::{messages, published, t, tx, Messages};
use crate::markup::shift_note::shift_only_note;
use crate::model::{Area, DevelopmentType, Function, FunctionStatus};
use crate::routes::Route;

/// Row heading without its trailing 「(都道府県)」: 「千葉市(千葉県)」 → 「千葉市」.
pub(super) fn row_name(a: &Area) -> String {
    let heading = a.practice.as_ref().map(|p| p.heading.as_str()).unwrap_or(&a.name);
    heading.strip_suffix(&format!("({})", a.prefecture)).unwrap_or(heading).to_string()
}

/// A function cell in short, as markup: 「実施・空床 拠点内3」, or 「記載なし」 for a blank
/// one. The table's own remarks (検討中, H30年度~ …) are quoted as printed. The area page's
/// status grid shows the same cells.
pub(crate) fn cell(m: &Messages, s: Option<&FunctionStatus>) -> String {
    let Some(s) = s.filter(|s| !s.raw.trim().is_empty()) else { return m.html("catalogue.blank") };
    let mut parts = Vec::new();
    if s.implemented {
        parts.push(m.html(if s.core { "catalogue.cell.done_core" } else { "catalogue.cell.done" }));
    }
    if let Some(n) = s.beds_inside {
        parts.push(m.html("catalogue.cell.beds_inside").replace("{n}", &n.to_string()));
    }
    if let Some(n) = s.beds_outside {
        parts.push(m.html("catalogue.cell.beds_outside").replace("{n}", &n.to_string()));
    }
    if let Some(note) = &s.note {
        parts.push(published(note));
    }
    if parts.is_empty() {
        return m.html("catalogue.cell.unmarked");
    }
    parts.join(&m.html("catalogue.cell.separator"))
}

/// The five function cells of `a`.
fn cells(m: &Messages, a: &Area) -> Vec<String> {
    let p = a.practice.as_ref();
    Function::ALL.into_iter().map(|f| cell(m, p.and_then(|p| p.status_of(f)))).collect()
}

/// The filter form, the count, the table and the cards, all showing the 25 in table order.
/// Ids and `data-sort` are what [`enhance`] looks for.
pub(super) fn comparison(
    areas: &[&Area],
    links: &BTreeMap<String, AreaLink>,
    names: &BTreeMap<String, Named>,
    url: &str,
    verified: &str,
) -> impl IntoView {
    let m = messages();
    // The query keeps the prefecture as written; the option shows it in the reading.
    let mut prefectures: Vec<(String, String)> = Vec::new();
    for a in areas {
        if !prefectures.iter().any(|(p, _)| p == &a.prefecture) {
            let shown = links.get(&a.id).map_or_else(|| a.prefecture.clone(), |l| l.prefecture.clone());
            prefectures.push((a.prefecture.clone(), shown));
        }
    }
    let select = |name: &str, label: &str, options: Vec<(String, String)>| {
        let id = format!("kn-filter-{name}");
        view! {
            <div class="kn-catalogue-filter__field">
                <label class="kn-field__label" for=id.clone()>{t(label)}</label>
                <select class="kn-field__input kn-catalogue-filter__select" id=id name=name.to_string()>
                    {options.into_iter().map(|(value, text)| view! { <option value=value>{text}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    let check = |name: &str, value: &str, label: &str| {
        let id = if name == "fn" { format!("kn-filter-fn-{value}") } else { format!("kn-filter-{name}") };
        view! {
            <label class="kn-catalogue-filter__check">
                <input class="kn-catalogue-filter__box" type="checkbox" id=id name=name.to_string() value=value.to_string()/>
                <span>{t(label)}</span>
            </label>
        }
    };
    let all = || (String::new(), m.plain("catalogue.all"));
    let header = |c: Column| {
        // The button is named by the column's full name, which starts with its visible
        // words (WCAG 2.5.3, checked by axe's `label-content-name-mismatch`). A heading with
        // ふりがな is its own name: the readings shown could not be in an `aria-label`, so
        // such a heading is the full name (`content/messages/easy.toml`, a test holds it).
        let named = (!m.html(c.short_key()).contains('<')).then(|| m.plain(c.label_key()));
        let sorted = (c == Column::Number).then_some("ascending");
        view! {
            <th scope="col" class="kn-catalogue-table__head" aria-sort=sorted data-sort=c.id()>
                <button class="kn-catalogue-table__sort" type="button" aria-label=named>
                    {t(c.short_key())}
                    <span class="kn-catalogue-table__arrow" aria-hidden="true">{if c == Column::Number { "▲" } else { "⇅" }}</span>
                </button>
            </th>
        }
    };
    let link = |a: &Area| Route::Area(&a.id).href();
    let features = |a: &Area| a.practice.as_ref().map(|p| p.features.clone()).unwrap_or_default();
    let coordinator = |a: &Area| a.practice.as_ref().is_some_and(|p| p.coordinator);
    let in_overview = |a: &Area| a.practice.as_ref().is_some_and(|p| p.coordinator_overview.is_some());
    let shift_only = |a: &Area| a.practice.as_ref().is_some_and(|p| p.features_shift_only);
    let number = |a: &Area| a.practice.as_ref().map_or(0, |p| p.number);
    let kind = |a: &Area| a.development_type.map(|k| t(k.key()));
    let name = |a: &Area| names.get(&a.id).map(|n| n.name.clone()).unwrap_or_default();
    let sub = |a: &Area| names.get(&a.id).map(|n| n.sub.clone()).unwrap_or_default();
    let rows = areas
        .iter()
        .map(|a| {
            view! {
                <tr>
                    <td>{number(a)}</td>
                    <th scope="row"><a href=link(a) inner_html=name(a)></a><span class="kn-catalogue-table__pref" inner_html=sub(a)></span></th>
                    <td>{kind(a)}</td>
                    {cells(&m, a).into_iter().map(|c| view! { <td inner_html=c></td> }).collect_view()}
                    <td>{if coordinator(a) { "○" } else { "－" }}{in_overview(a).then(|| view! { <span class="kn-catalogue-table__note">{t("catalogue.in_overview")}</span> })}</td>
                    <td class="kn-catalogue-table__features"><ul lang=ja_attr()>{features(a).into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>{shift_only(a).then(shift_only_note)}</td>
                </tr>
            }
        })
        .collect_view();
    let cards = areas
        .iter()
        .map(|a| {
            let placed = match (coordinator(a), in_overview(a)) {
                (true, _) => m.html("catalogue.coordinator_yes"),
                (false, true) => {
                    m.html("catalogue.coordinator_overview_only").replace("{note}", &m.html("catalogue.in_overview"))
                }
                (false, false) => m.html("catalogue.blank"),
            };
            let meta = m
                .html("catalogue.card_meta")
                .replace("{prefecture}", &sub(a))
                .replace("{type}", &a.development_type.map(|k| m.html(k.key())).unwrap_or_default())
                .replace("{coordinator}", &placed);
            view! {
                <li class="kn-catalogue-card">
                    <h3 class="kn-catalogue-card__title">
                        <span class="kn-catalogue-card__number">{m.plain("catalogue.card_number").replace("{n}", &number(a).to_string())}</span>
                        <a class="kn-catalogue-card__link" href=link(a) inner_html=name(a)></a>
                    </h3>
                    <p class="kn-catalogue-card__meta" inner_html=meta></p>
                    <dl class="kn-catalogue-card__functions">
                        {Function::ALL.iter().zip(cells(&m, a)).map(|(f, c)| view! {
                            <div class="kn-catalogue-card__function"><dt>{t(f.label_key())}</dt><dd inner_html=c></dd></div>
                        }).collect_view()}
                    </dl>
                    {(!features(a).is_empty()).then(|| view! {
                        <ul class="kn-catalogue-card__features" lang=ja_attr()>{features(a).into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>
                    })}
                    {shift_only(a).then(shift_only_note)}
                </li>
            }
        })
        .collect_view();
    let total = areas.len();
    let as_of = || ("as_of", Value::key(&m, "catalogue.as_of"));
    let count = Filters::default().count(&filter::island_texts(&m), total, total, "");
    view! {
        <section class="kn-catalogue__entries" aria-labelledby="kn-entries">
            <h2 id="kn-entries">{t("catalogue.entries_title")}</h2>
            <p>{said("catalogue.as_of_note", &[as_of()])}</p>
            <form class="kn-catalogue-filter" id="kn-filter" method="get" action=Route::Catalogue.href() role="search" aria-label=tx("catalogue.filter_label")>
                <div class="kn-catalogue-filter__field">
                    <label class="kn-field__label" for="kn-filter-q">{t("catalogue.keyword")}</label>
                    <input class="kn-field__input" type="search" id="kn-filter-q" name="q"/>
                </div>
                <details class="kn-catalogue-filter__more">
                    <summary class="kn-catalogue-filter__summary">{t("catalogue.more")}</summary>
                    <div class="kn-catalogue-filter__grid">
                        {select("type", "catalogue.type", std::iter::once(all()).chain(DevelopmentType::ALL.iter().map(|k| (k.id().to_string(), m.plain(k.key())))).collect())}
                        <fieldset class="kn-catalogue-filter__group">
                            <legend class="kn-field__label">{t("catalogue.functions")}</legend>
                            {Function::ALL.iter().map(|f| check("fn", f.id(), f.label_key())).collect_view()}
                        </fieldset>
                        {select("beds", "catalogue.beds", Beds::ALL.iter().map(|b| (b.id().to_string(), m.plain(b.key()))).collect())}
                        <fieldset class="kn-catalogue-filter__group">
                            <legend class="kn-field__label">{t("catalogue.coordinator")}</legend>
                            {check("coordinator", "1", "catalogue.coordinator_placed")}
                        </fieldset>
                        {select("pref", "screening.prefecture", std::iter::once(all()).chain(prefectures).collect())}
                        {select("sort", "catalogue.sort", Column::ALL.iter().map(|c| (c.id().to_string(), m.plain(c.order_key()))).collect())}
                        <fieldset class="kn-catalogue-filter__group">
                            <legend class="kn-field__label">{t("catalogue.order")}</legend>
                            {check("order", "desc", "catalogue.reverse")}
                        </fieldset>
                    </div>
                </details>
                <div class="kn-catalogue-filter__actions">
                    <button class="kn-button kn-catalogue-filter__submit" type="submit">{t("catalogue.submit")}</button>
                    <a class="kn-catalogue-filter__clear" href=Route::Catalogue.href() data-noscroll="">{t("catalogue.clear")}</a>
                </div>
            </form>
            <p class="kn-catalogue__count" id="kn-catalogue-count" role="status" inner_html=count></p>
            <p class="kn-print-meta"><span id="kn-catalogue-url">{url.to_string()}</span>{said_after(" ／ ", "catalogue.verified", &[("date", Value::text(verified))])}</p>
            <div class="kn-table-scroll kn-catalogue__table" tabindex="0" role="region" aria-labelledby="kn-entries-caption">
                <table class="kn-catalogue-table">
                    <caption class="kn-catalogue-table__caption" id="kn-entries-caption">
                        {said("catalogue.caption", &[as_of()])}<span class="kn-catalogue-table__hint">{t("catalogue.caption_hint")}</span>
                    </caption>
                    <thead>
                        <tr id="kn-catalogue-head">
                            {header(Column::Number)}{header(Column::Name)}{header(Column::Kind)}
                            {(0..5).map(|i| header(Column::Function(i))).collect_view()}
                            {header(Column::Coordinator)}
                            <th scope="col" class="kn-catalogue-table__head">{t("catalogue.column.features")}</th>
                        </tr>
                    </thead>
                    <tbody id="kn-catalogue-rows">{rows}</tbody>
                </table>
            </div>
            <ul class="kn-catalogue__cards" id="kn-catalogue-cards" aria-labelledby="kn-entries">{cards}</ul>
            <p class="kn-catalogue__empty" id="kn-catalogue-empty" hidden="">{t("catalogue.empty")}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::markup::html::esc;

    /// In standard Japanese a cell says what the area page's status grid says
    /// ([`FunctionStatus::summary`]), for every cell of the 25 entries.
    #[test]
    fn standard_cells_equal_the_status_summary() {
        let m = crate::i18n::catalogue(Lang::Ja);
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        let c = crate::load::load_content(&dir, "/").unwrap_or_else(|d| panic!("{d:?}"));
        let mut seen = 0;
        for p in c.areas.values().filter_map(|a| a.practice.as_ref()) {
            for s in &p.status {
                let want = if s.raw.trim().is_empty() { "記載なし".to_string() } else { esc(&s.summary()) };
                assert_eq!(cell(&m, Some(s)), want, "{}", s.raw);
                seen += 1;
            }
        }
        assert_eq!(seen, 125);
        assert_eq!(cell(&m, None), "記載なし");
    }
}
