// 拠点ナビ service worker (issue #10): the pages a person has seen — above all the
// emergency contacts of the areas they looked up — stay readable without a connection,
// and nobody is ever kept on a stale page.
//
// - HTML pages and page data JSON: network first; the cache only when the network fails
//   (or gives no answer within NETWORK_TIMEOUT_MS and a saved copy exists). The network
//   answer always replaces the saved copy.
// - Content-hashed files (pkg/*, boot.<hash>.js, correction.<hash>.js, style.<hash>.css): cache first; a hashed
//   name never changes meaning.
// - Other origins (the optional GSI 地理院タイル background) are never touched or cached:
//   the worker does not answer for them at all. Neither are /opendata/ downloads.
// - One cache per site version, `kn:<scope>:<version>`. The version comes from the
//   registration URL (`sw.js?v=<build>.<boot hash>`, written by the boot script), so every
//   new build installs a new worker; on activation the pages seen before are fetched again
//   for the new version (issue #20): every area page and emergency page, newest first, then
//   the newest others up to MAX_REWARM. A page the network cannot give is copied from the
//   old cache as it was; an old cache is deleted only once its pages are in the new one.
// - Retiring: serve deploy/sw-retire.js as sw.js, or open any page with `?sw=off`
//   (see README, 「オフライン」).
'use strict';

const VERSION = new URL(self.location.href).searchParams.get('v') || 'unversioned';
const SCOPE = new URL(self.registration.scope).pathname;
const PREFIX = `kn:${SCOPE}:`;
const CACHE = PREFIX + VERSION;
const NETWORK_TIMEOUT_MS = 6000;
const SAVE_TIMEOUT_MS = 10000;
// Other pages fetched again for a new version, newest first: enough for everything a family
// looked at. Area and emergency pages (KEEP) are always carried over, however many.
const MAX_REWARM = 60;
// An area's page (its contacts) and the emergency contacts, relative to the scope.
const KEEP = /^(?:areas\/[^/]+\/|emergency\/(?:[^/]+\/)?)$/;

const HASHED = /(?:\/pkg\/[^/]+|\/(?:boot|correction)\.[0-9a-f]{10}\.js|\/style\.[0-9a-f]{10}\.css)$/;
const DATA = /\/data\/([0-9a-f]+)\/(.+)\.json$/;

self.addEventListener('install', () => {
  // Nothing to wait for: the page posts what it has loaded once this worker controls it.
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const old = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE);
    const unsafe = await rewarm(old);
    await Promise.all(old.filter((k) => !unsafe.has(k)).map((k) => caches.delete(k)));
    await self.clients.claim();
  })());
});

// Set by `?sw=off` (the page unregisters this worker): save nothing more, keep nothing.
let retired = false;

self.addEventListener('message', (event) => {
  const msg = event.data;
  if (msg && msg.type === 'kn-retire') {
    retired = true;
    event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX)).map((k) => caches.delete(k)))));
  } else if (msg && msg.type === 'kn-skip-waiting') {
    // From a page of this version while an older worker still controls it (see
    // sw-register.js): each call asks the browser again to retire the old one once idle.
    event.waitUntil(self.skipWaiting());
  } else if (msg && msg.type === 'kn-cache' && Array.isArray(msg.urls) && !retired) {
    // Bounded: a new version's worker waits for this one's pending work before it takes
    // over, and a save stuck on a dead connection must not hold an update back.
    event.waitUntil(Promise.race([Promise.all(msg.urls.map((u) => saveIfMissing(u))), new Promise((ok) => setTimeout(ok, SAVE_TIMEOUT_MS))]));
  }
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || retired) return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) return;
  if (url.pathname.startsWith(SCOPE + 'opendata/') && !url.pathname.endsWith('/')) return;
  if (req.mode === 'navigate') {
    event.respondWith(page(event, url));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(cacheFirst(event));
  } else {
    event.respondWith(networkFirst(event, req.url));
    const data = url.pathname.match(DATA);
    // A page reached by a client-side link: keep its HTML too, so reloading it offline works.
    if (data && !/^(search|map)\//.test(data[2])) {
      event.waitUntil(saveIfMissing(SCOPE + (data[2] === 'index' ? '' : data[2] + '/')));
    }
    event.waitUntil(saveAreaOf(event.clientId));
  }
});

/** Let the worker live until `promise` settles (if the event still allows it). */
function keep(event, promise) {
  const quiet = promise.catch(() => {});
  try { event.waitUntil(quiet); } catch { /* the event is over; the write still runs */ }
}

