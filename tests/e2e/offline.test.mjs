// Issue #10, offline: the service worker keeps the pages a person has seen — an area's
// contacts, the finder's results — readable without a connection, serves HTML network
// first (so a new build is seen at once), keeps hashed files cache first, cleans old
// versions' caches, never caches other origins, and can be retired.
//
// The site is served by a server this test controls: it can drop every connection (a real
// outage, on top of Playwright's offline switch) and can "publish a new build" by serving
// the same dist/ with a new build hash, a new boot file and a marker in every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, stat, readdir } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { launch, openPage, hydrated, axe, serve, DIST, DIST_SUB, ROOT } from './harness.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json', '.txt': 'text/plain',
};

const state = { offline: false, v2: null, retire: false, fail: null, requests: [] };
let server, origin, browser, old;

before(async () => {
  const index = await readFile(join(DIST, 'index.html'), 'utf8');
  const build = index.match(/"build":"([0-9a-f]+)"/)[1];
  const boot = (await readdir(DIST)).find((f) => /^boot\.[0-9a-f]{10}\.js$/.test(f));
  assert.ok(boot, 'dist/ has a boot script (built with wasm)');
  old = { build, boot };
  server = createServer(handle);
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});
after(async () => { await browser?.close(); await new Promise((ok) => server?.close(ok) ?? ok()); });

/** The "new build": same files, another build hash and boot name, a marker in every page. */
function publishNewBuild() {
  state.v2 = { build: 'b2b2b2b2b2b2', boot: 'boot.b2b2b2b2b2.js' };
}

async function handle(req, res) {
  if (state.offline) return req.socket.destroy();
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  // A connection that fails for some paths only: a flaky network during an update.
  if (state.fail?.test(path)) return req.socket.destroy();
  state.requests.push(path);
  const send = (status, body, type) => { res.writeHead(status, { 'content-type': type }); res.end(body); };
  try {
    if (path === '/sw.js' && state.retire) return send(200, await readFile(join(ROOT, 'deploy/sw-retire.js')), TYPES['.js']);
    const v2 = state.v2;
    if (v2 && path === `/${v2.boot}`) {
      return send(200, (await readFile(join(DIST, old.boot), 'utf8')) + '\n// new build\n', TYPES['.js']);
    }
    if (v2) path = path.replace(`/data/${v2.build}/`, `/data/${old.build}/`);
    if (path.split('/').includes('..')) return send(404, '', 'text/plain');
    let file = join(DIST, path);
    const s = await stat(file).catch(() => null);
    if (s?.isDirectory()) file = join(file, 'index.html');
    let status = 200;
    if (!(await stat(file).catch(() => null))) { file = join(DIST, '404.html'); status = 404; }
    let body = await readFile(file);
    if (v2 && file.endsWith('.html')) {
      body = body.toString('utf8').replaceAll(old.build, v2.build).replaceAll(old.boot, v2.boot)
        .replace('<head>', '<head><meta name="kn-test-build" content="2">');
    }
    send(status, body, TYPES[extname(file)] ?? 'application/octet-stream');
  } catch {
    res.writeHead(500); res.end();
  }
}

const url = (p) => origin + p;

