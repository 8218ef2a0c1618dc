// Issue #5: the 好事例集 as a comparison people can filter, sort and print, and area pages
// with their status, reports and 圏域 links. Expected counts are computed here from
// content/areas/*.md (the table's cells as written), not from the page's own data, so a
// filter that miscounts cannot agree with itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openPage, hydrated, axe, DIST, DIST_SUB, ROOT } from './harness.mjs';

const DESKTOP = { viewport: { width: 1280, height: 900 } };

/** The 25 rows of the 一覧表 as content/areas/*.md write them. */
const ROWS = readdirSync(join(ROOT, 'content/areas'))
  .map((f) => readFileSync(join(ROOT, 'content/areas', f), 'utf8'))
  .filter((t) => /^\[practice\]$/m.test(t))
  .map((t) => {
    const practice = t.slice(t.search(/^\[practice\]$/m));
    const get = (key, text = practice) => text.match(new RegExp(`^${key} = "(.*)"$`, 'm'))?.[1] ?? '';
    const heading = get('heading');
    return {
      number: Number(practice.match(/^number = (\d+)$/m)[1]),
      type: get('development_type', t),
      cells: ['consultation', 'emergency', 'experience', 'expertise', 'network'].map((k) => get(k)),
      coordinator: /^coordinator = true$/m.test(practice),
      prefecture: heading.match(/\(([^()]+)\)$/)[1],
      text: heading + get('features') + practice,
    };
  });
const count = (keep) => ROWS.filter(keep).length;

let browser, site, sub;
before(async () => {
  browser = await launch();
  site = await serve(DIST, '/');
  sub = await serve(DIST_SUB, '/kyoten/navi/');
});
after(async () => { await browser?.close(); await site?.close(); await sub?.close(); });

