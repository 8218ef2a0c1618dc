// The site's readings (issue #22): standard Japanese, やさしい日本語 with ふりがな under
// /easy/, English under /en/. Each page with versions says its language, points at its
// versions with hreflang, and has a switch that keeps the page, its query and its fragment
// (the fragment and query with JavaScript; the page without). ふりがな can be hidden, and
// the choice is remembered. No page shows a catalogue key instead of its text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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
const PAGES = ['', 'emergency/', 'search/', 'guides/emergency/', 'guides/faq/', 'areas/132144/', 'areas/higashi-iburi/', 'catalogue/', 'embed/', 'about/', 'opendata/', 'facilities/kokubunji-tsubasa/'];

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

test('every page of the site has its readings: links from a reading stay in it, none says "(Japanese)"', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(site.url('/en/'));
  const data = page.locator('.kn-site-footer').getByRole('link', { name: /Open data/ });
  assert.equal(new URL(await data.evaluate((a) => a.href)).pathname, '/en/opendata/');
  const about = page.locator('.kn-site-footer').getByRole('link', { name: /About/ });
  assert.equal(new URL(await about.evaluate((a) => a.href)).pathname, '/en/about/');
  assert.equal(await page.locator('.kn-only-japanese').count(), 0, 'no link from the home page leads to Japanese only');
  const search = page.locator('.kn-site-header__nav').getByRole('link', { name: /Search/ });
  assert.equal((await search.innerText()).trim(), 'Search', 'the finder has an English version');
  assert.equal(new URL(await search.evaluate((a) => a.href)).pathname, '/en/search/');
  const guide = page.locator('.kn-guide-list').getByRole('link', { name: /emergency/i }).first();
  assert.match(new URL(await guide.evaluate((a) => a.href)).pathname, /^\/en\/guides\//, 'a guide with an English version links to it');
  // /en/opendata/: the columns in English; file and column names as they are, the
  // standard's Japanese column names marked Japanese.
  await page.goto(site.url('/en/opendata/'));
  await page.getByRole('heading', { level: 1, name: 'Open data' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'facilities.csv', exact: true }).getAttribute('download'), 'facilities.csv');
  const row = page.locator('tr', { has: page.locator('th code', { hasText: /^exact_position$/ }) });
  assert.match(await row.locator('td').innerText(), /^1 = the facility's own position, 0 = the municipal office's position/);
  assert.equal(await page.locator('th[scope="row"] span[lang="ja"]', { hasText: /^法人の名称$/ }).count(), 1);
  const rows = await page.locator('main tbody tr').count();
  await page.goto(site.url('/opendata/'));
  assert.equal(await page.locator('main tbody tr').count(), rows, 'the same columns in both readings');
  await context.close();
});

