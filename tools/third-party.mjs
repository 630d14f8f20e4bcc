// Copies the page's one third-party script into web/lib/: the QR code encoder of the take-home code
// (web/handover.js), qrcode-generator by Kazuhiko Arase (MIT), as pinned in package-lock.json and
// installed by `npm ci` (scripts/setup.sh). Copied minified, never fetched at run time and never kept in git:
// the lockfile's integrity hash checks the package as downloaded, and the SHA-256 recorded in
// tools/third-party.json checks the very file shipped (a local edit or a test-time rewrite of
// node_modules stops the build). Its licence is in web/THIRD-PARTY-NOTICES.txt.
// Run by ./build-wasm.sh before the precache list is written; usage: node tools/third-party.mjs [web-folder]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { minifyScript } from './pages.mjs';

const webDir = path.resolve(process.argv[2] || 'web');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const FILES = JSON.parse(readFileSync(path.join(root, 'tools/third-party.json'), 'utf8')).files;
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
for (const file of FILES) {
  const source = path.join(root, file.from);
  const wanted = lock.packages[`node_modules/${file.package}`];
  const installed = existsSync(path.join(root, 'node_modules', file.package, 'package.json'))
    && JSON.parse(readFileSync(path.join(root, 'node_modules', file.package, 'package.json'), 'utf8')).version;
  if (!wanted || installed !== wanted.version || !existsSync(source)) {
    console.error(`third-party: ${file.package} ${wanted ? wanted.version : '(not in package-lock.json)'} is not installed: run npm ci (scripts/setup.sh does)`);
    process.exit(1);
  }
  if (wanted.version !== file.version || sha256(source) !== file.sha256) {
    console.error(`third-party: ${file.from} (${file.package} ${wanted.version}) is not the reviewed file: SHA-256 ${sha256(source)}, recorded ${file.sha256} for ${file.version} in tools/third-party.json`);
    process.exit(1);
  }
  mkdirSync(path.dirname(path.join(webDir, file.to)), { recursive: true });
  // Minified (it is downloaded on every first visit), under a line naming it and its licence.
  const header = `/* ${file.package} ${installed}: ${file.notice}; the licence is in THIRD-PARTY-NOTICES.txt. */\n`;
  const text = header + minifyScript(readFileSync(source, 'utf8'));
  const target = path.join(webDir, file.to);
  if (!existsSync(target) || readFileSync(target, 'utf8') !== text) writeFileSync(target, text);
  console.log(`third-party: ${file.to} from ${file.package} ${installed}`);
}
