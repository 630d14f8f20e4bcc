// Writes a gzip (-9) and a brotli (quality 11) copy beside every file the offline worker lists (and
// the worker and its list): <file>.gz and <file>.br, for hosts that serve precompressed files
// (nginx gzip_static / brotli_static, Apache with mod_rewrite, Caddy precompressed). The page's
// engine is 600 KB raw and under 200 KB compressed: a host must never send it raw
// (docs/deployment.md, section 3). Copies whose file is gone are deleted. Generated, not in git.
// Run by ./build-wasm.sh after tools/precache.mjs; usage: node tools/precompress.mjs [web-folder]
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import path from 'node:path';
import vm from 'node:vm';

const webDir = path.resolve(process.argv[2] || 'web');
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.wasm', '.svg', '.webmanifest', '.txt']);

const sandbox = { self: {} };
vm.runInNewContext(readFileSync(path.join(webDir, 'precache-manifest.js'), 'utf8'), sandbox);
const files = ['sw.js', 'precache-manifest.js', ...sandbox.self.RADICULO_PRECACHE.files.map((entry) => entry.url)]
  .filter((file) => COMPRESSIBLE.has(path.extname(file)) && file !== 'settings.json'); // settings.json: edited in place, no stale copy
const wanted = new Set(files.flatMap((file) => [`${file}.gz`, `${file}.br`]));

function writeIfChanged(file, bytes) {
  if (!existsSync(file) || !readFileSync(file).equals(bytes)) writeFileSync(file, bytes);
}

let gzipTotal = 0;
let brotliTotal = 0;
for (const file of files) {
  const raw = readFileSync(path.join(webDir, file));
  const gz = gzipSync(raw, { level: 9 });
  const br = brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } });
  writeIfChanged(path.join(webDir, `${file}.gz`), gz);
  writeIfChanged(path.join(webDir, `${file}.br`), br);
  gzipTotal += gz.length;
  brotliTotal += br.length;
}

// Copies left from files a build no longer ships.
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [path.relative(webDir, full).split(path.sep).join('/')];
  });
}
for (const file of walk(webDir)) if (/\.(gz|br)$/.test(file) && !wanted.has(file)) rmSync(path.join(webDir, file));

console.log(`precompress: ${files.length} files as .gz (${gzipTotal} bytes) and .br (${brotliTotal} bytes)`);
