//! The optional GSI 淡色地図 background: the tiles under the view, only while switched on,
//! with the 「地理院タイル」 attribution shown with them.

use std::fmt::Write;

use web_sys::{Element, SvgElement};

use super::model::Model;
use super::viewport::Viewport;
use crate::features::finder::map_data as geo;
use crate::markup::html::{esc, fixed};

/// At most this many GSI tiles at once.
const TILE_LIMIT: usize = 48;

/// The GSI tiles under the view while switched on (none is ever requested before), and
/// the 「地理院タイル」 attribution with them.
pub(super) fn draw_tiles(root: &Element, svg: &SvgElement, m: &mut Model, v: Viewport) {
    let on = m.tiles_on;
    let mut html = String::new();
    if on {
        for t in geo::tiles(v.rect(m.size), v.k, TILE_LIMIT) {
            // A hair larger than the tile, so no seam shows between neighbours.
            let size = fixed(t.size * 1.004, 2);
            let _ = write!(
                html,
                r#"<image href="{}" x="{}" y="{}" width="{size}" height="{size}"/>"#,
                esc(&t.url),
                fixed(t.x, 2),
                fixed(t.y, 2)
            );
        }
    }
    let _ = svg
        .set_attribute("class", if on { "kn-finder-map__svg kn-finder-map__svg--tiles" } else { "kn-finder-map__svg" });
    if let Ok(Some(a)) = root.query_selector(".kn-finder-map__attribution") {
        let _ = if on { a.remove_attribute("hidden") } else { a.set_attribute("hidden", "") };
    }
    if html != m.tiles {
        if let Ok(Some(g)) = root.query_selector(".kn-finder-map__tiles") {
            g.set_inner_html(&html);
        }
        m.tiles = html;
    }
}
