// Loads the WebAssembly engine exactly as the page ships it: web/engine/radiculo.js with the
// web/engine/radiculo.wasm beside it (handed over as bytes: Debian's Emscripten 3.1.6 cannot
// fetch a file path in Node).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const enginePath = path.join(repoRoot, 'web/engine/radiculo.js');

export async function loadEngine() {
  const createRadiculo = createRequire(import.meta.url)(enginePath);
  return createRadiculo({ wasmBinary: readFileSync(enginePath.replace(/\.js$/, '.wasm')) });
}
