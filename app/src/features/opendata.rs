//! `/opendata/`: what the site publishes as open data, its columns, licence and credits —
//! in every reading (issue #22): the fixed text and each column's meaning are the
//! `[opendata]` sections of the message catalogues; file and column names stay as they are.

use leptos::prelude::*;

use crate::components::page::{static_view, PageHeading};
use crate::data::href;
use crate::i18n::{messages, published, Messages};
use crate::markup::html::esc;

/// Shows the HTML the builder rendered with [`opendata`].
#[component]
pub fn OpenDataPage() -> impl IntoView {
    static_view()
}

/// The page body in the reading of the catalogue in context, rendered at build time.
/// `columns` are the facility CSV's header row with the catalogue key of each column's
/// meaning; `standard`: the same for `facilities-standard.csv`.
pub fn opendata(
    columns: &'static [(&'static str, &'static str)],
    standard: &'static [(&'static str, &'static str)],
) -> impl IntoView {
    let m = messages();
    let h = |key: &str| m.html(key);
    let code = |key: &str| format!("<code>{}</code>", esc(&m.plain(key)));
    let taxonomies = m.html_with(
        "opendata.taxonomies",
        &[("taxonomies", &file_link("hsds/taxonomies.csv")), ("terms", &file_link("hsds/taxonomy_terms.csv"))],
    );
    let template = "<code>content/templates/facilities-template.csv</code>";
    view! {
        <article class="kn-opendata">
            <PageHeading title=h("opendata.title") lead=h("opendata.lead") markup=true/>
            <section class="kn-prose">
                <h2 inner_html=h("opendata.files_title")></h2>
                <ul inner_html=files(&m, MAIN_FILES)></ul>
                <h2 inner_html=h("opendata.standard_title")></h2>
                <p inner_html=h("opendata.standard_text")></p>
                <ul inner_html=format!("{}<li>{taxonomies}</li>{}", files(&m, STANDARD_FILES), files(&m, ATTRIBUTE_FILES))></ul>
                <p inner_html=h("opendata.csv_note")></p>
                <p inner_html=m.html_with("opendata.area_files", &[("path", &code("opendata.area_path"))])></p>
                <h2 inner_html=h("opendata.own_data_title")></h2>
                <p inner_html=m.html_with("opendata.own_data_text", &[("template", template)])></p>
                <h2 inner_html=h("opendata.facility_columns_title")></h2>
                <table inner_html=column_table(&m, columns, true)></table>
                <h2 inner_html=h("opendata.standard_columns_title")></h2>
                <table inner_html=column_table(&m, standard, false)></table>
                <h2 inner_html=h("opendata.licence_title")></h2>
                <p inner_html=h("opendata.licence_text")></p>
                <p inner_html=h("opendata.caveat")></p>
            </section>
        </article>
    }
}

/// Published files under `/opendata/`, each with the catalogue key of what follows its link.
const MAIN_FILES: &[(&str, &str)] = &[
    ("facilities.csv", "opendata.file.facilities_csv"),
    ("facilities.json", "opendata.file.facilities_json"),
    ("facilities.geojson", "opendata.file.facilities_geojson"),
    ("areas.csv", "opendata.file.areas_csv"),
];
const STANDARD_FILES: &[(&str, &str)] = &[
    ("facilities-standard.csv", "opendata.file.standard_csv"),
    ("hsds/datapackage.json", "opendata.file.datapackage"),
    ("hsds/organizations.csv", "opendata.file.organizations"),
    ("hsds/services.csv", "opendata.file.services"),
    ("hsds/locations.csv", "opendata.file.locations"),
    ("hsds/service_at_location.csv", "opendata.file.service_at_location"),
    ("hsds/phones.csv", "opendata.file.phones"),
    ("hsds/schedules.csv", "opendata.file.schedules"),
];
const ATTRIBUTE_FILES: &[(&str, &str)] = &[("hsds/attributes.csv", "opendata.file.attributes")];

/// One list item per file: its link, then what it holds.
fn files(m: &Messages, list: &[(&str, &str)]) -> String {
    list.iter().map(|(rel, key)| format!("<li>{}{}</li>", file_link(rel), m.html(key))).collect()
}

/// A download link to `/opendata/<rel>`. `download`: the files are not pages, so the router
/// must leave the click alone.
fn file_link(rel: &str) -> String {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    format!(r#"<a href="{}" download="{}">{}</a>"#, esc(&href(&format!("/opendata/{rel}"))), esc(name), esc(rel))
}

/// A table of columns and their meanings. `ascii`: the names are identifiers, shown as code;
/// otherwise they are the standard's own Japanese names, marked Japanese on an English page.
fn column_table(m: &Messages, columns: &[(&str, &str)], ascii: bool) -> String {
    let rows: String = columns
        .iter()
        .map(|(name, key)| {
            let name = if ascii { format!("<code>{}</code>", esc(name)) } else { published(name) };
            format!(r#"<tr><th scope="row">{name}</th><td>{}</td></tr>"#, m.html(key))
        })
        .collect();
    format!(
        r#"<thead><tr><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{rows}</tbody>"#,
        m.html("opendata.column"),
        m.html("opendata.meaning")
    )
}