/** HTML is saved under its path without the query: every route's HTML is the same for any query. */
function pageKey(url) {
  return url.origin + url.pathname;
}

async function page(event, url) {
  const key = pageKey(url);
  try {
    return await networkFirst(event, key);
  } catch {
    // An older version's copy (an update still carrying pages over) beats the notice.
    return (await savedElsewhere(key)) || offlinePage();
  }
}

/** The newest copy of `key` in this scope's other caches, if any. */
async function savedElsewhere(key) {
  const names = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE).reverse();
  for (const name of names) {
    const res = await (await caches.open(name)).match(key);
    if (res) return res;
  }
  return null;
}

async function networkFirst(event, key) {
  const cache = await caches.open(CACHE);
  const network = fetch(event.request).then((res) => {
    if (res.ok && res.type === 'basic' && !retired) keep(event, cache.put(key, res.clone()));
    return res;
  });
  network.catch(() => {}); // a late failure after the timeout is not an error
  const saved = await cache.match(key);
  if (!saved) return network;
  // With a saved copy, wait for the network only so long; its answer still refreshes the copy.
  const timeout = new Promise((ok) => setTimeout(() => ok(null), NETWORK_TIMEOUT_MS));
  try {
    return (await Promise.race([network, timeout])) || saved;
  } catch {
    return saved;
  }
}

async function cacheFirst(event) {
  const req = event.request;
  const cache = await caches.open(CACHE);
  const saved = await cache.match(req.url);
  if (saved) return saved;
  const res = await fetch(req);
  if (res.ok && res.type === 'basic' && !retired) keep(event, cache.put(req.url, res.clone()));
  return res;
}

/** Fetch `href` and save it under the key its kind uses. Failures are ignored by callers. */
async function saveFromNetwork(href) {
  const url = new URL(href, self.location.href);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) return;
  if (url.pathname === SCOPE + 'sw.js' || url.pathname.startsWith(SCOPE + 'opendata/') && !url.pathname.endsWith('/')) return;
  const html = url.pathname.endsWith('/');
  const res = await fetch(url.href, { credentials: 'same-origin' });
  if (!res.ok || retired) return;
  const cache = await caches.open(CACHE);
  await cache.put(html ? pageKey(url) : url.href, res);
}

/** Save `href` unless this version has it already (pages are keyed without their query). */
async function saveIfMissing(href) {
  const url = new URL(href, self.location.origin);
  const cache = await caches.open(CACHE);
  const key = url.pathname.endsWith('/') ? pageKey(url) : url.href;
  if (!(await cache.match(key))) await saveFromNetwork(url.href).catch(() => {});
}

/** The finder at `?area=<id>`: keep that area's page (its contacts) for offline use too. */
async function saveAreaOf(clientId) {
  if (!clientId) return;
  const client = await self.clients.get(clientId);
  const area = client && new URL(client.url).searchParams.get('area');
  if (area && /^[0-9a-z-]{1,40}$/.test(area)) await saveIfMissing(`${SCOPE}areas/${area}/`);
}

/** Fetch again, for this version, the pages and data saved by older versions; then the
 *  hashed files the new pages use. Area and emergency pages come first and all of them,
 *  then the newest other pages up to MAX_REWARM. A page the network does not give (offline,
 *  a timeout, a server error; not a 404: that page is gone) is copied from the old cache
 *  with the files it needs. Returns the old caches that must not be deleted yet: those
 *  whose pages could not be written to the new cache. */
