//! What the map places and remembers: the pins made from the results' rows, and the model
//! the effects and event handlers share between frames.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::viewport::Viewport;
use crate::features::finder::map_data::{self as geo, Cluster, MapShape};
use crate::features::finder::query::Hit;
use crate::i18n::Texts;

/// A facility placed on the map: its result (shared with the list, not copied) and where.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Pin {
    hit: Hit,
    pub(super) x: f64,
    pub(super) y: f64,
}

impl Pin {
    /// Rows without any position stay in the list only.
    pub(super) fn of(hits: &[Hit]) -> Vec<Pin> {
        hits.iter()
            .filter(|h| h.row().lat != 0.0 || h.row().lng != 0.0)
            .map(|h| {
                let (x, y) = geo::project(h.row().lat, h.row().lng);
                Pin { hit: h.clone(), x, y }
            })
            .collect()
    }

    pub(super) fn id(&self) -> &str {
        &self.hit.row().id
    }

    pub(super) fn name(&self) -> &str {
        &self.hit.row().name
    }

    /// The facility's own position, not its municipality hall's.
    pub(super) fn exact(&self) -> bool {
        self.hit.row().exact == 1
    }

    /// The accessible name: 「おおよその位置」 when only the municipality hall is known.
    pub(super) fn label(&self, t: &Texts) -> String {
        if self.exact() {
            self.name().to_string()
        } else {
            t.plain_with("finder.approx", &[("name", self.name())])
        }
    }
}

/// What the map knows between frames (behind the [`Map`]'s mutex; never held across a
/// call that locks it again).
#[derive(Default)]
pub(super) struct Model {
    /// "japan" and 2-digit prefecture codes → outlines, and what was asked for.
    pub(super) shapes: BTreeMap<String, Arc<Vec<MapShape>>>,
    pub(super) requested: Vec<String>,
    pub(super) pins: Vec<Pin>,
    /// The chosen area's municipalities as 5-digit codes (the boundary data's N03_007).
    pub(super) codes: Vec<String>,
    /// The zoom level the clusters were made for; `None` when the pins changed since.
    pub(super) level: Option<i32>,
    pub(super) clusters: Vec<Cluster>,
    pub(super) order: Vec<u32>,
    /// The view as it moves (every pointer move), and once a gesture has ended (what pins,
    /// outlines and tiles are drawn for).
    pub(super) live: Viewport,
    pub(super) settled: Viewport,
    /// The map's size in pixels.
    pub(super) size: (f64, f64),
    /// The person moved the map: no automatic fit until the area changes.
    pub(super) touched: bool,
    pub(super) tiles_on: bool,
    /// Pointers down on the map, for drag and pinch, where the gesture started and the
    /// screen's top-left corner in client pixels.
    pub(super) pointers: Vec<(i32, f64, f64)>,
    pub(super) start: (f64, f64),
    pub(super) origin: (f64, f64),
    pub(super) dragging: bool,
    /// 「指1本で地図を動かす」 is on: one finger moves the map instead of the page.
    pub(super) one_finger: bool,
    pub(super) wheel_turn: u32,
    /// What was drawn or seen last, to redraw only what changed.
    pub(super) outlines: String,
    pub(super) tiles: String,
    pub(super) area: Option<String>,
    pub(super) selected: Option<String>,
    pub(super) listening: bool,
}
