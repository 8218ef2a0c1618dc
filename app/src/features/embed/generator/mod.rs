//! `/embed/`: the embed-code generator for municipal web staff (issue #8). Choose a widget,
//! an area and options; see a live preview; copy the snippet — the loader script, or a plain
//! iframe when the website's CMS removes scripts.
//!
//! The page is rendered at build time (`generator`), with the snippets for a default choice
//! so that it is useful without JavaScript. In the browser a few delegated listeners
//! (`EmbedPage`) read the form, rebuild the snippets with [`script_snippet`] and
//! [`iframe_snippet`], point the preview at the new address and size it from the widget's
//! height reports. No view code for this page reaches the wasm.
//!
//! [`snippet`] makes the snippets (pure, tested natively); [`wiring`] is the island's DOM
//! work: reading the form, refilling the municipality select, the copy buttons and the
//! preview's height.
//!
//! The page is in every reading (issue #22, `/easy/embed/`, `/en/embed/`): its words come
//! from the catalogue's `[generator]`, the island's from `[generator.island]` as a prop, and
//! places are named as the reading names them. The snippets themselves follow the widget's
//! language (`Choice::lang`, by default the page's), not the page's.

mod snippet;
mod wiring;

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::fetch_json;
use crate::components::page::{static_view, PageHeading};
use crate::data::{href, join_base, Shell, Widget};
use crate::features::finder::areas::{AreaEntry, AreaIndex};
use crate::i18n::{fill, messages, t, Lang, Texts};
use crate::model::Function;
pub use snippet::{
    accent_choice, fallback_height, frame_title, iframe_snippet, script_snippet, widget_path, AccentNote, Choice,
};
use wiring::{all, changed, clicked, listen, listen_to_preview, refill, update};

/// What the builder knows for the page: the portal's public address and the default choice,
/// with places named as the page's reading names them.
pub struct GeneratorData {
    /// Origin and base path, e.g. `https://kyoten-navi.example/`.
    pub portal: String,
    /// Prefectures as the reading names them (and as its area index does: the island matches
    /// the two), e.g. `東京都`, `Tokyo`.
    pub prefectures: Vec<String>,
    /// The default area's prefecture and its municipalities and regions.
    pub prefecture: String,
    pub areas: Vec<AreaOption>,
    /// The default choice; its `lang` is the page's reading, so that the widget speaks it.
    pub choice: Choice,
}

/// One municipality or region of the area select.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AreaOption {
    /// Municipality code or region slug.
    pub id: String,
    /// As the reading shows it: 「東胆振圏域（圏域）」, 「Kokubunji City (国分寺市)」.
    pub text: String,
    /// The name as written, when `text` is not it plus the region mark (English): the
    /// snippets' frame titles name the area as written.
    pub name: Option<String>,
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
/// The loader's second form, shown in 「スクリプトを置く場所を分けたいとき」: code, not text, the
/// same in every reading; escaped as a text node is (quotes left as they are).
const SPLIT_EXAMPLE: &str =
    "<code>&lt;div data-kyoten-navi-widget=\"finder\" data-area=\"132144\"&gt;&lt;/div&gt;</code>";
/// The catalogue sections the island writes: confirmations, colour notes, the preview's name.
pub const ISLAND_TEXTS: &str = "generator.island";

