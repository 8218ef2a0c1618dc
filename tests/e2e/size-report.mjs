// Size report (issue #10): what a family downloads for each kind of page, brotli-compressed
// (quality 11, as the builder's .br files), by kind — HTML, CSS, JS, wasm, data. Each page is
// loaded in headless Chromium until it is idle; every same-origin response is looked up in
// dist/ and counted once per page. Run it alone to print the table:
//   node tests/e2e/size-report.mjs [dist-dir]        (writes target/size-report.md too)
// size.test.mjs runs it and enforces the budgets.
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { brotliCompressSync, constants } from 'node:zlib';
import { join, extname } from 'node:path';
import { serve, launch, openPage, hydrated, DIST, ROOT } from './harness.mjs';

/** The pages measured: one of each route family, with a query where the page needs one. */
export async function routes(dist) {
  const facilities = (await readdir(join(dist, 'facilities'))).sort();
  const content = facilities.find((id) => !id.startsWith('w')) ?? facilities[0];
  const open = facilities.find((id) => id.startsWith('w')) ?? facilities[0];
  return [
    ['home', '/'],
    ['finder (start)', '/search/'],
    ['finder (国分寺市)', '/search/?area=132144'],
    ['facility (content)', `/facilities/${content}/`],
    ['facility (WAM NET)', `/facilities/${open}/`],
    ['area (国分寺市)', '/areas/132144/'],
    ['catalogue', '/catalogue/'],
    ['screening', '/screening/'],
    ['guide', '/guides/what-is/'],
    ['embed generator', '/embed/'],
    ['widget: finder', '/embed/finder/?area=132144'],
    ['widget: emergency', '/embed/emergency/?area=132144'],
    ['widget: screening', '/embed/screening/?area=132144'],
    ['about', '/about/'],
    ['404', '/no/such/page/'],
  ];
}

const KINDS = ['html', 'css', 'js', 'wasm', 'data'];

function kindOf(path) {
  const ext = extname(path);
  if (ext === '.wasm') return 'wasm';
  if (ext === '.js') return 'js';
  if (ext === '.css') return 'css';
  if (ext === '.html' || ext === '') return 'html';
  return 'data';
}

const cache = new Map();
async function brotliSize(file) {
  if (!cache.has(file)) {
    const bytes = await readFile(file);
    cache.set(file, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length);
  }
  return cache.get(file);
}

/** Measure every route: `{ name, path, html, css, js, wasm, data, total, files }` in bytes. */
export async function measure(dist = DIST) {
  const site = await serve(dist);
  const browser = await launch();
  const rows = [];
  try {
    for (const [name, path] of await routes(dist)) {
      const { context, page } = await openPage(browser);
      const seen = new Map();
      page.on('response', (r) => {
        const url = new URL(r.url());
        if (url.origin === site.origin && r.status() !== 304) seen.set(url.pathname, r.status());
      });
      await page.goto(site.url(path));
      await hydrated(page);
      await page.waitForLoadState('networkidle');
      const row = { name, path, files: [], total: 0, ...Object.fromEntries(KINDS.map((k) => [k, 0])) };
      for (const [p, status] of seen) {
        let file = join(dist, decodeURIComponent(p));
        if (p.endsWith('/')) file = join(file, 'index.html');
        if (status === 404) file = join(dist, '404.html');
        const size = await brotliSize(file).catch(() => null);
        if (size === null) continue;
        const kind = kindOf(file);
        row[kind] += size;
        row.total += size;
        row.files.push([p, size]);
      }
      rows.push(row);
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return rows;
}

const kb = (n) => (n / 1024).toFixed(1);

export function table(rows) {
  const head = `| page | HTML | CSS | JS | wasm | data | total |\n|---|---:|---:|---:|---:|---:|---:|\n`;
  return head + rows.map((r) => `| ${r.name} \`${r.path}\` | ${KINDS.map((k) => kb(r[k])).join(' | ')} | **${kb(r.total)}** |`).join('\n') + '\n\n(KB, brotli quality 11)\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await measure(process.argv[2] ?? DIST);
  const text = table(rows);
  process.stdout.write(text);
  await mkdir(join(ROOT, 'target'), { recursive: true });
  await writeFile(join(ROOT, 'target', 'size-report.md'), text);
}
