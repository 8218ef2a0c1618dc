// Issue #2: every route is real HTML before any script runs, then hydrates without errors;
// pages are plain HTML with islands; deep URLs reload; the site works under a base path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, hydrated, DIST, DIST_SUB } from './harness.mjs';

let browser, site, sub;
before(async () => {
  browser = await launch();
  site = await serve(DIST, '/');
  sub = await serve(DIST_SUB, '/kyoten/navi/');
});
after(async () => { await browser?.close(); await site?.close(); await sub?.close(); });

test('the home page shows its content with JavaScript disabled', async () => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  await page.goto(site.url('/'));
  assert.match(await page.title(), /拠点ナビ/);
  for (const name of ['緊急のとき', '地域から探す', '目的から探す']) {
    assert.ok(await page.getByRole('heading', { name }).isVisible(), name);
  }
  assert.ok(await page.getByRole('link', { name: '市区町村を選んで連絡先を見る' }).isVisible());
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  await context.close();
});

test('every route family hydrates with no console error or hydration warning', async () => {
  for (const path of ['/', '/search/', '/facilities/kokubunji-kikan/', '/areas/132144/', '/areas/121002/', '/areas/higashi-iburi/', '/catalogue/', '/screening/', '/guides/what-is/', '/embed/', '/about/', '/no/such/page/']) {
    const { context, page, problems } = await openPage(browser);
    await page.goto(site.url(path));
    await hydrated(page);
    // The 404 page is served with status 404, which Chromium logs once for the document.
    const expected = path.startsWith('/no/') ? ['error: Failed to load resource: the server responded with a status of 404 (Not Found)'] : [];
    assert.deepEqual(problems, expected, `${path}: ${problems.join('\n')}`);
    await context.close();
  }
});

test('plain pages load no wasm; a link loads the next page; pages with an island load it once', async () => {
  const { context, page, problems } = await openPage(browser);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(site.url('/'));
  await hydrated(page);
  await page.getByRole('link', { name: '地域生活支援拠点等とは' }).first().click();
  await page.waitForURL(/\/guides\/what-is\/$/);
  await page.getByRole('heading', { level: 1, name: '地域生活支援拠点等とは' }).waitFor();
  await hydrated(page);
  assert.match(await page.title(), /地域生活支援拠点等とは/);
  assert.deepEqual(requests.filter((u) => /\.wasm$|\/pkg\//.test(u)), [], 'a page without an island fetched the wasm');
  await page.goBack();
  await page.getByRole('heading', { name: '目的から探す' }).waitFor();
  await page.goto(site.url('/search/'));
  await hydrated(page);
  assert.equal(requests.filter((u) => /\.wasm$/.test(u)).length, 1, requests.join('\n'));
  assert.equal(await page.locator('leptos-island').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a deep URL reloads correctly on a plain static server', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(site.url('/areas/121002/'));
  await hydrated(page);
  await page.reload();
  await hydrated(page);
  assert.ok(await page.getByRole('heading', { level: 1, name: '千葉市' }).isVisible());
  assert.ok((await page.content()).includes('3,502件'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('an unknown URL gets the helpful 404 page with a way on', async () => {
  const { context, page } = await openPage(browser);
  const response = await page.goto(site.url('/facilities/does-not-exist/'));
  assert.equal(response.status(), 404);
  await hydrated(page);
  assert.ok(await page.getByRole('heading', { name: 'ページが見つかりません' }).isVisible());
  assert.ok(await page.getByRole('link', { name: '相談先をさがす' }).isVisible());
  await context.close();
});

test('the site works under a base path', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(sub.url('/'));
  await hydrated(page);
  await page.getByRole('link', { name: '好事例集' }).first().click();
  await page.waitForURL(sub.url('/catalogue/'));
  await page.getByRole('heading', { level: 1, name: '好事例集 25自治体等' }).waitFor();
  await page.reload();
  await hydrated(page);
  assert.ok(await page.getByRole('heading', { level: 1, name: '好事例集 25自治体等' }).isVisible());
  assert.deepEqual(problems, []);
  await context.close();
});
