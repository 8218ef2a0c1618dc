//! The finder's map (issue #4): the results' facilities as pins on outlines the app draws
//! itself from `data/<build>/map/` (made by `build/geo.rs`), so it works offline and with no
//! tile server. Pins cluster on a grid per zoom level (`search::map::cluster`); drag, pinch,
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

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::{Arc, Mutex, MutexGuard};

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, SvgElement};

use crate::browser::{fetch_json, reveal};
use crate::data::{href, Shell};
use crate::pages::search::FinderState;
use crate::search::map::{self as geo, Cluster, MapShape};
use crate::search::query::{area_codes, AreaEntry, FinderRow};

/// The boundary data's required credit (国土数値情報, CC BY 4.0).
pub const CREDIT: &str = "出典：国土数値情報（行政区域データ）（国土交通省）を加工して作成";
/// Pixels the keyboard's arrows move the map.
const STEP_PX: f64 = 80.0;
/// A first view never comes closer than this (about 5 km across a phone).
const FIT_MAX_SCALE: f64 = 2.0;
/// At most this many GSI tiles at once.
const TILE_LIMIT: usize = 48;

/// The fixed part of the map. Everything that changes is drawn into its empty groups.
const MARKUP: &str = concat!(
    r#"<h2 id="kn-map-heading" class="kn-finder-map__title">地図</h2>"#,
    r#"<p class="kn-finder-map__summary"></p>"#,
    r#"<details class="kn-finder-map__help"><summary class="kn-finder-map__help-summary">地図の使い方</summary>"#,
    r#"<p id="kn-map-help">指やマウスでドラッグして動かし、2本の指やホイール、「拡大」「縮小」ボタンで大きさを変えます。"#,
    r#"キーボードでは、地図を選んで矢印キーで動かし、＋キーと−キーで拡大・縮小、0キーではじめの表示に戻ります。"#,
    r#"Tabキーで印に移り、Enterキーで選ぶと一覧の相談先を強調します。数字の丸は近くにある相談先の件数で、選ぶと拡大します。</p></details>"#,
    r#"<div class="kn-finder-map__stage">"#,
    r#"<div class="kn-finder-map__controls">"#,
    r#"<button class="kn-button kn-button--secondary kn-finder-map__button" type="button" data-act="in">＋ 拡大</button>"#,
    r#"<button class="kn-button kn-button--secondary kn-finder-map__button" type="button" data-act="out">− 縮小</button>"#,
    r#"<button class="kn-button kn-button--secondary kn-finder-map__button" type="button" data-act="reset">はじめの表示</button></div>"#,
    r#"<div class="kn-finder-map__frame" role="group" tabindex="0" aria-label="相談先の地図" aria-describedby="kn-map-help">"#,
    r#"<svg class="kn-finder-map__svg"><g class="kn-finder-map__tiles" aria-hidden="true"></g>"#,
    r#"<g class="kn-finder-map__outlines" aria-hidden="true"></g><g class="kn-finder-map__pins"></g></svg>"#,
    // 「地理院タイル」, shown whenever the tiles are (the GSI terms of use).
    r#"<p class="kn-finder-map__attribution" hidden><a class="kn-finder-map__attribution-link" href="https://maps.gsi.go.jp/development/ichiran.html">地理院タイル</a></p></div>"#,
    r#"<p class="kn-finder-map__credit">出典：国土数値情報（行政区域データ）（国土交通省）を加工して作成</p>"#,
    r#"<p class="kn-finder-map__status" role="status"></p>"#,
    r#"<ul class="kn-finder-map__legend">"#,
    r#"<li class="kn-finder-map__legend-item"><svg class="kn-finder-map__legend-icon" viewBox="-12 -12 24 24" aria-hidden="true"><circle class="kn-finder-map__dot" r="8"/></svg>所在地</li>"#,
    r#"<li class="kn-finder-map__legend-item"><svg class="kn-finder-map__legend-icon" viewBox="-12 -12 24 24" aria-hidden="true"><circle class="kn-finder-map__dot kn-finder-map__dot--approx" r="8"/></svg>おおよその位置（市区町村役所）</li>"#,
    r#"<li class="kn-finder-map__legend-item"><svg class="kn-finder-map__legend-icon" viewBox="-12 -12 24 24" aria-hidden="true"><circle class="kn-finder-map__bubble" r="11"/></svg>近くの相談先の件数</li></ul>"#,
    r#"<div class="kn-finder-map__tiles-toggle"><label class="kn-check">"#,
    r#"<input class="kn-check__input" type="checkbox" data-act="tiles" aria-describedby="kn-map-tiles-hint">"#,
    r#"<span class="kn-check__label">背景に国土地理院の地図（淡色地図）を表示する</span></label>"#,
    r#"<p id="kn-map-tiles-hint" class="kn-finder-map__hint">国土地理院のサーバーから地図の画像を読み込みます（表示中の地域が伝わります）。</p></div>"#,
    r#"</div>"#,
);

