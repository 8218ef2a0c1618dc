// Issue #4: the finder's map. Drawn by the app from its own boundary data (offline, no tile
// server), pins and clusters as keyboard buttons, list and map sharing the selection, the
// optional GSI tiles only after the toggle (with 「地理院タイル」 shown), credits, no
// accessibility violations. The list stays the primary view; the map is never the only way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, hydrated, axe, DIST } from './harness.mjs';

let browser, site;
before(async () => { browser = await launch(); site = await serve(DIST, '/'); });
after(async () => { await browser?.close(); await site?.close(); });

const AREA = '/search/?area=141526'; // 相模原市中央区: WAM NET facilities only, none in the seeds
const GSI = /^https:\/\/cyberjapandata\.gsi\.go\.jp\//;
// A 1×1 transparent PNG, so that no test needs the real network.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** Open the finder for AREA, answering (and counting) any GSI tile request locally. */
async function mapPage(options = {}) {
  const opened = await openPage(browser, options);
  const tiles = [];
  await opened.context.route(GSI, (route) => { tiles.push(route.request().url()); return route.fulfill({ status: 200, contentType: 'image/png', body: PNG }); });
  await opened.page.goto(site.url(AREA));
  await hydrated(opened.page);
  const map = opened.page.getByRole('group', { name: '相談先の地図' });
  await map.waitFor();
  await opened.page.locator('.kn-finder-map__svg [role=button]').first().waitFor();
  // The view is fitted again once the chosen area's outline arrives: start from there.
  await opened.page.locator('.kn-finder-map__municipality--chosen').first().waitFor({ state: 'attached' });
  return { ...opened, map, tiles };
}

const isCluster = (name) => /^\d+件$/.test(name);
const viewBox = (page) => page.locator('.kn-finder-map__svg').getAttribute('viewBox').then((v) => v.split(' ').map(Number));

/** The first facility pin, zooming into clusters (by clicking them) until one shows. */
async function firstPin(page, map) {
  for (let i = 0; i < 12; i++) {
    const buttons = map.getByRole('button');
    const names = await buttons.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    const pin = names.findIndex((n) => !isCluster(n));
    if (pin >= 0) return { pin: buttons.nth(pin), name: names[pin] };
    await buttons.first().click();
    await page.waitForTimeout(100);
  }
  throw new Error('no pin after zooming in');
}

/** The list card whose title link is `name` (a pin's name may add 「（おおよその位置）」). */
const cardOf = (page, name) => page.locator('.kn-search__results .kn-facility-list .kn-facility-card', {
  has: page.getByRole('link', { name: name.replace(/（おおよその位置）$/, ''), exact: true }),
});

