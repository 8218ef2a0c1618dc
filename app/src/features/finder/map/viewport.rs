//! The map's viewport — centre in map units and scale in pixels per unit — and the moves
//! that keep it in bounds. A leaf: the model holds viewports and `fit` chooses them.

use crate::features::finder::map_data as geo;

/// The view: centre in map units, scale in screen pixels per unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Viewport {
    pub(super) x: f64,
    pub(super) y: f64,
    pub(super) k: f64,
}

impl Viewport {
    /// `[x, y, width, height]` in map units on a `w`×`h` pixel screen.
    pub(super) fn rect(&self, (w, h): (f64, f64)) -> [f64; 4] {
        [self.x - w / 2.0 / self.k, self.y - h / 2.0 / self.k, w / self.k, h / self.k]
    }

    pub(super) fn clamped(self) -> Viewport {
        Viewport {
            x: self.x.clamp(-20_000.0, 120_000.0),
            y: self.y.clamp(-20_000.0, 120_000.0),
            k: self.k.clamp(geo::MIN_SCALE, geo::MAX_SCALE),
        }
    }

    /// Zoom by `f`, keeping the point `(sx, sy)` pixels from the centre where it is.
    pub(super) fn zoom(self, f: f64, sx: f64, sy: f64) -> Viewport {
        let k = (self.k * f).clamp(geo::MIN_SCALE, geo::MAX_SCALE);
        Viewport { x: self.x + sx / self.k - sx / k, y: self.y + sy / self.k - sy / k, k }
    }
}

impl Default for Viewport {
    fn default() -> Self {
        // All of Japan, until the first fit.
        Viewport { x: 45_000.0, y: 45_000.0, k: geo::MIN_SCALE * 2.0 }
    }
}
