// The shared cases of tests/vectors/, with the exact text each runner hands the engine.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './load-engine.mjs';

export const vectorDir = path.join(repoRoot, 'tests/vectors');

export function loadVectors() {
  return readdirSync(vectorDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = JSON.parse(readFileSync(path.join(vectorDir, name), 'utf8'));
      const inputText = 'inputText' in file ? file.inputText : JSON.stringify(file.input);
      return { ...file, inputText };
    });
}
