//! The embed-code generator (`/embed/`, issue #8) in every reading (issue #22), checked on the
//! real content: the English and やさしい日本語 pages say their fixed text in the reading,
//! name places as the reading does, default to a widget in the page's reading, and give the
//! island only the words it writes; the standard page keeps its text; the island's code
//! holds no text of its own.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use kyoten_navi::data::{PageData, Shell};
use kyoten_navi::i18n::Lang;
use kyoten_navi::load::{load_content, Content};
use kyoten_navi::site::pages::all_pages;
use kyoten_navi::site::readings::{messages, reading_pages};
use kyoten_navi::site::render::{AssetNames, Document};

fn content() -> Content {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    load_content(&dir, "/").unwrap_or_else(|d| panic!("content has errors: {d:#?}"))
}

fn shell(c: &Content, lang: Lang) -> Shell {
    Shell { base: "/".into(), build: String::new(), name: c.site.name.clone(), messages: messages(c, lang) }
}

/// The generator page of `lang` as the build writes it: `(whole document, page body)`.
fn page(c: &Content, lang: Lang) -> (String, String) {
    let shell = shell(c, lang);
    let path = format!("/{}embed/", lang.prefix());
    let pages: BTreeMap<String, PageData> =
        if lang == Lang::Ja { all_pages(c) } else { reading_pages(c, &shell) }.into_iter().collect();
    let data = pages.get(&path).unwrap_or_else(|| panic!("{path} is not rendered")).clone();
    let body = match &data {
        PageData::Static(p) => p.html.clone(),
        other => panic!("{path} is {other:?}"),
    };
    let assets = AssetNames::default();
    (Document::new(&shell, &c.site.origin, &assets).render(&path, data), body)
}

/// The script snippet's textarea as pre-rendered.
fn script_field(body: &str) -> &str {
    let start = body.find("id=\"kn-embed-script\"").expect("the script field");
    let rest = &body[start..];
    &rest[..rest.find("</textarea>").expect("its end")]
}

/// The island's props (HTML-escaped JSON in `data-props`).
fn island_props(doc: &str) -> String {
    let start = doc.find("data-component=\"EmbedGenerator").expect("the island");
    let rest = &doc[start..];
    let props = &rest[rest.find("data-props=\"").expect("props") + 12..];
    props[..props.find('"').expect("end of props")].replace("&quot;", "\"").replace("&amp;", "&")
}

#[test]
fn the_standard_page_keeps_its_japanese_text() {
    let c = content();
    let (doc, body) = page(&c, Lang::Ja);
    assert!(doc.starts_with("<!DOCTYPE html><html lang=\"ja\">"));
    assert!(doc.contains("<title>ホームページに埋め込む｜拠点ナビ</title>"));
    for text in [
        "<h1 class=\"kn-page-heading__title\">ホームページに埋め込む</h1>",
        "<h2 id=\"kn-embed-make\">埋め込みコードを作る</h2>",
        "<strong>相談先をさがす</strong><span class=\"kn-embed-form__hint\">市区町村の相談先・事業所を、困っていることで絞り込んで探せます。</span>",
        "<option value=\"東京都\" selected>東京都</option>",
        "<option value=\"132144\" selected>国分寺市</option>",
        "<span class=\"kn-check__label\">緊急時に預けたい・助けてほしい</span>",
        "<label for=\"kn-embed-script\" class=\"kn-field__label\">スクリプト版のコード</label>",
        ">スクリプト版のコードをコピーする</button>",
        ">iframe 版のコードをコピーする</button>",
        "高さは固定です（相談先の検索 900px、緊急時の連絡先 680px、セルフチェック 1000px）。",
        "title=\"プレビュー：拠点ナビ：国分寺市の相談先をさがす\"",
        "<dt>data-lang</dt><dd>easy（やさしい日本語・ふりがな付き）または en（英語）。省略すると日本語です。</dd>",
        "<p>表示したい場所に <code>&lt;div data-kyoten-navi-widget=\"finder\" data-area=\"132144\"&gt;&lt;/div&gt;</code> を置き、",
        "<li>掲載内容の修正は、拠点ナビの各ページの「修正を依頼する」からお知らせください。</li>",
    ] {
        assert!(body.contains(text), "missing {text:?}");
    }
    // The widget speaks standard Japanese by default: no data-lang, the Japanese frame title.
    let script = script_field(&body);
    assert!(!script.contains("data-lang"), "{script}");
    assert!(script.contains("data-title=\"拠点ナビ：国分寺市の相談先をさがす\""), "{script}");
    assert!(body.contains("value=\"ja\" checked"));
    assert!(!body.contains("data-name"), "names as written need no second copy");
    assert_eq!(common::shows_a_key(&doc), None);
    let props = island_props(&doc);
    assert!(props.contains("\"index\":\"areas.json\""), "{props}");
}

