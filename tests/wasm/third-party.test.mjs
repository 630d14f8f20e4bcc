// The page's third-party scripts in web/ are the very files reviewed: their SHA-256 as recorded in
// tools/third-party.json (the build copies them only when they match; this catches a later edit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('third-party: each script shipped in web/ has the SHA-256 recorded in tools/third-party.json', () => {
  const { files } = JSON.parse(readFileSync(path.join(root, 'tools/third-party.json'), 'utf8'));
  assert.ok(files.length >= 1);
  for (const file of files) {
    const shipped = createHash('sha256').update(readFileSync(path.join(root, 'web', file.to))).digest('hex');
    assert.equal(shipped, file.sha256, `web/${file.to}`);
  }
});
