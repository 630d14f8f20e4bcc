// The written content read as text, in every language: no words said twice in a row (one, two or
// three at a time: "hasta descartarlo hasta descartarlo"), and Spanish quoting with «…», never
// straight quotes (those are only JSON's own, where an admin line or an error quotes a value as
// it is written in settings.json or an input). The filled plans are read the same way by
// tests/engine/filled_words_test.cpp.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file) => JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8'));

function* strings(value, where = '') {
  if (typeof value === 'string') yield [where, value];
  else if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) yield* strings(child, `${where}/${key}`);
}

const FILES = ['content/lang/en.json', 'content/lang/es.json', 'content/ui/en.json', 'content/ui/es.json'];
const DOUBLED = /(?<![\p{L}])(\p{L}+(?: \p{L}+){0,2}) \1(?![\p{L}])/iu;
const GRAMMATICAL = new Set(['had had']); // English's past perfect of "have"

test('no word or phrase of the content is said twice in a row', () => {
  const found = [];
  for (const file of FILES)
    for (const [where, text] of strings(read(file))) {
      const match = text.match(DOUBLED);
      if (match && !GRAMMATICAL.has(match[0].toLowerCase())) found.push(`${file} ${where}: "${match[0]}"`);
    }
  assert.deepEqual(found, []);
});

test('Spanish quotes with «…»; straight quotes only for JSON written as it is (admin lines, errors)', () => {
  const found = [];
  for (const file of ['content/lang/es.json', 'content/ui/es.json'])
    for (const [where, text] of strings(read(file)))
      if (text.includes('"') && !/^\/(settingsLines|errors)\//.test(where)) found.push(`${file} ${where}: ${text.slice(0, 80)}`);
  assert.deepEqual(found, []);
});

test('the check finds what it is for', () => {
  assert.match('Ningún tratamiento conservador hasta descartarlo hasta descartarlo.', DOUBLED);
  assert.match('Vea a un médico en en 2 semanas.', DOUBLED);
  assert.doesNotMatch('Vea a un médico en las próximas 2 semanas.', DOUBLED);
});
