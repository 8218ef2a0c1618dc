//! The finder's map (issue #4): the results' facilities as pins on outlines the app draws
//! itself from `data/<build>/map/` (made by `site/geo.rs`), so it works offline and with no
//! tile server. Pins cluster on a grid per zoom level (`map_data::cluster`); drag, pinch,
//! the wheel, the ＋/− buttons and the keyboard move the view. The list stays the primary,
//! complete view: everything on the map is in the list, and the two share the selection
//! through [`FinderState`] (a pin highlights its card, a card's 「地図で見る」 its pin).
//! GSI 淡色地図 tiles are an opt-in background: nothing is requested from
//! cyberjapandata.gsi.go.jp before the person switches them on.
//!
//! Lean by design (the wasm budget): one `<section>` whose fixed markup is a string, events
//! delegated to it, and the SVG layers written as markup strings by a few effects — no
//! view tree per pin, so no generic code per pin either. Cheap frames: during a gesture
//! each frame writes two things to the DOM (the `viewBox` and `--kn-pin-scale`, which keeps
//! pins at their size); clusters, pins in view and tiles are redrawn once the gesture ends.
//! Rendered only after hydration (it sits in the finder's results), so the pre-rendered
//! page never contains it.
//!
//! This file holds the component and its two effects (data in, drawing out); the rest is
//! split by job: `markup` (the fixed HTML), `model` (pins and what the map remembers between
//! frames), `viewport` (centre and scale), `fit` (fitting, zooming), `gestures` (pointer, wheel, keyboard
//! and buttons), `draw` (outlines, pins and clusters as SVG markup) and `tiles` (the optional
//! GSI background).

mod draw;
mod fit;
mod gestures;
mod markup;
mod model;
mod tiles;
mod viewport;

use std::sync::{Arc, Mutex, MutexGuard};

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, SvgElement};

use crate::browser::{fetch_json, reveal, timed};
use crate::data::{href, Shell};
use crate::features::finder::areas::{area_codes, AreaEntry};
use crate::features::finder::map_data::{self as geo, MapShape};
use crate::features::finder::state::FinderState;

use crate::markup::html::{esc, fixed};
use draw::{draw_outlines, draw_pins};
use fit::{fit, measure};
use markup::markup;
use model::{Model, Pin};
use tiles::draw_tiles;
use viewport::Viewport;

#[component]
pub fn FinderMap() -> impl IntoView {
    let build = use_context::<Shell>().unwrap_or_default().build;
    let map = Arc::new(Map {
        state: expect_context::<FinderState>(),
        loaded: ArcTrigger::new(),
        redraw: ArcTrigger::new(),
        root: NodeRef::new(),
        japan_url: href(&format!("/data/{build}/map/japan.json")),
        pref_url: href(&format!("/data/{build}/map/")),
        model: Mutex::new(Model::default()),
    });
    let data = map.clone();
    Effect::new(move |_| data.data());
    let draw = map.clone();
    Effect::new(move |_| draw.draw());
    let redraw = map.redraw.clone();
    let resize = window_event_listener(leptos::ev::resize, move |_| redraw.notify());
    on_cleanup(move || resize.remove());
    let html = map.state.reading.with_value(|r| markup(&r.text));
    view! { <section node_ref=map.root class="kn-finder-map" aria-labelledby="kn-map-heading" hidden=true inner_html=html></section> }
}

/// The map's triggers, DOM and model, shared by its two effects and its one event listener
/// as plain methods (no generic code per handler).
struct Map {
    state: FinderState,
    /// Outlines arrived: fit the view again.
    loaded: ArcTrigger,
    /// The settled view, the outlines or the background changed: draw.
    redraw: ArcTrigger,
    root: NodeRef<leptos::html::Section>,
    japan_url: String,
    pref_url: String,
    model: Mutex<Model>,
}

impl Map {
    fn model(&self) -> MutexGuard<'_, Model> {
        self.model.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn find(&self, selector: &str) -> Option<Element> {
        self.root.get_untracked().and_then(|r| r.query_selector(selector).ok().flatten())
    }

    fn svg(&self) -> Option<SvgElement> {
        self.find(".kn-finder-map__svg").and_then(|e| e.dyn_into::<SvgElement>().ok())
    }

    /// Announce the catalogue text `key` (with `values`) in the map's status line.
    fn say(&self, key: &str, values: &[(&str, &str)]) {
        if let Some(p) = self.find(".kn-finder-map__status") {
            p.set_text_content(Some(&self.state.reading.with_value(|r| r.text.plain_with(key, values))));
        }
    }

