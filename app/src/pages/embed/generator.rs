//! `/embed/`: the embed-code generator for municipal web staff (issue #8). Choose a widget,
//! an area and options; see a live preview; copy the snippet — the loader script, or a plain
//! iframe when the website's CMS removes scripts.
//!
//! The page is rendered at build time (`generator`), with the snippets for a default choice
//! so that it is useful without JavaScript. In the browser a few delegated listeners
//! (`EmbedPage`) read the form, rebuild the snippets with [`script_snippet`] and
//! [`iframe_snippet`], point the preview at the new address and size it from the widget's
//! height reports. No view code for this page reaches the wasm.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::options::{self, contrast_note};
use super::widget::HEIGHT_MESSAGE;
use crate::browser::fetch_json;
use crate::components::page::{static_view, PageHeading};
use crate::data::{href, join_base, Shell, Widget};
use crate::html::esc;
use crate::model::Function;
use crate::route::Route;
use crate::search::areas::{AreaEntry, AreaIndex};
use crate::search::query::encode_component;

/// What the form says.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Choice {
    pub widget: Widget,
    /// Municipality code or region slug.
    pub area: String,
    pub area_name: String,
    /// The finder's `fn` (ignored by the other widgets).
    pub functions: Vec<Function>,
    /// `#rrggbb`, already readable (see `options::accent`).
    pub accent: Option<String>,
    pub compact: bool,
}

/// The plain iframe's height in CSS pixels: it cannot follow its content, so it is what the
/// widget's first screen needs on a 360 px phone, measured on the built site (issue #8): the
/// finder's form with its first result ends at about 630 px, 国分寺市's emergency card at
/// 660 px, the self-check's first question at 984 px. Longer content scrolls in the frame.
pub fn fallback_height(w: Widget) -> u32 {
    match w {
        Widget::Finder => 900,
        Widget::Emergency => 680,
        Widget::Screening => 1000,
    }
}

/// The frame's title (WCAG 4.1.2: every iframe is named), e.g. 「拠点ナビ：国分寺市の相談先をさがす」.
pub fn frame_title(c: &Choice) -> String {
    match c.widget {
        Widget::Finder => format!("拠点ナビ：{}の相談先をさがす", c.area_name),
        Widget::Emergency => format!("拠点ナビ：{}の緊急時の連絡先", c.area_name),
        Widget::Screening => "拠点ナビ：事前登録のセルフチェック".to_string(),
    }
}

/// `(name, value)` of each option that differs from the default, in the loader's order.
fn option_pairs(c: &Choice) -> Vec<(&'static str, String)> {
    let mut pairs = vec![("area", c.area.clone())];
    if c.widget == Widget::Finder && !c.functions.is_empty() {
        pairs.push(("fn", c.functions.iter().map(|f| f.id()).collect::<Vec<_>>().join(",")));
    }
    if let Some(a) = &c.accent {
        pairs.push(("accent", a.clone()));
    }
    if c.compact {
        pairs.push(("compact", "1".into()));
    }
    pairs
}

/// The widget's address below the portal, e.g. `embed/finder/?area=132144&fn=emergency`.
pub fn widget_path(c: &Choice) -> String {
    let query =
        option_pairs(c).iter().map(|(k, v)| format!("{k}={}", encode_component(v))).collect::<Vec<_>>().join("&");
    format!("{}?{query}", Route::Widget(c.widget).path().trim_start_matches('/'))
}

/// The loader form: one script element where the widget should appear. `portal` is the
/// site's address with its base path, ending in `/`.
pub fn script_snippet(portal: &str, c: &Choice) -> String {
    let mut s = format!("<script src=\"{}embed.js\" data-widget=\"{}\"", esc(portal), c.widget.id());
    for (k, v) in option_pairs(c) {
        s += &format!(" data-{k}=\"{}\"", esc(&v));
    }
    s += &format!(" data-title=\"{}\" async></script>", esc(&frame_title(c)));
    s
}

