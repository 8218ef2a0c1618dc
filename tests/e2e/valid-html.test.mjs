// Issue #20, valid documents: the W3C Nu HTML Checker (npm vnu-jar, run with Debian's Java)
// finds no error in one page of every kind in dist/ — the pre-rendered HTML as a browser
// gets it before any script runs. It used to report 10,344 errors on 315 of 317 pages,
// nearly all the `<!>` hydration markers Leptos leaves outside islands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DIST } from './harness.mjs';

const require = createRequire(import.meta.url);

/** One page of each kind: the home page, the 404, each top-level page, the first page of
 *  each route family with a parameter (`/facilities/:id/`), and every widget. */
async function pagesOfEveryKind() {
  const kinds = new Map();
  const walk = async (dir, rel) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.isDirectory() && !['pkg', 'data'].includes(e.name)) await walk(join(dir, e.name), [...rel, e.name]);
      else if (e.name === 'index.html' || (e.name === '404.html' && rel.length === 0)) {
        const kind = e.name === '404.html' ? '404' : rel[0] === 'embed' ? rel.join('/') : `${rel[0] ?? ''}/${rel.length}`;
        if (!kinds.has(kind)) kinds.set(kind, join(dir, e.name));
      }
    }
  };
  await walk(DIST, []);
  return kinds;
}

test('the Nu HTML checker finds no error in a page of every kind', async () => {
  const kinds = await pagesOfEveryKind();
  for (const k of ['/0', '404', 'facilities/2', 'areas/2', 'catalogue/1', 'guides/2', 'search/1', 'screening/1', 'embed/screening']) {
    assert.ok(kinds.has(k), `a page of kind ${k} in dist/ (${[...kinds.keys()].join(' ')})`);
  }
  const files = [...kinds.values()];
  const run = spawnSync('java', ['-jar', require('vnu-jar'), '--format', 'json', '--errors-only', ...files], {
    encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(run.error, undefined, `java runs (tests/run-all.sh installs default-jre-headless): ${run.error}`);
  const { messages } = JSON.parse(run.stderr || '{"messages":[]}');
  const errors = messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
  const shown = errors.slice(0, 30).map((m) => `${m.url?.replace(/^file:/, '').replace(DIST, '')}:${m.lastLine}: ${m.message} ${JSON.stringify(m.extract ?? '')}`);
  assert.deepEqual(shown, [], `${errors.length} errors in ${files.length} pages`);
  console.log(`Nu HTML checker: ${files.length} pages, no errors (${[...kinds.keys()].join(' ')})`);
});
