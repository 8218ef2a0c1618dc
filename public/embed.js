/*! 拠点ナビ embed loader (issue #8). Paste where the widget should appear:
 *   <script src="https://…/embed.js" data-widget="finder" data-area="132144" async></script>
 * or mark places and load this once anywhere on the page:
 *   <div data-kyoten-navi-widget="emergency" data-area="132144"></div>
 * Options: data-area, data-fn, data-accent, data-compact, data-title, data-lang ("easy" for
 * やさしい日本語, "en" for English).
 * Each widget becomes a titled iframe whose height follows its content. Nothing is global. */
(function () {
  'use strict';
  var me = document.currentScript;
  if (!me || !me.src) return;
  // The portal's address comes from this script's own: the widgets live beside it (a base
  // path such as /kyoten/navi/ included).
  var here = new URL(me.src, location.href);
  var origin = here.origin;
  var base = here.href.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
  var TITLES = {
    finder: '拠点ナビ：相談先をさがす',
    emergency: '拠点ナビ：緊急時の連絡先',
    screening: '拠点ナビ：事前登録のセルフチェック'
  };
  var TITLES_EN = {
    finder: 'Kyoten Navi: find where to ask for help',
    emergency: 'Kyoten Navi: emergency contacts',
    screening: 'Kyoten Navi: pre-registration self-check'
  };
  // The readings (issue #22) each widget has, by data-lang, and where they live.
  var READINGS = { easy: 'easy/', en: 'en/' };
  // Until the first height report (and whenever scripts inside the frame cannot run).
  var HEIGHTS = { finder: 900, emergency: 680, screening: 1000 };
  var OPTIONS = ['area', 'fn', 'accent', 'compact'];

  function frame(host, widget) {
    if (!Object.prototype.hasOwnProperty.call(TITLES, widget)) return null;
    host.setAttribute('data-kyoten-navi-ready', '');
    var bytes = new Uint8Array(6);
    crypto.getRandomValues(bytes);
    var id = 'kn' + Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
    var query = [];
    OPTIONS.forEach(function (name) {
      var v = host.getAttribute('data-' + name);
      if (v) query.push(name + '=' + encodeURIComponent(v));
    });
    query.push('kn_id=' + id);
    var f = document.createElement('iframe');
    var lang = host.getAttribute('data-lang');
    var reading = Object.prototype.hasOwnProperty.call(READINGS, lang) ? READINGS[lang] : '';
    f.src = base + reading + 'embed/' + widget + '/?' + query.join('&');
    f.title = host.getAttribute('data-title') || (lang === 'en' ? TITLES_EN : TITLES)[widget];
    f.setAttribute('loading', 'lazy');
    // 「近くを探す」 in the finder needs the position, which a frame from another site may
    // only ask for when allowed.
    if (widget === 'finder') f.allow = 'geolocation';
    f.style.cssText = 'display:block;width:100%;border:0;height:' + HEIGHTS[widget] + 'px';
    // Heights come only from this frame's own page at the portal's origin, in the shape
    // the widget sends; anything else on the page is ignored.
    window.addEventListener('message', function (e) {
      var d = e.data;
      if (e.origin !== origin || e.source !== f.contentWindow || !d || typeof d !== 'object') return;
      if (d.type !== 'kyoten-navi:height' || d.widget !== id) return;
      var h = d.height;
      if (typeof h !== 'number' || !(h > 0 && h < 100000)) return;
      f.style.height = Math.ceil(h) + 'px';
    });
    return f;
  }

  // The script form: the widget appears where the script is.
  var own = frame(me, me.getAttribute('data-widget'));
  if (own) me.parentNode.insertBefore(own, me.nextSibling);

  // The placeholder form: each marked element gets its widget (once, even if several
  // copies of this script run).
  function places() {
    var all = document.querySelectorAll('[data-kyoten-navi-widget]:not([data-kyoten-navi-ready])');
    for (var i = 0; i < all.length; i++) {
      var f = frame(all[i], all[i].getAttribute('data-kyoten-navi-widget'));
      if (f) {
        all[i].textContent = '';
        all[i].appendChild(f);
      }
    }
  }
  places();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', places);
})();
