// Issue #17: the finder's first use on a slow phone. Headless Debian Chromium on a 360×740
// screen with Lighthouse's mobile throttling applied through DevTools (4× CPU slowdown,
// 1.6 Mbps down, 750 kbps up, 150 ms round trip), a cold cache on every run, against a built
// dist/ served the way a production host serves it (the build's pre-compressed .br files).
//
//   node tests/bench/slow-phone.mjs [--dist DIR] [--runs 5] [--areas 121002,132144,012041]
//
// For each area it opens `/search/?area=…` (where the home page's area choice leads) and
// records, in milliseconds from the start of navigation (`performance.now()` in the page):
//   area      the area's name and the link to its 「まず連絡するところ」 are on the screen
//             (boot.js, before the wasm; or the finder itself once hydrated)
//   results   the finder is hydrated and its result count is on the screen: the list can
//             be filtered
//   emergency from the home page, the three taps of the emergency path (緊急のとき, the
//             prefecture, the municipality) to the area's first tel: link on screen: the
//             page loads along the way, without the person's own time between taps
// (That text typed before hydration is kept and acted on is a browser test: finder.test.mjs.)
// Prints one Markdown table of medians (and min–max) on stdout, progress on stderr.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, extname, resolve } from 'node:path';
import { launch, ROOT } from '../e2e/harness.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const DIST = resolve(arg('--dist', process.env.KN_DIST ?? join(ROOT, 'dist')));
const RUNS = Number(arg('--runs', '5'));
// 千葉市 (a city with a sourced desk list), 国分寺市 (a seed municipality), 旭川市 (WAM NET only).
const AREAS = arg('--areas', '121002,132144,012041').split(',');
// The prefecture and municipality names the emergency path taps, by area.
const PATH = { '121002': ['千葉県', '千葉市'], '132144': ['東京都', '国分寺市'], '012041': ['北海道', '旭川市'] };

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

// A host that serves the build's .br files when the browser accepts them.
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = join(DIST, path);
  if (path.split('/').includes('..')) file = join(DIST, '404.html');
  if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
  const found = await stat(file).catch(() => null);
  if (!found) file = join(DIST, '404.html');
  const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
  let body;
  if (/\bbr\b/.test(req.headers['accept-encoding'] ?? '') && (await stat(`${file}.br`).catch(() => null))) {
    body = await readFile(`${file}.br`);
    headers['content-encoding'] = 'br';
  } else {
    body = await readFile(file);
  }
  res.writeHead(found ? 200 : 404, headers);
  res.end(body);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const secs = (x) => `${(x / 1000).toFixed(2)} s`;

const browser = await launch();
const rows = [];
try {
  for (const area of AREAS) {
    const times = { shown: [], results: [], emergency: [] };
    for (let run = 0; run < RUNS; run++) {
      const { context, page } = await throttled(true);
      await page.goto(`${origin}/search/?area=${area}`, { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__knTimes?.results, null, { timeout: 60000 });
      const t = await page.evaluate(() => window.__knTimes);
      times.shown.push(t.area);
      times.results.push(t.results);
      await context.close();
      const cold = await throttled(false);
      const emergency = PATH[area] ? await emergencyPath(cold.page, ...PATH[area]) : NaN;
      await cold.context.close();
      times.emergency.push(emergency);
      console.error(`${area} run ${run + 1}: area ${secs(t.area)}, results ${secs(t.results)}, emergency ${secs(emergency)}`);
    }
    rows.push({ area, ...times });
  }
} finally {
  await browser.close();
  server.close();
}

console.log(`Slow phone (4× CPU, 1.6 Mbps, 150 ms RTT, cold cache), ${RUNS} runs each, median (min–max):\n`);
console.log('| area | area and call-list link shown | filterable results | home → 3 taps → tel: link |');
console.log('|---|---|---|---|');
for (const r of rows) {
  const span = (xs) => `${secs(median(xs))} (${secs(Math.min(...xs))}–${secs(Math.max(...xs))})`;
  console.log(`| ${r.area} | ${span(r.shown)} | ${span(r.results)} | ${span(r.emergency)} |`);
}

/** Milliseconds from starting to load the home page to the area's first tel: link on screen,
 * along 緊急のとき → prefecture → municipality, with a cold cache. */
async function emergencyPath(page, prefecture, municipality) {
  const start = Date.now();
  await page.goto(`${origin}/`);
  await page.getByRole('link', { name: '市区町村を選んで連絡先を見る' }).tap();
  const details = page.locator('details.kn-area-directory', { has: page.locator('summary', { hasText: prefecture }) });
  await details.locator('summary').tap();
  await details.getByRole('link', { name: municipality, exact: true }).tap();
  await page.locator('#kn-first').locator('xpath=..').locator('.kn-call-list a[href^="tel:"]').first().waitFor({ state: 'visible', timeout: 60000 });
  return Date.now() - start;
}

/** A new cold-cache phone context with the throttling applied; `watch` records the finder's
 * milestones. */
async function throttled(watch) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  // Record when each milestone first shows, from the page's own clock.
  if (watch) await context.addInitScript(() => {
    const seen = (window.__knTimes = {});
    const look = () => {
      const early = document.querySelector('.kn-search__early a[href$="#kn-first"]');
      const finder = document.querySelector('.kn-finder-results a[href$="#kn-first"]');
      if (!seen.area && (early || finder)) seen.area = performance.now();
      if (!seen.results && document.documentElement.dataset.hydrated === 'true'
        && document.querySelector('.kn-finder-results__count')) seen.results = performance.now();
      if (!seen.results) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { context, page };
}
