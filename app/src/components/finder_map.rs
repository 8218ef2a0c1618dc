//! The finder's map (issue #4): the results' facilities as pins on outlines the app draws
//! itself from `data/<build>/map/` (made by `build/geo.rs`), so it works offline and with no
//! tile server. Pins cluster on a grid per zoom level (`search::map::cluster`); drag, pinch,
//! the wheel, the ＋/− buttons and the keyboard move the view. The list stays the primary,
//! complete view: everything on the map is in the list, and the two share the selection
//! through [`FinderState`] (a pin highlights its card, a card's 「地図で見る」 its pin).
//! GSI 淡色地図 tiles are an opt-in background: nothing is requested from
//! cyberjapandata.gsi.go.jp before the person switches them on.
//!
//! Cheap frames: during a gesture each frame writes two things to the DOM (the `viewBox` and
//! the pins' scale, a CSS custom property, so pins keep their size); the clusters, the
//! pins in view and the tiles are worked out once the gesture ends. Rendered only after
//! hydration, so the pre-rendered page never contains it.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::{fetch_json, reveal};
use crate::data::{href, Shell};
use crate::pages::search::FinderState;
use crate::search::map::{self as geo, Cluster, MapShape};
use crate::search::query::area_codes;

/// The boundary data's required credit (国土数値情報, CC BY 4.0).
pub const CREDIT: &str = "出典：国土数値情報（行政区域データ）（国土交通省）を加工して作成";
const GSI_CREDIT_URL: &str = "https://maps.gsi.go.jp/development/ichiran.html";
/// Pixels the keyboard's arrows move the map.
const STEP_PX: f64 = 80.0;
/// A first view never comes closer than this (about 10 km across a phone).
const FIT_MAX_SCALE: f64 = 1.0;

/// A facility placed on the map.
#[derive(Clone, Debug, PartialEq)]
struct Pin {
    id: String,
    /// The accessible name: the facility's name, and 「おおよその位置」 when only the
    /// municipality hall's position is known.
    label: String,
    name: String,
    x: f64,
    y: f64,
    exact: bool,
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
        let (wx, wy) = (self.x + sx / self.k, self.y + sy / self.k);
        View { x: wx - sx / k, y: wy - sy / k, k }
    }
}

impl Default for View {
    fn default() -> Self {
        // All of Japan, until the first fit.
        View { x: 45_000.0, y: 45_000.0, k: geo::MIN_SCALE * 2.0 }
    }
}

/// What the pin layer draws: a facility (`x`, `y` may be spread from its true position at
/// the closest zoom) or a cluster.
#[derive(Clone, Debug, PartialEq)]
enum Mark {
    Pin { pin: usize, x: f64, y: f64 },
    Group { cluster: usize, x: f64, y: f64 },
}

/// Pointers down on the map, for drag and pinch.
#[derive(Default)]
struct Gesture {
    pointers: Vec<(i32, f64, f64)>,
    start: (f64, f64),
    /// The screen's top-left corner in client pixels.
    origin: (f64, f64),
    dragging: bool,
}

