//! How the map's [`Viewport`] is chosen: fitting the pins and the chosen area, zooming into a
//! cluster, measuring the screen.

use web_sys::SvgElement;

use super::model::Model;
use super::viewport::Viewport;
use crate::features::finder::map_data::{self as geo, Cluster};

/// A first view never comes closer than this (about 5 km across a phone).
const FIT_MAX_SCALE: f64 = 2.0;

/// The map's size in pixels, read from the layout.
pub(super) fn measure(m: &mut Model, svg: Option<&SvgElement>) {
    if let Some(svg) = svg {
        let s = (svg.client_width() as f64, svg.client_height() as f64);
        if s.0 > 0.0 && s.1 > 0.0 {
            m.size = s;
        }
    }
}

/// Every pin and the chosen area, with room for the pins round the edge.
pub(super) fn fit(m: &Model) -> Option<Viewport> {
    let (w, h) = m.size;
    if w == 0.0 {
        return None;
    }
    let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    let mut add = |x0: f64, y0: f64, x1: f64, y1: f64| b = [b[0].min(x0), b[1].min(y0), b[2].max(x1), b[3].max(y1)];
    m.pins.iter().for_each(|p| add(p.x, p.y, p.x, p.y));
    for (_, list) in m.shapes.iter().filter(|(k, _)| k.as_str() != "japan") {
        for s in list.iter().filter(|s| m.codes.contains(&s.code)) {
            let [x, y, bw, bh] = s.bbox.map(f64::from);
            add(x, y, x + bw, y + bh);
        }
    }
    if b[0] > b[2] {
        return None;
    }
    let margin = 2.0 * geo::CLUSTER_PX;
    let k =
        ((w - margin).max(w / 2.0) / (b[2] - b[0])).min((h - margin).max(h / 2.0) / (b[3] - b[1])).min(FIT_MAX_SCALE);
    Some(Viewport { x: (b[0] + b[2]) / 2.0, y: (b[1] + b[3]) / 2.0, k }.clamped())
}

/// Zoom to a cluster's members: at least twice as close, at most the closest zoom (where
/// pins sharing a position spread apart).
pub(super) fn zoom_to(c: &Cluster, v: Viewport, (w, h): (f64, f64)) -> Viewport {
    let [x0, y0, x1, y1] = c.bbox;
    let margin = 2.0 * geo::CLUSTER_PX;
    let fit = ((w - margin).max(w / 2.0) / (x1 - x0).max(1e-6)).min((h - margin).max(h / 2.0) / (y1 - y0).max(1e-6));
    Viewport { x: (x0 + x1) / 2.0, y: (y0 + y1) / 2.0, k: fit.max(v.k * 2.0).min(geo::MAX_SCALE) }
}
