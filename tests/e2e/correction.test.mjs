// Issue #21: a correction goes from a facility page to content/ and back to the page. On a
// 360×740 phone: the facility's staff open 「修正を依頼する」, change what is wrong, and save
// the CSV row the page makes (nothing is sent by the site); municipal staff run
// `import sheet` (a dry run, then --apply) on a copy of content/, `check` passes, and the
// rebuilt page shows the new values with their source and date. The same for
// 「この掲載内容は正しいです」, which renews the date only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cp, mkdtemp, readFile, rm, writeFile, chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, DIST, serve, launch, openPage, hydrated } from './harness.mjs';

const run = promisify(execFile);
const BIN = join(ROOT, 'target/release/kyoten-navi');
// カペラ (国分寺市): a WAM NET short-stay facility with no content file of its own.
const WAMNET = 'w1313700161-d134';
// 国分寺市 基幹相談支援センター: a content file with a last_verified date.
const CONTENT = 'kokubunji-kikan';
const SHOTS = join(ROOT, 'target/screenshots');

let dir;
let site;
let browser;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kn-correction-'));
  await cp(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  await mkdir(SHOTS, { recursive: true });
  site = await serve(DIST);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await rm(dir, { recursive: true, force: true });
});

const template = async () => (await readFile(join(ROOT, 'content/templates/facilities-template.csv'), 'utf8')).replace(/^\uFEFF/, '').trim();

/** Open the facility page at 360×740 and its form; returns the page and the requests made after. */
async function openForm(id) {
  const { context, page, problems } = await openPage(browser, { acceptDownloads: true, hasTouch: true, isMobile: true });
  await page.goto(site.url(`/facilities/${id}/`));
  await hydrated(page);
  const open = page.getByText('入力フォームを開く');
  await open.waitFor();
  await open.tap();
  // Its script is fetched when the form is first opened; from then on nothing leaves the page.
  await page.locator('form[data-kn-correction][data-ready]').waitFor();
  const requests = [];
  page.on('request', (r) => { if (/^https?:/.test(r.url())) requests.push(r.url()); });
  return { context, page, problems, requests };
}

/** Save the CSV the page made; returns its path and text. */
async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSVファイルを保存する' }).tap()]);
  const path = join(dir, name);
  await file.saveAs(path);
  return { path, bytes: await readFile(path) };
}

/** Import a received file: the dry run writes nothing, --apply writes; then check and build. */
async function importAndBuild(csv, expectInDryRun) {
  const content = join(dir, 'content');
  const facilities = join(content, 'facilities');
  const snapshot = async () => JSON.stringify(await run('ls', ['-l', '--time-style=full-iso', facilities]).then((r) => r.stdout));
  const beforeFiles = await snapshot();
  const dry = await run(BIN, ['import', 'sheet', csv, '--content', content], { maxBuffer: 1 << 24 });
  for (const want of expectInDryRun) assert.ok(dry.stdout.includes(want), `dry run lists ${want}:\n${dry.stdout}`);
  assert.equal(await snapshot(), beforeFiles, 'the dry run wrote nothing');
  await run(BIN, ['import', 'sheet', csv, '--content', content, '--apply'], { maxBuffer: 1 << 24 });
  await run(BIN, ['check', '--content', content], { maxBuffer: 1 << 24 });
  // The wasm comes from the source cache (rebuild.test.mjs): a cargo that would fail.
  const fakeCargo = join(dir, 'cargo');
  await writeFile(fakeCargo, '#!/bin/sh\nexit 1\n');
  await chmod(fakeCargo, 0o755);
  const env = { ...process.env, CARGO: fakeCargo, WASM_OPT: process.env.WASM_OPT ?? join(ROOT, 'tests/e2e/node_modules/.bin/wasm-opt') };
  await rm(join(dir, 'dist'), { recursive: true, force: true });
  await run(BIN, ['build', '--content', content, '--out', join(dir, 'dist')], { env, maxBuffer: 1 << 26 });
  return join(dir, 'dist');
}