#[test]
fn the_english_page_speaks_english_and_names_places_in_english() {
    let c = content();
    let (doc, body) = page(&c, Lang::En);
    assert!(doc.starts_with("<!DOCTYPE html><html lang=\"en\">"), "{}", &doc[..80]);
    assert!(doc.contains("<title>Embed on your website｜"), "the title");
    for text in [
        "<h1 class=\"kn-page-heading__title\">Embed on your website</h1>",
        "<h2 id=\"kn-embed-make\">Make the embed code</h2>",
        "<strong>Emergency contacts</strong>",
        "<option value=\"Tokyo\" selected>Tokyo</option>",
        "<option value=\"132144\" data-name=\"国分寺市\" selected>Kokubunji City (国分寺市)</option>",
        ">Code for the script version</label>",
        ">Copy the code for the iframe version</button>",
        "The height is fixed (search 900px, emergency contacts 680px, self-check 1000px).",
        "title=\"Preview: Kyoten Navi: find where to ask for help in 国分寺市\"",
        "<dt>data-area</dt><dd>The 6-digit municipality code",
        "<code>&lt;div data-kyoten-navi-widget=\"finder\" data-area=\"132144\"&gt;&lt;/div&gt;</code>",
    ] {
        assert!(body.contains(text), "missing {text:?}");
    }
    assert_eq!(common::shows_a_key(&doc), None, "a key instead of its text");
    for japanese in ["埋め込みコードを作る", "都道府県", "コピーする", "設定できること", "ご注意"]
    {
        assert!(!body.contains(japanese), "standard Japanese UI text left: {japanese}");
    }
    // A region keeps the region mark in English.
    assert!(!body.contains("（圏域）"));
    // The widget speaks English by default; the snippet names the area as written.
    let script = script_field(&body);
    assert!(
        script.contains(
            "data-area=\"132144\" data-lang=\"en\" data-title=\"Kyoten Navi: find where to ask for help in 国分寺市\""
        ),
        "{script}"
    );
    assert!(body.contains("value=\"en\" checked"));
    assert!(body.contains("src=\"/en/embed/finder/?area=132144&amp;kn_id=preview\""), "the preview in English");
    // The island fetches the English area index and writes English.
    let props = island_props(&doc);
    assert!(props.contains("\"index\":\"areas.en.json\""), "{props}");
    assert!(props.contains("\"generator.island.copied\":\"Copied. Paste it into your website's editing screen.\""));
    // The footer's link goes to this page, no longer marked (Japanese).
    assert!(doc.contains(
        "<a href=\"/en/embed/\" class=\"kn-site-footer__link\">Embed on your website (for municipalities)</a></li>"
    ));
    // The switch keeps the page.
    assert!(doc.contains("<a href=\"/embed/\" hreflang=\"ja\" data-kn-same"), "the switch");
    assert!(doc
        .contains("<link rel=\"alternate\" hreflang=\"ja-x-easy\" href=\"https://kyoten-navi.example/easy/embed/\">"));
}

#[test]
fn the_easy_page_has_furigana_and_an_easy_widget_by_default() {
    let c = content();
    let (doc, body) = page(&c, Lang::Easy);
    assert!(doc.starts_with("<!DOCTYPE html><html lang=\"ja\">"));
    assert!(doc.contains("（やさしい にほんご）</title>"), "the reading names itself in the title");
    assert_eq!(common::shows_a_key(&doc), None, "a key instead of its text");
    assert!(body.matches("<ruby>").count() > 50, "ふりがな throughout");
    assert!(body.contains("<h1 class=\"kn-page-heading__title\">ホームページに のせる</h1>"));
    assert!(body.contains("<ruby>都道府県<rp>（</rp><rt>とどうふけん</rt><rp>）</rp></ruby>"));
    assert!(!body.contains("埋め込みコードを作る") && !body.contains("のコードをコピーする"));
    assert!(
        !body.contains('｜') && !body.contains('《'),
        "no raw ふりがな notation (the island's props keep it until shown)"
    );
    // Options cannot hold ruby: names as written, as the finder's select has them.
    assert!(body.contains("<option value=\"132144\" selected>国分寺市</option>"));
    let script = script_field(&body);
    assert!(
        script.contains("data-area=\"132144\" data-lang=\"easy\" data-title=\"拠点ナビ：国分寺市の相談先をさがす\""),
        "{script}"
    );
    assert!(body.contains("value=\"easy\" checked"));
    assert!(island_props(&doc).contains("\"index\":\"areas.json\""));
}

/// The island gets the words it writes in the page's reading, and nothing else.
#[test]
fn the_island_receives_only_its_words() {
    let c = content();
    for lang in Lang::ALL {
        let (doc, _) = page(&c, lang);
        let props: serde_json::Value = serde_json::from_str(&island_props(&doc)).expect("props as JSON");
        let entries = props["text"]["entries"].as_object().expect("a map of entries");
        for key in entries.keys() {
            let its = key.starts_with("generator.island.") || (lang != Lang::Ja && key == "site.japanese_only");
            assert!(its, "{lang:?}: the island does not write {key}");
        }
        for key in ["copied", "selected", "preview", "region", "accent_contrast", "accent_darkened", "accent_invalid"] {
            let key = format!("generator.island.{key}");
            assert_eq!(entries[&key], c.messages[&lang].raw(&key), "{lang:?}: {key}");
        }
    }
}

/// No Japanese in the generator's browser code: its words come as the island's props. The
/// frame titles are snippet text in the widget's language, not the page's: they stay.
#[test]
fn the_islands_code_holds_no_text() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/features/embed/generator");
    for file in ["mod.rs", "wiring.rs", "snippet.rs"] {
        let text = std::fs::read_to_string(dir.join(file)).expect("source");
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let mut in_frame_title = false;
        for (n, line) in code.lines().enumerate() {
            if line.starts_with("pub fn frame_title(") {
                in_frame_title = true;
            } else if in_frame_title && line == "}" {
                in_frame_title = false;
            }
            let line = line.trim_start();
            if line.starts_with("//") || in_frame_title {
                continue;
            }
            let mut rest = line;
            while let Some(start) = rest.find('"') {
                let after = &rest[start + 1..];
                let Some(end) = after.find('"') else { break };
                let literal = &after[..end];
                assert!(literal.is_ascii(), "{file}:{}: the literal {literal:?} would put text in the wasm", n + 1);
                rest = &after[end + 1..];
            }
        }
    }
}
