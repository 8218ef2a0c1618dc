// Issue #10, host configuration: public/_headers (Netlify, Cloudflare Pages) and
// deploy/nginx.conf give every file of a built dist/ the headers it needs — pages not
// framed by other sites except the /embed/<widget>/ pages, hashed files cached for a year,
// HTML / sw.js / embed.js revalidated — and nginx really serves the .br files, with the
// wasm type. The _headers rules are matched as both hosts match them (`*` any characters,
// `:name` one path segment), and no header may come from two rules that match one file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { spawn, spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DIST, DIST_SUB, ROOT } from './harness.mjs';

const YEAR = 'public, max-age=31536000, immutable';
const WIDGET = /^\/embed\/[^/]+\//;
const HASHED = /^\/(pkg\/|data\/[0-9a-f]+\/|(boot|correction|style)\.[0-9a-f]{10}\.(js|css)$)/;
const REVALIDATED = new Set(['/sw.js', '/embed.js', '/manifest.webmanifest']);

/** Every URL path dist/ serves: files, and directories with an index.html as `dir/`. */
async function servedPaths(dir = DIST) {
  const paths = [];
  const walk = async (dir, rel) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) await walk(join(dir, e.name), r);
      else if (!/\.(br|gz)$/.test(e.name) && r !== '/_headers') {
        paths.push(r);
        if (e.name === 'index.html') paths.push(r.slice(0, -'index.html'.length));
      }
    }
  };
  await walk(dir, '');
  return paths;
}

/** What each path must get, whatever the host. */
function expected(path) {
  const page = path.endsWith('/') || path.endsWith('.html');
  if (page) {
    return WIDGET.test(path)
      ? { cache: 'no-cache', frame: null }
      : { cache: 'no-cache', frame: "frame-ancestors 'none'" };
  }
  if (HASHED.test(path)) return { cache: YEAR };
  if (REVALIDATED.has(path)) return { cache: 'no-cache' };
  return { cache: 'not immutable' };
}

function check(path, headers, where) {
  const want = expected(path);
  const cache = headers['cache-control'];
  if (want.cache === 'not immutable') assert.ok(!/immutable/.test(cache ?? ''), `${where} ${path}: cache-control ${cache}`);
  else assert.equal(cache, want.cache, `${where} ${path}: cache-control`);
  if ('frame' in want) {
    assert.equal(headers['content-security-policy'] ?? null, want.frame, `${where} ${path}: frame-ancestors`);
    assert.equal(headers['x-frame-options'] ?? null, want.frame ? 'DENY' : null, `${where} ${path}: x-frame-options`);
  }
}

/** `_headers` → [{ pattern, regex, headers: [[name, value]] }]. */
function parseHeaders(text) {
  const rules = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      assert.ok(line.startsWith('/'), `_headers line ${i + 1}: a rule starts with /`);
      assert.ok((line.match(/\*/g) ?? []).length <= 1, `_headers line ${i + 1}: at most one *`);
      const source = line.trim().split(/(\*|:[a-z]+)/).map((part) => {
        if (part === '*') return '.*';
        if (/^:[a-z]+$/.test(part)) return '[^/]+';
        return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
      }).join('');
      rules.push({ pattern: line.trim(), regex: new RegExp(`^${source}$`), headers: [] });
    } else {
      const m = line.trim().match(/^([A-Za-z-]+):\s*(.+)$/);
      assert.ok(m && rules.length, `_headers line ${i + 1}: "Name: value" under a rule`);
      rules.at(-1).headers.push([m[1].toLowerCase(), m[2]]);
    }
  }
  assert.ok(rules.length <= 100, 'Cloudflare Pages allows 100 rules');
  return rules;
}

let paths;
before(async () => { paths = await servedPaths(); });

/** Check every path of a build against its `_headers`: `prefix` is the base path (without its
 *  last slash) that the host puts in front of every path of the build. */
function checkHeaders(text, paths, prefix = '') {
  const rules = parseHeaders(text);
  const used = new Set();
  const counts = { page: 0, widget: 0, hashed: 0 };
  for (const path of paths) {
    const headers = {};
    for (const rule of rules.filter((r) => r.regex.test(prefix + path))) {
      used.add(rule.pattern);
      for (const [name, value] of rule.headers) {
        assert.ok(!(name in headers), `${prefix}${path}: ${name} set by two rules (Cloudflare would join them)`);
        headers[name] = value;
      }
    }
    check(path, headers, `_headers ${prefix}`);
    assert.equal(headers['x-content-type-options'], 'nosniff', path);
    if (path.endsWith('/')) counts[WIDGET.test(path) ? 'widget' : 'page']++;
    if (HASHED.test(path)) counts.hashed++;
  }
  // Rules for files a build may lack today (embed.js, widget pages) are listed, not failed.
  const unused = rules.map((r) => r.pattern).filter((p) => !used.has(p));
  for (const p of unused) assert.ok(['/embed.js', '/embed/:widget/', '/embed/:widget/index.html'].map((q) => prefix + q).includes(p), `rule ${p} matches nothing in dist/`);
  assert.ok(counts.page > 100 && counts.hashed > 10, JSON.stringify(counts));
  console.log(`_headers checked on ${paths.length} paths: ${counts.page} pages, ${counts.widget} widget pages, ${counts.hashed} hashed files; rules matching nothing in this build: ${unused.join(', ') || 'none'}`);
  return rules;
}