test('/en/about/ and /easy/about/ credit every source in the reading; the sources\' own words stay as published', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(site.url('/en/about/'));
  await page.getByRole('heading', { level: 1, name: 'About this site' }).waitFor();
  const main = page.locator('main');
  for (const heading of ['Where the information comes from', 'Data on disability welfare providers across Japan', 'Map and municipality data', 'Privacy', 'Please note']) {
    await main.getByRole('heading', { level: 2, name: heading }).waitFor();
  }
  // Publishers and titles as published, marked Japanese; the WAM NET credit names the system.
  const marked = await main.locator('li span[lang="ja"]').allInnerTexts();
  assert.ok(marked.some((t) => t.includes('国分寺市')), marked.join(' | '));
  assert.match(await main.locator('.kn-about__credit').innerText(), /^Source: created by processing the open data of WAM NET/);
  const tiles = main.getByRole('link', { name: 'GSI tiles' });
  assert.equal(await tiles.getAttribute('href'), 'https://maps.gsi.go.jp/development/ichiran.html');
  assert.equal(await tiles.getAttribute('hreflang'), 'ja');
  // The same sources as the standard page, item for item.
  const english = await main.locator('.kn-prose li').count();
  await page.goto(site.url('/about/'));
  assert.equal(await page.locator('main .kn-prose li').count(), english, 'every source listed in English too');
  assert.match(await page.locator('main .kn-about__credit').innerText(), /^出典：障害福祉サービス等情報公表システム（WAM NET）のオープンデータを加工して作成$/);
  await page.goto(site.url('/easy/about/'));
  assert.ok(await page.locator('main h1 ruby, main .kn-prose ruby').count() > 10, 'ふりがな on the easy page');
  assert.equal(await page.locator('main .kn-prose li').count(), english);
  assert.deepEqual(problems, []);
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

test('やさしい日本語 at 360×740: a word and its ふりがな stay on one line, long names wrap, nothing overflows', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  // A guide (地域生活支援拠点等 in a long sentence), a facility with a long name, an area.
  for (const path of ['/easy/guides/emergency/', '/easy/facilities/w2336200015-531a/', '/easy/areas/121002/', '/easy/emergency/']) {
    await page.goto(site.url(path));
    await hydrated(page);
    const split = await page.evaluate(() => [...document.querySelectorAll('ruby:not(.kn-ruby-long)')]
      .filter((r) => r.checkVisibility() && new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size > 1)
      .map((r) => r.textContent));
    assert.deepEqual(split, [], `${path}: words split over two lines`);
    assert.ok(await page.evaluate(() => document.querySelectorAll('ruby').length > 10), `${path} has ふりがな`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(wide <= 0, `${path} scrolls sideways by ${wide} px`);
  }
  // The long name is marked so and wraps on the page's heading rather than overflow.
  await page.goto(site.url('/easy/facilities/w2336200015-531a/'));
  assert.equal(await page.locator('main h1 ruby.kn-ruby-long').count(), 1, 'the facility name is a long ruby');
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
  await page.waitForURL(/\/en\/areas\/132144\/#kn-first$/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.locator('#kn-first').innerText(), 'Whom to contact first');
  const calls = page.locator('.kn-call-list a[href^="tel:"]');
  assert.ok((await calls.count()) >= 2, 'a number nearby and 119');
  // Each number shows its source, in English.
  assert.match(await page.locator('.kn-call-list__item').first().innerText(), /Source: WAM NET open data/);
  await calls.first().scrollIntoViewIfNeeded();
  assert.ok(await calls.first().isVisible());
  await context.close();
});

// The self-check in English and in やさしい日本語: completed by touch on a phone, the
// result, 「まず連絡するところ」 and the 相談メモ in the reading; the memo file is plain text
// (no ふりがな notation). Answers by id, as in screening.test.mjs; carer_health = "crisis"
// flags the most urgent level.
const ANSWERS = {
  carer: 'parent', carer_age: 'under65', carer_health: 'crisis', backup: 'yes', services: 'yes', planner: 'yes',
  short_stay: 'regular', living: 'family', medical: 'no', behaviour: 'no', experience: 'later', area: '132144',
};
const SELF_CHECK = [
  {
    prefix: 'en/', lang: 'en', start: 'Start', prefecture: 'Tokyo', result: 'Your result', level: 'Please consult now',
    onScreen: ['Kokubunji City (国分寺市), Tokyo', 'Ambulance and fire (119)', 'Source:'],
    file: 'consultation-memo.txt',
    memo: ['Consultation memo (pre-registration self-check)', '■ Result\r\nPlease consult now', 'Kokubunji City (国分寺市), Tokyo', 'Tel. 119', '/en/screening/'],
    japaneseUi: ['次へ', 'はじめる', 'チェックの結果', '相談メモ'],
  },
  {
    prefix: 'easy/', lang: 'ja', start: 'はじめる', prefecture: '東京都', result: 'チェックの 結果', level: 'すぐに相談してください',
    onScreen: ['東京都国分寺市', '119'],
    file: 'そうだんメモ.txt',
    memo: ['すぐに相談してください', '東京都国分寺市', '119', '/easy/screening/'],
    japaneseUi: [],
  },
];

for (const r of SELF_CHECK) {
  test(`/${r.prefix}screening/: completed by touch at 360×740, result and 相談メモ in the reading`, async () => {
    const { context, page, problems } = await openPage(browser, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    await page.goto(site.url(`/${r.prefix}screening/`));
    await hydrated(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), r.lang);
    if (r.prefix === 'easy/') {
      assert.ok(await page.locator('.kn-screening__overview-legend ruby').count() > 5, 'questions carry ふりがな');
    } else {
      // The finder has an English version: the link goes there.
      const link = page.locator('a.kn-screening__link');
      assert.equal(new URL(await link.evaluate((a) => a.href)).pathname, '/en/search/');
      assert.doesNotMatch(await page.locator('.kn-screening__overview p:has(a.kn-screening__link)').innerText(), /\(Japanese\)/);
    }
    await page.getByRole('button', { name: r.start, exact: true }).tap();
    for (;;) {
      const q = await page.evaluate(() => document.getElementById('kn-q-area')?.name ?? document.querySelector('.kn-screening__radio')?.name ?? null);
      if (!q) break;
      if (q === 'area') {
        await page.locator('#kn-q-pref').selectOption(r.prefecture);
        await page.locator('#kn-q-area').selectOption(ANSWERS.area);
      } else {
        await page.locator(`label:has(#kn-q-${q}-${ANSWERS[q]})`).tap();
      }
      await page.locator('.kn-screening__next').tap();
    }
    // Text as read without its ふりがな (the readings are `<rt>`, their brackets `<rp>`).
    const plain = (locator) => locator.evaluate((el) => {
      const copy = el.cloneNode(true);
      copy.querySelectorAll('rt, rp').forEach((x) => x.remove());
      return copy.textContent;
    });
    await page.locator('.kn-screening__result h2').waitFor();
    assert.equal(await plain(page.locator('.kn-screening__result h2')), r.result);
    assert.equal(await plain(page.locator('.kn-screening__level-title')), r.level);
    const text = await plain(page.locator('main'));
    for (const needle of r.onScreen) assert.ok(text.includes(needle), `${needle} on the result`);
    for (const word of r.japaneseUi) assert.ok(!text.includes(word), `standard Japanese UI text "${word}" on the ${r.lang} page`);
    assert.doesNotMatch(text, /\[[a-z_]+(\.[a-z_0-9]+)+\]|[｜《》]/, 'a catalogue key or raw ふりがな notation');
    assert.equal(await page.locator('.kn-screening__result a[href="tel:119"]').count(), 1);
    if (r.prefix === 'easy/') {
      assert.ok(await page.locator('.kn-screening__result ruby').count() > 5, 'the result carries ふりがな');
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[download]').tap()]);
    assert.equal(download.suggestedFilename(), r.file);
    const memo = (await readFile(await download.path())).toString('utf8');
    for (const needle of r.memo) assert.ok(memo.includes(needle), `${needle} in the memo:\n${memo}`);
    assert.doesNotMatch(memo, /[｜《》]|\[[a-z_]+\.[a-z_]+\]/, 'the memo is plain text');
    // Printed, the memo stays one page.
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    assert.equal(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length, 1, 'the memo prints on one page');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// The finder in English and in やさしい日本語 (issue #22): typed, chosen and filtered by touch
// at 360×740, its results, cards and map in the reading; places romanised in English.
test('/en/search/: a municipality typed in romaji, an emergency need, English results and cards', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  await page.goto(site.url('/en/search/'));
  await hydrated(page);
  assert.equal(await page.locator('main h1').innerText(), 'Find where to ask for help');
  await page.getByLabel('Your municipality (in Japanese, kana or romaji)').fill('kokubunji');
  await page.getByRole('button', { name: /^Kokubunji City \(国分寺市\)/ }).tap();
  await page.waitForURL(/\/en\/search\/\?area=132144$/);
  assert.equal((await page.locator('.kn-area-picker__chosen').innerText()).trim(), 'Area: Kokubunji City (国分寺市) (Tokyo)');
  const count = page.locator('.kn-finder-results__count');
  await count.waitFor();
  const total = Number((await count.innerText()).match(/^Found (\d+) in Kokubunji City \(国分寺市\)$/)[1]);
  assert.ok(total > 3, `${total} results`);
  await page.getByRole('checkbox', { name: 'In an emergency, I need someone to look after them or to help' }).tap();
  await page.waitForURL(/fn=emergency/);
  const first = page.locator('.kn-search__results .kn-facility-card').first();
  await first.waitFor();
  const text = await first.innerText();
  assert.match(text, /国分寺市 基幹相談支援センター/, 'the name as published');
  assert.match(text, /Kyoten: Core consultation support centre/);
  assert.match(text, /In an emergency: The kyoten's entry point for consultation/);
  assert.equal(await first.locator('.kn-facility-card__link').getAttribute('lang'), 'ja');
  // Whom to call first: the area's page in English.
  const calls = page.getByRole('link', { name: 'Kokubunji City (国分寺市): whom to contact first (phone numbers)' });
  assert.equal(new URL(await calls.evaluate((a) => a.href)).pathname, '/en/areas/132144/');
  // The map speaks English too.
  assert.ok(await page.getByRole('heading', { name: 'Map', exact: true }).count() === 1);
  assert.ok(await page.getByRole('button', { name: 'Move the map with one finger' }).count() === 1);
  assert.doesNotMatch(await page.locator('main').innerText(), /\[[a-z_]+(\.[a-z_0-9]+)+\]/, 'no catalogue key');
  assert.deepEqual(problems, []);
  await context.close();
});

test('/easy/search/: the form and the results carry ふりがな; nothing matches is said plainly', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  // The text without its ふりがな (<rt>, <rp>).
  const plain = (locator) => locator.evaluate((e) => {
    const c = e.cloneNode(true);
    c.querySelectorAll('rt, rp').forEach((r) => r.remove());
    return c.textContent.trim();
  });
  await page.goto(site.url('/easy/search/?area=132144&q=zzzz'));
  await hydrated(page);
  assert.ok(await page.locator('.kn-finder-form ruby rt').count() > 5, 'the form has ふりがな');
  const empty = page.locator('.kn-finder-results__empty');
  await empty.waitFor();
  assert.match(await plain(empty), /国分寺市には、この 条件に あう ところが ありませんでした/);
  const widen = empty.locator('button[data-kn-action="widen"]');
  assert.equal(await plain(widen), '名前・住所の 条件を はずす');
  await widen.tap();
  const count = page.locator('.kn-finder-results__count');
  await count.waitFor();
  assert.match(await plain(count), /^国分寺市で \d+件 ありました$/);
  assert.equal(new URL(await page.locator('.kn-finder-results__area-link').evaluate((a) => a.href)).pathname, '/easy/areas/132144/');
  assert.deepEqual(problems, []);
  await context.close();
});

// The 好事例集's comparison in English and in やさしい日本語: the filters narrow it and the
// count names the conditions in the reading (the island takes its words as props); the
// document's words stay Japanese, marked so on the English page; area pages link to it.
const CATALOGUE = [
  {
    prefix: 'en/', lang: 'en', heading: 'Good practices: 25 municipalities and regions', type: 'Development type',
    count: /^Showing 6 of 25 \(conditions: development type: Combined type\)$/, kashiwa: 'Kashiwa City',
    area: 'Compare the municipalities and regions of the same type (Area network type)',
  },
  {
    prefix: 'easy/', lang: 'ja', heading: 'よい 例（好事例集） 25の 市や 町など', type: '整備類型（拠点の つくり方）',
    count: /^25の うち 6を 見せて います（条件：整備類型：併用整備型）$/, kashiwa: '柏市',
    area: 'おなじ 面的整備型の 市や 町などを くらべる',
  },
];

for (const r of CATALOGUE) {
  test(`/${r.prefix}catalogue/: filtered in the reading, the document quoted as published`, async () => {
    const { context, page, problems } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    // Text as read without its ふりがな.
    const plain = (locator) => locator.evaluate((el) => {
      const copy = el.cloneNode(true);
      copy.querySelectorAll('rt, rp').forEach((x) => x.remove());
      return copy.textContent.trim();
    });
    await page.goto(site.url(`/${r.prefix}areas/121002/`));
    await hydrated(page);
    const link = page.locator(`a[href="/${r.prefix}catalogue/?type=area"]`);
    assert.equal(await plain(link), r.area);
    await link.click();
    await page.waitForURL(new RegExp(`/${r.prefix}catalogue/\\?type=area$`));
    await hydrated(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), r.lang);
    assert.equal(await plain(page.locator('main h1')), r.heading);
    const rows = () => page.locator('#kn-catalogue-rows > tr:not([hidden])').count();
    for (let i = 0; i < 100 && (await rows()) !== 16; i++) await new Promise((res) => setTimeout(res, 50));
    assert.equal(await rows(), 16, 'the query from the area page narrows the table');
    // The area page's query may already have opened the further filters; open them only if closed.
    if (!(await page.locator('details.kn-catalogue-filter__more').evaluate((d) => d.open))) await page.locator('summary.kn-catalogue-filter__summary').click();
    await page.locator('#kn-filter-type').selectOption('combined');
    for (let i = 0; i < 100 && (await rows()) !== 6; i++) await new Promise((res) => setTimeout(res, 50));
    assert.equal(await rows(), 6);
    assert.match(await plain(page.getByRole('status')), r.count);
    assert.equal(await plain(page.locator('label[for="kn-filter-type"]')), r.type);
    assert.ok(await page.locator('#kn-catalogue-rows').getByRole('link', { name: new RegExp(`^${r.kashiwa}`) }).isVisible());
    const text = await plain(page.locator('main'));
    assert.doesNotMatch(text, /\[[a-z_]+(\.[a-z_0-9]+)+\]|[｜《》]/, 'a catalogue key or raw ふりがな notation');
    if (r.prefix === 'en/') {
      for (const word of ['件を表示', '掲載自治体等の比較', '条件をすべて解除']) assert.ok(!text.includes(word), `standard Japanese UI text "${word}"`);
      assert.equal(await page.locator('.kn-practice__title[lang="ja"]').count(), await page.locator('.kn-practice__title').count(), 'practice titles marked Japanese');
    } else {
      assert.ok((await page.locator('main ruby').count()) > 100, 'ふりがな throughout');
      assert.ok((await page.getByRole('status').locator('ruby').count()) > 0, 'the count carries ふりがな');
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// An area page in English and in やさしい日本語 is the whole standard page in the reading
// (issue #22): from the area, by touch at 360×740, a facility card leads to the facility's
// page in the same reading with every row; the correction link leads to the form on the
// standard page; ふりがな can be hidden on the area page like on every やさしい日本語 page.
test('/en/areas/121002/ and /easy/areas/121002/: every part in the reading, cards and the correction link', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  await page.goto(site.url('/en/areas/121002/'));
  await hydrated(page);
  const headings = await page.locator('main h2').allInnerTexts();
  for (const h of ['Whom to contact first', 'Pre-registration', 'State of the five functions', 'Kyoten and providers in this area', 'In the good-practice collection (No. 7)', 'Open data', 'Corrections']) {
    assert.ok(headings.includes(h), `heading "${h}" in ${JSON.stringify(headings)}`);
  }
  assert.equal(await page.locator('.kn-status-grid tbody tr').count(), 5);
  assert.equal(await page.getByRole('img', { name: /^Map of Chiba City\. The dots are where/ }).count(), 1);
  const cards = page.locator('section[aria-labelledby="kn-facilities"] .kn-facility-card');
  assert.equal(await cards.count(), 70, 'the standard page lists 70');
  const main = await page.locator('main').innerText();
  for (const word of ['5つの機能の整備状況', 'この地域の拠点・事業所', 'オープンデータの説明', '確認をお願いしたい掲載']) assert.ok(!main.includes(word), `standard Japanese UI text "${word}"`);
  // A provider's card → its English page, with the rows the standard page has.
  const card = page.locator('section[aria-labelledby="kn-facilities"] .kn-facility-card').filter({ hasText: 'Registered disability welfare service provider' }).first();
  await card.locator('a.kn-facility-card__link').tap();
  await page.waitForURL(/\/en\/facilities\/[^/]+\/$/);
  const rows = await page.locator('.kn-summary-list dt').allInnerTexts();
  for (const dt of ['Phone', 'Address', 'Operating organisation', 'Service types', 'Position on the map']) assert.ok(rows.includes(dt), `row "${dt}" in ${JSON.stringify(rows)}`);
  await page.goBack();
  // The correction form is on the standard page.
  await page.getByRole('link', { name: 'Ask for a correction on the Japanese page' }).tap();
  await page.waitForURL(/\/areas\/121002\/#kn-correction$/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  assert.equal(await page.locator('#kn-correction').count(), 1);
  // やさしい日本語: the same parts with ふりがな, which the reader can hide.
  await page.goto(site.url('/easy/areas/121002/'));
  await hydrated(page);
  assert.equal(await page.locator('section[aria-labelledby="kn-facilities"] .kn-facility-card').count(), 70);
  const status = page.locator('#kn-status');
  assert.ok((await status.locator('rt').count()) > 0, 'the heading carries ふりがな');
  const rt = status.locator('rt').first();
  assert.ok(await rt.isVisible());
  await page.getByRole('button', { name: 'ふりがな' }).tap();
  assert.ok(!(await rt.isVisible()), 'ふりがな hidden');
  await page.getByRole('button', { name: 'ふりがな' }).tap();
  assert.deepEqual(problems, []);
  await context.close();
});