/** Poll `read` until it returns `want` (the page updates after the event). */
async function eventually(read, want, message) {
  let got;
  for (let i = 0; i < 100; i++) {
    got = await read();
    if (JSON.stringify(got) === JSON.stringify(want)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.deepEqual(got, want, message);
}

const table = (page) => page.getByRole('table', { name: /掲載自治体等の比較表/ });
const rowCount = async (page) => (await table(page).getByRole('row').count()) - 1;
const cards = (page) => page.getByRole('list', { name: '掲載自治体等の比較' }).locator(':scope > li:not([hidden])');
const query = (page) => Object.fromEntries(new URL(page.url()).searchParams);
const status = (page) => page.getByRole('status').filter({ hasText: '件を表示' });

async function openCatalogue(path = '/catalogue/', options = DESKTOP) {
  const opened = await openPage(browser, options);
  await opened.page.goto(site.url(path));
  await hydrated(opened.page);
  return opened;
}

async function openFilters(page) {
  const more = page.locator('summary', { hasText: '条件を選んで絞り込む・並べ替える' });
  if (!(await page.getByRole('combobox', { name: '整備類型' }).isVisible())) await more.click();
}

async function clear(page) {
  await page.getByRole('link', { name: '条件をすべて解除' }).click();
  await eventually(() => rowCount(page), 25, 'cleared');
}

test('the counts this test expects match the document', () => {
  assert.equal(ROWS.length, 25);
  assert.equal(count((r) => r.type === 'combined'), 6);
  assert.equal(count((r) => r.type === 'multi'), 3);
  assert.equal(count((r) => /空:[^)]*拠点内/.test(r.cells[1])), 8);
  assert.equal(count((r) => r.coordinator), 11);
});

test('without JavaScript the page lists all 25 and keeps a plain GET form', async () => {
  for (const options of [{ javaScriptEnabled: false }, { ...DESKTOP, javaScriptEnabled: false }]) {
    const { context, page } = await openPage(browser, options);
    await page.goto(site.url('/catalogue/?type=combined'));
    assert.ok(await page.getByRole('heading', { level: 1, name: '好事例集 25自治体等' }).isVisible());
    const shown = options.viewport ? await rowCount(page) : await cards(page).count();
    assert.equal(shown, 25);
    const form = page.getByRole('search', { name: '掲載自治体等の絞り込み' });
    assert.equal(await form.getAttribute('method'), 'get');
    assert.ok(await form.getByRole('searchbox', { name: 'キーワード（地名・取組みなど）' }).isVisible());
    assert.ok(await form.getByRole('button', { name: 'この条件で表示' }).isVisible());
    await context.close();
  }
});

test('the page hydrates without errors, with and without a query', async () => {
  for (const [path, rows] of [['/catalogue/', 25], ['/catalogue/?type=combined', 6], ['/catalogue/?fn=emergency&beds=inside&sort=name', 8]]) {
    for (const options of [{}, DESKTOP]) {
      const { context, page, problems } = await openCatalogue(path, options);
      await eventually(() => (options.viewport ? rowCount(page) : cards(page).count()), rows, path);
      assert.match(await status(page).textContent(), new RegExp(`^25件中 ${rows}件を表示`));
      assert.deepEqual(problems, [], `${path}: ${problems.join('\n')}`);
      await context.close();
    }
  }
});

test('each filter narrows the 25 as the table says', async () => {
  const { context, page, problems } = await openCatalogue();
  await openFilters(page);

  await page.getByRole('combobox', { name: '整備類型' }).selectOption('combined');
  await eventually(() => rowCount(page), 6, '併用整備型');
  assert.equal(query(page).type, 'combined');
  assert.match(await status(page).textContent(), /^25件中 6件を表示（条件：整備類型：併用整備型）$/);
  await page.getByRole('combobox', { name: '整備類型' }).selectOption('multi');
  await eventually(() => rowCount(page), 3, '多機能拠点整備型');
  await page.getByRole('combobox', { name: '整備類型' }).selectOption('area');
  await eventually(() => rowCount(page), count((r) => r.type === 'area'), '面的整備型');
  await clear(page);

  const functions = ['①相談', '②緊急時の受け入れ・対応', '③体験の機会・場', '④専門的人材の確保・養成', '⑤地域の体制づくり'];
  for (const [i, name] of functions.entries()) {
    await page.getByRole('checkbox', { name }).check();
    await eventually(() => rowCount(page), count((r) => r.cells[i].startsWith('○')), name);
    await page.getByRole('checkbox', { name }).uncheck();
    await eventually(() => rowCount(page), 25, `${name} off`);
  }
  for (const name of functions) await page.getByRole('checkbox', { name }).check();
  await eventually(() => rowCount(page), count((r) => r.cells.every((c) => c.startsWith('○'))), 'all five');
  await clear(page);

  const beds = page.getByRole('combobox', { name: '空床確保（②緊急時）' });
  await beds.selectOption('inside');
  await eventually(() => rowCount(page), count((r) => /空:[^)]*拠点内/.test(r.cells[1])), '拠点内');
  await beds.selectOption('outside');
  await eventually(() => rowCount(page), count((r) => /空:[^)]*拠点外/.test(r.cells[1])), '拠点外');
  await beds.selectOption('yes');
  await eventually(() => rowCount(page), 14, '空床確保している');
  await beds.selectOption('no');
  await eventually(() => rowCount(page), 11, '空床確保していない');
  await clear(page);

  await page.getByRole('checkbox', { name: '配置している（表で「○」）' }).check();
  await eventually(() => rowCount(page), count((r) => r.coordinator), 'コーディネーター');
  assert.equal(query(page).coordinator, '1');
  await clear(page);

  await page.getByRole('combobox', { name: '都道府県' }).selectOption('千葉県');
  await eventually(() => rowCount(page), count((r) => r.prefecture === '千葉県'), '千葉県');
  await page.getByRole('combobox', { name: '都道府県' }).selectOption('神奈川県');
  await eventually(() => rowCount(page), count((r) => r.prefecture === '神奈川県'), '神奈川県');
  await clear(page);

  const keyword = page.getByRole('searchbox', { name: 'キーワード（地名・取組みなど）' });
  await keyword.fill('ワンストップ');
  await eventually(() => rowCount(page), 3, 'ワンストップ');
  assert.equal(query(page).q, 'ワンストップ');
  const names = await table(page).getByRole('rowheader').allTextContents();
  assert.deepEqual(names.map((n) => n.replace(/(東京都|岡山県|愛媛県)$/, '')), ['新宿区', '新見市', '松山市']);
  await keyword.fill('苫小牧');
  await eventually(() => rowCount(page), 1, '苫小牧 (a member of 東胆振圏域)');
  await keyword.fill('緑区');
  await eventually(() => table(page).getByRole('rowheader').allTextContents(), ['千葉市千葉県'], '緑区 is in 千葉市');
  await keyword.fill('存在しない地名');
  await eventually(() => rowCount(page), 0, 'nothing');
  assert.ok(await page.getByText('条件に合う自治体等はありません').isVisible());
  await clear(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone the same filters narrow the cards', async () => {
  const { context, page, problems } = await openCatalogue('/catalogue/', {});
  assert.equal(await cards(page).count(), 25);
  assert.ok(!(await table(page).isVisible()), 'the table waits for wider screens');
  await openFilters(page);
  await page.getByRole('combobox', { name: '整備類型' }).selectOption('combined');
  await eventually(() => cards(page).count(), 6, '併用整備型');
  const first = cards(page).first();
  assert.ok(await first.getByRole('link', { name: '柏市' }).isVisible());
  assert.match(await first.textContent(), /②緊急時の受け入れ・対応実施・空床 拠点内3・空床 拠点外2/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('column headers sort the table and say how it is sorted', async () => {
  const { context, page, problems } = await openCatalogue();
  const first = async (column) => (await table(page).getByRole('row').nth(1).getByRole('cell').nth(column).textContent()).trim();
  const sortedBy = () => table(page).locator('th[aria-sort]').evaluateAll((ths) => ths.map((th) => `${th.textContent.replace(/[▲▼⇅]/g, '').trim()} ${th.getAttribute('aria-sort')}`));
  assert.deepEqual(await sortedBy(), ['No. ascending']);

  await table(page).getByRole('button', { name: '整備類型' }).click();
  await eventually(() => first(1), '多機能拠点整備型', 'ascending type: 多機能 first');
  assert.deepEqual(await sortedBy(), ['整備類型 ascending']);
  assert.equal(query(page).sort, 'type');
  await table(page).getByRole('button', { name: '整備類型' }).click();
  await eventually(() => first(1), '併用整備型', 'descending type: 併用 first');
  assert.deepEqual(await sortedBy(), ['整備類型 descending']);

  await table(page).getByRole('button', { name: 'No.' }).click();
  await eventually(() => first(0), '1', 'No. ascending');
  await table(page).getByRole('button', { name: 'No.' }).click();
  await eventually(() => first(0), '25', 'No. descending');

  await table(page).getByRole('button', { name: /②緊急時/ }).click();
  const emergency = await table(page).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.children[4].textContent));
  const rank = (c) => (c.startsWith('実施') ? 0 : c === '記載なし' ? 2 : 1);
  assert.deepEqual(emergency.map(rank), [...emergency.map(rank)].sort(), '実施 first, blanks last');

  await table(page).getByRole('button', { name: '自治体等' }).click();
  await eventually(() => table(page).getByRole('rowheader').first().textContent(), '会津若松市福島県', '五十音順: あいづわかまつし first');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the URL keeps the filters: reload and the back button restore them', async () => {
  const { context, page, problems } = await openCatalogue('/catalogue/?type=combined&coordinator=1');
  await eventually(() => rowCount(page), 4, 'from the URL');
  await openFilters(page);
  assert.equal(await page.getByRole('combobox', { name: '整備類型' }).inputValue(), 'combined');
  assert.ok(await page.getByRole('checkbox', { name: '配置している（表で「○」）' }).isChecked());
  await page.reload();
  await hydrated(page);
  await eventually(() => rowCount(page), 4, 'after reload');

  await page.goto(site.url('/catalogue/'));
  await hydrated(page);
  await openFilters(page);
  await page.getByRole('combobox', { name: '整備類型' }).selectOption('combined');
  await eventually(() => rowCount(page), 6, 'combined');
  await page.getByRole('checkbox', { name: '配置している（表で「○」）' }).check();
  await eventually(() => rowCount(page), 4, 'combined + coordinator');
  await page.goBack();
  await eventually(() => rowCount(page), 6, 'back: combined only');
  assert.deepEqual(query(page), { type: 'combined' });
  assert.ok(!(await page.getByRole('checkbox', { name: '配置している（表で「○」）' }).isChecked()));
  await page.goBack();
  await eventually(() => rowCount(page), 25, 'back: no filter');
  assert.equal(await page.getByRole('combobox', { name: '整備類型' }).inputValue(), '');
  await page.goForward();
  await eventually(() => rowCount(page), 6, 'forward');

  // Typing replaces the history entry rather than adding one per letter.
  const before = await page.evaluate(() => history.length);
  await page.getByRole('searchbox', { name: 'キーワード（地名・取組みなど）' }).pressSequentially('柏市');
  await eventually(() => query(page).q, '柏市', 'typed text in the URL');
  assert.equal(await page.evaluate(() => history.length), before);
  assert.deepEqual(problems, []);
  await context.close();
});

test('under a base path the filters keep to it', async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP);
  await page.goto(sub.url('/catalogue/'));
  await hydrated(page);
  await openFilters(page);
  await page.getByRole('combobox', { name: '整備類型' }).selectOption('combined');
  await eventually(() => rowCount(page), 6, 'filtered under /kyoten/navi/');
  assert.equal(new URL(page.url()).pathname, '/kyoten/navi/catalogue/');
  assert.equal(await table(page).getByRole('link', { name: '柏市' }).getAttribute('href'), '/kyoten/navi/areas/122173/');
  assert.deepEqual(problems, []);
  await context.close();
});

