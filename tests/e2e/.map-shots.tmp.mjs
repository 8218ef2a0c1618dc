import { serve, launch, openPage, hydrated } from './harness.mjs';
const dist = process.env.KN_DIST;
const browser = await launch();
const site = await serve(dist, '/');
for (const [w, h] of [[360, 740], [1280, 900]]) {
  const { context, page, problems } = await openPage(browser, { viewport: { width: w, height: h } });
  await page.goto(site.url(process.env.AREA ?? '/search/?area=141526'));
  await hydrated(page);
  await page.locator('.kn-finder-map__svg [role=button]').first().waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/shots/full-${w}.png`, fullPage: true });
  await page.locator('.kn-finder-map').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/shots/map-${w}.png` });
  await page.locator('.kn-finder-map__frame').screenshot({ path: `/tmp/shots/frame-${w}.png` });
  // select via first card
  await page.locator('.kn-facility-card').nth(1).getByRole('button', { name: /^地図で見る/ }).click();
  await page.waitForTimeout(2000);
  await page.screenshot({ path: `/tmp/shots/selected-${w}.png` });
  // zoom out twice
  await page.getByRole('button', { name: '− 縮小' }).click();
  await page.getByRole('button', { name: '− 縮小' }).click();
  await page.getByRole('button', { name: '− 縮小' }).click();
  await page.waitForTimeout(300);
  await page.locator('.kn-finder-map__frame').screenshot({ path: `/tmp/shots/out-${w}.png` });
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: '− 縮小' }).click();
  await page.waitForTimeout(300);
  await page.locator('.kn-finder-map__frame').screenshot({ path: `/tmp/shots/japan-${w}.png` });
  console.log(w, problems);
  await context.close();
}
await browser.close(); await site.close();
