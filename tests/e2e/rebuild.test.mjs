// A content-only change rebuilds without the compiler (issue #18): municipal staff edit a
// Markdown file and run `build` or `serve`; the wasm bundles come from the source cache.
// The build is given a `cargo` that fails and leaves a mark, so the test times nothing: it
// fails if any bundle asks cargo to compile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cp, mkdtemp, readFile, readdir, rm, writeFile, appendFile, chmod, access } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, DIST } from './harness.mjs';

const run = promisify(execFile);

test('a content-only change rebuilds the site without running cargo', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kn-rebuild-'));
  try {
    await cp(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
    const sentence = `確認のための一文です（${Date.now()}）。`;
    await appendFile(join(dir, 'content/guides/what-is.md'), `\n${sentence}\n`);
    const mark = join(dir, 'cargo-ran');
    const fakeCargo = join(dir, 'cargo');
    await writeFile(fakeCargo, `#!/bin/sh\necho "$@" > '${mark}'\nexit 1\n`);
    await chmod(fakeCargo, 0o755);
    const env = {
      ...process.env,
      CARGO: fakeCargo,
      WASM_OPT: process.env.WASM_OPT ?? join(ROOT, 'tests/e2e/node_modules/.bin/wasm-opt'),
    };
    const { stderr } = await run(join(ROOT, 'target/release/kyoten-navi'),
      ['build', '--content', join(dir, 'content'), '--out', join(dir, 'dist')], { env, maxBuffer: 1 << 24 });
    await assert.rejects(access(mark), 'the build ran cargo for a content-only change');
    assert.equal((stderr.match(/unchanged since its last build \(no compile\)/g) ?? []).length, 6, stderr);
    const page = await readFile(join(dir, 'dist/guides/what-is/index.html'), 'utf8');
    assert.ok(page.includes(sentence), 'the edited guide is in the rebuilt page');
    // The same bundles as the site built before: their hashed names are equal.
    const wasm = async (d) => (await readdir(join(d, 'pkg'))).filter((f) => f.endsWith('.wasm')).sort();
    assert.deepEqual(await wasm(join(dir, 'dist')), await wasm(DIST));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
