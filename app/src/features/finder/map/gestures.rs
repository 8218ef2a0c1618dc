//! How the map is moved and used: one delegated listener for pointer drag and pinch, the
//! wheel, the keyboard (arrows, ＋/−, 0, Enter on a pin), the buttons and the GSI toggle.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, SvgElement};

use super::fit::{fit, zoom_to};
use super::viewport::Viewport;
use super::Map;

/// Pixels the keyboard's arrows move the map.
const STEP_PX: f64 = 80.0;

/// The events the map handles, all delegated to its section by one listener.
const EVENTS: [&str; 8] =
    ["click", "change", "keydown", "pointerdown", "pointermove", "pointerup", "pointercancel", "wheel"];

impl Map {
    /// One listener for every event, handed to the browser (which frees it with the map).
    pub(super) fn listen(self: &Arc<Self>, root: &web_sys::HtmlElement) {
        let map = self.clone();
        let handler = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            map.on_event(&ev)
        })
        .into_js_value();
        for name in EVENTS {
            let _ = root.add_event_listener_with_callback(name, handler.unchecked_ref());
        }
    }

    pub(super) fn on_event(self: &Arc<Self>, ev: &web_sys::Event) {
        match ev.type_().as_str() {
            "click" => ev.dyn_ref::<web_sys::MouseEvent>().into_iter().for_each(|e| self.on_click(e)),
            "change" => self.on_change(ev),
            "keydown" => ev.dyn_ref::<web_sys::KeyboardEvent>().into_iter().for_each(|e| self.on_keydown(e)),
            "wheel" => ev.dyn_ref::<web_sys::WheelEvent>().into_iter().for_each(|e| self.on_wheel(e)),
            kind => {
                if let Some(e) = ev.dyn_ref::<web_sys::PointerEvent>() {
                    match kind {
                        "pointerdown" => self.on_pointerdown(e),
                        "pointermove" => self.on_pointermove(e),
                        _ => self.on_pointerup(e),
                    }
                }
            }
        }
    }

    fn zoom_by(&self, f: f64) {
        let v = {
            let mut m = self.model();
            m.touched = true;
            m.live.zoom(f, 0.0, 0.0)
        };
        self.go(v);
        self.say(if f > 1.0 { "finder.zoomed_in" } else { "finder.zoomed_out" }, &[]);
    }

    fn reset(&self) {
        let v = {
            let mut m = self.model();
            m.touched = false;
            fit(&m)
        };
        if let Some(v) = v {
            self.go(v);
        }
        self.say("finder.reset_done", &[]);
    }

    /// `p3` selects pin 3 (and so its card); `c0` zooms into cluster 0 of the current level,
    /// whose button goes with the zoom, so the map itself takes the focus (Tab goes on to
    /// the pins from there).
    fn activate(&self, key: &str) {
        if let Some(i) = key.strip_prefix('p').and_then(|n| n.parse::<usize>().ok()) {
            let label = |p: &super::model::Pin| self.state.reading.with_value(|r| p.label(&r.text));
            let Some((id, label)) = self.model().pins.get(i).map(|p| (p.id().to_string(), label(p))) else { return };
            self.state.from_map.set(true);
            self.state.selected.set(Some(id));
            self.say("finder.pin_chosen", &[("label", &label)]);
        } else if let Some(c) = key.strip_prefix('c').and_then(|n| n.parse::<usize>().ok()) {
            let target = {
                let mut m = self.model();
                m.touched = true;
                m.clusters.get(c).map(|c| (zoom_to(c, m.live, m.size), c.len()))
            };
            let Some((v, n)) = target else { return };
            self.go(v);
            self.focus_frame();
            self.say("finder.cluster_zoomed", &[("n", &n.to_string())]);
        }
    }

    fn on_click(&self, ev: &web_sys::MouseEvent) {
        let Some(target) = event_element(ev) else { return };
        if let Some(act) = target.closest("button[data-act]").ok().flatten().and_then(|b| b.get_attribute("data-act")) {
            match act.as_str() {
                "in" => self.zoom_by(2.0),
                "out" => self.zoom_by(0.5),
                "one-finger" => self.toggle_one_finger(&target),
                // Back to the list, at the card shown on the map when there is one.
                "list" => match self.state.selected.get_untracked() {
                    Some(_) => {
                        crate::browser::reveal(".kn-facility-card--selected .kn-facility-card__link".into(), true)
                    }
                    None => crate::browser::reveal("#kn-results-heading".into(), false),
                },
                _ => self.reset(),
            }
        } else if !self.model().dragging {
            if let Some(key) = target.closest("[data-k]").ok().flatten().and_then(|e| e.get_attribute("data-k")) {
                self.activate(&key);
            }
        }
    }

    /// 「指1本で地図を動かす」: on touch screens one finger scrolls the page over the map
    /// (issue #17) unless this is on; two fingers always move and zoom the map.
    fn toggle_one_finger(&self, target: &Element) {
        let on = {
            let mut m = self.model();
            m.one_finger = !m.one_finger;
            m.one_finger
        };
        if let Some(button) = target.closest("button").ok().flatten() {
            let _ = button.set_attribute("aria-pressed", if on { "true" } else { "false" });
        }
        if let Some(svg) = self.svg() {
            let _ = svg.class_list().toggle_with_force("kn-finder-map__svg--one-finger", on);
        }
        self.say(if on { "finder.one_finger_on" } else { "finder.one_finger_off" }, &[]);
    }

    fn on_change(&self, ev: &web_sys::Event) {
        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            if input.get_attribute("data-act").as_deref() == Some("tiles") {
                self.model().tiles_on = input.checked();
                self.redraw.notify();
            }
        }
    }

    fn on_keydown(&self, ev: &web_sys::KeyboardEvent) {
        let Some(target) = event_element(ev) else { return };
        if target.closest(".kn-finder-map__frame").ok().flatten().is_none() {
            return;
        }
        let mark = target.closest("[data-k]").ok().flatten().and_then(|e| e.get_attribute("data-k"));
        let key = ev.key();
        let on_pin = mark.is_some();
        let pan = |dx: f64, dy: f64| {
            let v = {
                let mut m = self.model();
                m.touched = true;
                let (w, h) = m.size;
                Viewport {
                    x: m.live.x + dx * STEP_PX.min(w / 3.0) / m.live.k,
                    y: m.live.y + dy * STEP_PX.min(h / 3.0) / m.live.k,
                    k: m.live.k,
                }
            };
            self.go(v);
        };
        match (key.as_str(), mark) {
            ("Enter" | " ", Some(m)) => {
                ev.prevent_default();
                self.activate(&m);
                return;
            }
            ("+" | "=" | ";", _) => self.zoom_by(2.0),
            ("-" | "_", _) => self.zoom_by(0.5),
            ("0", _) => self.reset(),
            // Arrows move the map only from the map itself: on a pin they are left alone.
            ("ArrowLeft", None) => pan(-1.0, 0.0),
            ("ArrowRight", None) => pan(1.0, 0.0),
            ("ArrowUp", None) => pan(0.0, -1.0),
            ("ArrowDown", None) => pan(0.0, 1.0),
            _ => return,
        }
        ev.prevent_default();
        // Zooming redraws the pins: a focused cluster would vanish, so the map takes the focus.
        if on_pin {
            self.focus_frame();
        }
    }

    /// The SVG, when the event happened in it.
    fn svg_of(&self, ev: &web_sys::Event) -> Option<SvgElement> {
        let target = event_element(ev)?;
        self.svg().filter(|s| s.contains(Some(target.as_ref())))
    }

    fn on_pointerdown(&self, ev: &web_sys::PointerEvent) {
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        let Some(svg) = self.svg_of(ev) else { return };
        let rect = svg.get_bounding_client_rect();
        let mut m = self.model();
        let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
        if m.pointers.is_empty() {
            m.start = (x, y);
            m.origin = (rect.left(), rect.top());
            m.dragging = false;
        }
        m.pointers.retain(|p| p.0 != ev.pointer_id());
        m.pointers.push((ev.pointer_id(), x, y));
    }

    fn on_pointermove(&self, ev: &web_sys::PointerEvent) {
        let (cx, cy, id) = (ev.client_x() as f64, ev.client_y() as f64, ev.pointer_id());
        let mut capture = Vec::new();
        let next = {
            let mut m = self.model();
            let Some(at) = m.pointers.iter().position(|p| p.0 == id) else { return };
            // One finger on a touch screen is the page's (CSS `touch-action: pan-y` lets it
            // scroll), unless 「指1本で地図を動かす」 is on.
            if ev.pointer_type() == "touch" && m.pointers.len() == 1 && !m.one_finger {
                return;
            }
            if !m.dragging {
                if m.pointers.len() == 1 && ((cx - m.start.0).powi(2) + (cy - m.start.1).powi(2)).sqrt() < 6.0 {
                    return;
                }
                m.dragging = true;
                capture = m.pointers.iter().map(|p| p.0).collect();
            }
            let (_, ox, oy) = m.pointers[at];
            let (v, (w, h), origin) = (m.live, m.size, m.origin);
            let next = match m.pointers.iter().find(|p| p.0 != id) {
                None => Viewport { x: v.x - (cx - ox) / v.k, y: v.y - (cy - oy) / v.k, k: v.k },
                Some(&(_, px, py)) => {
                    // Pinch: the point under the fingers' midpoint follows it, scaled by their spread.
                    let from = ((ox - px).powi(2) + (oy - py).powi(2)).sqrt().max(1.0);
                    let to = ((cx - px).powi(2) + (cy - py).powi(2)).sqrt().max(1.0);
                    let (m0x, m0y) = ((ox + px) / 2.0 - origin.0 - w / 2.0, (oy + py) / 2.0 - origin.1 - h / 2.0);
                    let (m1x, m1y) = ((cx + px) / 2.0 - origin.0 - w / 2.0, (cy + py) / 2.0 - origin.1 - h / 2.0);
                    let z = v.zoom(to / from, m0x, m0y);
                    Viewport { x: z.x - (m1x - m0x) / z.k, y: z.y - (m1y - m0y) / z.k, k: z.k }
                }
            }
            .clamped();
            m.pointers[at] = (id, cx, cy);
            m.live = next;
            next
        };
        // From here on the gesture is the map's, wherever the pointers go.
        if let Some(svg) = self.svg().filter(|_| !capture.is_empty()) {
            for p in capture {
                let _ = svg.set_pointer_capture(p);
            }
        }
        ev.prevent_default();
        self.apply(next);
    }

    fn on_pointerup(&self, ev: &web_sys::PointerEvent) {
        let ended = {
            let mut m = self.model();
            let had = m.pointers.len();
            m.pointers.retain(|p| p.0 != ev.pointer_id());
            let ended = had > 0 && m.pointers.is_empty() && m.dragging;
            if ended {
                m.touched = true;
            }
            ended
        };
        if ended {
            self.settle();
        }
    }

    fn on_wheel(self: &Arc<Self>, ev: &web_sys::WheelEvent) {
        let Some(svg) = self.svg_of(ev) else { return };
        ev.prevent_default();
        let rect = svg.get_bounding_client_rect();
        // Lines or pages (Firefox) count as 40 pixels.
        let delta = ev.delta_y() * if ev.delta_mode() == 0 { 1.0 } else { 40.0 };
        let (v, turn) = {
            let mut m = self.model();
            let (w, h) = m.size;
            m.live = m
                .live
                .zoom(
                    crate::math::exp(-delta * 0.002),
                    ev.client_x() as f64 - rect.left() - w / 2.0,
                    ev.client_y() as f64 - rect.top() - h / 2.0,
                )
                .clamped();
            m.touched = true;
            m.wheel_turn += 1;
            (m.live, m.wheel_turn)
        };
        self.apply(v);
        // Clusters and tiles once the wheel rests.
        let map = self.clone();
        set_timeout(
            move || {
                if map.model().wheel_turn == turn {
                    map.settle();
                }
            },
            std::time::Duration::from_millis(150),
        );
    }
}

/// The element an event happened on.
fn event_element(ev: &web_sys::Event) -> Option<Element> {
    ev.target()?.dyn_into::<Element>().ok()
}
