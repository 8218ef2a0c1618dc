// Issue #4: the finder answers 「どこに相談」 — area search as people type it, filters,
// the whole state in the URL, no dead ends, keyboard and no-JavaScript paths.
// Issue #11: real WAM NET facilities everywhere, never confused with 拠点 bodies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, hydrated, axe, DIST } from './harness.mjs';

let browser, site;
before(async () => { browser = await launch(); site = await serve(DIST, '/'); });
after(async () => { await browser?.close(); await site?.close(); });

async function finder(path = '/search/') {
  const opened = await openPage(browser);
  await opened.page.goto(site.url(path));
  await hydrated(opened.page);
  return opened;
}

const count = (page) => page.locator('.kn-finder-results__count').innerText();

for (const typed of ['こくぶんじ', '国分寺', 'ｺｸﾌﾞﾝｼﾞ', 'Kokubunji']) {
  test(`typing 「${typed}」 finds 国分寺市`, async () => {
    const { context, page, problems } = await finder();
    await page.getByLabel('お住まいの市区町村').fill(typed);
    await page.getByRole('button', { name: /^国分寺市/ }).click();
    await page.waitForURL(/area=132144/);
    assert.match(await count(page), /国分寺市で\d+件見つかりました/);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a municipality absent from the seeds lists its real short-stay facilities with phone numbers', async () => {
  const { context, page } = await finder('/search/?area=141526');
  await page.locator('.kn-finder-results__count').waitFor();
  assert.match(await count(page), /相模原市中央区で(\d+)件見つかりました/);
  const first = page.locator('.kn-search__results .kn-facility-list .kn-facility-card').first();
  assert.match(await first.innerText(), /障害福祉サービス事業所（短期入所/);
  assert.match(await first.getByRole('link', { name: /^電話/ }).getAttribute('href'), /^tel:0\d{9,10}$/);
  await context.close();
});

test('国分寺市 shows its 拠点 bodies first, clearly apart from WAM NET facilities', async () => {
  const { context, page } = await finder('/search/?area=132144');
  await page.locator('.kn-finder-results__count').waitFor();
  const cards = page.locator('.kn-search__results .kn-facility-list .kn-facility-card');
  assert.match(await cards.first().innerText(), /拠点・基幹相談支援センター/);
  const texts = await cards.allInnerTexts();
  assert.ok(texts.some((t) => t.includes('障害福祉サービス事業所')), texts.join('\n---\n'));
  await page.getByText('障害の種類・年齢・そのほかの条件').click();
  await page.getByLabel('拠点に位置付けられた相談先だけ').check();
  await page.waitForURL(/kyoten=1/);
  for (const t of await cards.allInnerTexts()) assert.match(t, /拠点・/);
  await context.close();
});

test('each filter narrows the results and lives in the URL', async () => {
  const { context, page } = await finder('/search/?area=141526');
  await page.locator('.kn-finder-results__count').waitFor();
  const total = Number((await count(page)).match(/(\d+)件/)[1]);
  await page.getByLabel('相談したい').check();
  await page.waitForURL(/fn=consultation/);
  const consult = Number((await count(page).catch(() => '0件')).match(/(\d+)件/)?.[1] ?? 0);
  assert.ok(consult < total, `${consult} < ${total}`);
  await page.getByText('障害の種類・年齢・そのほかの条件').click();
  await page.getByLabel('24時間連絡できる（地域定着支援を含む）').check();
  await page.waitForURL(/h24=1/);
  await page.getByLabel('名前・住所・法人名で絞り込む').fill('zzzz存在しない');
  await page.waitForURL(/q=/);
  assert.ok(await page.getByText('この条件に合う相談先は見つかりませんでした').isVisible());
  await context.close();
});

test('filters say what the data knows: 対象 split and counted, a condition that narrows nothing named', async () => {
  const { context, page } = await finder('/search/?area=132144');
  await page.locator('.kn-finder-results__count').waitFor();
  const total = Number((await count(page)).match(/(\d+)件/)[1]);
  await page.goto(site.url('/search/?area=132144&dis=intellectual&age=adult'));
  await hydrated(page);
  await page.locator('.kn-finder-results__count').waitFor();
  // No source gives any facility's 対象: nothing is confirmed, nothing is dropped, and it is said.
  assert.equal(
    await count(page),
    `国分寺市で${total}件見つかりました（対象として確認できるところ0件、対象は事業所に確認が必要なところ${total}件）`,
  );
  assert.ok(await page.getByRole('heading', { name: `対象は事業所に確認が必要なところ（${total}件）` }).isVisible());
  assert.match(await page.locator('.kn-finder-results__unchanged').innerText(), /「障害の種類・年齢」の条件では、件数は変わりませんでした/);
  const note = page.locator('.kn-facility-card__note').first();
  assert.equal(await note.evaluate((e) => getComputedStyle(e).fontSize), '16px', 'the caveat is body text');
  await context.close();
});

test('緊急時 keeps the 拠点 entry point on top, says each result’s basis, and the area’s call list is one tap away', async () => {
  const { context, page } = await finder('/search/?area=132144&fn=emergency');
  await page.locator('.kn-finder-results__count').waitFor();
  const cards = page.locator('.kn-search__results .kn-facility-list .kn-facility-card');
  assert.match(await cards.first().innerText(), /国分寺市 基幹相談支援センター[\s\S]*緊急時：拠点の相談の入口です/);
  for (const t of await cards.allInnerTexts()) {
    assert.match(t, /緊急時：.*（(市区町村の資料|サービス種別)から）/, t);
    assert.doesNotMatch(t, /地域定着支援）/, '地域定着支援 alone is ①, not ②');
  }
  assert.equal(await page.locator('.kn-finder-results__unchanged').count(), 0);
  // Each card starts with its name, no blank band above it (the hidden 「地図で選んだ相談先」
  // before the name once gave it a heading's top margin).
  const gaps = await cards.evaluateAll((cs) => cs.map((c) => Math.round(c.querySelector('.kn-facility-card__name').getBoundingClientRect().top - c.getBoundingClientRect().top)));
  assert.ok(gaps.every((g) => g <= 24), `space above the names: ${gaps.join(', ')} px`);
  await page.getByRole('link', { name: '国分寺市で、まず連絡するところ（電話番号）を見る' }).click();
  await page.waitForURL(/\/areas\/132144\/#kn-first$/);
  assert.ok(await page.locator('#kn-first').isVisible());
  await context.close();
});

test('URL round trip: reload restores the search and the back button returns', async () => {
  const { context, page } = await finder('/search/?area=132144&fn=emergency');
  await page.locator('.kn-finder-results__count').waitFor();
  const before = await count(page);
  assert.ok(await page.getByLabel('緊急時に預けたい・助けてほしい').isChecked());
  await page.reload();
  await hydrated(page);
  await page.locator('.kn-finder-results__count').waitFor();
  assert.equal(await count(page), before);
  await page.locator('.kn-search__results .kn-facility-list .kn-facility-card a.kn-facility-card__link').first().click();
  await page.waitForURL(/\/facilities\//);
  await page.goBack();
  await page.waitForURL(/area=132144&fn=emergency/);
  await page.locator('.kn-finder-results__count').waitFor();
  assert.equal(await count(page), before);
  await context.close();
});

test('no result is never a dead end: where to ask, and one tap widens', async () => {
  const { context, page } = await finder('/search/?area=132144&q=zzzz');
  await page.getByText('この条件に合う相談先は見つかりませんでした').waitFor();
  assert.ok(await page.getByRole('link', { name: '国分寺市の相談先を見る' }).isVisible());
  await page.getByRole('button', { name: '名前・住所の条件を外す' }).click();
  await page.waitForURL((u) => !u.search.includes('q='));
  assert.match(await count(page), /国分寺市で\d+件/);
  await context.close();
});

test('a bad URL parameter gets a helpful message, never a blank page', async () => {
  const { context, page } = await finder('/search/?area=999999&fn=flying');
  // The unknown area is known to be unknown once the area index has loaded: wait for it.
  await page.getByText('という市区町村は見つかりませんでした').waitFor({ timeout: 10000 });
  assert.ok(await page.getByText('使えないものがあったので外しました').isVisible());
  assert.ok(await page.getByRole('button', { name: '市区町村を選び直す' }).isVisible());
  await context.close();
});

test('keyboard only: from home to a facility phone number', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(site.url('/'));
  await hydrated(page);
  const tabTo = async (predicate, limit = 80) => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(predicate)) return;
    }
    throw new Error('never reached');
  };
  await tabTo(() => document.activeElement?.textContent?.trim() === 'さがす' && document.activeElement.tagName === 'A');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\/$/);
  await tabTo(() => document.activeElement?.id === 'kn-area-input');
  await page.keyboard.type('kokubunji');
  // The suggestions appear as the reader types; Tab then reaches the first one (not the
  // start page's list below, where 「国分寺市 基幹相談支援センター」 also begins with the name).
  await page.getByRole('button', { name: /^国分寺市/ }).first().waitFor();
  await tabTo(() => document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent?.startsWith('国分寺市'));
  await page.keyboard.press('Enter');
  await page.waitForURL(/area=132144/);
  await tabTo(() => document.activeElement?.getAttribute('href')?.startsWith('tel:'), 120);
  assert.match(await page.evaluate(() => document.activeElement.getAttribute('href')), /^tel:0\d+/);
  await context.close();
});