/// The plain iframe for websites that remove scripts: fixed height, titled, lazy. The
/// finder may ask for the position (「近くを探す」), which a frame from another site needs
/// `allow="geolocation"` for.
pub fn iframe_snippet(portal: &str, c: &Choice) -> String {
    format!(
        "<iframe src=\"{}{}\" title=\"{}\" width=\"100%\" height=\"{}\" style=\"border:0\" loading=\"lazy\"{}></iframe>",
        esc(portal),
        esc(&widget_path(c)),
        esc(&frame_title(c)),
        fallback_height(c.widget),
        if c.widget == Widget::Finder { " allow=\"geolocation\"" } else { "" }
    )
}

/// What the builder knows for the page: the portal's public address and the default choice.
pub struct GeneratorData {
    /// Origin and base path, e.g. `https://kyoten-navi.example/`.
    pub portal: String,
    pub prefectures: Vec<String>,
    /// The default area's prefecture and its municipalities and regions `(id, name)`.
    pub prefecture: String,
    pub areas: Vec<(String, String)>,
    pub choice: Choice,
}

const FORM: &str = "kn-embed-form";
const PREF: &str = "kn-embed-pref";
const AREA: &str = "kn-embed-area";
const FUNCTIONS: &str = "kn-embed-fn";
const ACCENT: &str = "kn-embed-accent";
const ACCENT_NOTE: &str = "kn-embed-accent-note";
const COMPACT: &str = "kn-embed-compact";
const PREVIEW: &str = "kn-embed-preview";
const SCRIPT: &str = "kn-embed-script";
const IFRAME: &str = "kn-embed-iframe";
/// The confirmations, one beside each copy button.
const COPIED_SCRIPT: &str = "kn-embed-copied-script";
const COPIED_IFRAME: &str = "kn-embed-copied-iframe";
/// The section holding the snippets and their copy buttons.
const COPY_AREA: &str = "kn-embed-snippets";
/// The `kn_id` the preview frame reports its height with.
const PREVIEW_ID: &str = "preview";

