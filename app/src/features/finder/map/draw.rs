//! Drawing the map's layers as SVG markup strings: outlines (prefectures, then the loaded
//! prefectures' municipalities), and the pins and clusters in and around the view.

use std::fmt::Write;

use wasm_bindgen::JsCast;
use web_sys::{Element, SvgElement};

use super::model::Model;
use super::viewport::Viewport;
use crate::features::finder::map_data as geo;
use crate::i18n::Texts;
use crate::markup::html::{esc, fixed};

/// Prefectures, and from [`geo::MUNICIPALITY_SCALE`] the loaded prefectures' municipalities
/// (the chosen area highlighted) in place of their prefecture. Redrawn only when that changes.
pub(super) fn draw_outlines(root: &Element, m: &mut Model, v: Viewport) {
    let shapes = m.shapes.clone();
    let detailed = v.k >= geo::MUNICIPALITY_SCALE;
    let mut key = format!("{detailed}");
    for k in shapes.keys().chain(m.codes.iter()) {
        key.push(' ');
        key.push_str(k);
    }
    if m.outlines == key {
        return;
    }
    m.outlines = key;
    let mut html = String::new();
    if let Some(japan) = shapes.get("japan") {
        for s in japan.iter().filter(|s| !(detailed && shapes.contains_key(&s.code))) {
            let _ = write!(html, r#"<path class="kn-finder-map__prefecture" d="{}"/>"#, esc(&s.path));
        }
    }
    if detailed {
        for (_, list) in shapes.iter().filter(|(k, _)| k.as_str() != "japan") {
            for s in list.iter() {
                let chosen = if m.codes.contains(&s.code) { " kn-finder-map__municipality--chosen" } else { "" };
                let _ = write!(html, r#"<path class="kn-finder-map__municipality{chosen}" d="{}"/>"#, esc(&s.path));
            }
        }
    }
    if let Ok(Some(g)) = root.query_selector(".kn-finder-map__outlines") {
        g.set_inner_html(&html);
    }
}

/// Municipality names that fit, then the pins and clusters in and around the view as
/// focusable buttons (keyboard order: top to bottom, left to right), then the selected
/// facility's name. Clusters are remade only when the zoom level changes.
pub(super) fn draw_pins(root: &Element, m: &mut Model, v: Viewport, selected: Option<&str>, t: &Texts) {
    let shapes = m.shapes.clone();
    let level = geo::level(v.k);
    let same_level = m.level == Some(level);
    if !same_level {
        let points: Vec<(f64, f64)> = m.pins.iter().map(|p| (p.x, p.y)).collect();
        (m.clusters, m.order) = geo::cluster(&points, geo::level_scale(level));
        m.level = Some(level);
    }
    let r = v.rect(m.size);
    let mut html = String::with_capacity(256 * m.clusters.len().min(200) + 1024);
    // Names of municipalities wide enough on screen to hold them.
    if v.k >= geo::MUNICIPALITY_SCALE {
        html.push_str(r#"<g aria-hidden="true">"#);
        for (_, list) in shapes.iter().filter(|(k, _)| k.as_str() != "japan") {
            for s in list.iter() {
                let [x, y, w, h] = s.bbox.map(f64::from);
                let fits = w * v.k > 16.0 * s.name.chars().count() as f64 + 16.0 && h * v.k > 24.0;
                if fits && x < r[0] + r[2] && x + w > r[0] && y < r[1] + r[3] && y + h > r[1] {
                    let _ = write!(
                        html,
                        r#"<g transform="translate({} {})"><text class="kn-finder-map__label">{}</text></g>"#,
                        s.label[0],
                        s.label[1],
                        esc(&s.name)
                    );
                }
            }
        }
        html.push_str("</g>");
    }
    // Half a screen beyond each edge, so a short drag finds pins already there.
    let (x0, y0, x1, y1) = (r[0] - r[2] / 2.0, r[1] - r[3] / 2.0, r[0] + r[2] * 1.5, r[1] + r[3] * 1.5);
    let closest = level >= geo::level(geo::MAX_SCALE);
    let mut callout = None;
    for (ci, c) in m.clusters.iter().enumerate() {
        if c.x < x0 || c.x > x1 || c.y < y0 || c.y > y1 {
            continue;
        }
        let members = &m.order[c.start as usize..c.end as usize];
        let has_selected = selected.is_some_and(|s| members.iter().any(|&i| m.pins[i as usize].id() == s));
        if members.len() == 1 || closest {
            for (j, &i) in members.iter().enumerate() {
                let pin = &m.pins[i as usize];
                let (dx, dy) = geo::spread(j, members.len());
                let (x, y) = if members.len() == 1 { (pin.x, pin.y) } else { (c.x + dx / v.k, c.y + dy / v.k) };
                let on = selected == Some(pin.id());
                if on {
                    callout = Some((x, y, pin.name().to_string()));
                }
                let _ = write!(
                    html,
                    r#"<g class="kn-finder-map__pin{}" transform="translate({} {})" role="button" tabindex="0" aria-label="{}"{} data-k="p{i}" data-id="{}"><g class="kn-finder-map__mark"><circle class="kn-finder-map__hit" r="22"/><circle class="kn-finder-map__halo" r="15"/><circle class="kn-finder-map__dot{}" r="8"/><circle class="kn-finder-map__ring" r="20"/></g></g>"#,
                    if on { " kn-finder-map__pin--selected" } else { "" },
                    fixed(x, 2),
                    fixed(y, 2),
                    esc(&pin.label(t)),
                    if on { r#" aria-current="true""# } else { "" },
                    esc(pin.id()),
                    if pin.exact() { "" } else { " kn-finder-map__dot--approx" },
                );
            }
        } else {
            let n = members.len();
            // Bigger for bigger groups, within the 44 px tap target.
            let radius = (12.0 + crate::math::log2(n as f64) * 2.5).min(20.0);
            let _ = write!(
                html,
                r#"<g class="kn-finder-map__cluster{}" transform="translate({} {})" role="button" tabindex="0" aria-label="{}" data-k="c{ci}"><g class="kn-finder-map__mark"><circle class="kn-finder-map__hit" r="22"/><circle class="kn-finder-map__halo" r="{}"/><circle class="kn-finder-map__bubble" r="{}"/><text class="kn-finder-map__count" dy="0.35em">{n}</text><circle class="kn-finder-map__ring" r="22"/></g></g>"#,
                if has_selected { " kn-finder-map__cluster--selected" } else { "" },
                fixed(c.x, 2),
                fixed(c.y, 2),
                esc(&t.plain_with("finder.cluster_label", &[("n", &n.to_string())])),
                fixed(radius + 5.0, 1),
                fixed(radius, 1),
            );
            if has_selected {
                if let Some(p) = m.pins.iter().find(|p| Some(p.id()) == selected) {
                    callout = Some((p.x, p.y, p.name().to_string()));
                }
            }
        }
    }
    if let Some((x, y, name)) = callout {
        let _ = write!(
            html,
            r#"<g aria-hidden="true" transform="translate({} {})"><text class="kn-finder-map__callout">{}</text></g>"#,
            fixed(x, 2),
            fixed(y, 2),
            esc(&name)
        );
    }
    let Ok(Some(g)) = root.query_selector(".kn-finder-map__pins") else { return };
    // Keep the focus on the same pin (or cluster, at the same level) across the redraw.
    let focused = root.owner_document().and_then(|d| d.active_element()).filter(|a| g.contains(Some(a.as_ref())));
    let again = focused.as_ref().and_then(|a| match a.get_attribute("data-id") {
        Some(id) => Some(format!("[data-id=\"{}\"]", esc(&id))),
        None => same_level.then(|| a.get_attribute("data-k").map(|k| format!("[data-k=\"{k}\"]"))).flatten(),
    });
    g.set_inner_html(&html);
    if focused.is_some() {
        let target =
            again.and_then(|s| g.query_selector(&s).ok().flatten()).and_then(|e| e.dyn_into::<SvgElement>().ok());
        match target {
            Some(t) => {
                let _ = t.focus();
            }
            None => {
                if let Ok(Some(f)) = root.query_selector(".kn-finder-map__frame") {
                    if let Ok(f) = f.dyn_into::<web_sys::HtmlElement>() {
                        let _ = f.focus();
                    }
                }
            }
        }
    }
}
