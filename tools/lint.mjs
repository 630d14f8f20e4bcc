// The checks of .editorconfig that a tool can make, on every file git tracks: UTF-8 text ends with
// a line feed, has no carriage return, no tab and no trailing space (Markdown may end a line with
// two spaces: a line break). Fast enough for the quick lane (scripts/test.sh --quick).
//   node tools/lint.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BINARY = /\.(png|ico|wasm|bin|pdf)$/i;
const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean)
  .filter((file) => !BINARY.test(file));
const problems = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(path.join(root, file), 'utf8');
  } catch {
    continue; // listed by git but not in the work tree (being moved)
  }
  if (text.length && !text.endsWith('\n')) problems.push(`${file}: no line feed at the end`);
  const markdown = file.endsWith('.md');
  text.split('\n').forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    if (line.includes('\r')) problems.push(`${where}: a carriage return (use LF line ends)`);
    if (line.includes('\t')) problems.push(`${where}: a tab (indent with spaces)`);
    if (/[ ]+$/.test(line) && !(markdown && / {2}$/.test(line) && !/ {3}$/.test(line))) problems.push(`${where}: trailing space`);
  });
}
if (problems.length) {
  console.error(problems.slice(0, 50).join('\n'));
  console.error(`lint: ${problems.length} problem(s) in ${files.length} files (.editorconfig)`);
  process.exit(1);
}
console.log(`lint: ${files.length} files follow .editorconfig`);