test("the charts' text equals the document's figures", async () => {
  const { context, page } = await openCatalogue();
  const chart = async (name) => {
    const img = page.getByRole('img', { name: new RegExp(`^${name}`) });
    const label = await img.evaluate((svg) => svg.getAttribute('aria-labelledby').split(' ').map((id) => document.getElementById(id).textContent).join(' '));
    const figure = page.getByRole('figure').filter({ has: img });
    return { label, values: await figure.getByRole('listitem').allTextContents(), text: await figure.textContent() };
  };
  const type = await chart('整備類型');
  assert.deepEqual(type.values, ['多機能拠点整備型：3件（12%）', '面的整備型：16件（64%）', '併用整備型：6件（24%）']);
  for (const v of type.values) assert.ok(type.label.includes(v), `the image's name includes ${v}`);
  assert.match(type.text, /一覧表の25件から数えた値：多機能拠点整備型 3件（12%）、面的整備型 16件（64%）、併用整備型 6件（24%）。資料の値と一致します。/);
  const beds = await chart('空床確保');
  assert.deepEqual(beds.values, ['している：14件', 'していない：11件']);
  assert.match(beds.text, /一覧表の25件から数えた値：している 14件、していない 11件。資料の値と一致します。/);
  assert.deepEqual((await chart('相談支援専門員')).values, ['確保している：18件', '確保していない：7件']);
  assert.deepEqual((await chart('24時間相談受付')).values, ['夜勤、宿直対応：1件', '電話対応：16件', 'していない：8件']);
  await context.close();
});