/// A facility placed on the map.
#[derive(Clone, Debug, PartialEq)]
struct Pin {
    id: String,
    name: String,
    x: f64,
    y: f64,
    exact: bool,
}

impl Pin {
    /// Rows without any position stay in the list only.
    fn of(rows: &[FinderRow]) -> Vec<Pin> {
        rows.iter()
            .filter(|r| r.lat != 0.0 || r.lng != 0.0)
            .map(|r| {
                let (x, y) = geo::project(r.lat, r.lng);
                Pin { id: r.id.clone(), name: r.name.clone(), x, y, exact: r.exact == 1 }
            })
            .collect()
    }

    /// The accessible name: 「おおよその位置」 when only the municipality hall is known.
    fn label(&self) -> String {
        if self.exact { self.name.clone() } else { format!("{}（おおよその位置）", self.name) }
    }
}

/// The view: centre in map units, scale in screen pixels per unit.
#[derive(Clone, Copy, Debug, PartialEq)]
struct View {
    x: f64,
    y: f64,
    k: f64,
}

impl View {
    /// `[x, y, width, height]` in map units on a `w`×`h` pixel screen.
    fn rect(&self, (w, h): (f64, f64)) -> [f64; 4] {
        [self.x - w / 2.0 / self.k, self.y - h / 2.0 / self.k, w / self.k, h / self.k]
    }

    fn clamped(self) -> View {
        View { x: self.x.clamp(-20_000.0, 120_000.0), y: self.y.clamp(-20_000.0, 120_000.0), k: self.k.clamp(geo::MIN_SCALE, geo::MAX_SCALE) }
    }

    /// Zoom by `f`, keeping the point `(sx, sy)` pixels from the centre where it is.
    fn zoom(self, f: f64, sx: f64, sy: f64) -> View {
        let k = (self.k * f).clamp(geo::MIN_SCALE, geo::MAX_SCALE);
        View { x: self.x + sx / self.k - sx / k, y: self.y + sy / self.k - sy / k, k }
    }
}

impl Default for View {
    fn default() -> Self {
        // All of Japan, until the first fit.
        View { x: 45_000.0, y: 45_000.0, k: geo::MIN_SCALE * 2.0 }
    }
}

/// What the map knows between frames (behind the [`Map`]'s mutex; never held across a
/// call that locks it again).
#[derive(Default)]
struct Model {
    /// "japan" and 2-digit prefecture codes → outlines, and what was asked for.
    shapes: BTreeMap<String, Arc<Vec<MapShape>>>,
    requested: Vec<String>,
    pins: Vec<Pin>,
    /// The chosen area's municipalities as 5-digit codes (the boundary data's N03_007).
    codes: Vec<String>,
    /// The zoom level the clusters were made for; `None` when the pins changed since.
    level: Option<i32>,
    clusters: Vec<Cluster>,
    order: Vec<u32>,
    /// The view as it moves (every pointer move), and once a gesture has ended (what pins,
    /// outlines and tiles are drawn for).
    live: View,
    settled: View,
    /// The map's size in pixels.
    size: (f64, f64),
    /// The person moved the map: no automatic fit until the area changes.
    touched: bool,
    tiles_on: bool,
    /// Pointers down on the map, for drag and pinch, where the gesture started and the
    /// screen's top-left corner in client pixels.
    pointers: Vec<(i32, f64, f64)>,
    start: (f64, f64),
    origin: (f64, f64),
    dragging: bool,
    wheel_turn: u32,
    /// What was drawn or seen last, to redraw only what changed.
    outlines: String,
    tiles: String,
    area: Option<String>,
    selected: Option<String>,
    listening: bool,
}

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
    view! { <section node_ref=map.root class="kn-finder-map" aria-labelledby="kn-map-heading" hidden=true inner_html=MARKUP></section> }
}

