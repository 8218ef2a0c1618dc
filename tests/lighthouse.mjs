#!/usr/bin/env node
// Lighthouse 12 (mobile: Moto G Power emulation, simulated slow 4G and 4× CPU slowdown — its
// defaults) with Debian's Chromium over the main routes of a built dist/, served the way a
// production host serves it: the pre-compressed .br files (other text compressed on the
// way) and the cache headers of public/_headers. Writes target/lighthouse/summary.{json,md}
// and one full report per route; exits non-zero when a score is below the issue #10
// targets (performance ≥ 95, accessibility, best practices and SEO 100).
//
//   cargo run --release -- build          # with WASM_OPT set for the real wasm size
//   node tests/lighthouse.mjs [--dist DIR] [--routes /,/search/?area=271004]
//
// Not part of tests/run-all.sh: five routes take about two minutes.
import { createServer } from 'node:http';
import { readFile, stat, mkdir, writeFile } from 'node:fs/promises';
import { join, extname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import zlib, { brotliCompressSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
const e2e = createRequire(join(ROOT, 'tests/e2e/package.json'));
const lighthouse = (await import(pathToFileURL(e2e.resolve('lighthouse')))).default;
const chromeLauncher = await import(pathToFileURL(e2e.resolve('chrome-launcher')));
const { version } = JSON.parse(await readFile(e2e.resolve('lighthouse/package.json'), 'utf8'));

const args = process.argv.slice(2);
const DIST = resolve(args.includes('--dist') ? args[args.indexOf('--dist') + 1] : (process.env.KN_DIST ?? join(ROOT, 'dist')));
const OUT = join(ROOT, 'target/lighthouse');
// `--routes /a/,/b/?x=1` for another build (the 50,000-facility one of BENCHMARKS.md).
const ROUTES = args.includes('--routes') ? args[args.indexOf('--routes') + 1].split(',') : ['/', '/search/?area=132144', '/areas/132144/', '/catalogue/', '/screening/'];
const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
};
const HASHED = /^\/(pkg\/|data\/[0-9a-f]+\/|(boot|correction|style)\.[0-9a-f]{10}\.(js|css)$)/;

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = join(DIST, path);
  let status = 200;
  if (path.split('/').includes('..')) { file = join(DIST, '404.html'); status = 404; }
  if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
  if (!(await stat(file).catch(() => null))) { file = join(DIST, '404.html'); status = 404; }
  const headers = {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    vary: 'Accept-Encoding',
  };
  let body;
  const br = /\bbr\b/.test(req.headers['accept-encoding'] ?? '');
  if (br && await stat(`${file}.br`).catch(() => null)) {
    body = await readFile(`${file}.br`);
    headers['content-encoding'] = 'br';
  } else if (br && /^(text\/|application\/(json|wasm|xml|manifest)|image\/svg)/.test(headers['content-type'])) {
    // What hosts do for files the build leaves uncompressed (the small pages).
    body = brotliCompressSync(await readFile(file), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } });
    headers['content-encoding'] = 'br';
  } else {
    body = await readFile(file);
  }
  res.writeHead(status, headers);
  res.end(body);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});

await mkdir(OUT, { recursive: true });
const rows = [];
let failed = false;
try {
  for (const route of ROUTES) {
    const result = await lighthouse(origin + route, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: Object.keys(TARGETS),
    });
    const lhr = result.lhr;
    const name = route.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home';
    await writeFile(join(OUT, `${name}.json`), result.report);
    const scores = Object.fromEntries(Object.keys(TARGETS).map((k) => [k, Math.round(lhr.categories[k].score * 100)]));
    const ms = (id) => Math.round(lhr.audits[id].numericValue);
    // Audits that count towards a score and did not pass in full.
    const weighted = new Set(Object.values(lhr.categories).flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => r.id)));
    const failing = Object.values(lhr.audits)
      .filter((a) => weighted.has(a.id) && a.score !== null && a.score < 0.9)
      .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
    const row = {
      route, ...scores,
      lcp_ms: ms('largest-contentful-paint'), fcp_ms: ms('first-contentful-paint'),
      tbt_ms: ms('total-blocking-time'), cls: Number(lhr.audits['cumulative-layout-shift'].numericValue.toFixed(3)),
      transfer_kb: Math.round(lhr.audits['total-byte-weight'].numericValue / 1024),
      failing,
    };
    rows.push(row);
    for (const [k, min] of Object.entries(TARGETS)) if (scores[k] < min) failed = true;
    console.log(`${route}: ${Object.entries(scores).map(([k, v]) => `${k} ${v}`).join(', ')}, LCP ${(row.lcp_ms / 1000).toFixed(1)} s${failing.length ? `; failing: ${failing.join(', ')}` : ''}`);
  }
} finally {
  await chrome.kill();
  server.close();
}

const when = new Date().toISOString().slice(0, 10);
const md = [
  `Lighthouse ${version}, mobile (simulated slow 4G, 4× CPU), Debian Chromium, ${when}`,
  '',
  '| route | performance | accessibility | best practices | SEO | LCP | TBT | CLS | transfer |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| \`${r.route}\` | ${r.performance} | ${r.accessibility} | ${r['best-practices']} | ${r.seo} | ${(r.lcp_ms / 1000).toFixed(1)} s | ${r.tbt_ms} ms | ${r.cls} | ${r.transfer_kb} KB |`),
  '',
  ...rows.filter((r) => r.failing.length).map((r) => `- \`${r.route}\`: ${r.failing.join(', ')}`),
  '',
].join('\n');
await writeFile(join(OUT, 'summary.json'), JSON.stringify({ lighthouse: version, date: when, dist: DIST, rows }, null, 2));
await writeFile(join(OUT, 'summary.md'), md);
console.log(`\n${md}\nwritten to ${OUT}/summary.{json,md}`);
if (failed) {
  console.error(`below the targets (${Object.entries(TARGETS).map(([k, v]) => `${k} ≥ ${v}`).join(', ')})`);
  process.exit(1);
}
