// Issue #11: WAM NET facilities are the national base layer, never confused with 拠点 bodies,
// and always carry their data date and credit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, DIST } from './harness.mjs';

let browser, site;
before(async () => { browser = await launch(); site = await serve(DIST, '/'); });
after(async () => { await browser?.close(); await site?.close(); });

const CREDIT = '出典：障害福祉サービス等情報公表システム（WAM NET）のオープンデータを加工して作成';

test('国分寺市 shows its 拠点 bodies and its WAM NET facilities, clearly apart', async () => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  await page.goto(site.url('/areas/132144/'));
  const kyoten = page.getByRole('heading', { name: '資料で拠点に位置付けられている相談先' });
  const open = page.getByRole('heading', { name: /^障害福祉サービス事業所（\d+か所）$/ });
  assert.ok(await kyoten.isVisible() && await open.isVisible());
  assert.ok(await page.locator('.kn-facility-card').getByRole('link', { name: '国分寺市 基幹相談支援センター' }).isVisible());
  const body = await page.locator('main').innerText();
  assert.ok(body.includes(CREDIT));
  assert.match(body, /データの時点：.*2024年4月取得/);
  assert.match(body, /拠点に含まれるかどうかは市区町村に/);
  await context.close();
});

test('a municipality absent from the seeds (相模原市中央区) lists its real short stays with phone numbers', async () => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  await page.goto(site.url('/areas/141526/'));
  assert.ok(await page.getByRole('heading', { level: 1, name: '相模原市中央区' }).isVisible());
  const card = page.locator('.kn-facility-card', { hasText: 'サニースポット淵野辺三番館' });
  assert.match(await card.innerText(), /障害福祉サービス事業所（短期入所）/);
  assert.equal(await card.getByRole('link', { name: /^電話/ }).getAttribute('href'), 'tel:0427079885');
  assert.ok((await page.locator('main').innerText()).includes(CREDIT));
  await context.close();
});

test('a WAM NET facility page says what it is, its data date, and that 拠点 membership is for the municipality to confirm', async () => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  await page.goto(site.url('/areas/141526/'));
  await page.getByRole('link', { name: 'サニースポット淵野辺三番館' }).click();
  const text = await page.locator('main').innerText();
  assert.match(text, /障害福祉サービス事業所（短期入所）です/);
  assert.match(text, /地域生活支援拠点等に含まれるかどうかは、市区町村にご確認ください/);
  assert.match(text, /データの時点：2024年4月取得/);
  assert.ok(text.includes(CREDIT));
  assert.match(text, /対象は事業所にご確認ください/);
  assert.equal(await page.getByRole('link', { name: /^電話する/ }).getAttribute('href'), 'tel:0427079885');
  await context.close();
});

test('/about/ credits WAM NET with every file’s date', async () => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  await page.goto(site.url('/about/'));
  const text = await page.locator('main').innerText();
  assert.ok(text.includes(CREDIT));
  for (const date of ['2024年4月取得', '2025年3月時点']) assert.ok(text.includes(date), date);
  await context.close();
});
