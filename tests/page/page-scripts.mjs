// Loads the page's DOM-free scripts (web/answers.js) in Node, as the page loads them: classic
// scripts that attach one object each to window.Radiculo. There is no DOM and no document here, so
// a script that reached for one would fail. (Compiled as functions of `window` in this realm, so
// their arrays and objects compare with assert.deepStrictEqual like any other.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { repoRoot } from '../wasm/load-engine.mjs';

export function loadPageScripts(...files) {
  const window = {};
  for (const file of files) {
    vm.compileFunction(readFileSync(path.join(repoRoot, 'web', file), 'utf8'), ['window'], { filename: `web/${file}` })(window);
  }
  return window.Radiculo;
}
