import { serve, launch, hydrated, DIST } from './harness.mjs';
const browser = await launch();
const site = await serve(DIST, '/');
const [,, width, height, ...jobs] = process.argv;
for (const job of jobs) {
  const [path, pref, scrollSel] = job.split('|');
  const context = await browser.newContext({ viewport: { width: +width, height: +height }, deviceScaleFactor: 1, hasTouch: +width < 500, isMobile: +width < 500 });
  const page = await context.newPage();
  await page.goto(site.url(path));
  await hydrated(page).catch(() => {});
  if (pref) {
    await page.locator('[data-action="start"]').click();
    for (let i = 0; i < 40; i++) {
      if (await page.locator('.kn-screening__result').isVisible()) break;
      if (await page.locator('#kn-q-area').isVisible()) {
        await page.locator('#kn-q-pref').selectOption(pref);
        await page.locator('#kn-q-area').selectOption('132144');
      } else {
        const crisis = page.locator('#kn-q-carer_health-crisis');
        if (await crisis.count()) await page.locator('label:has(#kn-q-carer_health-crisis)').click();
        else await page.locator('label:has(.kn-screening__radio)').first().click();
      }
      await page.locator('.kn-screening__next').click();
    }
  }
  if (scrollSel) await page.locator(scrollSel).first().evaluate((e) => e.scrollIntoView());
  const name = `/tmp/shot-${width}-${path.replace(/[^a-z0-9]+/gi, '_')}-${(scrollSel || 'top').replace(/[^a-z0-9]+/gi, '_')}.png`;
  await page.screenshot({ path: name });
  console.log(name);
  await context.close();
}
await browser.close(); await site.close();
