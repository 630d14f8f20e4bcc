// The house's counts, for a review or the contributor guide: the shared cases (all, those that
// expect a plan, those that answer every red flag, which a new red flag's script must extend), the
// red flags, and the engine's public headers. Run from anywhere: node tools/counts.mjs
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (file) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const flags = read('content/rules.json').redFlagGroups.flatMap((group) => group.flags);
const cases = readdirSync(path.join(root, 'tests/vectors')).filter((name) => name.endsWith('.json'))
  .map((name) => read(`tests/vectors/${name}`));
const answersEveryFlag = (vector) => {
  const answers = vector.input && vector.input.redFlags;
  return Boolean(answers) && typeof answers === 'object' && flags.every((flag) => flag in answers);
};
const counts = {
  cases: cases.length,
  casesWithAPlan: cases.filter((vector) => vector.expect && vector.expect.triage).length,
  casesAnsweringEveryRedFlag: cases.filter(answersEveryFlag).length,
  redFlags: flags.length,
  publicHeaders: readdirSync(path.join(root, 'src/engine/public')).filter((name) => name.endsWith('.h')).length,
};
for (const [name, value] of Object.entries(counts)) console.log(`${name}: ${value}`);