async function rewarm(oldCaches) {
  // Newest first: a cache lists its keys in the order they were last written (put()
  // replaces an entry by appending it), and caches.keys() lists older versions first.
  const pages = new Map(); // page URL → the old cache holding its newest copy
  const data = new Set();
  for (const name of [...oldCaches].reverse()) {
    const cache = await caches.open(name);
    for (const req of (await cache.keys()).reverse()) {
      const path = new URL(req.url).pathname;
      if (path.endsWith('/')) {
        if (!pages.has(req.url)) pages.set(req.url, name);
      } else if (DATA.test(path)) data.add(path.match(DATA)[2]);
    }
  }
  const keep = (href) => KEEP.test(new URL(href).pathname.slice(SCOPE.length));
  const all = [...pages.keys()];
  const chosen = [...all.filter(keep), ...all.filter((h) => !keep(h)).slice(0, MAX_REWARM)];
  const cache = await caches.open(CACHE);
  const unsafe = new Set();
  const copiedFrom = new Set();
  let build = null;
  const assets = new Set();
  for (const href of chosen) {
    try {
      const res = await fetchWithin(href, NETWORK_TIMEOUT_MS);
      if (res.status === 404 || res.status === 410) continue;
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const text = await res.clone().text();
      await cache.put(href, res);
      build = build || (text.match(/"build":"([0-9a-f]+)"/) || [])[1];
      for (const m of text.matchAll(/(?:href|src)="([^"]+)"/g)) {
        const u = new URL(m[1], href);
        if (u.origin === self.location.origin && HASHED.test(u.pathname)) assets.add(u.href);
      }
    } catch {
      // Offline or failing: keep the page as it was rather than lose it.
      const from = pages.get(href);
      try {
        const saved = await (await caches.open(from)).match(href);
        if (saved) {
          await cache.put(href, saved);
          copiedFrom.add(from);
        }
      } catch {
        unsafe.add(from);
      }
    }
  }
  // A page copied as it was needs its own version's files and data: copy them too (hashed
  // names and build-stamped data paths never clash with the new version's).
  for (const name of copiedFrom) {
    try {
      const old = await caches.open(name);
      for (const req of await old.keys()) {
        if (new URL(req.url).pathname.endsWith('/') || (await cache.match(req.url))) continue;
        const res = await old.match(req);
        if (res) await cache.put(req.url, res);
      }
    } catch {
      unsafe.add(name);
    }
  }
  if (build) {
    for (const key of data) assets.add(new URL(`${SCOPE}data/${build}/${key}.json`, self.location.origin).href);
  }
  // The boot script pairs each bundle's JavaScript with its wasm: a seen page preloads the
  // JavaScript of its islands' bundle, so carry over that bundle's wasm too (only those).
  for (const boot of [...assets].filter((u) => /\/boot\.[0-9a-f]{10}\.js$/.test(u))) {
    try {
      const text = await (await fetchWithin(boot, NETWORK_TIMEOUT_MS)).text();
      for (const m of text.matchAll(/\["(\.\/pkg\/[A-Za-z0-9_.-]+)","(\.\/pkg\/[A-Za-z0-9_.-]+)"\]/g)) {
        if (assets.has(new URL(m[1], boot).href)) assets.add(new URL(m[2], boot).href);
      }
    } catch { /* offline: not carried over */ }
  }
  await Promise.all([...assets].map((u) => saveFromNetwork(u).catch(() => {})));
  // Leave the pages in the order they were seen, newest last, as the next update reads them.
  for (const href of [...chosen].reverse()) {
    try {
      const res = await cache.match(href);
      if (res) await cache.put(href, res);
    } catch { /* the copy stays where it is */ }
  }
  return unsafe;
}

/** fetch() that gives up after `ms`: a dead connection must not hold an update back. */
async function fetchWithin(href, ms) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ms);
  try {
    return await fetch(href, { cache: 'no-cache', signal: abort.signal });
  } finally {
    clearTimeout(timer);
  }
}

/** Shown for a page never seen before while offline: what is saved, and a way back. */
async function offlinePage() {
  const cache = await caches.open(CACHE);
  const items = [];
  for (const req of await cache.keys()) {
    if (!new URL(req.url).pathname.endsWith('/')) continue;
    const res = await cache.match(req);
    const title = ((await res.text()).match(/<title>([^<]*)<\/title>/) || [])[1] || req.url;
    items.push(`<li><a class="kn-link-grid__link" href="${escapeHtml(req.url)}">${title}</a></li>`);
  }
  const css = (await cache.keys()).map((r) => r.url).find((u) => /\/style\.[0-9a-f]{10}\.css$/.test(u));
  const body = `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none'">
<title>オフラインです｜拠点ナビ</title>${css ? `<link rel="stylesheet" href="${escapeHtml(css)}">` : ''}</head>
<body><main id="main" class="kn-main"><div class="kn-prose">
<h1>オフラインです</h1>
<p>インターネットにつながっていないため、このページは表示できません。つながってから、もう一度開いてください。</p>
${items.length ? `<h2>この端末に保存されているページ</h2><ul class="kn-link-grid">${items.join('')}</ul>` : '<p>この端末に保存されているページはありません。</p>'}
<p>命に関わる緊急のときは 119番（救急）に電話してください。</p>
</div></main></body></html>`;
  return new Response(body, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

function escapeHtml(s) {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