/// The page body, rendered at build time.
pub fn generator(g: GeneratorData) -> impl IntoView {
    let c = g.choice.clone();
    let preview = format!("{}&kn_id={PREVIEW_ID}", href(&format!("/{}", widget_path(&c))));
    let descriptions = [
        (Widget::Finder, "市区町村の相談先・事業所を、困っていることで絞り込んで探せます。"),
        (Widget::Emergency, "市区町村の緊急時の連絡先と電話番号を1枚のカードで示します。"),
        (Widget::Screening, "事前登録をしておくとよいかを、いくつかの質問で確かめられます。"),
    ];
    view! {
        <div class="kn-embed">
            <PageHeading title="ホームページに埋め込む" lead="自治体のホームページに、拠点ナビの「相談先の検索」「緊急時の連絡先」「事前登録のセルフチェック」を表示できます。内容と地域を選ぶと、貼り付けるコードができます。"/>
            <section class="kn-embed__section" aria-labelledby="kn-embed-make">
                <h2 id="kn-embed-make">"埋め込みコードを作る"</h2>
                <p class="kn-embed__nojs">"このページでコードを作るには JavaScript が必要です。下のコードの例（国分寺市の相談先の検索）の「area=」の数字を、お使いの市区町村コード（6桁）に書き換えて使うこともできます。"</p>
                <form class="kn-embed-form kn-embed__js" id=FORM hidden>
                    <fieldset class="kn-embed-form__group">
                        <legend class="kn-embed-form__legend">"埋め込む内容"</legend>
                        {descriptions.into_iter().map(|(w, text)| view! {
                            <label class="kn-check kn-embed-form__choice">
                                <input class="kn-check__input" type="radio" name="kn-widget" value=w.id() checked=w == c.widget/>
                                <span class="kn-check__label"><strong>{w.label()}</strong><span class="kn-embed-form__hint">{text}</span></span>
                            </label>
                        }).collect_view()}
                    </fieldset>
                    <fieldset class="kn-embed-form__group">
                        <legend class="kn-embed-form__legend">"地域"</legend>
                        <div class="kn-field">
                            <label class="kn-field__label" for=PREF>"都道府県"</label>
                            <select class="kn-field__input" id=PREF>
                                {g.prefectures.iter().map(|p| view! { <option value=p.clone() selected=*p == g.prefecture>{p.clone()}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="kn-field">
                            <label class="kn-field__label" for=AREA>"市区町村・圏域"</label>
                            <select class="kn-field__input" id=AREA data-pref=g.prefecture.clone()>
                                {g.areas.iter().map(|(id, name)| view! { <option value=id.clone() selected=*id == c.area>{name.clone()}</option> }).collect_view()}
                            </select>
                        </div>
                    </fieldset>
                    <fieldset class="kn-embed-form__group" id=FUNCTIONS>
                        <legend class="kn-embed-form__legend">"最初から選んでおく「困っていること」（相談先の検索のみ・任意）"</legend>
                        {Function::ALL.into_iter().map(|f| view! {
                            <label class="kn-check">
                                <input class="kn-check__input" type="checkbox" name="kn-fn" value=f.id()/>
                                <span class="kn-check__label">{f.need()}</span>
                            </label>
                        }).collect_view()}
                    </fieldset>
                    <div class="kn-field kn-embed-form__group">
                        <label class="kn-field__label" for=ACCENT>"アクセントの色（任意）"</label>
                        <p class="kn-embed-form__hint" id="kn-embed-accent-hint">"ボタンやリンクの色です。「#1d4f91」のように16進数で入力します。空欄なら拠点ナビの標準の色です。白い文字が読みにくい明るい色は、読みやすい濃さに直します。"</p>
                        <input class="kn-field__input kn-embed-form__accent" id=ACCENT type="text" inputmode="text" autocomplete="off" spellcheck="false" aria-describedby="kn-embed-accent-hint kn-embed-accent-note"/>
                        <p class="kn-embed-form__note" id=ACCENT_NOTE role="status"></p>
                    </div>
                    <label class="kn-check">
                        <input class="kn-check__input" type="checkbox" id=COMPACT/>
                        <span class="kn-check__label">"コンパクト表示（説明文を省き、余白を小さくします）"</span>
                    </label>
                </form>
            </section>
            <section class="kn-embed__section" id=COPY_AREA aria-labelledby="kn-embed-code">
                <h2 id="kn-embed-code">"埋め込みコード"</h2>
                <h3>"1. スクリプトで埋め込む（おすすめ）"</h3>
                <p>"表示したい場所に貼り付けます。枠の高さが内容に合わせて自動で変わるので、下が切れたり、余白が残ったりしません。1つのページに、いくつでも置けます。"</p>
                <div class="kn-field">
                    <label class="kn-field__label" for=SCRIPT>"スクリプト版のコード"</label>
                    <textarea class="kn-field__input kn-embed__code" id=SCRIPT readonly rows="6">{script_snippet(&g.portal, &c)}</textarea>
                </div>
                <div class="kn-embed__copy">
                    <button class="kn-button kn-embed__js" type="button" data-copy=SCRIPT data-status=COPIED_SCRIPT hidden>"スクリプト版のコードをコピーする"</button>
                    <p class="kn-embed__copied" id=COPIED_SCRIPT role="status"></p>
                </div>
                <h3>"2. iframe だけで埋め込む（スクリプトが消えてしまうとき）"</h3>
                <p>{format!("ホームページの作成システム（CMS）がスクリプトを消してしまうときは、こちらを使います。高さは固定です（相談先の検索 {}px、緊急時の連絡先 {}px、セルフチェック {}px）。内容が長いときは、枠の中でスクロールできます。", fallback_height(Widget::Finder), fallback_height(Widget::Emergency), fallback_height(Widget::Screening))}</p>
                <div class="kn-field">
                    <label class="kn-field__label" for=IFRAME>"iframe 版のコード"</label>
                    <textarea class="kn-field__input kn-embed__code" id=IFRAME readonly rows="6">{iframe_snippet(&g.portal, &c)}</textarea>
                </div>
                <div class="kn-embed__copy">
                    <button class="kn-button kn-embed__js" type="button" data-copy=IFRAME data-status=COPIED_IFRAME hidden>"iframe 版のコードをコピーする"</button>
                    <p class="kn-embed__copied" id=COPIED_IFRAME role="status"></p>
                </div>
            </section>
            <section class="kn-embed__section" aria-labelledby="kn-embed-preview-title">
                <h2 id="kn-embed-preview-title">"プレビュー"</h2>
                <p>"上のコードを貼り付けたときと同じ内容です。スクリプトで埋め込むと、高さは内容に合わせて変わります（このページでは、長いときは枠の中でスクロールします）。"</p>
                <iframe class="kn-embed__preview" id=PREVIEW src=preview title=format!("プレビュー：{}", frame_title(&c))></iframe>
            </section>
            <section class="kn-embed__section" aria-labelledby="kn-embed-guide">
                <h2 id="kn-embed-guide">"使い方と注意"</h2>
                <h3>"設定できること"</h3>
                <dl class="kn-summary-list">
                    <div class="kn-summary-list__row"><dt>"data-widget"</dt><dd>"finder（相談先の検索）、emergency（緊急時の連絡先）、screening（事前登録のセルフチェック）"</dd></div>
                    <div class="kn-summary-list__row"><dt>"data-area"</dt><dd>"市区町村コード6桁（例：国分寺市 132144）、または圏域のid。セルフチェックでは、地域の質問に最初から入ります。"</dd></div>
                    <div class="kn-summary-list__row"><dt>"data-fn"</dt><dd>"相談先の検索で最初から選んでおく機能（consultation, emergency, experience, expertise, network をカンマ区切り）"</dd></div>
                    <div class="kn-summary-list__row"><dt>"data-accent"</dt><dd>"ボタンとリンクの色（#1d4f91 など）。読みにくい明るい色は自動で濃くし、そのことを枠の中に表示します。"</dd></div>
                    <div class="kn-summary-list__row"><dt>"data-compact"</dt><dd>"1 でコンパクト表示"</dd></div>
                    <div class="kn-summary-list__row"><dt>"data-title"</dt><dd>"枠の名前（読み上げソフトが読みます）。省略すると「拠点ナビ：相談先をさがす」などになります。"</dd></div>
                </dl>
                <p>"iframe 版では、同じ設定をアドレスの「?area=132144&fn=emergency&accent=%231d4f91&compact=1」のように書きます。"</p>
                <h3>"スクリプトを置く場所を分けたいとき"</h3>
                <p>"表示したい場所に "<code>"<div data-kyoten-navi-widget=\"finder\" data-area=\"132144\"></div>"</code>" を置き、ページのどこかにスクリプト（data-widget なし）を1つ置く書き方もできます。"</p>
                <h3>"ご注意"</h3>
                <ul>
                    <li>"埋め込みは Cookie もアクセス解析も使いません。セルフチェックの回答は、利用者の端末の外に出ません。"</li>
                    <li>"枠の中のリンクは、ホームページを閉じずに新しいタブで開きます。"</li>
                    <li>"地域のコードや色の指定が正しくないときは、枠の中にその旨を表示します（空白の枠にはなりません）。"</li>
                    <li>"掲載内容の修正は、拠点ナビの各ページの「修正を依頼する」からお知らせください。"</li>
                </ul>
            </section>
        </div>
    }
}

/// `/embed/`: the page rendered at build time, and its island.
#[component]
pub fn EmbedPage() -> impl IntoView {
    view! { <EmbedGenerator shell={use_context::<Shell>().unwrap_or_default()}/>{static_view()} }
}

/// The page's one island: no markup of its own, it wires the pre-rendered form — shows the
/// controls, loads the area index for the municipality select, listens for changes and
/// copy buttons, sizes the preview, and writes the snippets for this site's own address
/// (the build wrote them for the configured public one).
// An island in the `generator` wasm bundle; a plain component, left out, in the others.
#[cfg_attr(any(feature = "ssr", feature = "island-generator"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "island-generator")), component, allow(dead_code))]
fn EmbedGenerator(shell: Shell) -> impl IntoView {
    Effect::new(move |_| {
        let areas: RwSignal<Option<Arc<Vec<AreaEntry>>>> = RwSignal::new(None);
        let base = shell.base.clone();
        fetch_json::<AreaIndex>(
            join_base(&shell.base, &format!("/data/{}/search/areas.json", shell.build)),
            move |index| {
                areas.set(Some(Arc::new(index.into_entries())));
                // A prefecture chosen before the index arrived gets its municipalities now.
                if refill(areas) {
                    update(&base);
                }
            },
        );
        for el in all(".kn-embed__js") {
            let _ = el.remove_attribute("hidden");
        }
        for el in all(".kn-embed__nojs") {
            let _ = el.set_attribute("hidden", "");
        }
        let base = shell.base.clone();
        listen(FORM, "change", move |ev| changed(&ev, areas, &base));
        listen(COPY_AREA, "click", clicked);
        listen_to_preview();
        update(&shell.base);
    });
}

/// Call `f` on `event` at the element `id`, for the page's lifetime.
fn listen(id: &str, event: &str, f: impl FnMut(web_sys::Event) + 'static) {
    use wasm_bindgen::closure::Closure;
    let Some(el) = by_id(id) else { return };
    let f = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    let _ = el.add_event_listener_with_callback(event, f.as_ref().unchecked_ref());
    f.forget();
}

fn changed(ev: &web_sys::Event, areas: RwSignal<Option<Arc<Vec<AreaEntry>>>>, base: &str) {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    if el.id() == PREF {
        refill(areas);
    }
    update(base);
}

/// Give the municipality select the chosen prefecture's municipalities, unless it has them
/// already (its `data-pref` says whose they are) or the index has not arrived yet.
fn refill(areas: RwSignal<Option<Arc<Vec<AreaEntry>>>>) -> bool {
    let pref = by_id(PREF)
        .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default();
    let (Some(select), Some(list)) = (by_id(AREA), areas.get_untracked()) else { return false };
    if select.get_attribute("data-pref").as_deref() == Some(pref.as_str()) {
        return false;
    }
    select.set_inner_html(&area_options(&list, &pref));
    let _ = select.set_attribute("data-pref", &pref);
    true
}

/// `<option>`s of a prefecture's municipalities (wards under their city) and regions.
fn area_options(areas: &[AreaEntry], pref: &str) -> String {
    let mut h = String::new();
    for a in areas.iter().filter(|a| a.prefecture == pref) {
        let suffix = if a.members.is_empty() { "" } else { "（圏域）" };
        h += &format!("<option value=\"{}\">{}{suffix}</option>", esc(&a.id), esc(&a.name));
    }
    h
}

/// The copy buttons. Without the asynchronous clipboard (an insecure address), the code is
/// selected for Ctrl+C.
fn clicked(ev: web_sys::Event) {
    use web_sys::js_sys::{Function as JsFunction, Reflect};
    let Some(button) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("[data-copy]").ok().flatten())
    else {
        return;
    };
    let Some(area) = button
        .get_attribute("data-copy")
        .and_then(|id| by_id(&id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return;
    };
    area.select();
    let navigator = window().navigator();
    let clipboard = Reflect::get(&navigator, &"clipboard".into()).ok().filter(|c| c.is_object());
    let write = clipboard
        .as_ref()
        .and_then(|c| Reflect::get(c, &"writeText".into()).ok())
        .and_then(|f| f.dyn_into::<JsFunction>().ok());
    let copied = match (clipboard, write) {
        (Some(c), Some(f)) => f.call1(&c, &area.value().into()).is_ok(),
        _ => false,
    };
    // The confirmation appears beside the button pressed; the other one is cleared.
    for id in [COPIED_SCRIPT, COPIED_IFRAME] {
        if let Some(status) = by_id(id) {
            status.set_text_content(None);
        }
    }
    if let Some(status) = button.get_attribute("data-status").and_then(|id| by_id(&id)) {
        status.set_text_content(Some(if copied {
            "コピーしました。ホームページの編集画面に貼り付けてください。"
        } else {
            "コードを選択しました。Ctrl+C（Mac は ⌘+C）でコピーしてください。"
        }));
    }
}

/// Read the form; write the accent's note, the snippets and the preview's address.
fn update(base: &str) {
    let (choice, note) = read_form();
    let origin = window().location().origin().unwrap_or_default();
    let portal = format!("{origin}{}", join_base(base, &Route::Home.path()));
    if let Some(n) = by_id(ACCENT_NOTE) {
        n.set_text_content(Some(&note));
    }
    set_value(SCRIPT, &script_snippet(&portal, &choice));
    set_value(IFRAME, &iframe_snippet(&portal, &choice));
    if let Some(fns) = by_id(FUNCTIONS) {
        let _ = if choice.widget == Widget::Finder {
            fns.remove_attribute("hidden")
        } else {
            fns.set_attribute("hidden", "")
        };
    }
    if let Some(frame) = by_id(PREVIEW).and_then(|e| e.dyn_into::<web_sys::HtmlIFrameElement>().ok()) {
        let src = format!("{}&kn_id={PREVIEW_ID}", join_base(base, &format!("/{}", widget_path(&choice))));
        if frame.get_attribute("src").as_deref() != Some(src.as_str()) {
            frame.set_src(&src);
        }
        frame.set_title(&format!("プレビュー：{}", frame_title(&choice)));
    }
}

fn read_form() -> (Choice, String) {
    let checked = |selector: &str| -> Vec<String> {
        all(selector)
            .into_iter()
            .filter_map(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .filter(|i| i.checked())
            .map(|i| i.value())
            .collect()
    };
    let widget = checked("input[name=kn-widget]").first().and_then(|w| Widget::from_id(w)).unwrap_or_default();
    let area = by_id(AREA)
        .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default();
    let area_name = document()
        .query_selector(&format!("#{AREA} option:checked"))
        .ok()
        .flatten()
        .and_then(|o| o.text_content())
        .map(|t| t.trim_end_matches("（圏域）").to_string())
        .unwrap_or_default();
    let functions = checked("input[name=kn-fn]").iter().filter_map(|f| Function::from_id(f)).collect();
    let compact =
        by_id(COMPACT).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some_and(|i| i.checked());
    let typed = by_id(ACCENT)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default();
    let (accent, note) = accent_choice(&typed);
    (Choice { widget, area, area_name, functions, accent, compact }, note)
}

/// The accent for the snippet and what to tell the person: a refused colour is left out,
/// a pale one goes in darkened, so the widget itself never has to complain.
pub fn accent_choice(typed: &str) -> (Option<String>, String) {
    let typed = typed.trim();
    if typed.is_empty() {
        return (None, String::new());
    }
    match options::accent(typed) {
        Ok((a, Some(_))) => {
            let note = format!("この色は白い文字が読みにくいため、読みやすい濃さの {} をコードに入れました。", a.color);
            (Some(a.color), note)
        }
        Ok((a, None)) => (Some(a.color.clone()), contrast_note(&a.color)),
        Err(_) => (
            None,
            "色は「#1d4f91」のように、# と16進数6桁で入力してください。今のコードには色を入れていません。".to_string(),
        ),
    }
}

/// Size the preview frame from its height reports, checked like the loader checks them.
fn listen_to_preview() {
    use wasm_bindgen::closure::Closure;
    use web_sys::js_sys::Reflect;
    let Some(frame) = by_id(PREVIEW).and_then(|e| e.dyn_into::<web_sys::HtmlIFrameElement>().ok()) else { return };
    let origin = window().location().origin().unwrap_or_default();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let from_preview =
            frame.content_window().is_some_and(|w| ev.source().is_some_and(|s| JsValue::from(s) == JsValue::from(w)));
        if ev.origin() != origin || !from_preview {
            return;
        }
        let data = ev.data();
        let field = |k: &str| Reflect::get(&data, &k.into()).ok();
        let kind = field("type").and_then(|v| v.as_string());
        let id = field("widget").and_then(|v| v.as_string());
        let height = field("height").and_then(|v| v.as_f64()).filter(|h| *h > 0.0 && *h < 100_000.0);
        if let (Some(HEIGHT_MESSAGE), Some(PREVIEW_ID), Some(h)) = (kind.as_deref(), id.as_deref(), height) {
            let _ = web_sys::HtmlElement::style(&frame).set_property("height", &format!("{}px", h.ceil()));
        }
    });
    let _ = window().add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}

fn by_id(id: &str) -> Option<web_sys::Element> {
    document().get_element_by_id(id)
}

fn all(selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = document().query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<web_sys::Element>().ok()).collect()
}

fn set_value(id: &str, value: &str) {
    if let Some(t) = by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
        t.set_value(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice() -> Choice {
        Choice {
            widget: Widget::Finder,
            area: "132144".into(),
            area_name: "国分寺市".into(),
            functions: vec![Function::Emergency, Function::Consultation],
            accent: Some("#1d4f91".into()),
            compact: true,
        }
    }

    #[test]
    fn the_script_snippet_carries_every_option_as_a_data_attribute() {
        assert_eq!(
            script_snippet("https://kyoten-navi.example/kyoten/navi/", &choice()),
            "<script src=\"https://kyoten-navi.example/kyoten/navi/embed.js\" data-widget=\"finder\" data-area=\"132144\" data-fn=\"emergency,consultation\" data-accent=\"#1d4f91\" data-compact=\"1\" data-title=\"拠点ナビ：国分寺市の相談先をさがす\" async></script>"
        );
    }

    #[test]
    fn the_iframe_snippet_is_titled_sized_and_encoded() {
        assert_eq!(
            iframe_snippet("https://kyoten-navi.example/", &choice()),
            "<iframe src=\"https://kyoten-navi.example/embed/finder/?area=132144&amp;fn=emergency%2Cconsultation&amp;accent=%231d4f91&amp;compact=1\" title=\"拠点ナビ：国分寺市の相談先をさがす\" width=\"100%\" height=\"900\" style=\"border:0\" loading=\"lazy\" allow=\"geolocation\"></iframe>"
        );
        let c = Choice {
            widget: Widget::Emergency,
            functions: vec![Function::Emergency],
            accent: None,
            compact: false,
            ..choice()
        };
        assert_eq!(
            iframe_snippet("https://kyoten-navi.example/", &c),
            "<iframe src=\"https://kyoten-navi.example/embed/emergency/?area=132144\" title=\"拠点ナビ：国分寺市の緊急時の連絡先\" width=\"100%\" height=\"680\" style=\"border:0\" loading=\"lazy\"></iframe>"
        );
    }

    #[test]
    fn the_generator_never_puts_an_unreadable_or_broken_colour_in_a_snippet() {
        let (a, note) = accent_choice("#ffcc00");
        let a = a.expect("darkened");
        assert_ne!(a, "#ffcc00");
        assert!(note.contains(&a), "{note}");
        let (a, note) = accent_choice("blue");
        assert_eq!(a, None);
        assert!(note.contains("16進数"));
        let (a, note) = accent_choice(" #1D4F91 ");
        assert_eq!(a.as_deref(), Some("#1d4f91"));
        assert!(note.contains("8.1:1"), "{note}");
        assert_eq!(accent_choice(""), (None, String::new()));
    }

    #[test]
    fn names_are_escaped_in_attributes() {
        let c = Choice { area_name: "\"><script>".into(), ..choice() };
        assert!(!script_snippet("https://x/", &c).contains("\"><script>"));
    }
}
