// Issue #8: widgets for municipal websites. A host page on another origin (another port on
// 127.0.0.1) embeds them through embed.js: each widget loads, its frame's height follows its
// content, several coexist, the plain iframe works without the loader, messages from
// anyone but the widget's own frame are ignored, bad options show a message, nothing logs
// an error on either side; the generator's snippet works when pasted; a base path works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { serve, launch, openPage, hydrated, axe, DIST, DIST_SUB } from './harness.mjs';

let browser, site, sub, host, foreign;

/** A server for HTML written by the tests: `put(path, html)` then `url(path)`. */
async function htmlServer() {
  const pages = new Map();
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/favicon.ico') { res.writeHead(204); return res.end(); }
    const html = pages.get(path);
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    put: (path, body) => { pages.set(path, `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>市のホームページ</title></head><body><h1>市のホームページ</h1>${body}</body></html>`); return origin + path; },
    close: () => new Promise((ok) => server.close(ok)),
  };
}

before(async () => {
  browser = await launch();
  site = await serve(DIST, '/');
  sub = await serve(DIST_SUB, '/kyoten/navi/');
  host = await htmlServer();
  foreign = await htmlServer();
});
after(async () => {
  await browser?.close();
  for (const s of [site, sub, host, foreign]) await s?.close();
});

/** Open a host page; problems from the page and from every frame in it are collected. */
async function openHost(body, viewport = { width: 360, height: 740 }) {
  const opened = await openPage(browser, { viewport });
  await opened.page.goto(host.put(`/p${Math.random().toString(36).slice(2)}.html`, body));
  return opened;
}

/** The widget frame of an iframe element, once its wasm has hydrated it. */
async function widget(page, iframe) {
  await iframe.scrollIntoViewIfNeeded();
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.waitForFunction(() => document.documentElement.dataset.hydrated === 'true', null, { timeout: 20000 });
  await frame.locator('.kn-widget').waitFor();
  return frame;
}

/** The widget's content height (its bottom edge) and the frame's height on the host page. */
async function heights(iframe, frame) {
  const content = await frame.evaluate(() => Math.ceil(document.querySelector('.kn-widget').getBoundingClientRect().bottom + scrollY));
  const box = await iframe.evaluate((f) => f.getBoundingClientRect().height);
  return { content, box };
}

/** Wait until the frame on the host page is as tall as the widget's content, or as `cap`
 *  (the generator's preview stops at 48rem = 768px and scrolls inside, style/tokens.css). */