async function eventually(fn, what, timeout = 20000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn().catch((e) => e);
    if (last === true) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${last}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

/** Cache names and, per cache, the paths saved (with the query). */
const cacheState = (page) => page.evaluate(async () => {
  const out = {};
  for (const name of await caches.keys()) {
    out[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
  }
  return out;
});
const telLinks = (page) => page.locator('main a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

async function goOffline(context, offline) {
  state.offline = offline;
  await context.setOffline(offline);
}

test('seen pages work offline; a new build is served at once and old caches go; retiring removes it all', async () => {
  const { context, page, problems } = await openPage(browser);

  // 1. Online: an area page (first load, before any worker) and the finder for that area.
  await page.goto(url('/areas/132144/'));
  await hydrated(page);
  const areaTel = await telLinks(page);
  assert.ok(areaTel.length > 0, 'the area page lists phone numbers');
  await eventually(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the worker to control the page');
  const version = `${old.build}.${old.boot.split('.')[1]}`;
  const cacheName = `kn:/:${version}`;
  await eventually(async () => (await cacheState(page))[cacheName]?.includes(url('/areas/132144/')), 'the first page to be saved');

  await page.goto(url('/search/?area=132144'));
  await hydrated(page);
  await page.locator('.kn-finder-results__count').waitFor();
  await eventually(async () => (await telLinks(page)).length > 0, 'finder phone numbers');
  const finderTel = await telLinks(page);
  const finderCount = await page.locator('.kn-finder-results__count').innerText();

  // A facility reached by a client-side link: only its JSON is fetched, its HTML is kept too.
  const facilityLink = page.locator('main a[href^="/facilities/"]').first();
  const facilityPath = await facilityLink.getAttribute('href');
  await facilityLink.click();
  await page.waitForURL(url(facilityPath));
  await page.locator('h1').waitFor();
  const facilityH1 = await page.locator('h1').innerText();
  await eventually(async () => {
    const saved = (await cacheState(page))[cacheName] ?? [];
    return saved.includes(url('/search/')) && saved.includes(url(facilityPath)) && saved.some((u) => /\/pkg\/.*\.wasm$/.test(u));
  }, 'finder, facility and wasm to be saved');

  // Hashed files are cache first: a reload asks the server for the HTML again, not the wasm.
  state.requests = [];
  await page.goto(url('/areas/132144/'));
  await hydrated(page);
  assert.ok(state.requests.includes('/areas/132144/'), 'HTML is fetched from the network while online');
  assert.ok(!state.requests.some((p) => p.startsWith('/pkg/') || /^\/(boot|style)\.[0-9a-f]{10}\./.test(p)),
    `hashed files come from the cache: ${state.requests.join(' ')}`);

  // 2. Offline: reload each seen page; the contacts are still there, from this device.
  await goOffline(context, true);
  await page.reload();
  await hydrated(page);
  assert.deepEqual(await telLinks(page), areaTel, 'area contacts offline');
  assert.ok(await page.getByRole('heading', { name: 'まず連絡するところ' }).isVisible());

  await page.goto(url('/search/?area=132144'));
  await hydrated(page);
  await page.locator('.kn-finder-results__count').waitFor();
  assert.equal(await page.locator('.kn-finder-results__count').innerText(), finderCount);
  await eventually(async () => JSON.stringify(await telLinks(page)) === JSON.stringify(finderTel), 'the same finder phone numbers offline');

  await page.goto(url(facilityPath));
  await hydrated(page);
  assert.equal(await page.locator('h1').innerText(), facilityH1, 'a page reached by a link reloads offline');

  // A page never seen: a plain notice listing what is saved, not an endless spinner.
  const notice = await page.goto(url('/guides/faq/'));
  assert.equal(notice.status(), 503);
  assert.equal(await page.locator('h1').innerText(), 'オフラインです');
  const listed = await page.locator('main li a').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
  for (const p of ['/areas/132144/', '/search/', facilityPath]) assert.ok(listed.includes(p), `${p} listed in ${listed}`);
  assert.deepEqual(await axe(page), [], 'the offline notice is accessible');
  assert.equal(await page.locator('html').getAttribute('lang'), 'ja');

  // 3. A new build is published; back online, a reload shows it at once and the old cache goes.
  publishNewBuild();
  await goOffline(context, false);
  await page.goto(url('/areas/132144/'));
  await hydrated(page);
  assert.equal(await page.locator('meta[name="kn-test-build"]').getAttribute('content'), '2', 'the new build is served');
  const newCache = `kn:/:${state.v2.build}.b2b2b2b2b2`;
  await eventually(async () => {
    const names = Object.keys(await cacheState(page));
    return (names.length === 1 && names[0] === newCache) || names.join(' ');
  }, `only ${newCache} left`, 40000);
  await eventually(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL.endsWith('v=b2b2b2b2b2b2.b2b2b2b2b2')), 'the new worker in control');
  // Pages seen before are carried over to the new version: still there offline.
  const saved = (await cacheState(page))[newCache];
  for (const p of ['/areas/132144/', '/search/', facilityPath]) assert.ok(saved.includes(url(p)), `${p} carried over`);
  assert.ok(saved.some((u) => u.includes(`/data/${state.v2.build}/search/`)), 'finder data carried over to the new build');
  assert.ok(saved.every((u) => u.startsWith(origin)), 'nothing from another origin is cached');

  await goOffline(context, true);
  await page.goto(url('/search/?area=132144'));
  await hydrated(page);
  assert.equal(await page.locator('meta[name="kn-test-build"]').getAttribute('content'), '2');
  await eventually(async () => JSON.stringify(await telLinks(page)) === JSON.stringify(finderTel), 'finder phone numbers offline after the update');
  await goOffline(context, false);

  // 4. Retiring: deploy/sw-retire.js served as sw.js removes the worker and its caches.
  state.retire = true;
  await page.goto(url('/areas/132144/'));
  await eventually(async () => {
    const regs = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
    const names = Object.keys(await cacheState(page));
    return regs === 0 && names.length === 0;
  }, 'no registration and no cache after retiring', 30000);
  state.retire = false;

  assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p)), []);
  await context.close();
});

