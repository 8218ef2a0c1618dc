//! The map's fixed markup: heading, help, controls, the SVG with its empty layers, credits,
//! legend and the GSI toggle, its text in the page's reading. Everything that changes is
//! drawn into the layers.

use crate::i18n::Texts;

/// The fixed part of the map. Everything that changes is drawn into its empty groups.
pub(super) fn markup(t: &Texts) -> String {
    let h = |key: &str| t.html(key);
    let button = |act: &str, key: &str| {
        format!(
            r#"<button class="kn-button kn-button--secondary kn-finder-map__button" type="button" data-act="{}">{}</button>"#,
            crate::markup::html::esc(act),
            t.html(key)
        )
    };
    [
        format!(r#"<h2 id="kn-map-heading" class="kn-finder-map__title">{}</h2>"#, h("finder.map_title")),
        r#"<p class="kn-finder-map__summary"></p>"#.to_string(),
        format!(
            r#"<details class="kn-finder-map__help"><summary class="kn-finder-map__help-summary">{}</summary><p id="kn-map-help">{}</p></details>"#,
            h("finder.map_help_summary"),
            h("finder.map_help")
        ),
        r#"<div class="kn-finder-map__stage"><div class="kn-finder-map__controls">"#.to_string(),
        button("in", "finder.zoom_in"),
        button("out", "finder.zoom_out"),
        button("reset", "finder.reset"),
        format!(
            r#"<button class="kn-button kn-button--secondary kn-finder-map__button" type="button" data-act="one-finger" aria-pressed="false">{}</button>"#,
            h("finder.one_finger")
        ),
        button("list", "finder.back_to_list"),
        format!(
            r#"</div><div class="kn-finder-map__frame" role="group" tabindex="0" aria-label="{}" aria-describedby="kn-map-help">"#,
            crate::markup::html::esc(&t.plain("finder.map_label"))
        ),
        r#"<svg class="kn-finder-map__svg"><g class="kn-finder-map__tiles" aria-hidden="true"></g>"#.to_string(),
        r#"<g class="kn-finder-map__outlines" aria-hidden="true"></g><g class="kn-finder-map__pins"></g></svg>"#.to_string(),
        // 「地理院タイル」, shown whenever the tiles are (the GSI terms of use).
        format!(
            r#"<p class="kn-finder-map__attribution" hidden><a class="kn-finder-map__attribution-link" href="https://maps.gsi.go.jp/development/ichiran.html">{}</a></p></div>"#,
            h("finder.gsi_tiles")
        ),
        format!(r#"<p class="kn-finder-map__credit">{}</p>"#, h("finder.map_credit")),
        r#"<p class="kn-finder-map__status" role="status"></p><ul class="kn-finder-map__legend">"#.to_string(),
        legend(t, "kn-finder-map__dot", 8, "finder.legend_exact"),
        legend(t, "kn-finder-map__dot kn-finder-map__dot--approx", 8, "finder.legend_approx"),
        legend(t, "kn-finder-map__bubble", 11, "finder.legend_cluster"),
        format!(
            r#"</ul><div class="kn-finder-map__tiles-toggle"><label class="kn-check"><input class="kn-check__input" type="checkbox" data-act="tiles" aria-describedby="kn-map-tiles-hint"><span class="kn-check__label">{}</span></label><p id="kn-map-tiles-hint" class="kn-finder-map__hint">{}</p></div>"#,
            h("finder.tiles_toggle"),
            h("finder.tiles_hint")
        ),
        "</div>".to_string(),
    ]
    .concat()
}

/// One line of the legend: the mark (`dot`, the class of a circle of radius `r`) and its
/// meaning.
fn legend(t: &Texts, dot: &str, r: u8, key: &str) -> String {
    format!(
        r#"<li class="kn-finder-map__legend-item"><svg class="kn-finder-map__legend-icon" viewBox="-12 -12 24 24" aria-hidden="true"><circle class="{}" r="{r}"/></svg>{}</li>"#,
        crate::markup::html::esc(dot),
        t.html(key)
    )
}
