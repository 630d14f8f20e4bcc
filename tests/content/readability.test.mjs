// Plain language for patients, in every language of the content:
// - English: every patient text reads at US grade 8 or below (Flesch-Kincaid, from the
//   flesch-kincaid and syllable packages).
// - Spanish: Fernández-Huerta reading ease (the Spanish adaptation of Flesch reading ease: 60-70
//   "normal", 70-80 "fairly easy", under 30 "very difficult"), syllables counted by Spanish rules
//   (spanishSyllables below). The floors were set from the text as it was when they were added
//   (all patient text together 75.7; the hardest single text of 8+ words 40.6), with a margin
//   for new content: all together at least 70, each text at least 30. A text under the floor is
//   named with its score, so it can be reworded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

const MAX_GRADE = 8;
const MIN_SPANISH_EASE_OVERALL = 70;
const MIN_SPANISH_EASE_PER_TEXT = 30;
// Flesch-Kincaid means nothing for a two-word label ("Guidelines differ" scores grade 15), so
// texts shorter than this are left out of the per-text check (they still count in the overall).
const MIN_WORDS = 8;
const langFile = (code) => new URL(`../../content/lang/${code}.json`, import.meta.url);

// Every patient-facing string, with its path. Placeholders get a typical value; the options
// comparison's, the numbers of their own cell (content/rules.json).
function patientTexts(node, path = '') {
  if (typeof node === 'string') {
    const own = optionNumbers[path] || {};
    const text = node.replace(/\{(\w+)\}/g, (whole, name) => (name in own ? String(own[name]) : whole));
    return path.split('/').includes('patient') ? [{ path, text }] : [];
  }
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([key, value]) => patientTexts(value, `${path}/${key}`));
  return [];
}

const example = { redFlags: 'fever', unanswered: 'fever or weight loss', unansweredCaudaEquina: 'numbness',
  reassessIn: '3 weeks', painScore: '7', symptomDuration: '4 weeks', careDuration: '2 weeks', herniationLevel: 'L5-S1',
  emergencyIfYes: 'a fever' };
// Worded by the clinicians who checked the rules, and kept word for word: reported, not held to the grade.
const VERBATIM = new Set(['/questions/recentInfectionOrProcedure/patient/text']);

const optionNumbers = Object.fromEntries(JSON.parse(readFileSync(new URL('../../content/rules.json', import.meta.url), 'utf8'))
  .options.rows.flatMap((row) => Object.entries(row.cells).map(([column, cell]) => [`/options/cells/${row.id}/${column}/patient`, cell.numbers || {}])));

function counts(text, syllablesOf = syllable) {
  const filled = text.replace(/\{(\w+)\}/g, (_, name) => example[name] ?? name);
  const sentences = filled.split(/[.!?:;]+(?:\s|$)/).filter((s) => /\w/.test(s)).length || 1;
  const words = filled.split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}'-]/gu, '')).filter(Boolean);
  return { sentence: sentences, word: words.length, syllable: words.reduce((n, w) => n + syllablesOf(w), 0) };
}

// Spanish syllables: one per vowel group, plus one for each pair of strong vowels in it (a hiatus:
// "po-e-ta", "dí-a"); a weak vowel (i, u, ü) beside another vowel is a diphthong ("ciu-dad").
const STRONG_VOWEL = /[aeoáéóíú]/;
export function spanishSyllables(word) {
  let count = 0;
  for (const group of word.toLowerCase().replace(/ü/g, 'u').match(/[aeiouáéíóú]+/g) || []) {
    count += 1;
    for (let i = 1; i < group.length; i += 1) if (STRONG_VOWEL.test(group[i - 1]) && STRONG_VOWEL.test(group[i])) count += 1;
  }
  return Math.max(count, 1); // "y"
}

// Fernández-Huerta (1959): 206.84 - 0.60 x syllables per 100 words - 1.02 x words per sentence.
export function spanishEase(text) {
  const c = counts(text, spanishSyllables);
  return 206.84 - 60 * (c.syllable / c.word) - 1.02 * (c.word / c.sentence);
}

export function grade(text) {
  const c = counts(text);
  return c.word === 0 ? 0 : fleschKincaid(c);
}

test(`English patient texts read at grade ${MAX_GRADE} or below`, () => {
  const texts = patientTexts(JSON.parse(readFileSync(langFile('en'), 'utf8')));
  assert.ok(texts.length > 100, 'patient texts found');
  const graded = texts.map((t) => ({ ...t, grade: grade(t.text) })).sort((a, b) => b.grade - a.grade);
  const all = counts(texts.map((t) => t.text).join(' '));
  const sentences = graded.filter((t) => counts(t.text).word >= MIN_WORDS);
  console.log(`readability: ${texts.length} English patient texts, overall grade ${fleschKincaid(all).toFixed(1)}; ` +
    `highest of the ${sentences.length} with ${MIN_WORDS}+ words: ${sentences[0].grade.toFixed(1)} (${sentences[0].path})`);
  for (const t of graded.filter((entry) => VERBATIM.has(entry.path))) console.log(`readability: ${t.path} grade ${t.grade.toFixed(1)} (verbatim)`);
  const above = graded.filter((t) => t.grade > MAX_GRADE && counts(t.text).word >= MIN_WORDS && !VERBATIM.has(t.path));
  assert.deepEqual(above.map((t) => `${t.path} grade ${t.grade.toFixed(1)}: ${t.text}`), []);
});

test('Spanish syllables are counted by Spanish rules', () => {
  const expected = { día: 2, poeta: 3, ciudad: 2, leer: 2, aéreo: 4, buey: 1, reúne: 3, que: 1, guerra: 2, y: 1,
    emergencia: 4, ciático: 3, entumecimiento: 6 };
  assert.deepEqual(Object.fromEntries(Object.keys(expected).map((word) => [word, spanishSyllables(word)])), expected);
});

test(`Spanish patient texts read with ease ${MIN_SPANISH_EASE_OVERALL}+ together, ${MIN_SPANISH_EASE_PER_TEXT}+ each (Fernández-Huerta)`, () => {
  const texts = patientTexts(JSON.parse(readFileSync(langFile('es'), 'utf8')));
  assert.ok(texts.length > 100, 'patient texts found');
  const overall = spanishEase(texts.map((t) => t.text).join(' '));
  const scored = texts.filter((t) => counts(t.text).word >= MIN_WORDS).map((t) => ({ ...t, ease: spanishEase(t.text) }))
    .sort((a, b) => a.ease - b.ease);
  console.log(`readability: ${texts.length} Spanish patient texts, overall Fernández-Huerta ease ${overall.toFixed(1)}; ` +
    `lowest of the ${scored.length} with ${MIN_WORDS}+ words: ${scored[0].ease.toFixed(1)} (${scored[0].path})`);
  assert.ok(overall >= MIN_SPANISH_EASE_OVERALL, `all Spanish patient text together: ease ${overall.toFixed(1)}, below ${MIN_SPANISH_EASE_OVERALL}`);
  const hard = scored.filter((t) => t.ease < MIN_SPANISH_EASE_PER_TEXT);
  assert.deepEqual(hard.map((t) => `${t.path} ease ${t.ease.toFixed(1)}: ${t.text}`), []);
});
