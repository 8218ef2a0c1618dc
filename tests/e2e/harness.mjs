// Shared browser-test harness: a plain static server for dist/ on 127.0.0.1 (like any
// static host: directory → index.html, unknown path → 404.html with status 404), Debian's
// headless Chromium through playwright-core, console/page-error capture, and axe-core.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, extname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const ROOT = resolve(import.meta.dirname, '../..');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.xml': 'application/xml', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain',
  '.csv': 'text/csv; charset=utf-8', '.geojson': 'application/geo+json',
};

/** Serve `dir` under `base` on an ephemeral 127.0.0.1 port. */
export async function serve(dir, base = '/') {
  const server = createServer(async (req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const send = async (status, file) => {
      const body = await readFile(file);
      res.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    };
    try {
      if (!url.startsWith(base) || url.split('/').includes('..')) return await send(404, join(dir, '404.html'));
      let file = join(dir, url.slice(base.length));
      const s = await stat(file).catch(() => null);
      if (s?.isDirectory()) file = join(file, 'index.html');
      if (await stat(file).catch(() => null)) return await send(200, file);
      // The nearest 404 page up the tree (a reading's own, /en/404.html), as Cloudflare Pages does.
      const parts = url.slice(base.length).split('/');
      for (let n = parts.length - 1; n >= 0; n--) {
        const page = join(dir, ...parts.slice(0, n), '404.html');
        if (await stat(page).catch(() => null)) return await send(404, page);
      }
      return await send(404, join(dir, '404.html'));
    } catch {
      res.writeHead(500); res.end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, url: (p = '') => origin + base + p.replace(/^\//, ''), close: () => new Promise((ok) => server.close(ok)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/** A page that records console errors/warnings and uncaught errors. */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return { context, page, problems };
}

/** Wait until the wasm has hydrated the page (the boot script marks <html>). */
export async function hydrated(page) {
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true', null, { timeout: 20000 });
}

const AXE = require.resolve('axe-core/axe.min.js');

/** Run axe-core (WCAG 2.x A/AA rules) and return its violations. */
export async function axe(page) {
  // Evaluated through DevTools, so the site's CSP (no inline script) stays on.
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(await readFile(AXE, 'utf8'));
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      // WCAG 2.5.3 (label in name) is still marked experimental in axe: asked for by name.
      rules: { 'label-content-name-mismatch': { enabled: true } },
    });
    return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

export const DIST = process.env.KN_DIST ?? join(ROOT, 'dist');
export const DIST_SUB = process.env.KN_DIST_SUB ?? join(ROOT, 'target', 'dist-sub');