/// The events the map handles, all delegated to its section by one listener.
const EVENTS: [&str; 8] = ["click", "change", "keydown", "pointerdown", "pointermove", "pointerup", "pointercancel", "wheel"];

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

    fn say(&self, text: &str) {
        if let Some(p) = self.find(".kn-finder-map__status") {
            p.set_text_content(Some(text));
        }
    }

    fn focus_frame(&self) {
        if let Some(f) = self.find(".kn-finder-map__frame").and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = f.focus();
        }
    }

    /// Draw a view: two DOM writes, nothing reactive (this runs on every pointer move).
    fn apply(&self, v: View) {
        let size = self.model().size;
        let Some(svg) = self.svg() else { return };
        if size.0 == 0.0 {
            return; // not laid out yet: a zero-sized viewBox is an error
        }
        let r = v.rect(size);
        let _ = svg.set_attribute("viewBox", &format!("{:.2} {:.2} {:.2} {:.2}", r[0], r[1], r[2], r[3]));
        let _ = svg.style().set_property("--kn-pin-scale", &format!("{:.6}", 1.0 / v.k));
    }

    /// Move to `v` and redraw for it.
    fn go(&self, v: View) {
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

    /// One listener for every event, handed to the browser (which frees it with the map).
    fn listen(self: &Arc<Self>, root: &web_sys::HtmlElement) {
        let map = self.clone();
        let handler = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| map.on_event(&ev)).into_js_value();
        for name in EVENTS {
            let _ = root.add_event_listener_with_callback(name, handler.unchecked_ref());
        }
    }

    fn on_event(self: &Arc<Self>, ev: &web_sys::Event) {
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
                let url = if key == "japan" { self.japan_url.clone() } else { format!("{}pref-{key}.json", self.pref_url) };
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
            p.set_text_content(Some(&format!("一覧の相談先のうち、{count}件を地図に表示しています。地図に出ていない相談先も一覧にあります。")));
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
                    let i = m.pins.iter().position(|p| &p.id == id)?;
                    let points: Vec<(f64, f64)> = m.pins.iter().map(|p| (p.x, p.y)).collect();
                    let alone = (geo::level(m.live.k)..geo::level(geo::MAX_SCALE)).find(|&l| {
                        let (list, order) = geo::cluster(&points, geo::level_scale(l));
                        list.iter().any(|c| c.len() == 1 && order[c.start as usize] as usize == i)
                    });
                    m.touched = true;
                    Some((id.clone(), View { x: m.pins[i].x, y: m.pins[i].y, k: alone.map_or(geo::MAX_SCALE, |l| geo::level_scale(l).max(m.live.k)) }))
                })
            }
        };
        if let Some((id, to)) = jump {
            self.go(to); // draws again, at the new view
            reveal(format!(".kn-finder-map__pin[data-id=\"{}\"]", esc(&id)), true);
            return;
        }
        let v = {
            let mut m = self.model();
            let v = m.settled;
            measure(&mut m, Some(&svg));
            draw_outlines(&root, &mut m, v);
            draw_pins(&root, &mut m, v, selected.as_deref());
            draw_tiles(&root, &svg, &mut m, v);
            v
        };
        self.apply(v);
    }

    fn zoom_by(&self, f: f64) {
        let v = {
            let mut m = self.model();
            m.touched = true;
            m.live.zoom(f, 0.0, 0.0)
        };
        self.go(v);
        self.say(if f > 1.0 { "拡大しました" } else { "縮小しました" });
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
        self.say("はじめの表示に戻しました");
    }

    /// `p3` selects pin 3 (and so its card); `c0` zooms into cluster 0 of the current level,
    /// whose button goes with the zoom, so the map itself takes the focus (Tab goes on to
    /// the pins from there).
    fn activate(&self, key: &str) {
        if let Some(i) = key.strip_prefix('p').and_then(|n| n.parse::<usize>().ok()) {
            let Some((id, label)) = self.model().pins.get(i).map(|p| (p.id.clone(), p.label())) else { return };
            self.state.from_map.set(true);
            self.state.selected.set(Some(id));
            self.say(&format!("{label}を選びました。一覧で強調しています。"));
        } else if let Some(c) = key.strip_prefix('c').and_then(|n| n.parse::<usize>().ok()) {
            let target = {
                let mut m = self.model();
                m.touched = true;
                m.clusters.get(c).map(|c| (zoom_to(c, m.live, m.size), c.len()))
            };
            let Some((v, n)) = target else { return };
            self.go(v);
            self.focus_frame();
            self.say(&format!("{n}件の範囲を拡大しました"));
        }
    }

    fn on_click(&self, ev: &web_sys::MouseEvent) {
        let Some(target) = event_element(ev) else { return };
        if let Some(act) = target.closest("button[data-act]").ok().flatten().and_then(|b| b.get_attribute("data-act")) {
            match act.as_str() {
                "in" => self.zoom_by(2.0),
                "out" => self.zoom_by(0.5),
                _ => self.reset(),
            }
        } else if !self.model().dragging {
            if let Some(key) = target.closest("[data-k]").ok().flatten().and_then(|e| e.get_attribute("data-k")) {
                self.activate(&key);
            }
        }
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
                View { x: m.live.x + dx * STEP_PX.min(w / 3.0) / m.live.k, y: m.live.y + dy * STEP_PX.min(h / 3.0) / m.live.k, k: m.live.k }
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
            if !m.dragging {
                if m.pointers.len() == 1 && (cx - m.start.0).hypot(cy - m.start.1) < 6.0 {
                    return;
                }
                m.dragging = true;
                capture = m.pointers.iter().map(|p| p.0).collect();
            }
            let (_, ox, oy) = m.pointers[at];
            let (v, (w, h), origin) = (m.live, m.size, m.origin);
            let next = match m.pointers.iter().find(|p| p.0 != id) {
                None => View { x: v.x - (cx - ox) / v.k, y: v.y - (cy - oy) / v.k, k: v.k },
                Some(&(_, px, py)) => {
                    // Pinch: the point under the fingers' midpoint follows it, scaled by their spread.
                    let from = (ox - px).hypot(oy - py).max(1.0);
                    let to = (cx - px).hypot(cy - py).max(1.0);
                    let (m0x, m0y) = ((ox + px) / 2.0 - origin.0 - w / 2.0, (oy + py) / 2.0 - origin.1 - h / 2.0);
                    let (m1x, m1y) = ((cx + px) / 2.0 - origin.0 - w / 2.0, (cy + py) / 2.0 - origin.1 - h / 2.0);
                    let z = v.zoom(to / from, m0x, m0y);
                    View { x: z.x - (m1x - m0x) / z.k, y: z.y - (m1y - m0y) / z.k, k: z.k }
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
            m.live = m.live.zoom((-delta * 0.002).exp(), ev.client_x() as f64 - rect.left() - w / 2.0, ev.client_y() as f64 - rect.top() - h / 2.0).clamped();
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

/// The chosen area's municipalities as 5-digit codes.
fn chosen_codes(area: Option<&str>, areas: Option<&[AreaEntry]>) -> Vec<String> {
    match (area, areas) {
        (Some(id), Some(areas)) => area_codes(areas, id).iter().filter_map(|c| c.get(..5)).map(str::to_string).collect(),
        _ => Vec::new(),
    }
}

/// The element an event happened on.
fn event_element(ev: &web_sys::Event) -> Option<Element> {
    ev.target()?.dyn_into::<Element>().ok()
}

/// The map's size in pixels, read from the layout.
fn measure(m: &mut Model, svg: Option<&SvgElement>) {
    if let Some(svg) = svg {
        let s = (svg.client_width() as f64, svg.client_height() as f64);
        if s.0 > 0.0 && s.1 > 0.0 {
            m.size = s;
        }
    }
}

/// Every pin and the chosen area, with room for the pins round the edge.
fn fit(m: &Model) -> Option<View> {
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
    let k = ((w - margin).max(w / 2.0) / (b[2] - b[0])).min((h - margin).max(h / 2.0) / (b[3] - b[1])).min(FIT_MAX_SCALE);
    Some(View { x: (b[0] + b[2]) / 2.0, y: (b[1] + b[3]) / 2.0, k }.clamped())
}

/// Zoom to a cluster's members: at least twice as close, at most the closest zoom (where
/// pins sharing a position spread apart).
fn zoom_to(c: &Cluster, v: View, (w, h): (f64, f64)) -> View {
    let [x0, y0, x1, y1] = c.bbox;
    let margin = 2.0 * geo::CLUSTER_PX;
    let fit = ((w - margin).max(w / 2.0) / (x1 - x0).max(1e-6)).min((h - margin).max(h / 2.0) / (y1 - y0).max(1e-6));
    View { x: (x0 + x1) / 2.0, y: (y0 + y1) / 2.0, k: fit.max(v.k * 2.0).min(geo::MAX_SCALE) }
}

/// Prefectures, and from [`geo::MUNICIPALITY_SCALE`] the loaded prefectures' municipalities
/// (the chosen area highlighted) in place of their prefecture. Redrawn only when that changes.
fn draw_outlines(root: &Element, m: &mut Model, v: View) {
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
            let _ = write!(html, r#"<path class="kn-finder-map__prefecture" d="{}"/>"#, s.path);
        }
    }
    if detailed {
        for (_, list) in shapes.iter().filter(|(k, _)| k.as_str() != "japan") {
            for s in list.iter() {
                let chosen = if m.codes.contains(&s.code) { " kn-finder-map__municipality--chosen" } else { "" };
                let _ = write!(html, r#"<path class="kn-finder-map__municipality{chosen}" d="{}"/>"#, s.path);
            }
        }
    }
    if let Ok(Some(g)) = root.query_selector(".kn-finder-map__outlines") {
        g.set_inner_html(&html);
    }
}

/// The GSI tiles under the view while switched on (none is ever requested before), and
/// the 「地理院タイル」 attribution with them.
fn draw_tiles(root: &Element, svg: &SvgElement, m: &mut Model, v: View) {
    let on = m.tiles_on;
    let mut html = String::new();
    if on {
        for t in geo::tiles(v.rect(m.size), v.k, TILE_LIMIT) {
            // A hair larger than the tile, so no seam shows between neighbours.
            let _ = write!(html, r#"<image href="{}" x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}"/>"#, t.url, t.x, t.y, t.size * 1.004, t.size * 1.004);
        }
    }
    let _ = svg.set_attribute("class", if on { "kn-finder-map__svg kn-finder-map__svg--tiles" } else { "kn-finder-map__svg" });
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

/// Municipality names that fit, then the pins and clusters in and around the view as
/// focusable buttons (keyboard order: top to bottom, left to right), then the selected
/// facility's name. Clusters are remade only when the zoom level changes.
fn draw_pins(root: &Element, m: &mut Model, v: View, selected: Option<&str>) {
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
                    let _ = write!(html, r#"<g transform="translate({} {})"><text class="kn-finder-map__label">{}</text></g>"#, s.label[0], s.label[1], esc(&s.name));
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
        let has_selected = selected.is_some_and(|s| members.iter().any(|&i| m.pins[i as usize].id == s));
        if members.len() == 1 || closest {
            for (j, &i) in members.iter().enumerate() {
                let pin = &m.pins[i as usize];
                let (dx, dy) = geo::spread(j, members.len());
                let (x, y) = if members.len() == 1 { (pin.x, pin.y) } else { (c.x + dx / v.k, c.y + dy / v.k) };
                let on = selected == Some(pin.id.as_str());
                if on {
                    callout = Some((x, y, pin.name.clone()));
                }
                let _ = write!(
                    html,
                    r#"<g class="kn-finder-map__pin{}" transform="translate({x:.2} {y:.2})" role="button" tabindex="0" aria-label="{}"{} data-k="p{i}" data-id="{}"><g class="kn-finder-map__mark"><circle class="kn-finder-map__hit" r="22"/><circle class="kn-finder-map__halo" r="15"/><circle class="kn-finder-map__dot{}" r="8"/><circle class="kn-finder-map__ring" r="20"/></g></g>"#,
                    if on { " kn-finder-map__pin--selected" } else { "" },
                    esc(&pin.label()),
                    if on { r#" aria-current="true""# } else { "" },
                    esc(&pin.id),
                    if pin.exact { "" } else { " kn-finder-map__dot--approx" },
                );
            }
        } else {
            let n = members.len();
            // Bigger for bigger groups, within the 44 px tap target.
            let radius = (12.0 + (n as f64).log2() * 2.5).min(20.0);
            let _ = write!(
                html,
                r#"<g class="kn-finder-map__cluster{}" transform="translate({:.2} {:.2})" role="button" tabindex="0" aria-label="{n}件" data-k="c{ci}"><g class="kn-finder-map__mark"><circle class="kn-finder-map__hit" r="22"/><circle class="kn-finder-map__halo" r="{:.1}"/><circle class="kn-finder-map__bubble" r="{radius:.1}"/><text class="kn-finder-map__count" dy="0.35em">{n}</text><circle class="kn-finder-map__ring" r="22"/></g></g>"#,
                if has_selected { " kn-finder-map__cluster--selected" } else { "" },
                c.x,
                c.y,
                radius + 5.0,
            );
            if has_selected {
                if let Some(p) = m.pins.iter().find(|p| Some(p.id.as_str()) == selected) {
                    callout = Some((p.x, p.y, p.name.clone()));
                }
            }
        }
    }
    if let Some((x, y, name)) = callout {
        let _ = write!(html, r#"<g aria-hidden="true" transform="translate({x:.2} {y:.2})"><text class="kn-finder-map__callout">{}</text></g>"#, esc(&name));
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
        let target = again.and_then(|s| g.query_selector(&s).ok().flatten()).and_then(|e| e.dyn_into::<SvgElement>().ok());
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

/// Text for HTML/SVG markup, in content or in a quoted attribute.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
