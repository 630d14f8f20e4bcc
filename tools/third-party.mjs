// Copies the page's one third-party script into web/lib/: the QR code encoder of the take-home code
// (web/handover.js), qrcode-generator by Kazuhiko Arase (MIT), as pinned in package-lock.json and
// installed by `npm ci` (scripts/setup.sh). Copied minified, never fetched at run time and never kept in git:
// the lockfile's integrity hash is the check on its bytes. Its licence is in web/THIRD-PARTY-NOTICES.txt.
// Run by ./build-wasm.sh before the precache list is written; usage: node tools/third-party.mjs [web-folder]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { minifyScript } from './pages.mjs';

const webDir = path.resolve(process.argv[2] || 'web');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const FILES = [
  { from: 'node_modules/qrcode-generator/dist/qrcode.js', to: 'lib/qrcode.js', package: 'qrcode-generator',
    notice: 'Copyright (c) 2009 Kazuhiko Arase, MIT licence' },
];

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
  mkdirSync(path.dirname(path.join(webDir, file.to)), { recursive: true });
  // Minified (it is downloaded on every first visit), under a line naming it and its licence.
  const header = `/* ${file.package} ${installed}: ${file.notice}; the licence is in THIRD-PARTY-NOTICES.txt. */\n`;
  const text = header + minifyScript(readFileSync(source, 'utf8'));
  const target = path.join(webDir, file.to);
  if (!existsSync(target) || readFileSync(target, 'utf8') !== text) writeFileSync(target, text);
  console.log(`third-party: ${file.to} from ${file.package} ${installed}`);
}