test('without JavaScript the finder lists 拠点 bodies and leads through the municipality directory to phone numbers', async () => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  await page.goto(site.url('/search/'));
  assert.ok(await page.getByRole('heading', { name: '資料で拠点に位置付けられている相談先' }).isVisible());
  assert.ok(await page.getByRole('link', { name: '国分寺市 基幹相談支援センター' }).isVisible());
  // A static host answers every query with this same page: the form, which could not search,
  // is hidden and the notice says where to go instead.
  assert.equal(await page.locator('form[role=search]').isVisible(), false, 'no form that cannot search');
  const notice = page.locator('.kn-search__no-script');
  assert.match(await notice.innerText(), /JavaScript が使えないときは/);
  await notice.getByRole('link', { name: '都道府県・市区町村から選ぶ', exact: true }).click();
  assert.match(page.url(), /#kn-area-directory$/);
  await page.getByText('東京都', { exact: true }).click();
  await page.getByRole('link', { name: '国分寺市', exact: true }).click();
  await page.waitForURL(/\/areas\/132144\/$/);
  assert.ok(await page.getByRole('heading', { level: 1, name: '国分寺市' }).isVisible());
  assert.ok(await page.locator('a[href^="tel:"]').count() > 0, 'the area page gives phone numbers');
  await context.close();
});