test('the table is a real table: headers announced, usable with the keyboard only', async () => {
  const { context, page, problems } = await openCatalogue();
  const snapshot = await table(page).ariaSnapshot();
  for (const header of ['No.', '自治体等', '整備類型', '①相談', '②緊急時の受け入れ・対応', '③体験の機会・場', 'コーディネーター配置', '特徴・付加機能等']) {
    assert.ok(snapshot.includes(`columnheader "${header}`), `column header ${header}\n${snapshot.slice(0, 400)}`);
  }
  assert.equal(await table(page).getByRole('rowheader').count(), 25);
  assert.equal(await table(page).locator('thead th[scope="col"]').count(), 10);
  assert.equal(await table(page).locator('tbody th[scope="row"]').count(), 25);

  // From the top of the page, by Tab alone: the keyword box, the disclosure, a select, a checkbox.
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    return e.labels?.[0]?.textContent ?? e.getAttribute('aria-label') ?? e.textContent.trim().slice(0, 30);
  });
  const tabTo = async (name) => {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if ((await focused()).startsWith(name)) return;
    }
    assert.fail(`Tab never reached ${name}`);
  };
  await tabTo('キーワード');
  await page.keyboard.type('市');
  await eventually(() => query(page).q, '市', 'typed');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await eventually(() => rowCount(page), 25, 'cleared by keyboard');
  await tabTo('条件を選んで');
  await page.keyboard.press('Enter');
  await tabTo('整備類型');
  await page.keyboard.press('ArrowDown');
  await eventually(() => rowCount(page), 3, 'ArrowDown picks 多機能拠点整備型');
  await tabTo('②緊急時');
  await page.keyboard.press('Space');
  await eventually(() => rowCount(page), count((r) => r.type === 'multi' && r.cells[1].startsWith('○')), 'Space ticks ②');
  await tabTo('掲載自治体等の比較表');
  await page.keyboard.press('ArrowDown');
  await tabTo('No.');
  await page.keyboard.press('Enter');
  await eventually(() => table(page).locator('th[aria-sort]').getAttribute('aria-sort'), 'descending', 'Enter on a header sorts');
  assert.deepEqual(problems, []);
  await context.close();
});

