//! The map's fixed markup: heading, help, controls, the SVG with its empty layers, credits,
//! legend and the GSI toggle. Everything that changes is drawn into the layers.

/// The fixed part of the map. Everything that changes is drawn into its empty groups.
pub(super) const MARKUP: &str = concat!(
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
