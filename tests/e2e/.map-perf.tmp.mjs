import { serve, launch, openPage, hydrated } from './harness.mjs';
const browser = await launch();
const site = await serve(process.env.KN_DIST, '/');
const { context, page, problems } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
await page.goto(site.url(process.env.AREA));
await hydrated(page);
await page.locator('.kn-finder-map__svg [role=button]').first().waitFor();
await page.waitForTimeout(500);
console.log('rows', await page.locator('.kn-finder-results__count').innerText(), 'marks', await page.locator('.kn-finder-map__svg [role=button]').count());
await page.locator('.kn-finder-map__frame').screenshot({ path: `/tmp/shots/perf-frame.png` });
// Zoom in a few times so there are many pins, then drag and measure frame intervals.
for (const n of [0, 1, 2, 3, 4, 5]) {
  await page.getByRole('button', { name: 'はじめの表示' }).click();
  for (let i = 0; i < n; i++) await page.getByRole('button', { name: '＋ 拡大' }).click();
  await page.waitForTimeout(300);
  const marks = await page.locator('.kn-finder-map__svg [role=button]').count();
  const box = await page.locator('.kn-finder-map__svg').boundingBox();
  await page.evaluate(() => { window.__frames = []; let last = performance.now(); const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__frames.length < 400) requestAnimationFrame(tick); }; requestAnimationFrame(tick); });
  await page.mouse.move(box.x + 100, box.y + 100);
  await page.mouse.down();
  const t0 = Date.now();
  for (let i = 0; i < 60; i++) await page.mouse.move(box.x + 100 + (i % 20) * 3, box.y + 100 + (i % 20) * 2);
  await page.mouse.up();
  const dt = Date.now() - t0;
  // Time the handler itself: dispatch synthetic pointer moves.
  const handler = await page.evaluate(async () => {
    const svg = document.querySelector('.kn-finder-map__svg');
    const r = svg.getBoundingClientRect();
    const ev = (type, x, y) => new PointerEvent(type, { pointerId: 7, pointerType: 'mouse', clientX: x, clientY: y, button: 0, bubbles: true });
    svg.dispatchEvent(ev('pointerdown', r.x + 50, r.y + 50));
    const times = [];
    for (let i = 0; i < 100; i++) {
      const t = performance.now();
      svg.dispatchEvent(ev('pointermove', r.x + 60 + (i % 2) * 10, r.y + 60 + (i % 2) * 10));
      svg.getBoundingClientRect(); document.body.offsetHeight; // force style+layout
      times.push(performance.now() - t);
    }
    svg.dispatchEvent(ev('pointerup', r.x + 160, r.y + 160));
    times.sort((a, b) => a - b);
    return { median: times[50].toFixed(2), p95: times[95].toFixed(2), max: times[99].toFixed(2) };
  });
  const frames = await page.evaluate(() => window.__frames.slice(5).sort((a, b) => a - b));
  console.log(`zoom+${n}: marks ${marks}, 60 moves in ${dt} ms, handler+style ms`, handler, 'frame interval median', frames[Math.floor(frames.length / 2)]?.toFixed(1), 'p95', frames[Math.floor(frames.length * 0.95)]?.toFixed(1));
  // Settling (recluster + re-render) cost: a zoom click.
  const settle = await page.evaluate(async () => {
    const b = [...document.querySelectorAll('button')].find((x) => x.textContent.includes('縮小'));
    const t = performance.now(); b.click(); await new Promise((r) => setTimeout(r, 0)); await new Promise((r) => requestAnimationFrame(() => r()));
    return (performance.now() - t).toFixed(1);
  });
  console.log('  zoom click → next frame ms', settle);
}
console.log(problems);
await browser.close(); await site.close();