#[component]
pub fn FinderMap() -> impl IntoView {
    let state = expect_context::<FinderState>();
    let build = use_context::<Shell>().unwrap_or_default().build;
    let japan = RwSignal::new(None::<Arc<Vec<MapShape>>>);
    let local = RwSignal::new(BTreeMap::<String, Arc<Vec<MapShape>>>::new());
    let tiles_on = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let size = RwSignal::new((0.0f64, 0.0f64));
    let settled = RwSignal::new(View::default());
    let live = StoredValue::new(View::default());
    let touched = StoredValue::new(false);
    let gesture = StoredValue::new(Gesture::default());
    let wheel_turn = StoredValue::new(0u32);
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let frame_ref = NodeRef::<leptos::html::Div>::new();

    let pins = Memo::new(move |_| {
        state.found.with(|rows| {
            Arc::new(
                rows.iter()
                    .filter(|r| r.lat != 0.0 || r.lng != 0.0)
                    .map(|r| {
                        let (x, y) = geo::project(r.lat, r.lng);
                        let label = if r.exact == 1 { r.name.clone() } else { format!("{}（おおよその位置）", r.name) };
                        Pin { id: r.id.clone(), label, name: r.name.clone(), x, y, exact: r.exact == 1 }
                    })
                    .collect::<Vec<_>>(),
            )
        })
    });
    let selected = Memo::new(move |_| state.selected.with(|s| s.as_ref().and_then(|id| pins.with(|p| p.iter().position(|p| &p.id == id)))));
    let area = Memo::new(move |_| state.filters.with(|f| f.0.area.clone()));
    // The chosen area's municipalities as 5-digit codes (the boundary data's N03_007).
    let chosen = Memo::new(move |_| {
        let Some(id) = area.get() else { return Vec::new() };
        state.areas.with(|a| a.as_ref().map(|a| area_codes(a, &id).iter().filter_map(|c| c.get(..5)).map(str::to_string).collect()).unwrap_or_default())
    });

    // Outlines: the country once, then each prefecture in play.
    let shown = move || state.ready.get() && pins.with(|p| !p.is_empty());
    let japan_url = href(&format!("/data/{build}/map/japan.json"));
    Effect::new(move |_| {
        if shown() && japan.with_untracked(Option::is_none) {
            fetch_json::<Vec<MapShape>>(japan_url.clone(), move |j| japan.set(Some(Arc::new(j))));
        }
    });
    let pref_url = href(&format!("/data/{build}/map/"));
    Effect::new(move |_| {
        let mut prefs: Vec<String> = chosen.with(|c| c.iter().filter_map(|c| c.get(..2)).map(str::to_string).collect());
        prefs.dedup();
        for p in prefs {
            if local.with_untracked(|l| !l.contains_key(&p)) {
                let url = format!("{pref_url}pref-{p}.json");
                fetch_json::<Vec<MapShape>>(url, move |s| local.update(|l| {
                    l.insert(p, Arc::new(s));
                }));
            }
        }
    });

    // Draw a view: two DOM writes, nothing reactive (this runs on every pointer move).
    let apply = move |v: View| {
        let Some(svg) = svg_ref.get_untracked() else { return };
        let s = size.get_untracked();
        if s.0 == 0.0 {
            return; // not laid out yet: a zero-sized viewBox would be an error
        }
        let r = v.rect(s);
        let _ = svg.set_attribute("viewBox", &format!("{:.2} {:.2} {:.2} {:.2}", r[0], r[1], r[2], r[3]));
        let _ = svg.style().set_property("--kn-pin-scale", &format!("{:.6}", 1.0 / v.k));
    };
    let go = move |v: View| {
        let v = v.clamped();
        live.set_value(v);
        apply(v);
        settled.set(v);
    };
    let measure = move || {
        let Some(svg) = svg_ref.get_untracked() else { return };
        let s = (svg.client_width() as f64, svg.client_height() as f64);
        if s.0 > 0.0 && s.1 > 0.0 && s != size.get_untracked() {
            size.set(s);
        }
    };
    Effect::new(move |_| {
        if svg_ref.get().is_some() {
            measure();
        }
        size.track();
        apply(live.get_value());
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    // The first view: every pin and the chosen area, until the person moves the map; a new
    // area starts afresh.
    let fit = Memo::new(move |_| {
        let (w, h) = size.get();
        if w == 0.0 {
            return None;
        }
        let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
        let mut add = |x0: f64, y0: f64, x1: f64, y1: f64| b = [b[0].min(x0), b[1].min(y0), b[2].max(x1), b[3].max(y1)];
        pins.with(|p| p.iter().for_each(|p| add(p.x, p.y, p.x, p.y)));
        chosen.with(|codes| {
            local.with(|l| {
                for s in l.values().flat_map(|s| s.iter()).filter(|s| codes.contains(&s.code)) {
                    let [x, y, bw, bh] = s.bbox.map(f64::from);
                    add(x, y, x + bw, y + bh);
                }
            })
        });
        if b[0] > b[2] {
            return None;
        }
        let margin = 2.0 * geo::CLUSTER_PX;
        let k = ((w - margin).max(w / 2.0) / (b[2] - b[0])).min((h - margin).max(h / 2.0) / (b[3] - b[1])).min(FIT_MAX_SCALE);
        Some(View { x: (b[0] + b[2]) / 2.0, y: (b[1] + b[3]) / 2.0, k }.clamped())
    });
    Effect::new(move |last: Option<Option<String>>| {
        let a = area.get();
        if last.as_ref() != Some(&a) {
            touched.set_value(false);
        }
        if let Some(v) = fit.get() {
            if !touched.get_value() {
                go(v);
            }
        }
        a
    });

    // Clusters per zoom level, recomputed only when the level changes; then the marks in view.
    let level = Memo::new(move |_| geo::level(settled.get().k));
    let clusters = Memo::new(move |_| {
        let scale = geo::level_scale(level.get());
        pins.with(|p| Arc::new(geo::cluster(&p.iter().map(|p| (p.x, p.y)).collect::<Vec<_>>(), scale)))
    });
    let marks = Memo::new(move |_| {
        let v = settled.get();
        let r = v.rect(size.get());
        // Half a screen beyond each edge, so a short drag finds pins already there.
        let (x0, y0, x1, y1) = (r[0] - r[2] / 2.0, r[1] - r[3] / 2.0, r[0] + r[2] * 1.5, r[1] + r[3] * 1.5);
        let closest = level.get() >= geo::level(geo::MAX_SCALE);
        let c = clusters.get();
        let (list, order) = &*c;
        let mut out = Vec::new();
        pins.with(|p| {
            for (i, cl) in list.iter().enumerate() {
                if cl.x < x0 || cl.x > x1 || cl.y < y0 || cl.y > y1 {
                    continue;
                }
                if cl.len() == 1 || closest {
                    let members = &order[cl.start as usize..cl.end as usize];
                    for (j, &m) in members.iter().enumerate() {
                        let pin = &p[m as usize];
                        let (dx, dy) = geo::spread(j, members.len());
                        let (x, y) = if members.len() == 1 { (pin.x, pin.y) } else { (cl.x + dx / v.k, cl.y + dy / v.k) };
                        out.push(Mark::Pin { pin: m as usize, x, y });
                    }
                } else {
                    out.push(Mark::Group { cluster: i, x: cl.x, y: cl.y });
                }
            }
        });
        Arc::new(out)
    });
    let municipalities_shown = Memo::new(move |_| settled.get().k >= geo::MUNICIPALITY_SCALE);
    let tiles = Memo::new(move |_| if tiles_on.get() { geo::tiles(settled.get().rect(size.get()), settled.get().k, 48) } else { Vec::new() });
    // Names of municipalities wide enough on screen to hold them.
    let labels = Memo::new(move |_| {
        if !municipalities_shown.get() {
            return Vec::new();
        }
        let v = settled.get();
        let r = v.rect(size.get());
        local.with(|l| {
            l.values()
                .flat_map(|s| s.iter())
                .filter(|s| {
                    let [x, y, w, h] = s.bbox.map(f64::from);
                    let fits = w * v.k > 16.0 * s.name.chars().count() as f64 + 16.0 && h * v.k > 24.0;
                    fits && x < r[0] + r[2] && x + w > r[0] && y < r[1] + r[3] && y + h > r[1]
                })
                .map(|s| (s.name.clone(), s.label))
                .collect::<Vec<_>>()
        })
    });

    let zoom_by = move |f: f64| {
        touched.set_value(true);
        go(live.get_value().zoom(f, 0.0, 0.0));
        status.set(if f > 1.0 { "拡大しました" } else { "縮小しました" }.into());
    };
    let reset = move || {
        touched.set_value(false);
        if let Some(v) = fit.get_untracked() {
            go(v);
        }
        status.set("はじめの表示に戻しました".into());
    };
    // The pin or cluster a key or click was on: `p3` selects pin 3 (and so its card), `c0`
    // zooms into cluster 0 of the current level. The cluster's button goes with the zoom,
    // so the focus moves to the map itself (Tab goes on to the pins from there).
    let focus_frame = move || {
        if let Some(f) = frame_ref.get_untracked() {
            let _ = f.focus();
        }
    };
    let activate = move |key: &str| {
        if let Some(i) = key.strip_prefix('p').and_then(|n| n.parse::<usize>().ok()) {
            let Some(pin) = pins.with_untracked(|p| p.get(i).cloned()) else { return };
            state.from_map.set(true);
            state.selected.set(Some(pin.id));
            status.set(format!("{}を選びました。一覧で強調しています。", pin.label));
        } else if let Some(c) = key.strip_prefix('c').and_then(|n| n.parse::<usize>().ok()) {
            let Some(cl) = clusters.with_untracked(|all| all.0.get(c).cloned()) else { return };
            let n = cl.len();
            zoom_to(cl, live, size, touched, go);
            focus_frame();
            status.set(format!("{n}件の範囲を拡大しました"));
        }
    };

    // A card's 「地図で見る」: zoom until the pin stands alone, then show and focus it.
    Effect::new(move |_| {
        let Some(id) = state.selected.get() else { return };
        if state.from_map.get_untracked() {
            return;
        }
        let Some((i, x, y)) = pins.with_untracked(|p| p.iter().position(|p| p.id == id).map(|i| (i, p[i].x, p[i].y))) else { return };
        let now = live.get_value();
        let points: Vec<(f64, f64)> = pins.with_untracked(|p| p.iter().map(|p| (p.x, p.y)).collect());
        let top = geo::level(geo::MAX_SCALE);
        let alone = (geo::level(now.k)..top).find(|&l| {
            let (list, order) = geo::cluster(&points, geo::level_scale(l));
            list.iter().any(|c| c.len() == 1 && order[c.start as usize] as usize == i)
        });
        let k = alone.map_or(geo::MAX_SCALE, |l| geo::level_scale(l).max(now.k));
        touched.set_value(true);
        go(View { x, y, k });
        reveal(format!(".kn-finder-map__pin[data-id=\"{id}\"]"), true);
    });

    let on_pointerdown = move |ev: web_sys::PointerEvent| {
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        let Some(svg) = svg_ref.get_untracked() else { return };
        let rect = svg.get_bounding_client_rect();
        gesture.update_value(|g| {
            if g.pointers.is_empty() {
                g.start = (ev.client_x() as f64, ev.client_y() as f64);
                g.origin = (rect.left(), rect.top());
                g.dragging = false;
            }
            g.pointers.retain(|p| p.0 != ev.pointer_id());
            g.pointers.push((ev.pointer_id(), ev.client_x() as f64, ev.client_y() as f64));
        });
    };
    let on_pointermove = move |ev: web_sys::PointerEvent| {
        let (cx, cy) = (ev.client_x() as f64, ev.client_y() as f64);
        let (w, h) = size.get_untracked();
        let next = gesture.try_update_value(|g| {
            let at = g.pointers.iter().position(|p| p.0 == ev.pointer_id())?;
            if !g.dragging {
                if g.pointers.len() == 1 && (cx - g.start.0).hypot(cy - g.start.1) < 6.0 {
                    return None;
                }
                g.dragging = true;
                if let Some(svg) = svg_ref.get_untracked() {
                    for p in &g.pointers {
                        let _ = svg.set_pointer_capture(p.0);
                    }
                }
            }
            let (_, ox, oy) = g.pointers[at];
            let v = live.get_value();
            let next = match g.pointers.iter().find(|p| p.0 != ev.pointer_id()) {
                None => View { x: v.x - (cx - ox) / v.k, y: v.y - (cy - oy) / v.k, k: v.k },
                Some(&(_, px, py)) => {
                    // Pinch: the point under the fingers' midpoint follows it, scaled by their spread.
                    let from = (ox - px).hypot(oy - py).max(1.0);
                    let to = (cx - px).hypot(cy - py).max(1.0);
                    let (m0x, m0y) = ((ox + px) / 2.0 - g.origin.0 - w / 2.0, (oy + py) / 2.0 - g.origin.1 - h / 2.0);
                    let (m1x, m1y) = ((cx + px) / 2.0 - g.origin.0 - w / 2.0, (cy + py) / 2.0 - g.origin.1 - h / 2.0);
                    let z = v.zoom(to / from, m0x, m0y);
                    View { x: z.x - (m1x - m0x) / z.k, y: z.y - (m1y - m0y) / z.k, k: z.k }
                }
            };
            g.pointers[at] = (ev.pointer_id(), cx, cy);
            Some(next.clamped())
        });
        if let Some(Some(v)) = next {
            ev.prevent_default();
            live.set_value(v);
            apply(v);
        }
    };
    let on_pointerup = move |ev: web_sys::PointerEvent| {
        let ended = gesture.try_update_value(|g| {
            g.pointers.retain(|p| p.0 != ev.pointer_id());
            g.pointers.is_empty() && g.dragging
        });
        if ended == Some(true) {
            touched.set_value(true);
            settled.set(live.get_value());
        }
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let Some(svg) = svg_ref.get_untracked() else { return };
        let rect = svg.get_bounding_client_rect();
        let (w, h) = size.get_untracked();
        // Lines or pages (Firefox) count as 40 pixels.
        let delta = ev.delta_y() * if ev.delta_mode() == 0 { 1.0 } else { 40.0 };
        let v = live.get_value().zoom((-delta * 0.002).exp(), ev.client_x() as f64 - rect.left() - w / 2.0, ev.client_y() as f64 - rect.top() - h / 2.0).clamped();
        touched.set_value(true);
        live.set_value(v);
        apply(v);
        // Work out clusters and tiles once the wheel rests.
        wheel_turn.update_value(|t| *t += 1);
        let turn = wheel_turn.get_value();
        set_timeout(
            move || {
                if wheel_turn.try_get_value() == Some(turn) {
                    let _ = settled.try_set(live.get_value());
                }
            },
            std::time::Duration::from_millis(150),
        );
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if gesture.with_value(|g| g.dragging) {
            return;
        }
        if let Some(key) = mark_key(&ev) {
            activate(&key);
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        let mark = mark_key(&ev);
        let (w, h) = size.get_untracked();
        let v = live.get_value();
        let pan = |dx: f64, dy: f64| {
            touched.set_value(true);
            go(View { x: v.x + dx * STEP_PX.min(w / 3.0) / v.k, y: v.y + dy * STEP_PX.min(h / 3.0) / v.k, k: v.k });
        };
        // Zooming redraws the pins: a focused one would vanish, so the map takes the focus.
        let from_pin = mark.is_some();
        match (key.as_str(), mark) {
            ("Enter" | " ", Some(m)) => activate(&m),
            ("+" | "=" | ";", _) => {
                zoom_by(2.0);
                if from_pin { focus_frame() }
            }
            ("-" | "_", _) => {
                zoom_by(0.5);
                if from_pin { focus_frame() }
            }
            ("0", _) => {
                reset();
                if from_pin { focus_frame() }
            }
            // Arrows move the map only from the map itself: on a pin they are left alone.
            ("ArrowLeft", None) => pan(-1.0, 0.0),
            ("ArrowRight", None) => pan(1.0, 0.0),
            ("ArrowUp", None) => pan(0.0, -1.0),
            ("ArrowDown", None) => pan(0.0, 1.0),
            _ => return,
        }
        ev.prevent_default();
    };

    view! {
        <Show when=shown>
            <section class="kn-finder-map" aria-labelledby="kn-map-heading">
                <h2 id="kn-map-heading" class="kn-finder-map__title">"地図"</h2>
                <p class="kn-finder-map__summary">
                    "一覧の相談先のうち、"{move || pins.with(|p| p.len())}"件を地図に表示しています。地図に出ていない相談先も一覧にあります。"
                </p>
                <details class="kn-finder-map__help">
                    <summary class="kn-finder-map__help-summary">"地図の使い方"</summary>
                    <p id="kn-map-help">
                        "指やマウスでドラッグして動かし、2本の指やホイール、「拡大」「縮小」ボタンで大きさを変えます。"
                        "キーボードでは、地図を選んで矢印キーで動かし、＋キーと−キーで拡大・縮小、0キーではじめの表示に戻ります。"
                        "Tabキーで印に移り、Enterキーで選ぶと一覧の相談先を強調します。数字の丸は近くにある相談先の件数で、選ぶと拡大します。"
                    </p>
                </details>
                <div class="kn-finder-map__stage">
                    <div class="kn-finder-map__controls">
                        <button class="kn-button kn-button--secondary kn-finder-map__button" type="button" on:click=move |_| zoom_by(2.0)>"＋ 拡大"</button>
                        <button class="kn-button kn-button--secondary kn-finder-map__button" type="button" on:click=move |_| zoom_by(0.5)>"− 縮小"</button>
                        <button class="kn-button kn-button--secondary kn-finder-map__button" type="button" on:click=move |_| reset()>"はじめの表示"</button>
                    </div>
                    <div node_ref=frame_ref class="kn-finder-map__frame" role="group" tabindex="0" aria-label="相談先の地図" aria-describedby="kn-map-help"
                        on:keydown=on_keydown>
                        <svg node_ref=svg_ref class="kn-finder-map__svg"
                            on:pointerdown=on_pointerdown on:pointermove=on_pointermove on:pointerup=on_pointerup
                            on:pointercancel=on_pointerup on:wheel=on_wheel on:click=on_click>
                            <g class="kn-finder-map__tiles" aria-hidden="true">
                                {move || tiles.get().into_iter().map(|t| view! {
                                    // A hair larger than the tile, so no seam shows between neighbours.
                                    <image href=t.url x=format!("{:.2}", t.x) y=format!("{:.2}", t.y)
                                        width=format!("{:.2}", t.size * 1.004) height=format!("{:.2}", t.size * 1.004)/>
                                }).collect_view()}
                            </g>
                            <g class=move || if tiles_on.get() { "kn-finder-map__outlines kn-finder-map__outlines--over-tiles" } else { "kn-finder-map__outlines" } aria-hidden="true">
                                <g class="kn-finder-map__prefectures">
                                    // A prefecture whose municipalities are drawn steps back for them.
                                    {move || {
                                        let detailed = municipalities_shown.get();
                                        let loaded: Vec<String> = local.with(|l| l.keys().cloned().collect());
                                        japan.get().map(|j| j.iter().map(|s| {
                                            let class = if detailed && loaded.contains(&s.code) { "kn-finder-map__prefecture kn-finder-map__prefecture--detailed" } else { "kn-finder-map__prefecture" };
                                            view! { <path class=class d=s.path.clone()/> }
                                        }).collect_view())
                                    }}
                                </g>
                                <g class=move || if municipalities_shown.get() { "kn-finder-map__municipalities" } else { "kn-finder-map__municipalities kn-finder-map__municipalities--hidden" }>
                                    {move || {
                                        let codes = chosen.get();
                                        local.get().values().flat_map(|s| s.iter()).map(|s| {
                                            let class = if codes.contains(&s.code) { "kn-finder-map__municipality kn-finder-map__municipality--chosen" } else { "kn-finder-map__municipality" };
                                            view! { <path class=class d=s.path.clone()/> }
                                        }).collect_view()
                                    }}
                                </g>
                                <g class="kn-finder-map__labels">
                                    {move || labels.get().into_iter().map(|(name, [x, y])| view! {
                                        <g transform=format!("translate({x} {y})")><text class="kn-finder-map__label">{name}</text></g>
                                    }).collect_view()}
                                </g>
                            </g>
                            <g class="kn-finder-map__pins">
                                {move || {
                                    let c = clusters.get();
                                    pins.with_untracked(|p| marks.get().iter().map(|m| mark_view(m, p, &c, selected)).collect_view())
                                }}
                            </g>
                            <g class="kn-finder-map__callout" aria-hidden="true">
                                {move || selected.get().and_then(|i| pins.with(|p| p.get(i).map(|p| view! {
                                    <g transform=format!("translate({:.2} {:.2})", p.x, p.y)><text class="kn-finder-map__callout-text">{p.name.clone()}</text></g>
                                })))}
                            </g>
                        </svg>
                        {move || tiles_on.get().then(|| view! {
                            <p class="kn-finder-map__attribution"><a class="kn-finder-map__attribution-link" href=GSI_CREDIT_URL>"地理院タイル"</a></p>
                        })}
                    </div>
                    <p class="kn-finder-map__credit">{CREDIT}</p>
                    <p class="kn-finder-map__status" role="status">{move || status.get()}</p>
                    <ul class="kn-finder-map__legend">
                        <li class="kn-finder-map__legend-item"><svg class="kn-finder-map__legend-icon" viewBox="-12 -12 24 24" aria-hidden="true"><circle class="kn-finder-map__dot" r="8"/></svg>"所在地"</li>
                        <li class="kn-finder-map__legend-item"><svg class="kn-finder-map__legend-icon" viewBox="-12 -12 24 24" aria-hidden="true"><circle class="kn-finder-map__dot kn-finder-map__dot--approx" r="8"/></svg>"おおよその位置（市区町村役所）"</li>
                        <li class="kn-finder-map__legend-item"><svg class="kn-finder-map__legend-icon" viewBox="-12 -12 24 24" aria-hidden="true"><circle class="kn-finder-map__bubble" r="11"/></svg>"近くの相談先の件数"</li>
                    </ul>
                    <div class="kn-finder-map__tiles-toggle">
                        <label class="kn-check">
                            <input class="kn-check__input" type="checkbox" aria-describedby="kn-map-tiles-hint" prop:checked=move || tiles_on.get()
                                on:change=move |ev| tiles_on.set(event_target_checked(&ev))/>
                            <span class="kn-check__label">"背景に国土地理院の地図（淡色地図）を表示する"</span>
                        </label>
                        <p id="kn-map-tiles-hint" class="kn-finder-map__hint">"国土地理院のサーバーから地図の画像を読み込みます（表示中の地域が伝わります）。"</p>
                    </div>
                </div>
            </section>
        </Show>
    }
}

/// One pin or cluster: a focusable button with an accessible name, drawn at a constant
/// screen size by the `--kn-pin-scale` of its inner group.
fn mark_view(mark: &Mark, pins: &[Pin], clusters: &Arc<(Vec<Cluster>, Vec<u32>)>, selected: Memo<Option<usize>>) -> AnyView {
    match *mark {
        Mark::Pin { pin: i, x, y } => {
            let pin = &pins[i];
            let is = move || selected.get() == Some(i);
            let dot = if pin.exact { "kn-finder-map__dot" } else { "kn-finder-map__dot kn-finder-map__dot--approx" };
            view! {
                <g class=move || if is() { "kn-finder-map__pin kn-finder-map__pin--selected" } else { "kn-finder-map__pin" }
                    transform=format!("translate({x:.2} {y:.2})") role="button" tabindex="0" aria-label=pin.label.clone()
                    aria-current=move || is().then_some("true") data-k=format!("p{i}") data-id=pin.id.clone()>
                    <g class="kn-finder-map__mark">
                        <circle class="kn-finder-map__hit" r="22"/>
                        <circle class="kn-finder-map__halo" r="15"/>
                        <circle class=dot r="8"/>
                        <circle class="kn-finder-map__ring" r="20"/>
                    </g>
                </g>
            }
            .into_any()
        }
        Mark::Group { cluster, x, y } => {
            let c = &clusters.0[cluster];
            let n = c.len();
            let members = clusters.clone();
            let (start, end) = (c.start as usize, c.end as usize);
            let has = move || selected.get().is_some_and(|s| members.1[start..end].contains(&(s as u32)));
            // Bigger for bigger groups, within the 44 px tap target.
            let r = (12.0 + (n as f64).log2() * 2.5).min(20.0);
            view! {
                <g class=move || if has() { "kn-finder-map__cluster kn-finder-map__cluster--selected" } else { "kn-finder-map__cluster" }
                    transform=format!("translate({x:.2} {y:.2})") role="button" tabindex="0" aria-label=format!("{n}件")
                    data-k=format!("c{cluster}")>
                    <g class="kn-finder-map__mark">
                        <circle class="kn-finder-map__hit" r="22"/>
                        <circle class="kn-finder-map__halo" r=format!("{:.1}", r + 5.0)/>
                        <circle class="kn-finder-map__bubble" r=format!("{r:.1}")/>
                        <text class="kn-finder-map__count" dy="0.35em">{n}</text>
                        <circle class="kn-finder-map__ring" r="22"/>
                    </g>
                </g>
            }
            .into_any()
        }
    }
}

/// Zoom to a cluster's members: at least twice as close, at most the closest zoom (where
/// pins sharing a position spread apart).
fn zoom_to(c: Cluster, live: StoredValue<View>, size: RwSignal<(f64, f64)>, touched: StoredValue<bool>, go: impl Fn(View)) {
    let (w, h) = size.get_untracked();
    let v = live.get_value();
    let [x0, y0, x1, y1] = c.bbox;
    let margin = 2.0 * geo::CLUSTER_PX;
    let fit = ((w - margin).max(w / 2.0) / (x1 - x0).max(1e-6)).min((h - margin).max(h / 2.0) / (y1 - y0).max(1e-6));
    let k = fit.max(v.k * 2.0).min(geo::MAX_SCALE);
    touched.set_value(true);
    go(View { x: (x0 + x1) / 2.0, y: (y0 + y1) / 2.0, k });
}

/// The `data-k` of the pin or cluster an event happened on (`p3`, `c0`).
fn mark_key(ev: &web_sys::Event) -> Option<String> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest("[data-k]").ok()??.get_attribute("data-k")
}