test('?sw=off removes the worker and its caches', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(url('/'));
  await hydrated(page);
  await eventually(async () => Object.keys(await cacheState(page)).length === 1, 'a cache');
  await page.goto(url('/?sw=off'));
  await eventually(async () => {
    const regs = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
    return regs === 0 && Object.keys(await cacheState(page)).length === 0;
  }, 'no registration and no cache');
  await context.close();
});

test('the worker is not registered inside a frame (embeds leave the host site alone)', async () => {
  const { context, page } = await openPage(browser);
  // A frame on the same origin stands in for the host page around an embed.
  await page.route(url('/frame-host/'), (r) => r.fulfill({ contentType: 'text/html', body: `<!DOCTYPE html><html lang="ja"><title>t</title><iframe title="拠点ナビ" src="${url('/')}"></iframe></html>` }));
  await page.goto(url('/frame-host/'));
  let frame;
  for (let i = 0; i < 100 && !frame; i++) {
    frame = page.frames().find((f) => f.url() === url('/'));
    if (!frame) await new Promise((ok) => setTimeout(ok, 100));
  }
  await frame.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
  await new Promise((ok) => setTimeout(ok, 1500));
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  await context.close();
});

test('under a base path the worker\'s scope and caches are the base path\'s', async () => {
  const sub = await serve(DIST_SUB, '/kyoten/navi/');
  const { context, page } = await openPage(browser);
  try {
    await page.goto(sub.url('areas/132144/'));
    await hydrated(page);
    await eventually(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the worker to control the page');
    const reg = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
    assert.equal(reg, sub.url(''));
    await eventually(async () => {
      const names = Object.keys(await cacheState(page));
      return (names.length === 1 && names[0].startsWith('kn:/kyoten/navi/:')) || names.join(' ');
    }, 'one cache named for the base path');
    await eventually(async () => Object.values(await cacheState(page))[0].includes(sub.url('areas/132144/')), 'the page saved');
  } finally {
    await context.close();
    await sub.close();
  }
});

/** Issue #20: after 61 facility pages and then an area page, a new build's worker must still
 *  carry the area page (its contacts) over: area and emergency pages first, newest first. */
test('after an update, the area page seen last still works offline, however many pages came before', async () => {
  Object.assign(state, { offline: false, v2: null, retire: false, fail: null });
  const { context, page } = await openPage(browser);
  const facilities = (await readdir(join(DIST, 'facilities'), { withFileTypes: true }))
    .filter((d) => d.isDirectory()).map((d) => d.name).slice(0, 61);
  assert.equal(facilities.length, 61);
  const version = `${old.build}.${old.boot.split('.')[1]}`;
  for (const [i, id] of facilities.entries()) {
    await page.goto(url(`/facilities/${id}/`), { waitUntil: 'domcontentloaded' });
    if (i === 0) {
      await eventually(async () => (await cacheState(page))[`kn:/:${version}`]?.includes(url(`/facilities/${id}/`)), 'the first page to be saved');
    }
  }
  await page.goto(url('/areas/132144/'));
  await hydrated(page);
  const areaTel = await telLinks(page);
  assert.ok(areaTel.length > 0);
  await eventually(async () => (await cacheState(page))[`kn:/:${version}`]?.includes(url('/areas/132144/')), 'the area page to be saved');

  await goOffline(context, true);
  assert.equal((await page.goto(url('/areas/132144/'))).status(), 200, 'offline before the update');
  await goOffline(context, false);

  publishNewBuild();
  const newCache = `kn:/:${state.v2.build}.b2b2b2b2b2`;
  await page.goto(url('/'));
  await eventually(async () => {
    const names = Object.keys(await cacheState(page));
    return (names.length === 1 && names[0] === newCache) || names.join(' ');
  }, `only ${newCache} left`, 60000);

  // The new cache keeps the order the pages were seen in (newest last) for the next update.
  const order = (await cacheState(page))[newCache].filter((u) => /\/(areas|facilities)\/[^/]+\/$/.test(u));
  assert.equal(order.at(-1), url('/areas/132144/'), 'the area page, seen last, is listed last');
  // 60 other pages at most: the home page (opened for the update) and the newest 59 facilities.
  assert.equal(order.length, 60, 'the area page and the newest 59 facility pages');

  await goOffline(context, true);
  const res = await page.goto(url('/areas/132144/'));
  assert.equal(res.status(), 200, 'the area page offline after the update');
  assert.equal(await page.locator('meta[name="kn-test-build"]').getAttribute('content'), '2', 'fetched again for the new build');
  assert.deepEqual(await telLinks(page), areaTel, 'the same contacts offline after the update');
  assert.equal((await page.goto(url('/emergency/'))).status(), 503, 'a page never seen is not invented');
  await goOffline(context, false);
  await context.close();
});

test('an update while the network fails keeps the old copy of an area page before deleting the old cache', async () => {
  Object.assign(state, { offline: false, v2: null, retire: false, fail: null });
  const { context, page } = await openPage(browser);
  const version = `${old.build}.${old.boot.split('.')[1]}`;
  await page.goto(url('/emergency/'));
  await hydrated(page);
  await eventually(async () => (await cacheState(page))[`kn:/:${version}`]?.includes(url('/emergency/')), 'the first page to be saved');
  await page.goto(url('/areas/132144/'));
  await hydrated(page);
  const areaTel = await telLinks(page);
  await eventually(async () => (await cacheState(page))[`kn:/:${version}`]?.includes(url('/areas/132144/')), 'the area page to be saved');

  // The update arrives, but the area and emergency pages cannot be fetched again.
  publishNewBuild();
  state.fail = /^\/(areas|emergency)\//;
  const newCache = `kn:/:${state.v2.build}.b2b2b2b2b2`;
  await page.goto(url('/'));
  await eventually(async () => {
    const names = Object.keys(await cacheState(page));
    return (names.length === 1 && names[0] === newCache) || names.join(' ');
  }, `only ${newCache} left`, 60000);
  state.fail = null;

  await goOffline(context, true);
  for (const p of ['/areas/132144/', '/emergency/']) {
    const res = await page.goto(url(p));
    assert.equal(res.status(), 200, `${p} offline after an update that could not fetch it`);
    assert.equal(await page.locator('meta[name="kn-test-build"]').count(), 0, `${p}: the old copy, as it was`);
  }
  await page.goto(url('/areas/132144/'));
  assert.deepEqual(await telLinks(page), areaTel, 'the contacts kept');
  await goOffline(context, false);
  await context.close();
});