/// The page body, rendered at build time in the reading of the context's messages.
pub fn generator(g: GeneratorData) -> impl IntoView {
    let m = messages();
    let c = g.choice.clone();
    let preview = format!("{}&kn_id={PREVIEW_ID}", href(&format!("/{}", widget_path(&c))));
    let descriptions = [
        (Widget::Finder, "generator.finder", "generator.finder_text"),
        (Widget::Emergency, "generator.emergency", "generator.emergency_text"),
        (Widget::Screening, "generator.screening", "generator.screening_text"),
    ];
    let heights = [
        ("finder", fallback_height(Widget::Finder).to_string()),
        ("emergency", fallback_height(Widget::Emergency).to_string()),
        ("screening", fallback_height(Widget::Screening).to_string()),
    ];
    let heights: Vec<(&str, &str)> = heights.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let settings = [
        ("data-widget", "generator.setting.widget"),
        ("data-area", "generator.setting.area"),
        ("data-fn", "generator.setting.fn"),
        ("data-accent", "generator.setting.accent"),
        ("data-compact", "generator.setting.compact"),
        ("data-lang", "generator.setting.lang"),
        ("data-title", "generator.setting.title"),
    ];
    let preview_title = fill(&m.plain("generator.island.preview"), &[("title", &frame_title(&c))]);
    view! {
        <div class="kn-embed">
            <PageHeading title=m.html("generator.title") lead=m.html("generator.lead") markup=true/>
            <section class="kn-embed__section" aria-labelledby="kn-embed-make">
                <h2 id="kn-embed-make">{t("generator.make_title")}</h2>
                <p class="kn-embed__nojs">{t("generator.nojs")}</p>
                <form class="kn-embed-form kn-embed__js" id=FORM hidden>
                    <fieldset class="kn-embed-form__group">
                        <legend class="kn-embed-form__legend">{t("generator.widget_legend")}</legend>
                        {descriptions.into_iter().map(|(w, label, text)| view! {
                            <label class="kn-check kn-embed-form__choice">
                                <input class="kn-check__input" type="radio" name="kn-widget" value=w.id() checked=w == c.widget/>
                                <span class="kn-check__label"><strong>{t(label)}</strong><span class="kn-embed-form__hint">{t(text)}</span></span>
                            </label>
                        }).collect_view()}
                    </fieldset>
                    <fieldset class="kn-embed-form__group">
                        <legend class="kn-embed-form__legend">{t("generator.area_legend")}</legend>
                        <div class="kn-field">
                            <label class="kn-field__label" for=PREF>{t("generator.prefecture")}</label>
                            <select class="kn-field__input" id=PREF>
                                {g.prefectures.iter().map(|p| view! { <option value=p.clone() selected=*p == g.prefecture>{p.clone()}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="kn-field">
                            <label class="kn-field__label" for=AREA>{t("generator.area")}</label>
                            <select class="kn-field__input" id=AREA data-pref=g.prefecture.clone()>
                                {g.areas.iter().map(|a| view! { <option value=a.id.clone() data-name=a.name.clone() selected=a.id == c.area>{a.text.clone()}</option> }).collect_view()}
                            </select>
                        </div>
                    </fieldset>
                    <fieldset class="kn-embed-form__group" id=FUNCTIONS>
                        <legend class="kn-embed-form__legend">{t("generator.functions_legend")}</legend>
                        {Function::ALL.into_iter().map(|f| view! {
                            <label class="kn-check">
                                <input class="kn-check__input" type="checkbox" name="kn-fn" value=f.id()/>
                                <span class="kn-check__label">{t(f.need_key())}</span>
                            </label>
                        }).collect_view()}
                    </fieldset>
                    <div class="kn-field kn-embed-form__group">
                        <label class="kn-field__label" for=ACCENT>{t("generator.accent")}</label>
                        <p class="kn-embed-form__hint" id="kn-embed-accent-hint">{t("generator.accent_hint")}</p>
                        <input class="kn-field__input kn-embed-form__accent" id=ACCENT type="text" inputmode="text" autocomplete="off" spellcheck="false" aria-describedby="kn-embed-accent-hint kn-embed-accent-note"/>
                        <p class="kn-embed-form__note" id=ACCENT_NOTE role="status"></p>
                    </div>
                    <fieldset class="kn-embed-form__group">
                        <legend class="kn-embed-form__legend">{t("generator.lang_legend")}</legend>
                        <p class="kn-embed-form__hint">{t("generator.lang_hint")}</p>
                        {Lang::ALL.into_iter().map(|l| view! {
                            <label class="kn-check kn-embed-form__choice">
                                <input class="kn-check__input" type="radio" name="kn-lang" value=l.id() checked=l == c.lang/>
                                <span class="kn-check__label">{l.autonym()}</span>
                            </label>
                        }).collect_view()}
                    </fieldset>
                    <label class="kn-check">
                        <input class="kn-check__input" type="checkbox" id=COMPACT/>
                        <span class="kn-check__label">{t("generator.compact")}</span>
                    </label>
                </form>
            </section>
            <section class="kn-embed__section" id=COPY_AREA aria-labelledby="kn-embed-code">
                <h2 id="kn-embed-code">{t("generator.code_title")}</h2>
                <h3>{t("generator.script_title")}</h3>
                <p>{t("generator.script_text")}</p>
                {code_field(SCRIPT, COPIED_SCRIPT, &m.html("generator.script_kind"), script_snippet(&g.portal, &c))}
                <h3>{t("generator.iframe_title")}</h3>
                <p inner_html=fill(&m.html("generator.iframe_text"), &heights)></p>
                {code_field(IFRAME, COPIED_IFRAME, &m.html("generator.iframe_kind"), iframe_snippet(&g.portal, &c))}
            </section>
            <section class="kn-embed__section" aria-labelledby="kn-embed-preview-title">
                <h2 id="kn-embed-preview-title">{t("generator.preview_title")}</h2>
                <p>{t("generator.preview_text")}</p>
                <iframe class="kn-embed__preview" id=PREVIEW src=preview title=preview_title></iframe>
            </section>
            <section class="kn-embed__section" aria-labelledby="kn-embed-guide">
                <h2 id="kn-embed-guide">{t("generator.guide_title")}</h2>
                <h3>{t("generator.settings_title")}</h3>
                <dl class="kn-summary-list">
                    {settings.into_iter().map(|(name, key)| view! {
                        <div class="kn-summary-list__row"><dt>{name}</dt><dd>{t(key)}</dd></div>
                    }).collect_view()}
                </dl>
                <p>{t("generator.query_note")}</p>
                <h3>{t("generator.split_title")}</h3>
                <p inner_html=fill(&m.html("generator.split_text"), &[("code", SPLIT_EXAMPLE)])></p>
                <h3>{t("generator.notes_title")}</h3>
                <ul>
                    <li>{t("generator.note_privacy")}</li>
                    <li>{t("generator.note_links")}</li>
                    <li>{t("generator.note_errors")}</li>
                    <li>{t("generator.note_corrections")}</li>
                </ul>
            </section>
        </div>
    }
}

/// One snippet's read-only field (`id`), its copy button and the confirmation (`status`)
/// beside it; `kind` names the snippet (markup): 「{kind}のコード」.
fn code_field(id: &'static str, status: &'static str, kind: &str, code: String) -> impl IntoView {
    let m = messages();
    view! {
        <div class="kn-field">
            <label class="kn-field__label" for=id inner_html=fill(&m.html("generator.code_label"), &[("kind", kind)])></label>
            <textarea class="kn-field__input kn-embed__code" id=id readonly rows="6">{code}</textarea>
        </div>
        <div class="kn-embed__copy">
            <button class="kn-button kn-embed__js" type="button" data-copy=id data-status=status hidden inner_html=fill(&m.html("generator.copy"), &[("kind", kind)])></button>
            <p class="kn-embed__copied" id=status role="status"></p>
        </div>
    }
}

/// `/embed/`: the page rendered at build time, and its island, in the page's reading.
#[component]
pub fn EmbedPage() -> impl IntoView {
    let m = messages();
    // English pages name areas in English: their municipality select is filled from the
    // English index, as the finder's is.
    let index = if m.lang == Lang::En { "areas.en.json" } else { "areas.json" }.to_string();
    view! {
        <EmbedGenerator shell={use_context::<Shell>().unwrap_or_default()} text=m.texts(&[ISLAND_TEXTS]) index=index/>
        {static_view()}
    }
}

/// The page's one island: no markup of its own, it wires the pre-rendered form — shows the
/// controls, loads the area index (`index`, under `search/`) for the municipality select,
/// listens for changes and copy buttons, sizes the preview, and writes the snippets for this
/// site's own address (the build wrote them for the configured public one). `text` holds the
/// words it writes, in the page's reading.
// An island in the `generator` wasm bundle; a plain component, left out, in the others.
#[cfg_attr(any(feature = "ssr", feature = "island-generator"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "island-generator")), component, allow(dead_code))]
fn EmbedGenerator(shell: Shell, text: Texts, index: String) -> impl IntoView {
    Effect::new(move |_| {
        let areas: RwSignal<Option<Arc<Vec<AreaEntry>>>> = RwSignal::new(None);
        let text = Arc::new(text.clone());
        let (base, t) = (shell.base.clone(), text.clone());
        fetch_json::<AreaIndex>(
            join_base(&shell.base, &format!("/data/{}/search/{index}", shell.build)),
            move |index| {
                areas.set(Some(Arc::new(index.into_entries())));
                // A prefecture chosen before the index arrived gets its municipalities now.
                if refill(areas, &t) {
                    update(&base, &t);
                }
            },
        );
        for el in all(".kn-embed__js") {
            let _ = el.remove_attribute("hidden");
        }
        for el in all(".kn-embed__nojs") {
            let _ = el.set_attribute("hidden", "");
        }
        let (base, t) = (shell.base.clone(), text.clone());
        listen(FORM, "change", move |ev| changed(&ev, areas, &base, &t));
        let t = text.clone();
        listen(COPY_AREA, "click", move |ev| clicked(ev, &t));
        listen_to_preview();
        update(&shell.base, &text);
    });
}
