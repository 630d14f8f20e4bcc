// Plain language for patients: every English patient text reads at US grade 8 or below
// (Flesch-Kincaid, from the flesch-kincaid and syllable packages). Spanish is reported, not
// enforced (Flesch-Kincaid is an English formula; the Fernández-Huerta figure is printed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

const MAX_GRADE = 8;
// Flesch-Kincaid means nothing for a two-word label ("Guidelines differ" scores grade 15), so
// texts shorter than this are left out of the per-text check (they still count in the overall).
const MIN_WORDS = 8;
const langFile = (code) => new URL(`../../content/lang/${code}.json`, import.meta.url);

// Every patient-facing string, with its path. Placeholders get a typical value.
function patientTexts(node, path = '') {
  if (typeof node === 'string') return path.split('/').includes('patient') ? [{ path, text: node }] : [];
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([key, value]) => patientTexts(value, `${path}/${key}`));
  return [];
}

const example = { redFlags: 'fever', unanswered: 'fever or weight loss', unansweredCaudaEquina: 'numbness',
  reassessIn: '3 weeks', painScore: '7', symptomDuration: '4 weeks', careDuration: '2 weeks', herniationLevel: 'L5-S1',
  emergencyIfYes: 'a fever' };
// Worded by the clinicians who checked the rules, and kept word for word: reported, not held to the grade.
const VERBATIM = new Set(['/questions/recentInfectionOrProcedure/patient/text']);

function counts(text) {
  const filled = text.replace(/\{(\w+)\}/g, (_, name) => example[name] ?? name);
  const sentences = filled.split(/[.!?:;]+(?:\s|$)/).filter((s) => /\w/.test(s)).length || 1;
  const words = filled.split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}'-]/gu, '')).filter(Boolean);
  return { sentence: sentences, word: words.length, syllable: words.reduce((n, w) => n + syllable(w), 0) };
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

test('Spanish patient texts: readability reported', { skip: !existsSync(langFile('es')) }, () => {
  const texts = patientTexts(JSON.parse(readFileSync(langFile('es'), 'utf8')));
  const c = counts(texts.map((t) => t.text).join(' '));
  // Fernández-Huerta (1959), the Spanish adaptation of Flesch reading ease: 60-70 is "normal".
  const ease = 206.84 - 60 * (c.syllable / c.word) - 1.02 * (c.word / c.sentence);
  console.log(`readability: ${texts.length} Spanish patient texts, Fernández-Huerta ease ${ease.toFixed(1)} ` +
    `(syllables counted with an English-trained counter: indicative only)`);
});
