// The page's third-party scripts are the very files reviewed: the installed source has the SHA-256
// recorded in tools/third-party.json, and the copy in web/ is that source as the build ships it
// (minified under a line naming its package and licence), so a later edit of either is caught.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyScript } from '../../tools/pages.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('third-party: each script shipped in web/ is the reviewed source (SHA-256 in tools/third-party.json), minified', () => {
  const { files } = JSON.parse(readFileSync(path.join(root, 'tools/third-party.json'), 'utf8'));
  assert.ok(files.length >= 1);
  for (const file of files) {
    const source = readFileSync(path.join(root, file.from));
    assert.equal(createHash('sha256').update(source).digest('hex'), file.sha256, file.from);
    const shipped = readFileSync(path.join(root, 'web', file.to), 'utf8');
    const header = `/* ${file.package} ${file.version}: ${file.notice}; the licence is in THIRD-PARTY-NOTICES.txt. */\n`;
    assert.equal(shipped, header + minifyScript(source.toString('utf8')), `web/${file.to}`);
  }
});