test('_headers: every file of dist/ gets its headers, from one rule per header', async () => {
  const text = await readFile(join(DIST, '_headers'), 'utf8');
  assert.equal(text, await readFile(join(ROOT, 'public/_headers'), 'utf8'), 'dist/_headers is public/_headers');
  checkHeaders(text, paths);
});

// Issue #20: copied unchanged into a base-path build, no rule matched a page there, so no
// page got frame-ancestors. The build writes the rules under the base path.
test('_headers of a base-path build: every rule is under the base path and every file gets its headers', async () => {
  const text = await readFile(join(DIST_SUB, '_headers'), 'utf8');
  const rules = checkHeaders(text, await servedPaths(DIST_SUB), '/kyoten/navi');
  for (const r of rules) assert.ok(r.pattern.startsWith('/kyoten/navi/'), `${r.pattern} is under the base path`);
});

/** A free port on 127.0.0.1. */
async function freePort() {
  const s = createServer();
  await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address();
  await new Promise((ok) => s.close(ok));
  return port;
}

function get(port, path, headers = {}) {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

let nginx, work;
after(async () => { nginx?.kill(); if (work) await rm(work, { recursive: true, force: true }); });

test('deploy/nginx.conf: a real nginx serves dist/ with the same headers, .br files and the wasm type', async () => {
  const bin = ['/usr/sbin/nginx', 'nginx'].find((b) => spawnSync(b, ['-v']).status === 0);
  assert.ok(bin, 'nginx is needed for this test: apt-get install nginx-light libnginx-mod-http-brotli-static libnginx-mod-http-brotli-filter (tests/run-all.sh does)');
  const modules = ['ngx_http_brotli_static_module.so', 'ngx_http_brotli_filter_module.so'].map((m) => `/usr/lib/nginx/modules/${m}`);
  const port = await freePort();
  work = await mkdtemp(join(tmpdir(), 'kn-nginx-'));
  const site = (await readFile(join(ROOT, 'deploy/nginx.conf'), 'utf8'))
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`).replace(/listen \[::\]:80;/, '')
    .replace(/root \/srv\/kyoten-navi\/dist;/, `root ${DIST};`);
  assert.notEqual(site, await readFile(join(ROOT, 'deploy/nginx.conf'), 'utf8'));
  await writeFile(join(work, 'site.conf'), site);
  await writeFile(join(work, 'nginx.conf'), `${modules.map((m) => `load_module ${m};`).join(' ')}
daemon off; master_process off; pid ${work}/nginx.pid; error_log ${work}/error.log;
events {}
http { include /etc/nginx/mime.types; access_log off;
  client_body_temp_path ${work}; proxy_temp_path ${work}; fastcgi_temp_path ${work}; uwsgi_temp_path ${work}; scgi_temp_path ${work};
  include ${work}/site.conf; }
`);
  const t = spawnSync(bin, ['-t', '-c', join(work, 'nginx.conf')], { encoding: 'utf8' });
  assert.equal(t.status, 0, t.stderr);
  nginx = spawn(bin, ['-c', join(work, 'nginx.conf')], { stdio: 'ignore' });
  for (let i = 0; ; i++) {
    if (await get(port, '/').then(() => true, () => false)) break;
    assert.ok(i < 50, 'nginx did not start');
    await new Promise((ok) => setTimeout(ok, 100));
  }

  // One path of each kind: every top-level file, one page per route family, every widget,
  // every pkg file and one data file.
  const sample = new Set();
  const family = new Set();
  for (const p of paths) {
    const top = p.split('/')[1];
    if (!p.slice(1).includes('/')) sample.add(p);
    else if (p.endsWith('/') && !family.has(top)) { family.add(top); sample.add(p); }
    if (WIDGET.test(p) && p.endsWith('/')) sample.add(p);
    if (p.startsWith('/pkg/')) sample.add(p);
  }
  sample.add(paths.find((p) => p.startsWith('/data/') && p.endsWith('.json')));
  sample.add('/embed/');
  for (const path of sample) {
    const res = await get(port, path, { 'accept-encoding': 'br, gzip' });
    assert.equal(res.status, 200, path);
    check(path, res.headers, 'nginx');
    assert.equal(res.headers['x-content-type-options'], 'nosniff', path);
    if (path.endsWith('.wasm')) assert.equal(res.headers['content-type'], 'application/wasm');
    // Pre-compressed files go out as they are; the small pages are compressed on the way.
    const file = join(DIST, path.endsWith('/') ? `${path}index.html` : path);
    const br = await readFile(`${file}.br`).catch(() => null);
    if (br) assert.ok(res.body.equals(br), `${path}: its .br file is served as it is`);
    if (br || /\/$|\.(wasm|js|css|json)$/.test(path)) assert.equal(res.headers['content-encoding'], 'br', `${path}: brotli`);
  }
  const gz = await get(port, '/', { 'accept-encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip', 'the .gz sibling without brotli support');
  const missing = await get(port, '/no/such/page/');
  assert.equal(missing.status, 404);
  assert.match(missing.body.toString(), /<html lang="ja"/, 'the site’s own 404 page');
  check('/404.html', missing.headers, 'nginx');
  assert.equal((await get(port, '/_headers')).status, 404, '_headers is not served');
  console.log(`nginx checked on ${sample.size} paths (${[...family].join(', ')}; widgets: ${paths.filter((p) => WIDGET.test(p) && p.endsWith('/')).join(', ') || 'none in this build'})`);
});
