// The site's readings (issue #22): standard Japanese, やさしい日本語 with ふりがな under
// /easy/, English under /en/. Each page with versions says its language, points at its
// versions with hreflang, and has a switch that keeps the page, its query and its fragment
// (the fragment and query with JavaScript; the page without). ふりがな can be hidden, and
// the choice is remembered. No page shows a catalogue key instead of its text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openPage, hydrated, DIST } from './harness.mjs';

let site;
let browser;
before(async () => {
  site = await serve(DIST);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

const READINGS = [
  { prefix: '', lang: 'ja', hreflang: 'ja', name: '日本語' },
  { prefix: 'easy/', lang: 'ja', hreflang: 'ja-x-easy', name: 'やさしい にほんご' },
  { prefix: 'en/', lang: 'en', hreflang: 'en', name: 'English' },
];
const PAGES = ['', 'emergency/', 'guides/emergency/', 'guides/faq/'];

for (const page of PAGES) {
  for (const reading of READINGS) {
    const path = `/${reading.prefix}${page}`;
    test(`${path}: lang, hreflang to every reading, the switch, no catalogue key`, async () => {
      assert.ok(existsSync(join(DIST, reading.prefix, page, 'index.html')), `${path} is built`);
      const { context, page: p, problems } = await openPage(browser);
      await p.goto(site.url(path));
      await hydrated(p);
      assert.equal(await p.evaluate(() => document.documentElement.lang), reading.lang);
      const alternates = await p.locator('link[rel="alternate"][hreflang]').evaluateAll((ls) => ls.map((l) => [l.hreflang, new URL(l.href).pathname]));
      assert.deepEqual(alternates, [
        ...READINGS.map((r) => [r.hreflang, `/${r.prefix}${page}`]),
        ['x-default', `/${page}`],
      ]);
      const nav = p.locator('nav.kn-reading-switch');
      assert.equal(await nav.locator('[aria-current="page"]').innerText(), reading.name);
      for (const other of READINGS.filter((r) => r !== reading)) {
        const link = nav.getByRole('link', { name: other.name, exact: true });
        assert.equal(new URL(await link.evaluate((a) => a.href)).pathname, `/${other.prefix}${page}`);
      }
      const text = await p.locator('body').innerText();
      assert.doesNotMatch(text, /\[[a-z_]+(\.[a-z_0-9]+)+\]/, 'a catalogue key shown instead of its text');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('the switch keeps the query and the fragment with JavaScript, the page without', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(site.url('/guides/faq/?from=switch#kn-sources-heading'));
  await hydrated(page);
  await page.locator('nav.kn-reading-switch').getByRole('link', { name: 'English', exact: true }).click();
  await page.waitForURL(/\/en\/guides\/faq\//);
  const url = new URL(page.url());
  assert.equal(url.search, '?from=switch');
  assert.equal(url.hash, '#kn-sources-heading');
  await context.close();
  const off = await openPage(browser, { javaScriptEnabled: false });
  await off.page.goto(site.url('/easy/guides/faq/?from=switch'));
  const href = await off.page.locator('nav.kn-reading-switch').getByRole('link', { name: '日本語', exact: true }).getAttribute('href');
  assert.equal(href, '/guides/faq/');
  await off.context.close();
});

test('a page in Japanese only: the switch leads to the reading\'s home, links from a reading say "(Japanese)"', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(site.url('/areas/132144/'));
  const english = page.locator('nav.kn-reading-switch').getByRole('link', { name: 'English', exact: true });
  assert.equal(await english.getAttribute('href'), '/en/');
  assert.equal(await english.getAttribute('data-kn-same'), null);
  await page.goto(site.url('/en/'));
  const search = page.locator('.kn-site-header__nav').getByRole('link', { name: /Search/ });
  assert.equal((await search.innerText()).replace(/\s+/g, ' '), 'Search (Japanese)');
  assert.equal(new URL(await search.evaluate((a) => a.href)).pathname, '/search/');
  const guide = page.locator('.kn-guide-list').getByRole('link', { name: /emergency/i }).first();
  assert.match(new URL(await guide.evaluate((a) => a.href)).pathname, /^\/en\/guides\//, 'a guide with an English version links to it');
  await context.close();
});

test('やさしい日本語: ふりがな shown, hidden with the button, remembered, shown again', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  await page.goto(site.url('/easy/guides/emergency/'));
  await hydrated(page);
  const rt = page.locator('main rt').first();
  assert.ok((await page.locator('main ruby').count()) > 20, 'the page has ふりがな');
  assert.ok(await rt.isVisible());
  assert.match(await page.locator('main h1').innerText(), /きんきゅう/);
  const button = page.getByRole('button', { name: 'ふりがな' });
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  await button.tap();
  assert.equal(await button.getAttribute('aria-pressed'), 'false');
  assert.ok(await rt.isHidden());
  await page.goto(site.url('/easy/'));
  await hydrated(page);
  assert.ok(await page.locator('main rt').first().isHidden(), 'the choice is remembered on the device');
  await page.getByRole('button', { name: 'ふりがな' }).tap();
  assert.ok(await page.locator('main rt').first().isVisible());
  assert.deepEqual(problems, []);
  await context.close();
});

test('English emergency path: home → municipality → its numbers, in three taps', async () => {
  const { context, page } = await openPage(browser, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  await page.goto(site.url('/en/'));
  await page.getByRole('link', { name: 'Choose your municipality and see whom to call' }).tap();
  await page.waitForURL(/\/en\/emergency\/$/);
  assert.ok(await page.locator('a[href="tel:119"]').isVisible());
  const tokyo = page.locator('details.kn-area-directory', { has: page.locator('summary', { hasText: /^Tokyo$/ }) });
  await tokyo.locator('summary').tap();
  await tokyo.getByRole('link', { name: /^Kokubunji City/ }).tap();
  await page.waitForURL(/\/areas\/132144\/#kn-first$/);
  assert.ok((await page.locator('.kn-call-list a[href^="tel:"]').count()) >= 1);
  await context.close();
});
