// 「まず連絡するところ」 (issue #17): from the home page on a 360×740 touch screen, the
// emergency path reaches a tel: link for the chosen area in three taps — 緊急のとき, the
// prefecture, the municipality — with JavaScript and without, and every number on the list
// shows where it comes from.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, DIST } from './harness.mjs';

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

const AREAS = [
  ['千葉県', '千葉市', /043-221-2152/],
  ['東京都', '国分寺市', null],
  ['北海道', '旭川市', null],
];

for (const javaScriptEnabled of [true, false]) {
  for (const [prefecture, municipality, known] of AREAS) {
    test(`home → ${municipality} → a number to call in 3 taps (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const { context, page, problems } = await openPage(browser, { javaScriptEnabled, hasTouch: true, isMobile: true });
      await page.goto(site.url('/'));
      await page.getByRole('link', { name: '市区町村を選んで連絡先を見る' }).tap();
      await page.waitForURL(/\/emergency\/$/);
      const details = page.locator('details.kn-area-directory', { has: page.locator('summary', { hasText: prefecture }) });
      await details.locator('summary').tap();
      await details.getByRole('link', { name: municipality, exact: true }).tap();
      await page.waitForURL(/\/areas\/[^/]+\/#kn-first$/);
      const list = page.locator('#kn-first').locator('xpath=..').locator('.kn-call-list');
      const tels = list.locator('a[href^="tel:"]');
      assert.ok((await tels.count()) >= 2, 'a number of the area and 119');
      assert.ok(await tels.first().isVisible(), 'the first number is on screen');
      const items = list.locator('.kn-call-list__item');
      for (let i = 0; i < (await items.count()); i++) {
        const text = await items.nth(i).innerText();
        if (/電話する/.test(text) && !/119/.test(text)) assert.match(text, /出典：/, text);
      }
      if (known) assert.match(await list.innerText(), known);
      assert.equal(await list.locator('a[href="tel:119"]').count(), 1);
      assert.doesNotMatch(await page.locator('#kn-first').locator('xpath=..').innerText(), /未掲載/);
      if (javaScriptEnabled) assert.deepEqual(problems, []);
      await context.close();
    });
  }
}
