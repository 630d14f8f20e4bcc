// Finds words of another language in a text meant for one (a Spanish-speaking person
// sees no English on any surface, and the other way round). A word "of English" is one the
// English content uses and the Spanish content never does (and the other way round), so the
// check knows every word Radiculo can say and nothing else; shared words (NICE, MRI in a title,
// "no", JSON keys quoted in both) never count. Documents' own titles and publishers are in their
// own language by design: callers leave them out (marked lang="en" on the page).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readJson = (file) => JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8'));

export const LANGUAGES = ['en', 'es'];

const WORD = /\p{L}+/gu;

function strings(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') for (const child of Object.values(value)) strings(child, out);
  return out;
}

/** Every word a language's content uses (lower case; placeholders and addresses left out). */
function vocabulary(language) {
  const words = new Set();
  for (const file of [`content/lang/${language}.json`, `content/ui/${language}.json`])
    for (const text of strings(readJson(file)))
      for (const word of withoutAddresses(text).replace(/\{\w+\}/g, ' ').match(WORD) || []) words.add(word.toLowerCase());
  return words;
}

// Addresses, file names and JSON lists of contract keys (an error's {values}) are no language's words.
function withoutAddresses(text) {
  return String(text)
    .replace(/\b(?:https?|file):\/\/\S+/g, ' ')
    .replace(/\b[\w.-]+\.(?:html|json|js|org|uk|com|gov)\b\S*/g, ' ')
    .replace(/\[(?:"[^"]*",?)+\]/g, ' ')
    .replace(/\bet al\./g, ' '); // a citation's "and others", in Latin
}

const oneSpace = (text) => String(text).replace(/\s+/g, ' ');

const vocabularies = Object.fromEntries(LANGUAGES.map((language) => [language, vocabulary(language)]));
// Each language's name is shown in its own words on every page (the language switch).
const languageNames = new Set(LANGUAGES.flatMap((language) =>
  (readJson(`content/lang/${language}.json`).languageName.match(WORD) || []).map((word) => word.toLowerCase())));

// The references' titles and publishers (content/rules.json) are in their own language
// (referenceTitleLanguage), shown as written: marked as such on a page in another language, and
// part of the text on a page in theirs, where their names (an author's "van", a journal's
// "Global") are never the other language's words.
const rules = readJson('content/rules.json');
const referenceWords = new Set((rules.references || [])
  .flatMap((reference) => `${reference.title || ''} ${reference.publisher || ''}`.match(WORD) || [])
  .map((word) => word.toLowerCase()));
const inReferences = (language, word) => language === rules.referenceTitleLanguage && referenceWords.has(word);

/** The words only `other` uses: what must never appear in a text for `language`. */
function foreignVocabulary(language) {
  const own = vocabularies[language];
  const out = new Set();
  for (const other of LANGUAGES) {
    if (other === language) continue;
    for (const word of vocabularies[other]) if (!own.has(word) && !languageNames.has(word) && !inReferences(language, word)) out.add(word);
  }
  return out;
}
const foreign = Object.fromEntries(LANGUAGES.map((language) => [language, foreignVocabulary(language)]));

/**
 * The words of another language in `text`, meant for `language` (empty: none). `leaveOut`: strings
 * that are in their own language by design (a reference's title and publisher).
 */
export function otherLanguageWords(text, language, leaveOut = []) {
  // (Compared with their spaces made single: a terminal report wraps long titles.)
  let rest = oneSpace(text);
  // Longest first: a short one ("NHS") must not cut a long one ("NHS England; ...") apart.
  const phrases = leaveOut.filter(Boolean).map(oneSpace).sort((a, b) => b.length - a.length);
  for (const phrase of phrases) rest = rest.split(phrase).join(' ');
  rest = withoutAddresses(rest);
  const found = new Set();
  for (const word of rest.match(WORD) || []) if (foreign[language].has(word.toLowerCase())) found.add(word);
  return Array.from(found);
}

/** For a failure message: each foreign word with a little of the text around it. */
export function inContext(text, words) {
  return words.map((word) => {
    const at = text.search(new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'u'));
    return `"${word}" in "…${text.slice(Math.max(0, at - 40), at + word.length + 40).replace(/\s+/g, ' ')}…"`;
  }).join('\n');
}

/** A plan's or error answer's words: every string a surface shows, not its keys or ids. */
export function shownStrings(answer) {
  const out = [];
  const add = (value) => { if (typeof value === 'string' && value) out.push(value); };
  if (!answer.ok) {
    for (const error of answer.errors) add(error.message);
    return out;
  }
  for (const key of ['triageLabel', 'headline', 'reason', 'reviewStatus']) add(answer[key]);
  for (const line of answer.recommendations) {
    for (const key of ['text', 'rationale', 'ownReason', 'basis']) add(line[key]);
    for (const note of line.evidenceNotes) { add(note.text); add(note.label); }
  }
  for (const reference of answer.references) { add(reference.description); add(reference.kind); }
  const change = answer.whatWouldChange;
  for (const entry of change.askNext) { add(entry.label); add(entry.triageIfYesLabel); }
  for (const entry of change.alsoUnanswered || []) add(entry.label);
  for (const key of ['range', 'reassessIn', 'ifNotImproving']) add(change[key]);
  for (const group of change.returnEarly || []) { add(group.triageLabel); add(group.flags); }
  for (const reason of change.injectionReasons || []) add(reason);
  for (const entry of change.whatIf || []) { add(entry.text); add(entry.triageText); }
  for (const row of answer.answers || []) { add(row.label); add(row.value); }
  return out;
}

/** What a reference shows in its own language (left out of the check). */
export function ownLanguageParts(answer) {
  return (answer.references || []).flatMap((reference) => [reference.title, reference.publisher]);
}
