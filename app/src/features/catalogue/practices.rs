//! The 好事例集's practice sections, grouped by function, each listing the entries whose
//! features show it (拠点ナビ's matching).

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::page::{ja_attr, Named};
use crate::i18n::{messages, published, t, tx};
use crate::model::{CatalogueSummary, DevelopmentType, Function, PracticeSection};
use crate::routes::Route;

/// One group of practice sections on the page: its heading (markup), anchor and contents.
struct Group {
    id: String,
    title: String,
    practices: Vec<PracticeSection>,
    examples: Vec<(String, Vec<String>)>,
}

/// The practice sections grouped as the document orders them: 整備の検討経緯, 整備時の工夫,
/// ①–⑤ and ⑥その他 of 機能ごとの取組みの特徴, then 多機能拠点整備型, 面的整備型 and what is
/// said of both. Headings are markup in the context's reading.
fn groups(practices: &[PracticeSection], summary: &CatalogueSummary) -> Vec<(String, Vec<Group>)> {
    use crate::model::PracticePart;
    let m = messages();
    let pick =
        |keep: &dyn Fn(&PracticeSection) -> bool| practices.iter().filter(|p| keep(p)).cloned().collect::<Vec<_>>();
    let group = |id: &str, title: String, practices: Vec<PracticeSection>| Group {
        id: format!("kn-practices-{id}"),
        title,
        practices,
        examples: Vec::new(),
    };
    let mut functions: Vec<Group> = Function::ALL
        .into_iter()
        .map(|f| {
            let mut g = group(
                f.id(),
                m.html("catalogue.function_practices").replace("{function}", &m.html(f.label_key())),
                pick(&|p| p.part == PracticePart::Function && p.function == Some(f)),
            );
            g.examples = summary
                .examples
                .iter()
                .filter(|x| x.function == Some(f))
                .map(|x| (x.title.clone(), x.items.clone()))
                .collect();
            g
        })
        .collect();
    functions.push(group(
        "other",
        m.html("catalogue.other_practices"),
        pick(&|p| p.part == PracticePart::Function && p.function.is_none()),
    ));
    let model = |t: Option<DevelopmentType>| pick(&|p| p.part == PracticePart::Model && p.development_type == t);
    let trends = |t: DevelopmentType| m.html("catalogue.type_trends").replace("{type}", &m.html(t.key()));
    let part = |p: PracticePart| m.html(p.key());
    vec![
        (
            part(PracticePart::History),
            vec![group("history", part(PracticePart::History), pick(&|p| p.part == PracticePart::History))],
        ),
        (
            part(PracticePart::Setup),
            vec![group("setup", part(PracticePart::Setup), pick(&|p| p.part == PracticePart::Setup))],
        ),
        (part(PracticePart::Function), functions),
        (
            part(PracticePart::Model),
            vec![
                group("multi", trends(DevelopmentType::Multi), model(Some(DevelopmentType::Multi))),
                group("area", trends(DevelopmentType::Area), model(Some(DevelopmentType::Area))),
                group("both", m.html("catalogue.both_types"), model(None)),
            ],
        ),
    ]
}

/// Every practice section, grouped, with contents and links to the areas that show it.
/// `names`: area id → name shown.
pub(super) fn practice_sections(
    practices: &[PracticeSection],
    summary: &CatalogueSummary,
    names: &BTreeMap<String, Named>,
) -> impl IntoView {
    let m = messages();
    let parts = groups(practices, summary);
    let link = |g: &Group| view! { <a class="kn-practice-nav__link" href=format!("#{}", g.id) rel="external" inner_html=g.title.clone()></a> };
    let nav = parts
        .iter()
        .map(|(part, groups)| {
            let groups: Vec<&Group> = groups.iter().filter(|g| !g.practices.is_empty()).collect();
            // A part that is one group (整備の検討経緯) is one link, not a label and a link.
            match groups.as_slice() {
                [g] if g.title == *part => view! { <li class="kn-practice-nav__part">{link(g)}</li> }.into_any(),
                _ => view! {
                    <li class="kn-practice-nav__part">
                        <span class="kn-practice-nav__label" inner_html=part.clone()></span>
                        <ul class="kn-practice-nav__list">{groups.iter().map(|g| view! { <li>{link(g)}</li> }).collect_view()}</ul>
                    </li>
                }
                .into_any(),
            }
        })
        .collect_view();
    let sections = parts
        .into_iter()
        .flat_map(|(_, groups)| groups)
        .filter(|g| !g.practices.is_empty())
        .map(|g| {
            view! {
                <section class="kn-practice-group" aria-labelledby=g.id.clone()>
                    <h3 class="kn-practice-group__title" id=g.id.clone() inner_html=g.title.clone()></h3>
                    {g.examples.into_iter().map(|(title, items)| view! {
                        <div class="kn-practice-group__examples">
                            <p class="kn-practice-group__examples-title" inner_html=m.html("catalogue.examples").replace("{title}", &published(&title))></p>
                            <ul lang=ja_attr()>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                        </div>
                    }).collect_view()}
                    {g.practices.into_iter().map(|p| practice(p, names)).collect_view()}
                    <p class="kn-practice-group__top"><a href="#kn-practices" rel="external">{t("catalogue.back_to_practices")}</a></p>
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="kn-catalogue__practices" aria-labelledby="kn-practices">
            <h2 id="kn-practices">{t("catalogue.practices_title")}</h2>
            <p>{t("catalogue.practices_lead")}</p>
            <p>{t("catalogue.matching_note")}</p>
            <nav class="kn-practice-nav" aria-label=tx("catalogue.practices_contents")><ul class="kn-practice-nav__parts">{nav}</ul></nav>
            {sections}
        </section>
    }
}

fn practice(p: PracticeSection, names: &BTreeMap<String, Named>) -> impl IntoView {
    let title_id = format!("kn-practice-{}", p.slug);
    let labelled_by = title_id.clone();
    let entries: Vec<(String, String)> =
        p.entries.iter().filter_map(|id| names.get(id).map(|n| (id.clone(), n.short.clone()))).collect();
    view! {
        <article class="kn-practice" aria-labelledby=labelled_by>
            <h4 class="kn-practice__title" id=title_id lang=ja_attr()>{p.title.clone()}</h4>
            <div class="kn-prose" lang=ja_attr() inner_html=p.body_html.clone()></div>
            {(!entries.is_empty()).then(|| view! {
                <p class="kn-practice__entries-label">{t("catalogue.practice_entries")}</p>
                <ul class="kn-practice__entries">
                    {entries.into_iter().map(|(id, name)| view! {
                        <li><a class="kn-practice__entry" href=Route::Area(&id).href() inner_html=name></a></li>
                    }).collect_view()}
                </ul>
            })}
        </article>
    }
}
