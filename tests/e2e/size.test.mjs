// Issue #10: the performance budget, from the size report (size-report.mjs) of the built
// dist/: what each kind of page downloads, brotli-compressed.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { measure, table } from './size-report.mjs';

const KB = 1024;
/** The home page, everything it downloads. */
const HOME_BUDGET = 200 * KB;
/** The issue's wasm budget: each page with an island loads only its islands' bundle. */
const WASM_BUDGET = 150 * KB;
/** Pages that must stay plain HTML: no wasm, no JS beyond the boot script. */
const PLAIN = ['home', 'facility (content)', 'facility (WAM NET)', 'area (国分寺市)', 'guide', 'about', '404'];

let rows;
before(async () => {
  rows = await measure();
  process.stdout.write(table(rows));
});

const row = (name) => rows.find((r) => r.name === name) ?? assert.fail(`no row ${name}`);

test('the home page downloads at most 200 KB (brotli)', () => {
  assert.ok(row('home').total <= HOME_BUDGET, `home: ${row('home').total} bytes\n${row('home').files.join('\n')}`);
});

test('pages without an island load no wasm and only the boot script', () => {
  for (const name of PLAIN) {
    const r = row(name);
    assert.equal(r.wasm, 0, `${name} loaded wasm: ${r.files.join(', ')}`);
    assert.ok(r.js < 2 * KB, `${name}: ${r.js} bytes of JS`);
  }
});

test('every page with an island loads one wasm bundle, within the 150 KB budget', () => {
  const islands = rows.filter((r) => r.wasm > 0);
  for (const r of islands.filter((r) => r.name !== 'embed generator')) {
    const wasm = r.files.filter(([p]) => p.endsWith('.wasm'));
    assert.equal(wasm.length, 1, `${r.name}: ${wasm.map(([p]) => p).join(', ')}`);
    assert.ok(r.wasm <= WASM_BUDGET, `${r.name}: wasm ${r.wasm} bytes > ${WASM_BUDGET}`);
  }
  for (const name of ['catalogue', 'screening', 'finder (start)', 'finder (国分寺市)', 'widget: finder', 'widget: emergency', 'widget: screening']) {
    assert.ok(row(name).wasm > 0, `${name} hydrates`);
  }
  // The generator's live preview is a widget in a frame, with the widget's own bundle.
  const generator = row('embed generator').files.filter(([p]) => p.endsWith('.wasm'));
  assert.deepEqual(generator.map(([p]) => p.replace(/^.*\/([\w-]+)_bg\..*$/, '$1')).sort(), ['finder-widget', 'generator']);
  const own = generator.find(([p]) => p.includes('/generator_bg.'));
  assert.ok(own[1] <= WASM_BUDGET, `embed generator meets the budget: ${own[1]} bytes`);
  assert.ok(islands.length >= 8, 'the finder, catalogue, self-check, generator and widgets hydrate');
});