test('a facility changes its phone and hours: form → CSV → import → check → rebuilt page', async () => {
  const { context, page, problems, requests } = await openForm(WAMNET);
  const phone = page.getByLabel('電話番号', { exact: true });
  const oldPhone = await phone.inputValue();
  assert.match(oldPhone, /^042-/, 'the form is prefilled with the published number');
  const oldAddress = await page.getByLabel('住所', { exact: true }).inputValue();
  assert.ok(oldAddress.includes('国分寺市'), oldAddress);
  await phone.fill('042-555-0123');
  await page.getByLabel('受付時間', { exact: true }).fill('平日 9:00～17:00');
  await page.getByLabel(/根拠となる資料/).fill('https://example.jp/capella/annai');
  await page.getByLabel(/あなたの立場/).fill('カペラ 職員');
  await page.getByRole('button', { name: '修正の文面を作る' }).tap();
  const text = await page.locator('.kn-correction__text').innerText();
  assert.ok(text.includes(`電話番号：${oldPhone} → 042-555-0123`), text);
  assert.match(text, /受付時間：.+ → 平日 9:00～17:00/);
  assert.ok(!/住所：/.test(text), 'unchanged fields are not listed');
  await page.screenshot({ path: join(SHOTS, 'correction-result-360.png'), fullPage: false });
  await page.locator('.kn-correction__text').screenshot({ path: join(SHOTS, 'correction-text-360.png') });

  const { path, bytes } = await download(page, 'capella.csv');
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM, for Excel');
  const [header, row, rest] = bytes.toString('utf8').slice(1).split('\r\n');
  assert.equal(header, await template(), 'the template columns');
  assert.equal(rest, '', 'one row');
  const cells = Object.fromEntries(header.split(',').map((h, i) => [h, row.split(',')[i]]));
  assert.equal(cells.ID, WAMNET);
  assert.equal(cells['電話番号'], '042-555-0123');
  assert.equal(cells['住所'], '', 'an unchanged field stays empty');
  assert.deepEqual(requests, [], 'no request left the page while the form was filled in');
  assert.deepEqual(problems, []);
  await context.close();

  const dist = await importAndBuild(path, ['042-555-0123', oldPhone, 'capella.csv']);
  const rebuilt = await serve(dist);
  try {
    const { context: c2, page: p2 } = await openPage(browser);
    await p2.goto(rebuilt.url(`/facilities/${WAMNET}/`));
    const body = await p2.locator('main').innerText();
    assert.ok(body.includes('042-555-0123'), 'the new number is on the rebuilt page');
    assert.ok(body.includes('平日 9:00～17:00'), 'the new hours');
    assert.match(body, /最終確認日：\d{4}-\d{2}-\d{2}/, 'with the date it was confirmed');
    assert.match(body, /カペラ 職員「掲載内容の修正依頼（根拠：ウェブページ）」（2\d{3}年\d+月\d+日に確認、\d{4}-\d{2}-\d{2}閲覧）/, 'and its source: who asked and when');
    assert.equal(await p2.locator('.kn-source-list a[href="https://example.jp/capella/annai"]').count(), 1, 'the basis is linked');
    assert.ok(body.includes(oldAddress), 'the address still comes from WAM NET');
    await c2.close();
  } finally {
    await rebuilt.close();
  }
});

test('「この掲載内容は正しいです」 renews the date only', async () => {
  const { context, page, requests } = await openForm(CONTENT);
  const published = await page.locator('.kn-summary-list').innerText();
  await page.getByLabel(/あなたの立場/).fill('国分寺市 障害福祉課');
  await page.getByRole('button', { name: 'この掲載内容は正しいです' }).tap();
  assert.match(await page.locator('.kn-correction__text').innerText(), /掲載内容は正しいことを確かめました/);
  const { path, bytes } = await download(page, 'kikan-confirm.csv');
  const [header, row] = bytes.toString('utf8').slice(1).split('\r\n');
  const cells = Object.fromEntries(header.split(',').map((h, i) => [h, row.split(',')[i]]));
  const facts = Object.entries(cells).filter(([k, v]) => v && !['ID', '事業所番号', '確認日', '依頼した人', '根拠となる資料'].includes(k));
  assert.deepEqual(facts, [], 'a confirmation carries no facts');
  assert.deepEqual(requests, []);
  await context.close();

  const dist = await importAndBuild(path, [CONTENT]);
  const rebuilt = await serve(dist);
  try {
    const { context: c2, page: p2 } = await openPage(browser);
    await p2.goto(rebuilt.url(`/facilities/${CONTENT}/`));
    assert.ok((await p2.locator('main').innerText()).includes(`最終確認日：${cells['確認日']}`), 'the date is renewed');
    assert.equal(await p2.locator('.kn-summary-list').innerText(), published, 'the facts are unchanged');
    await c2.close();
  } finally {
    await rebuilt.close();
  }
});

test('without JavaScript the page says what to send and where', async () => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  await page.goto(site.url(`/facilities/${WAMNET}/`));
  const block = page.locator('.kn-correction');
  assert.ok(await block.locator('.kn-correction__nojs').isVisible(), 'what to send');
  assert.equal(await block.locator('form').count() > 0 && await block.locator('form').isVisible(), false, 'the form needs its script');
  // This deployment sets no address: the area's desk or website, and the area's call list.
  assert.ok(await block.getByText('修正の受付先がまだ設定されていません').isVisible());
  assert.ok(await block.getByRole('link', { name: /まず連絡するところ/ }).isVisible());
  await context.close();
});

test('an area page asks in words: text and e-mail, no CSV row', async () => {
  const { context, page, problems } = await openPage(browser, { hasTouch: true, isMobile: true });
  await page.goto(site.url('/areas/132144/'));
  await hydrated(page);
  await page.getByText('入力フォームを開く').tap();
  await page.locator('form[data-kn-correction][data-ready]').waitFor();
  const requests = [];
  page.on('request', (r) => { if (/^https?:/.test(r.url())) requests.push(r.url()); });
  await page.getByLabel('直してほしいところと、正しい内容').fill('基幹相談支援センターの電話番号は 042-000-0000 です。');
  await page.getByLabel(/根拠となる資料/).fill('市報 2026年12月号');
  await page.getByLabel(/あなたの立場/).fill('市の担当者');
  await page.getByRole('button', { name: '修正の文面を作る' }).tap();
  const text = await page.locator('.kn-correction__text').innerText();
  assert.match(text, /対象：国分寺市/);
  assert.match(text, /直してほしいところと、正しい内容：\n基幹相談支援センターの電話番号は 042-000-0000 です。/);
  assert.ok(!text.includes('取り込み用の行'), 'no CSV row for an area');
  assert.equal(await page.getByRole('button', { name: 'CSVファイルを保存する' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'この掲載内容は正しいです' }).count(), 0);
  // The staff worklist: collapsed, each listing linked to its form.
  const worklist = page.locator('details.kn-worklist');
  assert.equal(await worklist.getAttribute('open'), null);
  await worklist.locator('summary').tap();
  const links = worklist.locator('a[href*="/facilities/"][href$="#kn-correction"]');
  assert.ok((await links.count()) >= 1 && (await links.count()) <= 20);
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
  await context.close();
});
