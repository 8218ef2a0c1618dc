//! 「出典」: the documents a page's facts come from, a web page linked with the date it was read.

use leptos::prelude::*;

use crate::i18n::{lang, messages, t, tx, Lang, Messages};
use crate::markup::html::{esc, rb};
use crate::model::Source;

#[component]
pub fn SourceList(sources: Vec<Source>) -> impl IntoView {
    let m = messages();
    view! {
        <section class="kn-source-list" aria-labelledby="kn-sources-heading">
            <h2 id="kn-sources-heading" class="kn-source-list__title">{t("sources.title")}</h2>
            <ul class="kn-source-list__items">
                {sources
                    .into_iter()
                    .map(|s| {
                        if m.lang != Lang::Ja {
                            return item_in_reading(s, &m).into_any();
                        }
                        view! {
                            <li class="kn-source-list__item">
                                {s.publisher.clone()}"「"{title(&s)}"」（"{s.year.clone()}{s.read.clone().map(|r| format!("、{}", tx("sources.read").replace("{date}", &r)))}"）"
                            </li>
                        }.into_any()
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// The title, linked to the document when it has an address.
fn title(s: &Source) -> impl IntoView + use<> {
    match s.url.clone() {
        Some(u) => {
            view! { <a class="kn-source-list__link" href=u rel="noopener noreferrer">{s.title.clone()}</a> }.into_any()
        }
        None => s.title.clone().into_any(),
    }
}

/// A source on a page in another reading (issue #22): the publisher and title as published
/// (marked Japanese on an English page), then its dates with their words in the reading
/// ([`source_dates`]).
fn item_in_reading(s: Source, m: &Messages) -> impl IntoView + use<> {
    let english = lang() == Lang::En;
    let source_lang = english.then_some("ja");
    let dates: Vec<String> = source_dates(&s, m)
        .into_iter()
        .map(|d| match d {
            SourceDate::Said(text) => rb(&text),
            SourceDate::AsPublished(text) if english => format!("<span lang=\"ja\">{}</span>", esc(&text)),
            SourceDate::AsPublished(text) => esc(&text),
        })
        .collect();
    let dates = (!dates.is_empty())
        .then(|| m.html("sources.dates").replace("{dates}", &dates.join(&rb(&m.raw("contacts.date_separator")))));
    view! {
        <li class="kn-source-list__item">
            <span lang=source_lang>{s.publisher.clone()}"「"{title(&s)}"」"</span>
            {dates.map(|d| view! { <span inner_html=d></span> })}
        </li>
    }
}

/// One date of a source as a page in a reading says it.
#[derive(Clone, Debug, PartialEq)]
pub enum SourceDate {
    /// In the reading's words, readings in the explicit notation: 「ページの更新日 2023年8月1日」.
    Said(String),
    /// The document's year or period as printed (「令和6年度」), in every reading.
    AsPublished(String),
}

impl SourceDate {
    pub fn text(&self) -> &str {
        match self {
            SourceDate::Said(t) | SourceDate::AsPublished(t) => t,
        }
    }
}

/// A web page's own date (or that it shows none) and the day it was read, in the reading of
/// `m`; a document's year or period as printed otherwise.
pub fn source_dates(s: &Source, m: &Messages) -> Vec<SourceDate> {
    let mut dates = Vec::new();
    if s.url.is_some() || s.read.is_some() {
        dates.push(SourceDate::Said(match &s.page_date {
            Some(d) => m.raw("contacts.page_date").replace("{date}", &m.date(d)),
            None => m.raw("contacts.no_page_date"),
        }));
    }
    if let Some(read) = &s.read {
        dates.push(SourceDate::Said(m.raw("contacts.read").replace("{date}", &m.date(read))));
    }
    if dates.is_empty() && !s.year.is_empty() {
        dates.push(SourceDate::AsPublished(s.year.clone()));
    }
    dates
}
