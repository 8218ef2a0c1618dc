// Takes screenshots of the main pages at 360×740 and at desktop width into
// target/screenshots/, for people to look at. Usage: node tests/e2e/screenshots.mjs [path…]
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, hydrated, DIST, ROOT } from './harness.mjs';

const paths = process.argv.slice(2).length ? process.argv.slice(2) : [
  '/', '/search/', '/facilities/kokubunji-kikan/', '/areas/132144/', '/areas/121002/', '/areas/higashi-iburi/',
  '/catalogue/', '/screening/', '/guides/what-is/', '/about/', '/no/such/page/',
];
const out = join(ROOT, 'target', 'screenshots');
await mkdir(out, { recursive: true });
const browser = await launch();
const site = await serve(DIST, '/');
for (const [label, viewport] of [['mobile', { width: 360, height: 740 }], ['desktop', { width: 1280, height: 900 }]]) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  for (const p of paths) {
    await page.goto(site.url(p));
    await hydrated(page).catch(() => {});
    const name = `${label}-${p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}.png`;
    await page.screenshot({ path: join(out, name), fullPage: true });
    console.log(join(out, name));
  }
  await context.close();
}
await browser.close();
await site.close();