test('with JavaScript the notice for browsers without it is not shown', async () => {
  const { context, page } = await finder('/search/');
  assert.equal(await page.locator('.kn-search__no-script').count(), 0);
  assert.ok(await page.locator('form[role=search]').isVisible());
  await context.close();
});

test('a plain form submission with a typed place is resolved once the page loads', async () => {
  const { context, page } = await finder('/search/?where=%E5%9B%BD%E5%88%86%E5%AF%BA');
  await page.waitForURL(/area=132144/);
  assert.match(await count(page), /国分寺市/);
  await context.close();
});

test('「近くを探す」 chooses the nearest municipality; halls and rows are fetched only as needed', async () => {
  // By 国分寺市役所 (issue #7: positions.json only for this button, rows only for the chosen area).
  const { context, page, problems } = await openPage(browser, { geolocation: { latitude: 35.7108, longitude: 139.4622 }, permissions: ['geolocation'] });
  const data = [];
  page.on('request', (r) => { if (r.url().includes('/search/')) data.push(new URL(r.url()).pathname.replace(/^.*\/search\//, '')); });
  await page.goto(site.url('/search/'));
  await hydrated(page);
  await page.waitForTimeout(300);
  assert.deepEqual(data.filter((d) => d.endsWith('.json')), ['areas.json']);
  await page.getByRole('button', { name: /^近くを探す/ }).click();
  await page.waitForURL(/area=132144/);
  await page.locator('.kn-finder-results__count').waitFor();
  assert.match(await count(page), /国分寺市で\d+件見つかりました/);
  assert.match(await page.locator('.kn-facility-list .kn-facility-card').first().innerText(), /約\d+\.\dkm/);
  assert.deepEqual(data.filter((d) => d.endsWith('.json')), ['areas.json', 'positions.json', 'rows/132144.json']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a city and its wards share one row file, fetched once and kept for the visit', async () => {
  const { context, page, problems } = await openPage(browser);
  const rows = [];
  page.on('request', (r) => { const m = r.url().match(/\/search\/rows\/(\w+)\.json$/); if (m) rows.push(m[1]); });
  await page.goto(site.url('/search/?area=141500')); // 相模原市: its three wards
  await hydrated(page);
  await page.locator('.kn-finder-results__count').waitFor();
  const city = Number((await count(page)).match(/相模原市で(\d+)件見つかりました/)[1]);
  assert.deepEqual(rows, ['141500']);
  await page.getByRole('button', { name: '地域を変える' }).click();
  await page.getByLabel('お住まいの市区町村').fill('相模原市中央区');
  await page.getByRole('button', { name: /^相模原市中央区/ }).click();
  await page.waitForURL(/area=141526/);
  const ward = Number((await count(page)).match(/相模原市中央区で(\d+)件見つかりました/)[1]);
  assert.ok(ward > 0 && ward < city, `only the ward's rows: ${ward} of ${city}`);
  assert.deepEqual(rows, ['141500'], 'the ward\'s rows came from memory');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the finder has no accessibility violations, with and without results', async () => {
  for (const [path, viewport] of [['/search/', { width: 360, height: 740 }], ['/search/?area=132144', { width: 1280, height: 900 }], ['/search/?area=132144&q=zzzz', { width: 360, height: 740 }]]) {
    const { context, page } = await openPage(browser, { viewport });
    await page.goto(site.url(path));
    await hydrated(page);
    await page.waitForTimeout(500);
    assert.deepEqual(await axe(page), [], path);
    await context.close();
  }
});

/** Open `path` with the wasm held back until `release()` (a slow phone's first visit). */
async function slowFinder(path) {
  const opened = await openPage(browser, { hasTouch: true, isMobile: true });
  let release;
  const held = new Promise((ok) => { release = ok; });
  await opened.context.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
  await opened.page.goto(site.url(path));
  return { ...opened, release };
}

test('before the wasm arrives the chosen area and its call list are there, and what is typed is kept', async () => {
  const { context, page, release, problems } = await slowFinder('/search/?area=132144');
  const early = page.getByRole('link', { name: '国分寺市で、まず連絡するところ（電話番号）を見る' });
  await early.waitFor();
  assert.equal(await early.getAttribute('href'), '/areas/132144/#kn-first');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.hydrated), undefined, 'still waiting for the wasm');
  release();
  await hydrated(page);
  assert.match(await count(page), /国分寺市で\d+件見つかりました/);
  assert.equal(await page.locator('.kn-search__early').count(), 0, 'the early note gives way to the results');
  assert.deepEqual(problems, []);
  await context.close();

  const slow = await slowFinder('/search/');
  await slow.page.getByLabel('お住まいの市区町村（ひらがな・ローマ字でも）').fill('こくぶんじ');
  slow.release();
  await hydrated(slow.page);
  assert.equal(await slow.page.getByLabel('お住まいの市区町村（ひらがな・ローマ字でも）').inputValue(), 'こくぶんじ');
  await slow.page.getByRole('button', { name: /^国分寺市/ }).click();
  await slow.page.waitForURL(/area=132144/);
  await slow.context.close();
});
