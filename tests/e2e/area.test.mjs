// Issue #5: an area page's small map — a static picture (no script) of the area's outline
// with a dot per listed facility that has a known position; the rest are counted, not lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, hydrated, axe, DIST } from './harness.mjs';

let site, browser;
before(async () => { site = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await site?.close(); });

for (const [id, name] of [['132144', '国分寺市'], ['121002', '千葉市'], ['152021', '長岡市']]) {
  test(`${name}: every listed facility is a dot on the map or counted as without a position`, async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(site.url(`/areas/${id}/`));
    await hydrated(page);
    const map = page.getByRole('img', { name: new RegExp(`^${name}の地図`) });
    await map.waitFor();
    const dots = await map.locator('circle').count();
    const kyotenDots = await map.locator('circle.kn-area-map__pin--kyoten').count();
    const cards = await page.locator('#kn-facilities ~ * .kn-facility-card, section[aria-labelledby="kn-facilities"] .kn-facility-card').count();
    const caption = await page.locator('.kn-area-map__caption').innerText();
    const unplaced = Number(caption.match(/座標がわからない(\d+)か所/)?.[1] ?? 0);
    assert.ok(dots > 0, 'no dots');
    assert.equal(dots + unplaced, cards, caption);
    const label = await map.getAttribute('aria-label');
    assert.match(label, new RegExp(`拠点${kyotenDots}か所、障害福祉サービス事業所${dots - kyotenDots}か所`));
    assert.match(caption, /国土数値情報（行政区域データ）/);
    // The outline is drawn, and every dot lies inside the picture.
    assert.ok(await map.locator('path.kn-area-map__outline').count() >= 1);
    const [vx, vy, vw, vh] = (await map.getAttribute('viewBox')).split(' ').map(Number);
    for (const c of await map.locator('circle').all()) {
      const [cx, cy] = [Number(await c.getAttribute('cx')), Number(await c.getAttribute('cy'))];
      assert.ok(cx >= vx && cx <= vx + vw && cy >= vy && cy <= vy + vh, `${cx},${cy} outside ${vx} ${vy} ${vw} ${vh}`);
    }
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('an area with no listed facility has no map', async () => {
  const { context, page } = await openPage(browser);
  // 御蔵島村 (Tokyo): no WAM NET record of the three services and no content.
  await page.goto(site.url('/areas/133825/'));
  await hydrated(page);
  assert.equal(await page.locator('.kn-area-map').count(), 0);
  await context.close();
});