    fn focus_frame(&self) {
        if let Some(f) = self.find(".kn-finder-map__frame").and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = f.focus();
        }
    }

    /// Draw a view: two DOM writes, nothing reactive (this runs on every pointer move).
    fn apply(&self, v: Viewport) {
        let size = self.model().size;
        let Some(svg) = self.svg() else { return };
        if size.0 == 0.0 {
            return; // not laid out yet: a zero-sized viewBox is an error
        }
        let r = v.rect(size);
        let _ = svg.set_attribute("viewBox", &r.map(|x| fixed(x, 2)).join(" "));
        let _ = svg.style().set_property("--kn-pin-scale", &fixed(1.0 / v.k, 6));
    }

    /// Move to `v` and redraw for it.
    fn go(&self, v: Viewport) {
        let v = v.clamped();
        {
            let mut m = self.model();
            m.live = v;
            m.settled = v;
        }
        self.apply(v);
        self.redraw.notify();
    }

    /// The gesture ended: draw for where it left the view.
    fn settle(&self) {
        let mut m = self.model();
        m.settled = m.live;
        drop(m);
        self.redraw.notify();
    }

    /// Effect: the results and the area. Loads the outlines in play, places the pins and
    /// fits the view to them and the chosen area until the person moves the map (a new
    /// area starts afresh).
    fn data(self: &Arc<Self>) {
        let state = self.state;
        let area = state.filters.get().0.area;
        let codes = chosen_codes(area.as_deref(), state.areas.get().as_deref().map(Vec::as_slice));
        let pins = state.found.with(|rows| Pin::of(rows));
        let count = pins.len();
        let mut wanted: Vec<String> = codes.iter().filter_map(|c| c.get(..2)).map(str::to_string).collect();
        wanted.dedup();
        if state.ready.get() && count > 0 {
            wanted.insert(0, "japan".into());
        } else {
            wanted.clear();
        }
        self.loaded.track();
        for key in wanted {
            let new = {
                let mut m = self.model();
                let new = !m.requested.contains(&key);
                if new {
                    m.requested.push(key.clone());
                }
                new
            };
            if new {
                let url =
                    if key == "japan" { self.japan_url.clone() } else { format!("{}pref-{key}.json", self.pref_url) };
                let map = self.clone();
                fetch_json::<Vec<MapShape>>(url, move |list| {
                    map.model().shapes.insert(key, Arc::new(list));
                    map.loaded.notify();
                    map.redraw.notify();
                });
            }
        }
        if let Some(r) = self.root.get() {
            let _ = if count == 0 { r.set_attribute("hidden", "") } else { r.remove_attribute("hidden") };
            if !std::mem::replace(&mut self.model().listening, true) {
                self.listen(&r);
            }
        }
        if let Some(p) = self.find(".kn-finder-map__summary") {
            let summary = self
                .state
                .reading
                .with_value(|r| r.text.plain_with("finder.map_summary", &[("n", &count.to_string())]));
            p.set_text_content(Some(&summary));
        }
        let svg = self.svg();
        let fitted = {
            let mut m = self.model();
            if m.area != area {
                m.area = area;
                m.touched = false;
            }
            m.pins = pins;
            m.level = None;
            m.codes = codes;
            measure(&mut m, svg.as_ref());
            fit(&m).filter(|_| !m.touched)
        };
        match fitted {
            Some(v) => self.go(v),
            None => self.redraw.notify(),
        }
    }

    /// Effect: draw what changed for the settled view, the selection and the background —
    /// outlines (only when their band or data changes), pins, tiles. A selection made in
    /// the list first zooms until its pin stands alone, then shows and focuses it.
    fn draw(&self) {
        self.redraw.track();
        let selected = self.state.selected.get();
        let (Some(root), Some(svg)) = (self.root.get(), self.svg()) else { return };
        let jump = {
            let mut m = self.model();
            if m.selected == selected {
                None
            } else {
                m.selected = selected.clone();
                selected.as_ref().filter(|_| !self.state.from_map.get_untracked()).and_then(|id| {
                    let i = m.pins.iter().position(|p| p.id() == id)?;
                    let points: Vec<(f64, f64)> = m.pins.iter().map(|p| (p.x, p.y)).collect();
                    let alone = (geo::level(m.live.k)..geo::level(geo::MAX_SCALE)).find(|&l| {
                        let (list, order) = geo::cluster(&points, geo::level_scale(l));
                        list.iter().any(|c| c.len() == 1 && order[c.start as usize] as usize == i)
                    });
                    m.touched = true;
                    Some((
                        id.clone(),
                        Viewport {
                            x: m.pins[i].x,
                            y: m.pins[i].y,
                            k: alone.map_or(geo::MAX_SCALE, |l| geo::level_scale(l).max(m.live.k)),
                        },
                    ))
                })
            }
        };
        if let Some((id, to)) = jump {
            self.go(to); // draws again, at the new view
            reveal(format!(".kn-finder-map__pin[data-id=\"{}\"]", esc(&id)), true);
            return;
        }
        // What the browser benchmark times as the map's render (tests/bench/browser-bench.mjs).
        let v = timed("kn-map-draw", || {
            let mut m = self.model();
            let v = m.settled;
            measure(&mut m, Some(&svg));
            draw_outlines(&root, &mut m, v);
            self.state.reading.with_value(|r| draw_pins(&root, &mut m, v, selected.as_deref(), &r.text));
            draw_tiles(&root, &svg, &mut m, v);
            v
        });
        self.apply(v);
    }
}

/// The chosen area's municipalities as 5-digit codes.
fn chosen_codes(area: Option<&str>, areas: Option<&[AreaEntry]>) -> Vec<String> {
    match (area, areas) {
        (Some(id), Some(areas)) => {
            area_codes(areas, id).iter().filter_map(|c| c.get(..5)).map(str::to_string).collect()
        }
        _ => Vec::new(),
    }
}