async function fits(iframe, frame, cap = Infinity) {
  let h;
  for (let i = 0; i < 100; i++) {
    h = await heights(iframe, frame);
    if (Math.abs(Math.min(h.content, cap) - h.box) <= 1) return h;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.fail(`the frame is ${h.box}px for ${h.content}px of content`);
}

/** 国分寺市's 「まず連絡するところ」 (issue #17): no source gives its 基幹's number, so the card
 *  says so and goes on to numbers that are known — nearby WAM NET facilities, then 119 —
 *  never a bare 「未掲載」 and never an invented number. */
async function emergencyContact(frame) {
  assert.match(await frame.locator('.kn-call-list__gap').innerText(), /国分寺市の拠点・基幹相談支援センターの電話番号は/);
  const items = frame.locator('.kn-call-list__item');
  assert.ok((await items.count()) >= 2);
  assert.ok((await frame.locator('.kn-call-list a[href^="tel:"]').count()) >= 2, 'a nearby facility and 119');
  assert.equal(await frame.locator('a[href="tel:119"]').count(), 1);
  assert.match(await items.first().innerText(), /出典：WAM NET/);
  assert.doesNotMatch(await frame.locator('body').innerText(), /未掲載/);
}

const count = async (frame) => Number((await frame.locator('.kn-finder-results__count').innerText()).match(/(\d+)件/)[1]);

test('the finder widget loads through embed.js and its height follows a filter', async () => {
  const { context, page, problems } = await openHost(
    `<p>この下に検索があります。</p><script src="${site.url('/embed.js')}" data-widget="finder" data-area="132144" async></script><p>検索の下の段落</p>`,
  );
  const iframe = page.locator('iframe');
  await iframe.waitFor();
  assert.equal(await iframe.getAttribute('title'), '拠点ナビ：相談先をさがす');
  assert.equal(await iframe.getAttribute('loading'), 'lazy');
  const src = new URL(await iframe.getAttribute('src'));
  assert.equal(src.origin, site.origin);
  assert.equal(src.pathname, '/embed/finder/');
  assert.equal(src.searchParams.get('area'), '132144');
  assert.match(src.searchParams.get('kn_id'), /^kn[0-9a-f]{12}$/);
  // The frame comes right after the script, before the next paragraph.
  assert.equal(await page.evaluate(() => document.querySelector('script[data-widget]').nextElementSibling.tagName), 'IFRAME');

  const frame = await widget(page, iframe);
  await frame.locator('.kn-finder-results__count').waitFor();
  const all = await count(frame);
  assert.equal(await frame.locator('.kn-site-header, .kn-site-footer, .kn-skip-link').count(), 0, 'no site chrome in a widget');
  const more = frame.getByRole('link', { name: /拠点ナビで詳しく見る/ });
  assert.equal(await more.getAttribute('target'), '_blank');
  assert.equal(await more.getAttribute('rel'), 'noopener');
  assert.match(await more.getAttribute('href'), /^\/search\/\?area=132144$/);
  await frame.getByText('障害の種類・年齢・そのほかの条件').click();
  const before = await fits(iframe, frame);

  await frame.getByLabel('拠点に位置付けられた相談先だけ').check();
  await frame.waitForURL(/kyoten=1/);
  assert.match(frame.url(), /kn_id=kn[0-9a-f]{12}/, 'the widget keeps its id when the finder rewrites its query');
  const fewer = await count(frame);
  assert.ok(fewer < all, `${fewer} < ${all}`);
  const after = await fits(iframe, frame);
  assert.ok(after.box < before.box - 100, `the frame shrank with the results: ${before.box} → ${after.box}`);
  assert.equal(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight + 1), true, 'no scrolling inside the frame');

  // A link inside the widget opens the portal in a new tab; the host page stays.
  const [tab] = await Promise.all([context.waitForEvent('page'), frame.locator('.kn-facility-card__link').first().click()]);
  await tab.waitForLoadState();
  assert.match(tab.url(), new RegExp(`^${site.origin}/facilities/`));
  assert.equal(page.url().startsWith(host.origin), true);
  assert.match(frame.url(), /\/embed\/finder\//);
  await tab.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test('the finder widget stays about two screens tall: no map, three results, さらに表示 and a link to all of them', async () => {
  const { context, page, problems } = await openHost(
    `<script src="${site.url('/embed.js')}" data-widget="finder" data-area="041009" async></script><p>下の段落</p>`,
  );
  const iframe = page.locator('iframe');
  const frame = await widget(page, iframe);
  await frame.locator('.kn-finder-results__count').waitFor();
  const all = await count(frame);
  assert.ok(all > 50, `仙台市 has ${all} results`);
  const cards = frame.locator('.kn-facility-card');
  assert.equal(await cards.count(), 3);
  assert.equal(await frame.locator('.kn-finder-map').count(), 0, 'the map is on the portal, not in the widget');
  assert.equal(await frame.getByRole('button', { name: /地図で見る/ }).count(), 0, 'no map, no 「地図で見る」');
  const { box } = await fits(iframe, frame);
  assert.ok(box <= 2 * 740 + 300, `the frame is ${box}px tall`);
  const full = frame.getByRole('link', { name: `すべての結果（${all}件）を地図とともに拠点ナビで見る` });
  assert.match(await full.getAttribute('href'), /^\/search\/\?area=041009$/);
  await frame.getByRole('button', { name: `さらに表示（残り${all - 3}件）` }).click();
  assert.equal(await cards.count(), 6);
  assert.deepEqual(problems, []);
  await context.close();
});

test('two widgets on one page, one by script and one by placeholder, size themselves independently', async () => {
  const { context, page, problems } = await openHost(
    `<div data-kyoten-navi-widget="emergency" data-area="132144"><a href="${site.url('/areas/132144/')}">国分寺市の緊急時の連絡先</a></div>
     <p>間の段落</p>
     <script src="${site.url('/embed.js')}" data-widget="screening" data-area="132144" async></script>`,
    { width: 1280, height: 900 },
  );
  const frames = page.locator('iframe');
  await frames.nth(1).waitFor();
  assert.equal(await frames.count(), 2);
  const emergencyFrame = page.locator('iframe[title="拠点ナビ：緊急時の連絡先"]');
  const screeningFrame = page.locator('iframe[title="拠点ナビ：事前登録のセルフチェック"]');
  assert.equal(await page.locator('[data-kyoten-navi-widget] > a').count(), 0, 'the placeholder\'s fallback link gave way to the frame');
  const ids = await frames.evaluateAll((fs) => fs.map((f) => new URL(f.src).searchParams.get('kn_id')));
  assert.notEqual(ids[0], ids[1]);

  const emergency = await widget(page, emergencyFrame);
  await emergency.getByRole('heading', { level: 1, name: '国分寺市の緊急時の連絡先' }).waitFor();
  await emergencyContact(emergency);
  const e1 = await fits(emergencyFrame, emergency);

  const screening = await widget(page, screeningFrame);
  const s1 = await fits(screeningFrame, screening);
  await screening.getByRole('button', { name: 'はじめる', exact: true }).click();
  await screening.locator('.kn-screening__progress').waitFor();
  const s2 = await fits(screeningFrame, screening);
  assert.notEqual(s2.box, s1.box, 'the frame followed the self-check to its first question');
  // The widget's area answers the area question.
  for (;;) {
    if (await screening.locator('#kn-q-area').count()) break;
    await screening.locator('.kn-screening__radio').first().check();
    await screening.locator('.kn-screening__next').click();
  }
  assert.equal(await screening.locator('#kn-q-area').inputValue(), '132144');
  assert.equal(await screening.locator('#kn-q-pref').inputValue(), '東京都');
  await fits(screeningFrame, screening);
  assert.deepEqual(await heights(emergencyFrame, emergency), e1, 'the other widget kept its height');
  assert.deepEqual(problems, []);
  await context.close();
});

test('data-lang="en" and "easy" show the emergency card, the self-check and the finder in that reading', async () => {
  const { context, page, problems } = await openHost(
    `<div data-kyoten-navi-widget="emergency" data-area="132144" data-lang="en"></div>
     <div data-kyoten-navi-widget="screening" data-area="132144" data-lang="easy"></div>
     <div data-kyoten-navi-widget="finder" data-area="132144" data-lang="en"></div>
     <script src="${site.url('/embed.js')}" async></script>`,
    { width: 1280, height: 900 },
  );
  const frames = page.locator('iframe');
  await frames.nth(2).waitFor();
  const paths = await frames.evaluateAll((fs) => fs.map((f) => new URL(f.src).pathname));
  assert.deepEqual(paths, ['/en/embed/emergency/', '/easy/embed/screening/', '/en/embed/finder/']);
  const english = page.locator('iframe[title="Kyoten Navi: emergency contacts"]');
  const card = await widget(page, english);
  assert.equal(await card.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await card.locator('.kn-site-header, .kn-site-footer, nav.kn-reading-switch').count(), 0, 'a widget has no site chrome');
  await card.getByRole('heading', { level: 1, name: 'Emergency contacts in Kokubunji City (国分寺市)' }).waitFor();
  // The ranked list in English, each entry with its number; 119 last.
  const text = await card.locator('.kn-emergency-card').innerText();
  for (const needle of ['do not yet give a phone number for the kyoten', 'Ambulance and fire (119)', 'Source:']) {
    assert.ok(text.includes(needle), `${needle} in ${text}`);
  }
  assert.ok(await card.locator('a[href^="tel:"]').count() >= 2);
  assert.equal(await card.locator('a[href="tel:119"]').count(), 1);
  assert.doesNotMatch(text, /\[[a-z_]+(\.[a-z_0-9]+)+\]/, 'no catalogue key');
  assert.ok(await card.getByRole('link', { name: /See details on Kyoten Navi/ }).isVisible());

  const easy = await widget(page, page.locator('iframe[src*="/easy/embed/screening/"]'));
  assert.ok(await easy.locator('.kn-screening ruby rt, .kn-page-heading ruby rt').count() > 0, 'ふりがな in the self-check');
  assert.equal(await easy.locator('.kn-site-header, .kn-site-footer').count(), 0, 'a widget has no site chrome');
  await easy.getByRole('button', { name: 'はじめる', exact: true }).click();
  await easy.locator('.kn-screening__legend ruby').first().waitFor();

  // The finder in English: its form, its results and their links stay in English.
  const finder = await widget(page, page.locator('iframe[title="Kyoten Navi: find where to ask for help"]'));
  assert.equal(await finder.evaluate(() => document.documentElement.lang), 'en');
  await finder.getByRole('heading', { level: 1, name: 'Find where to ask for help' }).waitFor();
  const found = finder.locator('.kn-finder-results__count');
  await found.waitFor();
  assert.match(await found.innerText(), /^Found \d+ in Kokubunji City \(国分寺市\)$/);
  assert.ok(await finder.getByRole('group', { name: 'What you need' }).isVisible());
  const full = finder.locator('.kn-finder-results__full a');
  assert.match(await full.innerText(), /^See all \d+ results with the map on Kyoten Navi$/);
  assert.match(new URL(await full.evaluate((a) => a.href)).pathname, /^\/en\/search\/$/);
  assert.doesNotMatch(await finder.locator('body').innerText(), /\[[a-z_]+(\.[a-z_0-9]+)+\]/, 'no catalogue key');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the plain iframe works without the loader', async () => {
  const { context, page, problems } = await openHost(
    `<iframe src="${site.url('/embed/emergency/?area=132144')}" title="拠点ナビ：国分寺市の緊急時の連絡先" width="100%" height="640" style="border:0"></iframe>`,
  );
  const iframe = page.locator('iframe');
  const frame = await widget(page, iframe);
  await frame.getByRole('heading', { level: 1, name: '国分寺市の緊急時の連絡先' }).waitFor();
  await emergencyContact(frame);
  assert.equal((await iframe.boundingBox()).height, 640);
  assert.equal(await frame.locator('.kn-widget__notice').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('height messages from another origin, another frame or the host page itself are ignored', async () => {
  const poster = foreign.put('/poster.html', '<p>よそのサイトの枠</p>');
  const { context, page, problems } = await openHost(
    `<script src="${site.url('/embed.js')}" data-widget="emergency" data-area="132144" async></script>
     <script src="${site.url('/embed.js')}" data-widget="emergency" data-area="012131" async></script>
     <iframe src="${poster}" title="よそのサイト" width="300" height="100"></iframe>`,
    { width: 1280, height: 2000 },
  );
  const [first, second] = [page.locator('iframe[src*="area=132144"]'), page.locator('iframe[src*="area=012131"]')];
  const a = await widget(page, first);
  const b = await widget(page, second);
  const fitted = await fits(first, a);
  const id = new URL(await first.getAttribute('src')).searchParams.get('kn_id');
  const forged = { type: 'kyoten-navi:height', widget: id, height: 7 };
  // The right shape and id, from a page at another origin …
  const stranger = await (await page.locator('iframe[title="よそのサイト"]').elementHandle()).contentFrame();
  await stranger.evaluate((m) => parent.postMessage(m, '*'), forged);
  // … from the portal's origin but the other widget's frame …
  await b.evaluate((m) => parent.postMessage(m, '*'), forged);
  // … and from the host page itself.
  await page.evaluate((m) => window.postMessage(m, '*'), forged);
  await page.waitForTimeout(500);
  assert.equal((await heights(first, a)).box, fitted.box);
  // Malformed reports from the widget's own frame are ignored too.
  for (const bad of [{ ...forged, height: -5 }, { ...forged, height: '7' }, { ...forged, type: 'other' }, 'kyoten-navi:height', null]) {
    await a.evaluate((m) => parent.postMessage(m, '*'), bad);
  }
  await page.waitForTimeout(300);
  assert.equal((await heights(first, a)).box, fitted.box);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an unknown area or a bad colour gives a message inside the widget, never a blank frame', async () => {
  const { context, page, problems } = await openHost(
    `<script src="${site.url('/embed.js')}" data-widget="emergency" data-area="999999" async></script>
     <script src="${site.url('/embed.js')}" data-widget="screening" data-area="132144" data-accent="zzz" async></script>
     <script src="${site.url('/embed.js')}" data-widget="finder" data-area="132144" data-accent="#ffcc00" data-compact="1" async></script>
     <script src="${site.url('/embed.js')}" data-widget="emergency" data-area="132144" data-accent="#006633" async></script>`,
    { width: 1280, height: 3000 },
  );
  const unknown = await widget(page, page.locator('iframe[src*="area=999999"]'));
  assert.match(await unknown.locator('.kn-widget__notice').innerText(), /area=999999.*見つかりませんでした/s);
  assert.ok(await unknown.getByRole('link', { name: '市区町村を選んで相談先をさがす' }).isVisible());

  const badColour = await widget(page, page.locator('iframe[src*="accent=zzz"]'));
  assert.match(await badColour.locator('.kn-widget__notice').innerText(), /accent=zzz.*標準の色/s);
  assert.ok(await badColour.getByRole('button', { name: 'はじめる', exact: true }).isVisible(), 'the widget still works');

  const pale = await widget(page, page.locator('iframe[src*="ffcc00"]'));
  const note = await pale.locator('.kn-widget__notice').innerText();
  const adjusted = note.match(/濃くした (#[0-9a-f]{6})/)?.[1];
  assert.ok(adjusted, note);
  const link = await pale.getByRole('link', { name: /拠点ナビで詳しく見る/ }).evaluate((a) => getComputedStyle(a).color);
  assert.equal(link, rgb(adjusted));
  assert.equal(await pale.locator('.kn-finder-map').count(), 0, 'compact mode leaves out the map');

  const green = await widget(page, page.locator('iframe[src*="006633"]'));
  assert.equal(await green.locator('.kn-widget__notice').count(), 0);
  const border = await green.locator('.kn-call-list__item').first().evaluate((e) => getComputedStyle(e).borderLeftColor);
  assert.equal(border, rgb('#006633'));
  assert.deepEqual(problems, []);
  await context.close();
});

/** Issue #20: the self-check widget posts its height to the host page with target `*`, so
 *  the heights must not depend on the answers. Answer every question with its first option,
 *  then with its second: the two runs report the same heights, screen by screen. */
test('the self-check widget reports the same heights whatever the answers', async () => {
  const run = async (pick) => {
    const opened = await openPage(browser, { viewport: { width: 360, height: 740 } });
    const { context, page, problems } = opened;
    // What any script on the host page can read: every height message, in order.
    await page.addInitScript(() => {
      window.knHeights = [];
      addEventListener('message', (e) => {
        if (e.data?.type === 'kyoten-navi:height') window.knHeights.push(e.data.height);
      });
    });
    await page.goto(host.put(`/h${Math.random().toString(36).slice(2)}.html`,
      `<script src="${site.url('/embed.js')}" data-widget="screening" data-area="132144" async></script>`));
    const iframe = page.locator('iframe');
    const frame = await widget(page, iframe);
    await fits(iframe, frame);
    await frame.getByRole('button', { name: 'はじめる', exact: true }).click();
    const screens = [];
    for (;;) {
      await frame.locator('.kn-screening__progress, .kn-screening__result').first().waitFor();
      screens.push((await fits(iframe, frame)).box);
      if (await frame.locator('.kn-screening__result').count()) break;
      const progress = await frame.locator('.kn-screening__progress').innerText();
      const radios = frame.locator('.kn-screening__radio');
      const n = await radios.count();
      if (n) await radios.nth(Math.min(pick, n - 1)).check();
      await frame.locator('.kn-screening__next').click();
      await frame.waitForFunction((p) => document.querySelector('.kn-screening__progress')?.innerText !== p, progress);
    }
    const result = await frame.locator('.kn-screening__result').evaluate((e) => e.getBoundingClientRect().height);
    // The whole result can still be read: the screen scrolls inside the widget.
    await frame.getByRole('button', { name: '最初からやり直す' }).scrollIntoViewIfNeeded();
    assert.ok(await frame.getByRole('button', { name: '最初からやり直す' }).isVisible());
    assert.deepEqual(await axe(frame), [], 'the result screen that scrolls inside is accessible');
    const reported = await page.evaluate(() => window.knHeights);
    assert.deepEqual(problems, []);
    await context.close();
    return { screens, reported, result };
  };
  const a = await run(0);
  const b = await run(1);
  assert.notEqual(a.result, b.result, 'the two answer sets give results of different lengths');
  assert.deepEqual(b.screens, a.screens, 'the frame is as tall on every screen');
  assert.deepEqual(b.reported, a.reported, 'the host page receives the same heights');
});

function rgb(hex) {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}

for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 900 }]) {
  test(`every embed page passes axe at ${viewport.width}px`, async () => {
    for (const path of ['/embed/', '/embed/finder/?area=132144', '/embed/emergency/?area=132144', '/embed/screening/?area=132144', '/embed/emergency/?area=999999&accent=zzz']) {
      const { context, page, problems } = await openPage(browser, { viewport });
      await page.goto(site.url(path));
      await hydrated(page);
      if (path.includes('finder')) await page.locator('.kn-finder-results__count').waitFor();
      assert.deepEqual(await axe(page), [], path);
      assert.deepEqual(problems, [], path);
      await context.close();
    }
  });
}

test('the generator works by keyboard and its snippets work when pasted into another site', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(site.url('/embed/'));
  await hydrated(page);
  const script = page.getByLabel('スクリプト版のコード');
  assert.match(await script.inputValue(), new RegExp(`src="${site.origin}/embed.js" data-widget="finder" data-area="132144"`));
  // Keyboard only: the widget radios, then the options.
  await page.getByRole('radio', { name: /^相談先をさがす/ }).focus();
  await page.keyboard.press('ArrowDown');
  assert.ok(await page.getByRole('radio', { name: /^緊急時の連絡先/ }).isChecked());
  await page.getByLabel('都道府県').focus();
  await page.keyboard.press('Home');
  await page.getByLabel('都道府県').selectOption('北海道');
  await page.getByLabel('市区町村・圏域').selectOption('012131');
  await page.getByLabel('アクセントの色（任意）').fill('#ffcc00');
  await page.keyboard.press('Tab');
  assert.match(await page.locator('#kn-embed-accent-note').innerText(), /読みやすい濃さの #[0-9a-f]{6}/);
  const snippet = await script.inputValue();
  assert.match(snippet, /data-widget="emergency" data-area="012131" data-accent="#[0-9a-f]{6}"/);
  assert.doesNotMatch(snippet, /ffcc00/);
  assert.match(snippet, /data-title="拠点ナビ：苫小牧市の緊急時の連絡先"/);
  // The preview shows the same widget and follows its height.
  const preview = page.locator('#kn-embed-preview');
  assert.match(await preview.getAttribute('src'), /\/embed\/emergency\/\?area=012131&accent=%23[0-9a-f]{6}&kn_id=preview/);
  const previewFrame = await widget(page, preview);
  await previewFrame.getByRole('heading', { level: 1, name: '苫小牧市の緊急時の連絡先' }).waitFor();
  await fits(preview, previewFrame, 768);
  // The confirmation appears beside the button that was pressed, and only there.
  const copyScript = page.getByRole('button', { name: 'スクリプト版のコードをコピーする' });
  await copyScript.click();
  const confirmed = page.locator('#kn-embed-copied-script');
  assert.match(await confirmed.innerText(), /コピーしました|選択しました/);
  const [button, said] = [await copyScript.boundingBox(), await confirmed.boundingBox()];
  assert.ok(said.y >= button.y && said.y - (button.y + button.height) < 24, `beside the button: ${JSON.stringify([button, said])}`);
  await page.getByRole('button', { name: 'iframe 版のコードをコピーする' }).click();
  assert.match(await page.locator('#kn-embed-copied-iframe').innerText(), /コピーしました|選択しました/);
  assert.equal(await confirmed.innerText(), '', 'the first confirmation is cleared');
  const iframeSnippet = await page.getByLabel('iframe 版のコード').inputValue();
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await context.close();

  // Pasted into a municipality's page: the script form sizes itself, the iframe form shows.
  const pasted = await openHost(`${snippet}<hr>${iframeSnippet}`, { width: 360, height: 2000 });
  const frames = pasted.page.locator('iframe');
  await frames.nth(1).waitFor();
  const loaded = await widget(pasted.page, frames.nth(0));
  await loaded.getByRole('heading', { level: 1, name: '苫小牧市の緊急時の連絡先' }).waitFor();
  assert.equal(await frames.nth(0).getAttribute('title'), '拠点ナビ：苫小牧市の緊急時の連絡先');
  assert.equal(await loaded.locator('.kn-widget__notice').count(), 0, 'the generator never makes a snippet the widget complains about');
  await fits(frames.nth(0), loaded);
  const plain = await widget(pasted.page, frames.nth(1));
  await plain.getByRole('heading', { level: 1, name: '苫小牧市の緊急時の連絡先' }).waitFor();
  assert.equal(await frames.nth(1).getAttribute('height'), '680');
  assert.deepEqual(pasted.problems, []);
  await pasted.context.close();
});

test('a colour that cannot be used is explained to the host\'s web staff in the widget\'s reading', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 360, height: 740 } });
  for (const [path, want] of [
    ['/en/embed/emergency/?area=132144&accent=zzz', /Website staff: the colour given \(accent=zzz\) cannot be used/],
    ['/en/embed/finder/?area=132144&accent=%23ffcc00', /Website staff: the colour #ffcc00 has too little contrast with white \(contrast ratio 1\.\d:1\).*darker #[0-9a-f]{6}/s],
    ['/easy/embed/screening/?area=132144&accent=zzz', /担当.*accent=zzz.*つかえないので/s],
    ['/embed/emergency/?area=132144&accent=zzz', /ホームページ担当の方へ：色の指定（accent=zzz）は使えないため/],
  ]) {
    await page.goto(site.url(path));
    await hydrated(page);
    const notice = page.locator('.kn-widget__notice');
    await notice.waitFor();
    const text = await notice.innerText();
    assert.match(text, want, path);
    assert.doesNotMatch(text, /\[widget\.|《/, `${path}: no catalogue key, no raw reading`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the generator\'s language choice goes into the snippet and the preview (data-lang)', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(site.url('/embed/'));
  await hydrated(page);
  await page.getByRole('radio', { name: /^緊急時の連絡先/ }).check();
  await page.getByRole('radio', { name: 'English', exact: true }).check();
  const script = await page.getByLabel('スクリプト版のコード').inputValue();
  assert.match(script, /data-widget="emergency" data-area="132144" data-lang="en" data-title="Kyoten Navi: emergency contacts for 国分寺市"/);
  assert.match(await page.getByLabel('iframe 版のコード').inputValue(), /src="[^"]*\/en\/embed\/emergency\/\?area=132144"/);
  const preview = page.locator('#kn-embed-preview');
  assert.match(await preview.getAttribute('src'), /\/en\/embed\/emergency\/\?area=132144&kn_id=preview/);
  const frame = await widget(page, preview);
  await frame.getByRole('heading', { level: 1, name: /^Emergency contacts in Kokubunji City/ }).waitFor();
  // The finder follows the choice too.
  await page.getByRole('radio', { name: /^相談先をさがす/ }).check();
  assert.match(await page.getByLabel('スクリプト版のコード').inputValue(), /data-widget="finder" data-area="132144" data-lang="en"/);
  assert.match(await preview.getAttribute('src'), /\/en\/embed\/finder\/\?area=132144/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('/en/embed/ speaks English, names places in English and makes an English widget by default (issue #22)', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(site.url('/en/embed/'));
  await hydrated(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  const script = page.getByLabel('Code for the script version');
  assert.match(await script.inputValue(), /data-widget="finder" data-area="132144" data-lang="en" data-title="Kyoten Navi: find where to ask for help in 国分寺市"/);
  // Another area, from the English area index: the select names it in English, the snippet
  // keeps the code and titles the frame with the name as written.
  await page.getByRole('radio', { name: /^Emergency contacts/ }).check();
  await page.getByLabel('Prefecture').selectOption('Hokkaido');
  const area = page.getByLabel('Municipality or region');
  await area.locator('option[value="012131"]').waitFor({ state: 'attached' });
  assert.match(await area.locator('option[value="012131"]').textContent(), /^Tomakomai City \(苫小牧市\)$/);
  await area.selectOption('012131');
  const snippet = await script.inputValue();
  assert.match(snippet, /data-widget="emergency" data-area="012131" data-lang="en" data-title="Kyoten Navi: emergency contacts for 苫小牧市"/);
  assert.match(await page.locator('#kn-embed-preview').getAttribute('title'), /^Preview: Kyoten Navi: emergency contacts for 苫小牧市$/);
  await page.getByLabel('Accent colour (optional)').fill('#ffcc00');
  await page.keyboard.press('Tab');
  assert.match(await page.locator('#kn-embed-accent-note').innerText(), /darker, readable #[0-9a-f]{6}/);
  // The confirmation in English.
  await page.getByRole('button', { name: 'Copy the code for the script version' }).click();
  assert.match(await page.locator('#kn-embed-copied-script').innerText(), /^(Copied\.|The code is selected\.)/);
  const text = await page.locator('main').innerText();
  assert.doesNotMatch(text, /\[[a-z_]+(\.[a-z_0-9]+)+\]/, 'a catalogue key shown instead of its text');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('under a base path the loader and its frames use the portal\'s own addresses', async () => {
  const { context, page, problems } = await openHost(
    `<script src="${sub.url('/embed.js')}" data-widget="finder" data-area="132144" data-fn="emergency" async></script>`,
  );
  const iframe = page.locator('iframe');
  await iframe.waitFor();
  const src = new URL(await iframe.getAttribute('src'));
  assert.equal(src.origin, sub.origin);
  assert.equal(src.pathname, '/kyoten/navi/embed/finder/');
  const frame = await widget(page, iframe);
  await frame.locator('.kn-finder-results__count').waitFor();
  assert.ok(await frame.getByLabel('緊急時に預けたい・助けてほしい').isChecked());
  assert.match(await frame.getByRole('link', { name: /拠点ナビで詳しく見る/ }).getAttribute('href'), /^\/kyoten\/navi\/search\/\?area=132144&fn=emergency$/);
  await fits(iframe, frame);
  assert.deepEqual(problems, []);
  await context.close();
});
