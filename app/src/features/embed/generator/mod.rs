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

mod snippet;
mod wiring;

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::fetch_json;
use crate::components::page::{static_view, PageHeading};
use crate::data::{href, join_base, Shell, Widget};
use crate::features::finder::areas::{AreaEntry, AreaIndex};
use crate::i18n::Lang;
use crate::model::Function;
pub use snippet::{accent_choice, fallback_height, frame_title, iframe_snippet, script_snippet, widget_path, Choice};
use wiring::{all, changed, clicked, listen, listen_to_preview, refill, update};

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
                    <fieldset class="kn-embed-form__group">
                        <legend class="kn-embed-form__legend">"表示することば"</legend>
                        <p class="kn-embed-form__hint">"どの部品も、やさしい日本語（ふりがな付き）と英語でも表示できます。"</p>
                        {Lang::ALL.into_iter().map(|l| view! {
                            <label class="kn-check kn-embed-form__choice">
                                <input class="kn-check__input" type="radio" name="kn-lang" value=l.id() checked=l == c.lang/>
                                <span class="kn-check__label">{l.autonym()}</span>
                            </label>
                        }).collect_view()}
                    </fieldset>
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
                {code_field(SCRIPT, COPIED_SCRIPT, "スクリプト版", script_snippet(&g.portal, &c))}
                <h3>"2. iframe だけで埋め込む（スクリプトが消えてしまうとき）"</h3>
                <p>{format!("ホームページの作成システム（CMS）がスクリプトを消してしまうときは、こちらを使います。高さは固定です（相談先の検索 {}px、緊急時の連絡先 {}px、セルフチェック {}px）。内容が長いときは、枠の中でスクロールできます。", fallback_height(Widget::Finder), fallback_height(Widget::Emergency), fallback_height(Widget::Screening))}</p>
                {code_field(IFRAME, COPIED_IFRAME, "iframe 版", iframe_snippet(&g.portal, &c))}
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
                    <div class="kn-summary-list__row"><dt>"data-lang"</dt><dd>"easy（やさしい日本語・ふりがな付き）または en（英語）。省略すると日本語です。"</dd></div>
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

/// One snippet's read-only field (`id`), its copy button and the confirmation (`status`)
/// beside it; `kind` names the snippet: 「{kind}のコード」.
fn code_field(id: &'static str, status: &'static str, kind: &str, code: String) -> impl IntoView {
    view! {
        <div class="kn-field">
            <label class="kn-field__label" for=id>{format!("{kind}のコード")}</label>
            <textarea class="kn-field__input kn-embed__code" id=id readonly rows="6">{code}</textarea>
        </div>
        <div class="kn-embed__copy">
            <button class="kn-button kn-embed__js" type="button" data-copy=id data-status=status hidden>{format!("{kind}のコードをコピーする")}</button>
            <p class="kn-embed__copied" id=status role="status"></p>
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