test('practice sections are browsable by function and link to their entries', async () => {
  const { context, page, problems } = await openCatalogue();
  const nav = page.getByRole('navigation', { name: '取組みの特徴の目次' });
  for (const name of ['整備の検討経緯', '整備時の工夫', '①相談の取組み', '②緊急時の受け入れ・対応の取組み', '⑤地域の体制づくりの取組み', '⑥その他の取組み', '多機能拠点整備型の傾向・特徴', '面的整備型の傾向・特徴']) {
    assert.ok(await nav.getByRole('link', { name }).isVisible(), name);
  }
  await nav.getByRole('link', { name: '①相談の取組み' }).click();
  const group = page.getByRole('region', { name: '①相談の取組み' });
  const heading = group.getByRole('heading', { name: '①相談の取組み' });
  await eventually(() => heading.evaluate((h) => { const r = h.getBoundingClientRect(); return r.top >= -2 && r.top < 200; }), true, 'scrolled to ①相談');
  const practice = group.getByRole('article', { name: 'ワンストップの相談窓口、初期対応の相談窓口' });
  assert.deepEqual(await practice.getByRole('link').allTextContents(), ['新宿区', '厚木市', '新見市', '松山市']);
  await practice.getByRole('link', { name: '新宿区' }).click();
  await page.getByRole('heading', { level: 1, name: '新宿区' }).waitFor();
  assert.ok(await page.getByRole('link', { name: 'ワンストップの相談窓口、初期対応の相談窓口' }).isVisible(), 'the area page links back');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an area page shows its status, coordinator, report with source, and practices', async () => {
  const { context, page, problems } = await openCatalogue('/areas/121002/', {});
  assert.ok(await page.getByRole('heading', { level: 1, name: '千葉市' }).isVisible());
  const grid = page.getByRole('table', { name: '5つの機能の整備状況' });
  assert.equal(await grid.getByRole('rowheader').count(), 5);
  assert.ok(await page.getByText('一覧表の「コーディネーター配置」（平成30年度ごろ）：あり（○）').isVisible());
  const report = page.getByRole('region', { name: '令和6年度 地域生活支援拠点等の運用状況' });
  assert.ok(await report.getByText('3,502件').first().isVisible());
  assert.ok(await report.getByText('千葉市「令和6年度 地域生活支援拠点等の運用状況（資料5）」（令和6年度）').isVisible());
  assert.ok((await report.getByRole('table').count()) >= 3, 'the report keeps its tables');
  assert.ok(await page.getByRole('link', { name: '段階的に整備' }).isVisible());
  // Into the comparison without a reload, already narrowed to the same 整備類型.
  await page.getByRole('link', { name: '同じ面的整備型の自治体等を比べる' }).click();
  await page.getByRole('heading', { level: 1, name: '好事例集 25自治体等' }).waitFor();
  await eventually(() => cards(page).count(), count((r) => r.type === 'area'), 'client-side navigation keeps the query');
  assert.match(await status(page).textContent(), /条件：整備類型：面的整備型/);
  assert.deepEqual(problems, []);
  await context.close();

  const region = await openCatalogue('/areas/higashi-iburi/', {});
  const members = region.page.getByRole('region', { name: '構成市町村' }).getByRole('link');
  assert.deepEqual(await members.allTextContents(), ['苫小牧市', '白老町', '厚真町', '安平町', 'むかわ町']);
  await members.first().click();
  await region.page.getByRole('heading', { level: 1, name: '苫小牧市' }).waitFor();
  assert.ok(await region.page.getByRole('link', { name: '東胆振圏域' }).isVisible(), 'a member names its 圏域');
  await region.context.close();
});

test('print: no navigation, the address (with filters) and the date on paper', async () => {
  const { context, page } = await openCatalogue('/catalogue/?type=combined');
  await eventually(() => rowCount(page), 6, 'filtered');
  await page.emulateMedia({ media: 'print' });
  assert.ok(!(await page.getByRole('navigation', { name: 'メインメニュー' }).isVisible()));
  assert.ok(!(await page.getByRole('contentinfo').isVisible()));
  assert.ok(!(await page.getByRole('search').isVisible()), 'the form is not printed');
  assert.ok(await table(page).isVisible(), 'the table prints');
  const meta = page.locator('.kn-print-meta');
  assert.ok(await meta.isVisible());
  assert.match(await meta.textContent(), /\/catalogue\/\?type=combined ／ 掲載情報の確認日：\d{4}-\d{2}-\d{2}$/);
  await page.goto(site.url('/areas/121002/'));
  await page.emulateMedia({ media: 'print' });
  assert.match(await page.locator('.kn-print-meta').textContent(), /\/areas\/121002\/ ／ 情報の確認日：2026-11-22$/);
  await context.close();
});

test('axe finds no violations on the catalogue and an area page at 360 px and desktop', async () => {
  for (const options of [{ viewport: { width: 360, height: 740 } }, { viewport: { width: 1280, height: 900 } }]) {
    for (const path of ['/catalogue/', '/catalogue/?type=combined&sort=type', '/areas/121002/', '/areas/higashi-iburi/']) {
      const { context, page } = await openCatalogue(path, options);
      if (path.startsWith('/catalogue/')) await openFilters(page);
      const violations = await axe(page);
      assert.deepEqual(violations, [], `${path} at ${options.viewport.width}px:\n${violations.join('\n')}`);
      await context.close();
    }
  }
});
