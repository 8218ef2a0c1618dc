// Issue #7: the finder in headless Chromium running the real wasm, over a built dist.
//
//   KN_DIST=target/bench-dist.web KN_BENCH_AREAS=bench-pref-01,011002 node tests/bench/browser-bench.mjs
//
// `cargo run --release -- bench --browser` builds that dist (with a region made of every
// municipality of the densest prefecture, so one search lists and maps all its facilities)
// and runs this script. For each area it opens `/search/?area=…` on a 360×740 phone screen
// with `<html data-kn-measure>` set, which makes the finder record `performance.measure`
// entries (the only cost when unset is one attribute read per page; `browser.rs`, `timed`):
//   kn-query     the finder's query on each keystroke (matching + the result list's rows)
//   kn-map-draw  the map's redraw (clustering, pins and outlines written as SVG)
//   kn-prepare   making the search keys of a loaded row file
// It types every prefix of the same fixed query list as the native benchmark
// (`app/src/site/bench.rs`, QUERIES) into 「名前・住所・法人名で絞り込む」, then zooms the
// map through every level with the ＋/− buttons and drags it, timing each animation frame.
// Prints Markdown lines on stdout (the figures) and progress on stderr.
import { serve, launch, hydrated } from '../e2e/harness.mjs';

const QUERIES = ['そうだん', 'ひまわり', 'しょーとすてい', 'ｼｮｰﾄｽﾃｲ', 'グループホーム', 'kikan', '相談支援センター', '社会福祉法人', 'つばさ', 'あおば'];
const DIST = process.env.KN_DIST;
const AREAS = (process.env.KN_BENCH_AREAS ?? '').split(',').filter(Boolean);
if (!DIST || AREAS.length === 0) {
  console.error('set KN_DIST (a dist built with its wasm) and KN_BENCH_AREAS (area ids, comma-separated)');
  process.exit(2);
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.floor(((s.length - 1) * p) / 100)] ?? NaN;
  return { n: s.length, p50: at(50), p95: at(95), max: s[s.length - 1] ?? NaN };
};
const ms = (x) => `${x.toFixed(2)} ms`;
const line = (st) => `median ${ms(st.p50)}, p95 ${ms(st.p95)}, max ${ms(st.max)} (n=${st.n})`;

const site = await serve(DIST, '/');
const browser = await launch();
const out = [];
try {
  for (const area of AREAS) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    await context.addInitScript(() => {
      const mark = () => document.documentElement?.setAttribute('data-kn-measure', '');
      mark();
      document.addEventListener('DOMContentLoaded', mark);
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site.url(`/search/?area=${area}`));
    await hydrated(page);
    const count = page.locator('.kn-finder-results__count');
    await count.waitFor({ timeout: 60000 });
    const found = await count.innerText();
    await page.locator('.kn-finder-map__svg [role=button]').first().waitFor({ timeout: 60000 });
    const loaded = await page.evaluate(() => ({
      prepare: performance.getEntriesByName('kn-prepare').reduce((t, e) => t + e.duration, 0),
      index: performance.getEntriesByName('kn-prepare-index').reduce((t, e) => t + e.duration, 0),
    }));
    console.error(`${area}: ${found}`);

    // Every keystroke of the query list, timed inside the page.
    await page.getByText('障害の種類・年齢・そのほかの条件').click();
    const typing = await page.evaluate(async (queries) => {
      const input = document.getElementById('kn-finder-q');
      const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
      // A task after the event's own: by then every reactive effect it set off (microtasks)
      // has run — query, list and map — though nothing is painted yet.
      const settled = () => new Promise((ok) => { const c = new MessageChannel(); c.port1.onmessage = () => ok(); c.port2.postMessage(0); });
      const entries = (name) => performance.getEntriesByName(name);
      const query = [], draw = [], keystroke = [];
      const type = async (value) => {
        const before = entries('kn-query').length;
        const drawsBefore = entries('kn-map-draw').length;
        const start = performance.now();
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await settled();
        const work = performance.now() - start;
        for (let i = 0; i < 100 && entries('kn-query').length === before; i++) await frame();
        await frame();
        const q = entries('kn-query').slice(before);
        return { query: q.map((e) => e.duration), draw: entries('kn-map-draw').slice(drawsBefore).map((e) => e.duration), keystroke: work };
      };
      for (const q of queries) {
        let typed = '';
        for (const c of q) {
          typed += c;
          const t = await type(typed);
          query.push(...t.query);
          draw.push(...t.draw);
          keystroke.push(t.keystroke);
        }
        await type('');
      }
      return { query, draw, keystroke };
    }, QUERIES);
    await page.waitForURL((u) => !u.search.includes('q='));

    // The map over every row: zoom in level by level, out again, then drag.
    const map = page.locator('.kn-finder-map__svg');
    await map.scrollIntoViewIfNeeded();
    await page.evaluate(() => performance.clearMeasures('kn-map-draw'));
    for (let i = 0; i < 6; i++) await page.getByRole('button', { name: '＋ 拡大' }).click();
    for (let i = 0; i < 6; i++) await page.getByRole('button', { name: '− 縮小' }).click();
    await page.getByRole('button', { name: 'はじめの表示' }).click();
    await page.waitForTimeout(200);
    const box = await map.boundingBox();
    await page.evaluate(() => {
      window.__knFrames = [];
      let last = performance.now();
      const tick = (now) => { window.__knFrames.push(now - last); last = now; if (window.__knFrames.length < 10000 && !window.__knStop) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    });
    const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 60; i++) {
      await page.mouse.move(cx + Math.sin(i / 6) * box.width * 0.3, cy + Math.cos(i / 6) * box.height * 0.3);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    await page.waitForTimeout(300);
    const map_ = await page.evaluate(() => {
      window.__knStop = true;
      return { draw: performance.getEntriesByName('kn-map-draw').map((e) => e.duration), frames: window.__knFrames.slice(1), pins: document.querySelectorAll('.kn-finder-map__svg [role=button]').length };
    });
    if (errors.length) throw new Error(`${area}: ${errors.join('; ')}`);
    out.push({ area, found, loaded, typing, map: map_ });
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}

for (const r of out) {
  console.log(`${r.area}: ${r.found.replace(/\s+/g, '')}`);
  console.log(`  - keystroke query (kn-query): ${line(stats(r.typing.query))}`);
  console.log(`  - whole keystroke (input event → query, list and map updated, before paint): ${line(stats(r.typing.keystroke))}`);
  console.log(`  - map redraw while typing (kn-map-draw): ${line(stats(r.typing.draw))}`);
  console.log(`  - map redraw per zoom step and after the drag (kn-map-draw): ${line(stats(r.map.draw))}`);
  console.log(`  - animation frames while dragging: ${line(stats(r.map.frames))}`);
  console.log(`  - making search keys after loading: rows ${ms(r.loaded.prepare)}, area index ${ms(r.loaded.index)}`);
}