test('the map appears after choosing an area, with pins or clusters, and credits its data', async () => {
  const { context, page, map, problems } = await mapPage();
  const names = await map.getByRole('button').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  assert.ok(names.length > 0, 'pins or clusters');
  for (const n of names) assert.ok(n.length > 0, 'every pin and cluster has a name');
  assert.ok(names.some(isCluster) || names.length > 1, names.join(', '));
  // Outlines drawn from the site's own boundary data.
  await page.locator('.kn-finder-map__prefecture').first().waitFor({ state: 'attached' });
  await page.locator('.kn-finder-map__municipality--chosen').first().waitFor({ state: 'attached' });
  assert.ok(await page.getByText('出典：国土数値情報（行政区域データ）（国土交通省）を加工して作成').isVisible());
  // The list is still there, and first.
  assert.match(await page.locator('.kn-finder-results__count').innerText(), /相模原市中央区で\d+件見つかりました/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('clicking a pin highlights its card in the list (pin → list)', async () => {
  const { context, page, map, problems } = await mapPage({ viewport: { width: 1280, height: 900 } });
  const { pin, name } = await firstPin(page, map);
  await pin.click();
  assert.equal(await pin.getAttribute('aria-current'), 'true');
  const card = cardOf(page, name);
  await card.locator('.kn-facility-card__selected').waitFor();
  assert.match(await card.getAttribute('class'), /kn-facility-card--selected/);
  assert.match(await card.innerText(), /地図で選んだ相談先/);
  await page.waitForTimeout(600); // smooth scrolling
  assert.ok(await card.evaluate((el) => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }), 'the card is scrolled into view');
  assert.equal(await page.locator('.kn-facility-card--selected').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a card’s 「地図で見る」 shows, highlights and focuses its pin (list → map)', async () => {
  const { context, page, problems } = await mapPage();
  const card = page.locator('.kn-search__results .kn-facility-list .kn-facility-card').nth(2);
  const id = await card.getAttribute('data-id');
  const name = await card.getByRole('heading').innerText();
  await card.getByRole('button', { name: /^地図で見る/ }).click();
  const pin = page.locator(`.kn-finder-map__pin[data-id="${id}"]`);
  await pin.waitFor();
  assert.equal(await pin.getAttribute('role'), 'button');
  assert.match(await pin.getAttribute('aria-label'), new RegExp(`^${name.replace(/[()（）]/g, '.')}`));
  assert.equal(await pin.getAttribute('aria-current'), 'true');
  assert.match(await pin.getAttribute('class'), /kn-finder-map__pin--selected/);
  await page.waitForFunction((id) => document.activeElement?.dataset?.id === id, id);
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard: Tab reaches a pin, Enter selects it; clusters zoom in on Enter', async () => {
  const { context, page, map, problems } = await mapPage();
  await map.focus();
  let name = '';
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    name = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    assert.ok(await page.evaluate(() => Boolean(document.activeElement?.closest('.kn-finder-map__frame'))), 'focus stays in the map');
    if (!isCluster(name)) break;
    await page.keyboard.press('Enter'); // zooms in; the map itself takes the focus
    await page.waitForFunction(() => document.activeElement?.classList.contains('kn-finder-map__frame'));
  }
  assert.ok(name && !isCluster(name), 'reached a facility pin');
  await page.keyboard.press('Enter');
  await cardOf(page, name).locator('.kn-facility-card__selected').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-current')), 'true');
  assert.match(await page.getByRole('status').filter({ hasText: '選びました' }).innerText(), /一覧で強調しています/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('＋/− buttons, the + and − keys and the arrows change the view', async () => {
  const { context, page, map, problems } = await mapPage();
  const start = await viewBox(page);
  await page.getByRole('button', { name: '＋ 拡大' }).click();
  const closer = await viewBox(page);
  assert.ok(Math.abs(closer[2] - start[2] / 2) < 1, `${start} → ${closer}`);
  await page.getByRole('button', { name: '− 縮小' }).click();
  assert.ok(Math.abs((await viewBox(page))[2] - start[2]) < 1);
  await map.focus();
  await page.keyboard.press('+');
  assert.ok((await viewBox(page))[2] < start[2] * 0.6);
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  assert.ok((await viewBox(page))[2] > start[2] * 1.5);
  const before = await viewBox(page);
  await page.keyboard.press('ArrowRight');
  const after = await viewBox(page);
  assert.ok(after[0] > before[0] && after[1] === before[1], `${before} → ${after}`);
  await page.getByRole('button', { name: 'はじめの表示' }).click();
  assert.deepEqual(await viewBox(page), start);
  // Dragging pans.
  const box = await page.locator('.kn-finder-map__svg').boundingBox();
  await page.mouse.move(box.x + 60, box.y + 60);
  await page.mouse.down();
  await page.mouse.move(box.x + 160, box.y + 100, { steps: 5 });
  await page.mouse.up();
  const dragged = await viewBox(page);
  assert.ok(dragged[0] < start[0] && dragged[1] < start[1], `${start} → ${dragged}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('no request to cyberjapandata.gsi.go.jp until the background is switched on; 「地理院タイル」 shows with it', async () => {
  const { context, page, map, tiles, problems } = await mapPage();
  const seen = [];
  page.on('request', (r) => { if (GSI.test(r.url())) seen.push(r.url()); });
  await page.getByRole('button', { name: '＋ 拡大' }).click();
  await map.focus();
  await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(300);
  assert.deepEqual([...tiles, ...seen], [], 'no tile before the toggle');
  assert.equal(await page.getByRole('link', { name: '地理院タイル' }).count(), 0);
  await page.getByLabel('背景に国土地理院の地図（淡色地図）を表示する').check();
  await page.waitForFunction(() => document.querySelectorAll('.kn-finder-map__tiles image').length > 0);
  await page.waitForTimeout(300);
  assert.ok(tiles.length > 0, 'tiles requested once switched on');
  for (const t of tiles) assert.match(t, /^https:\/\/cyberjapandata\.gsi\.go\.jp\/xyz\/pale\/\d+\/\d+\/\d+\.png$/);
  const credit = page.getByRole('link', { name: '地理院タイル' });
  assert.ok(await credit.isVisible());
  assert.equal(await credit.getAttribute('href'), 'https://maps.gsi.go.jp/development/ichiran.html');
  await page.getByLabel('背景に国土地理院の地図（淡色地図）を表示する').uncheck();
  assert.equal(await page.locator('.kn-finder-map__tiles image').count(), 0);
  assert.equal(await credit.count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('with nothing found there is no map, only the way on', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(site.url(`${AREA}&q=zzzz`));
  await hydrated(page);
  await page.getByText('この条件に合う相談先は見つかりませんでした').waitFor();
  assert.equal(await page.getByRole('group', { name: '相談先の地図' }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the map only exists after hydration: the pre-rendered page and no-JavaScript view have none', async () => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  await page.goto(site.url(AREA));
  assert.equal(await page.locator('.kn-finder-map').count(), 0);
  assert.ok(await page.getByRole('heading', { name: '都道府県・市区町村から選ぶ' }).isVisible());
  await context.close();
});

test('/about/ credits the boundary data and the GSI tiles', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(site.url('/about/'));
  assert.ok(await page.getByText('出典：国土数値情報（行政区域データ）（国土交通省）を加工して作成', { exact: false }).isVisible());
  assert.equal(await page.getByRole('link', { name: '地理院タイル' }).getAttribute('href'), 'https://maps.gsi.go.jp/development/ichiran.html');
  await context.close();
});

test('the finder with its map has no accessibility violations on a phone and a desktop', async () => {
  for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 900 }]) {
    const { context, page, problems } = await mapPage({ viewport });
    await page.waitForTimeout(300);
    assert.deepEqual(await axe(page), [], `${viewport.width}×${viewport.height}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

/** A one-finger swipe of 200 px downwards from (x, y), as real touch input (the browser's
 *  own scrolling and `touch-action` apply). */
async function swipeDown(cdp, x, y) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= 10; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y + 20 * i }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

test('on a touch screen one finger scrolls the page over the map; 「指1本で地図を動かす」 gives it to the map', async () => {
  const { context, page, map } = await mapPage({ hasTouch: true, isMobile: true });
  const cdp = await context.newCDPSession(page);
  const centre = async () => {
    await map.scrollIntoViewIfNeeded();
    const box = await map.boundingBox();
    return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 3)];
  };
  let [x, y] = await centre();
  const before = { scroll: await page.evaluate(() => scrollY), view: await viewBox(page) };
  await swipeDown(cdp, x, y);
  await page.waitForTimeout(300);
  const after = { scroll: await page.evaluate(() => scrollY), view: await viewBox(page) };
  assert.ok(after.scroll < before.scroll - 100, `the page scrolled: ${before.scroll} → ${after.scroll}`);
  assert.deepEqual(after.view, before.view, 'the map did not move');

  const toggle = page.getByRole('button', { name: '指1本で地図を動かす' });
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  [x, y] = await centre();
  const scroll = await page.evaluate(() => scrollY);
  const view = await viewBox(page);
  await swipeDown(cdp, x, y);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => scrollY), scroll, 'the page stayed');
  assert.notDeepEqual(await viewBox(page), view, 'the map moved');
  // The list is one tap away from the map.
  await page.getByRole('button', { name: '一覧にもどる' }).click();
  await page.waitForFunction(() => {
    const r = document.getElementById('kn-results-heading').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  await context.close();
});
