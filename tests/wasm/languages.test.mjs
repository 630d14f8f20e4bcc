// Every word the engine gives is in the language asked for: every shared case, valid
// or not, worded in each content language for each audience, through the WebAssembly engine the
// page ships; and `radiculo evaluate --text` / `--note` print a plan or its errors wholly in it.
// The page's own surfaces are walked in tests/web/languages.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadEngine, repoRoot } from './load-engine.mjs';
import { loadVectors } from './vectors.mjs';
import { LANGUAGES, otherLanguageWords, inContext, shownStrings, ownLanguageParts } from '../language/other-language.mjs';

const cli = process.env.RADICULO_CLI ?? path.join(repoRoot, 'build/bin/radiculo');
const engine = await loadEngine();
const AUDIENCES = ['clinician', 'patient'];
const TEXT_ERRORS = ['tooLarge', 'invalidJson', 'nulByte', 'notObject', 'tooDeep'];

// Each case as an object, asked in another language and audience (a case about a bad language or
// audience keeps its own value: its errors are worded in the default language, as documented).
const cases = loadVectors().filter((vector) => vector.input && typeof vector.input === 'object' && !Array.isArray(vector.input));

function asked(input, language, audience) {
  const out = { ...input };
  if (!('language' in input) || LANGUAGES.includes(input.language)) out.language = language;
  if (!('audience' in input) || AUDIENCES.includes(input.audience)) out.audience = audience;
  return out;
}

function check(text, language, leaveOut, where) {
  const found = otherLanguageWords(text, language, leaveOut);
  assert.deepEqual(found, [], `${where}: words of another language in a ${language} text:\n${inContext(text, found)}`);
}

test('every case, in every language and audience, is worded in that language only', () => {
  let answers = 0;
  let errors = 0;
  for (const vector of cases)
    for (const language of LANGUAGES)
      for (const audience of AUDIENCES) {
        const input = asked(vector.input, language, audience);
        const answer = JSON.parse(engine.evaluate(JSON.stringify(input)));
        const wordedIn = answer.language;
        // (Text that cannot be read as an object has no language to read: its errors are in English.)
        const unreadable = !answer.ok && answer.errors.some((error) => TEXT_ERRORS.includes(error.code));
        if (input.language === language && !unreadable) assert.equal(wordedIn, language, `${vector.name}: worded in ${wordedIn}`);
        for (const text of shownStrings(answer)) check(text, wordedIn, ownLanguageParts(answer), `${vector.name} (${language}, ${audience})`);
        answers += 1;
        if (!answer.ok) errors += answer.errors.length;
      }
  assert.ok(answers >= 4 * 120, `${answers} answers checked`);
  assert.ok(errors >= 140, `${errors} error messages checked`);
});

test('every error code has its message in every language, and a Spanish error says nothing in English', () => {
  // One input that breaks many rules at once, asked in Spanish.
  const input = {
    language: 'es', audience: 'patient', ageYears: 200, symptomWeeks: 3, conservativeCareWeeks: 5, painScore: 7.5,
    muscleSpasm: 'yes', fevr: true, herniation: { contained: true, level: 'L9', extra: 1 },
    assessedFindings: ['nightPain', 'olderAge', 'nightPain'], redFlags: { fever: 'maybe', fevr: false },
  };
  const answer = JSON.parse(engine.evaluate(JSON.stringify(input)));
  assert.equal(answer.ok, false);
  assert.equal(answer.language, 'es');
  const codes = new Set(answer.errors.map((error) => error.code));
  for (const code of ['notWholeNumber', 'moreThanOther', 'notBoolean', 'unknownField', 'notHerniationLevel', 'notHerniationField',
    'findingNotYes', 'olderAgeUnder', 'listedTwice', 'notRedFlagAnswer', 'unknownRedFlag']) assert.ok(codes.has(code), `no ${code}`);
  for (const error of answer.errors) check(error.message, 'es', [], error.code);
  const care = answer.errors.find((error) => error.code === 'moreThanOther');
  assert.deepEqual(care.params, { other: 'symptomWeeks' }, 'the structured key stays for integrators');
  assert.match(care.message, /^no puede ser mayor que/);
});

function run(args, input) {
  const result = spawnSync(cli, args, { input, maxBuffer: 1 << 24 });
  return result.stdout.toString('utf8');
}

for (const language of LANGUAGES) {
  test(`radiculo evaluate --text and --note: a ${language} plan and its errors, wholly in ${language}`, () => {
    const plans = ['check-now-saddle-not-sure-patient', 'urgent-fever-not-sure', 'conservative-age-59', 'incomplete-age-missing',
      'reassess-candidate-13-weeks-no-injection'].map((name) => cases.find((vector) => vector.name === name)).filter(Boolean);
    assert.ok(plans.length >= 4, 'the named cases exist');
    for (const vector of plans)
      for (const audience of AUDIENCES) {
        const input = JSON.stringify(asked(vector.input, language, audience));
        const plan = JSON.parse(engine.evaluate(input));
        for (const args of [['evaluate', '--text', '-'], ['evaluate', '--note', '-']])
          check(run(args, input), language, ownLanguageParts(plan), `${args.join(' ')} ${vector.name} ${audience}`);
      }
    const broken = JSON.stringify({ language, painScore: 11, symptomWeeks: 2, conservativeCareWeeks: 3, fevr: true });
    for (const args of [['evaluate', '--text', '-'], ['evaluate', '--note', '-']]) {
      const text = run(args, broken);
      assert.match(text, /\/painScore/);
      check(text, language, [], args.join(' '));
    }
  });
}

test('the check finds English in a Spanish text (it can fail)', () => {
  assert.deepEqual(otherLanguageWords('Semanas de cuidados sencillos must not be more than duración', 'es'), ['must', 'not', 'be', 'more', 'than']);
  assert.deepEqual(otherLanguageWords('Vaya a urgencias de un hospital.', 'es'), []);
  assert.ok(otherLanguageWords('Go now to urgencias', 'en').includes('urgencias'));
});
