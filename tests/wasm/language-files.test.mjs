// The WebAssembly engine embeds no language's words: the page hands it the language it shows as a
// data file (web/engine/content-<code>.json, tools/content-files.mjs). The records module checks
// each file with the engine's content self-check before it is used; the plan module (the page's
// first download) takes only the very files the build made and checked, by their fingerprints. A
// language not handed over is an error naming the languages it has, never a plan in another language
// or a partial one; a refused file changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engineLanguages, languageFile, loadEngine, loadRecords } from './load-engine.mjs';

const typical = { ageYears: 45, symptomWeeks: 3, painScore: 5 };
const codes = engineLanguages();
const other = codes.find((code) => code !== 'en');

test('a module handed no language answers every call with an error, never a plan', async () => {
  const engine = await loadEngine({ languages: [] });
  const plan = JSON.parse(engine.evaluate(JSON.stringify(typical)));
  assert.equal(plan.ok, false);
  assert.equal(plan.errors[0].code, 'notLanguage');
  assert.equal(plan.triage, undefined);
  assert.equal(JSON.parse(engine.content('en')).ok, false);
  // What the build has stays named: the contract (schema, version) is the same with or without words.
  assert.deepEqual(JSON.parse(engine.version()).languages, codes);
  assert.deepEqual(JSON.parse(engine.schema()).properties.language.enum, codes);
});

test('a module handed English plans in English and refuses another language by name', async () => {
  const engine = await loadEngine({ languages: ['en'] });
  const plan = JSON.parse(engine.evaluate(JSON.stringify(typical)));
  assert.equal(plan.ok, true);
  assert.equal(plan.language, 'en');
  assert.ok(other, 'the build has a second language');
  const refused = JSON.parse(engine.evaluate(JSON.stringify({ ...typical, language: other })));
  assert.equal(refused.ok, false);
  assert.deepEqual(refused.errors.map((error) => [error.field, error.code, error.params.values]), [['/language', 'notLanguage', '["en"]']]);
  assert.equal(JSON.parse(engine.content(other)).ok, false);
  assert.deepEqual(JSON.parse(engine.content('en')).languages.map((language) => language.code), ['en']);
  // Handed later, the other language plans too, and the language list names both.
  assert.equal(JSON.parse(engine.addLanguage(languageFile(other))).ok, true);
  assert.equal(JSON.parse(engine.evaluate(JSON.stringify({ ...typical, language: other }))).language, other);
  assert.deepEqual(JSON.parse(engine.content('en')).languages.map((language) => language.code), ['en', other]);
});

for (const [name, load] of [['plan module', loadEngine], ['records module', loadRecords]]) {
test(`${name}: a damaged, foreign or malformed language file is refused with its problems and changes nothing`, async () => {
  const engine = await load({ languages: ['en'] });
  const file = JSON.parse(languageFile(other));
  const damaged = structuredClone(file);
  delete damaged.words.errors.notLanguage;
  const answers = [
    JSON.stringify(damaged),
    JSON.stringify({ ...file, language: 'xx' }),
    JSON.stringify({ language: other, words: file.words }),
    '{"language": ',
    '[]',
  ].map((text) => JSON.parse(engine.addLanguage(text)));
  for (const answer of answers) {
    assert.equal(answer.ok, false);
    assert.ok(answer.problems.length > 0 && answer.problems.every((problem) => typeof problem === 'string' && problem.length > 0));
  }
  // The records module names what the self-check found; the plan module, that it is not the build's file.
  assert.match(answers[0].problems.join('\n'), load === loadRecords ? /errors\/notLanguage/ : new RegExp(`content-${other}\\.json is not the file this engine was built with`));
  assert.match(answers[1].problems.join('\n'), /"xx" is not a language of this build/);
  assert.equal(JSON.parse(engine.evaluate(JSON.stringify({ ...typical, language: other }))).ok, false, 'nothing was added');
  // English handed again, with other words, is refused too: a loaded language never changes.
  const english = JSON.parse(languageFile('en'));
  english.words.languageName = 'Changed';
  assert.equal(JSON.parse(engine.addLanguage(JSON.stringify(english))).ok, false);
  assert.equal(JSON.parse(engine.addLanguage(languageFile('en'))).ok, true, 'the same file again is fine');
});
}

test('plan module: a file of the build with one byte changed (still valid, same words) is refused', async () => {
  const engine = await loadEngine({ languages: [] });
  const file = languageFile('en');
  const respaced = file.replace('{"language":', '{ "language":'); // the same JSON, other bytes
  assert.deepEqual(JSON.parse(respaced), JSON.parse(file));
  assert.match(JSON.parse(engine.addLanguage(respaced)).problems.join('\n'), /content-en\.json is not the file this engine was built with/);
  assert.equal(JSON.parse(engine.addLanguage(file)).ok, true);
});

for (const [name, load] of [['plan module', loadEngine], ['records module', loadRecords]]) {
test(`${name}: the default language must come first: another language alone is refused`, async () => {
  const engine = await load({ languages: [] });
  const answer = JSON.parse(engine.addLanguage(languageFile(other)));
  assert.equal(answer.ok, false);
  assert.match(answer.problems.join('\n'), /default language en/);
});
}
