// The settings the project ships (web/settings.json) keep unreviewed content off: the patient
// wording, and any language but the content's default, are offered only once content/review.json
// records a clinical review of that language and wording for this content version. A
// demonstration is never what ships. (The page's own defaults, for a missing or broken file, follow
// the same records: tests/web/settings.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const read = (file) => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
const settings = read('web/settings.json');
const review = read('content/review.json');
const { contentVersion } = read('content/rules.json');
const DEFAULT_LANGUAGE = 'en'; // the engine's kDefaultLanguage: its clinician wording is the floor

/** Is this language and wording covered by a review record of this content version? */
function reviewed(language, wording) {
  return review.reviews.some((record) => record.contentVersion === contentVersion
    && (record.languages || []).includes(language) && (record.wordings || []).includes(wording));
}

/** What a settings file offers, as the page reads it (omitted switches: what is reviewed). */
function offered(file) {
  const languages = Array.isArray(file.languages) ? file.languages : [DEFAULT_LANGUAGE];
  const wordings = file.patientWording === true ? ['clinician', 'patient'] : ['clinician'];
  return languages.flatMap((language) => wordings.map((wording) => ({ language, wording })));
}

test('the shipped settings offer only reviewed wordings and languages', () => {
  assert.notEqual(settings.demo, true, 'a demonstration never ships');
  const unreviewed = offered(settings).filter(({ language, wording }) =>
    !(language === DEFAULT_LANGUAGE && wording === 'clinician') && !reviewed(language, wording));
  assert.deepEqual(unreviewed, [], 'offered without a review on record in content/review.json');
  console.log(`shipped settings: ${offered(settings).map(({ language, wording }) => `${language} ${wording}`).join(', ')}; ` +
    `reviews on record for ${contentVersion}: ${review.reviews.filter((record) => record.contentVersion === contentVersion).length}`);
});

test('the check itself: patient wording or Spanish without a review record is refused', () => {
  const flagged = (file) => offered(file).filter(({ language, wording }) =>
    !(language === DEFAULT_LANGUAGE && wording === 'clinician') && !reviewed(language, wording));
  assert.deepEqual(flagged({ patientWording: true, languages: ['en'] }).map((o) => `${o.language} ${o.wording}`),
    reviewed('en', 'patient') ? [] : ['en patient']);
  assert.deepEqual(flagged({ patientWording: false, languages: ['en', 'es'] }).map((o) => `${o.language} ${o.wording}`),
    reviewed('es', 'clinician') ? [] : ['es clinician']);
});
