// FHIR R4 for integrators, through the WebAssembly module the page ships and the native CLI. Every
// resource Radiculo writes passes HL7's R4 JSON Schema and the R4 invariants (fhir-r4.mjs: clients
// nobody on the project wrote): the Questionnaire in every language and wording, a
// QuestionnaireResponse for every shared case, the CodeSystems, and every plan as a
// GuidanceResponse. Responses go there and back without loss, to the same plan; a form filler's
// response (every answer type, the version and language dropped as LHC-Forms drops them) gives the
// plan of the same answers; the FHIR cases (tests/vectors/fhir) answer the same in the module and
// the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadRecords, repoRoot } from './load-engine.mjs';
import { loadVectors, vectorDir } from './vectors.mjs';
import { schemaErrors, invariantFailures } from './fhir-r4.mjs';

const cli = process.env.RADICULO_CLI ?? path.join(repoRoot, 'build/bin/radiculo');
const engine = await loadRecords(); // FHIR is in the records module
const plans = loadVectors().filter((vector) => vector.expect.ok && vector.input && typeof vector.input === 'object');
const fhirCases = readdirSync(path.join(vectorDir, 'fhir')).filter((name) => name.endsWith('.json')).sort()
  .map((name) => JSON.parse(readFileSync(path.join(vectorDir, 'fhir', name), 'utf8')));
const { languages } = JSON.parse(engine.version());
const AUTHORED = '2026-12-01T09:30:00Z';

function assertValidFhir(resource, what) {
  assert.deepEqual(schemaErrors(resource), [], `${what}: HL7's R4 JSON Schema`);
  assert.deepEqual(invariantFailures(resource), [], `${what}: the R4 invariants`);
}

const run = (args, input) => spawnSync(cli, args, { input, maxBuffer: 1 << 24 });

/** The contract's defaults written out: a response always names its language and wording. */
function withDefaults(input) {
  const out = { language: 'en', audience: 'clinician', ...input };
  if (Array.isArray(out.assessedFindings) && out.assessedFindings.length === 0) delete out.assessedFindings;
  return out;
}
const withoutNotices = (plan) => { const { notices, ...rest } = plan; return rest; };

/** Every item of a Questionnaire or response, at any depth (under items and answers). */
function itemsOf(resource) {
  const out = [];
  const walk = (items) => {
    for (const item of items || []) {
      out.push(item);
      walk(item.item);
      for (const answer of item.answer || []) walk(answer.item);
    }
  };
  walk(resource.item);
  return out;
}

test('fhir: every Questionnaire (each language and wording) is valid R4, and the CLI writes the same', () => {
  for (const language of languages) {
    for (const audience of ['clinician', 'patient']) {
      const text = engine.fhirQuestionnaire(audience, language);
      const questionnaire = JSON.parse(text);
      assert.equal(questionnaire.resourceType, 'Questionnaire');
      assert.equal(questionnaire.language, language);
      assertValidFhir(questionnaire, `the ${audience} ${language} Questionnaire`);
      const linkIds = new Set(itemsOf(questionnaire).map((item) => item.linkId));
      for (const item of itemsOf(questionnaire)) {
        for (const condition of item.enableWhen || []) assert.ok(linkIds.has(condition.question), `${item.linkId} depends on ${condition.question}`);
      }
      const args = ['fhir', 'questionnaire', '--language', language, ...(audience === 'patient' ? ['--patient'] : [])];
      assert.equal(run(args).stdout.toString(), `${text}\n`);
    }
  }
});

test('fhir: the CodeSystems are valid R4, the CLI writes the same, and they define every code of the Questionnaire', () => {
  const text = engine.fhirCodeSystems();
  const bundle = JSON.parse(text);
  assertValidFhir(bundle, 'the CodeSystems bundle');
  assert.equal(run(['fhir', 'codesystems']).stdout.toString(), `${text}\n`);
  const defined = new Map(bundle.entry.map(({ resource }) => [resource.url, new Set(resource.concept.map((concept) => concept.code))]));
  const questionnaire = JSON.parse(engine.fhirQuestionnaire('clinician', 'en'));
  const own = itemsOf(questionnaire).flatMap((item) => [...(item.code || []), ...(item.answerOption || []).map((option) => option.valueCoding)])
    .filter((coding) => coding && coding.system.startsWith('https://radiculo.invalid/fhir/CodeSystem/'));
  assert.ok(own.length > 5);
  for (const coding of own) assert.ok(defined.get(coding.system)?.has(coding.code), `${coding.system}#${coding.code}`);
});

for (const vector of plans) {
  test(`fhir: ${vector.name}: a valid QuestionnaireResponse, read back without loss, the same plan`, () => {
    const response = JSON.parse(engine.toQuestionnaireResponse(vector.inputText, AUTHORED));
    assert.equal(response.resourceType, 'QuestionnaireResponse', JSON.stringify(response));
    assertValidFhir(response, 'the QuestionnaireResponse');
    assert.equal(response.authored, AUTHORED);
    const back = JSON.parse(engine.fromQuestionnaireResponse(JSON.stringify(response)));
    assert.equal(back.ok, true, JSON.stringify(back));
    assert.deepEqual(back.assessment, withDefaults(vector.input), 'assessment -> QuestionnaireResponse -> assessment');
    const plan = JSON.parse(engine.evaluate(JSON.stringify(response)));
    assert.deepEqual(withoutNotices(plan), JSON.parse(engine.evaluate(vector.inputText)), 'the same plan');
    assert.equal(Boolean(plan.notices), response.status === 'in-progress', 'a notice exactly when the response is in progress');
  });
}

test('fhir: every plan case as a GuidanceResponse (radiculo fhir plan) is valid R4, with its lines and its answers', () => {
  // The first case of each triage, language and wording (one process each; the engine's own test
  // makes the plan of every case as FHIR: tests/engine/fhir_test.cpp).
  const seen = new Set();
  for (const vector of plans) {
    const kind = `${vector.expect.triage} ${vector.input.language || 'en'} ${vector.input.audience || 'clinician'}`;
    if (seen.has(kind)) continue;
    seen.add(kind);
    const result = run(['fhir', 'plan', '--authored', '2026-12-01', '-'], vector.inputText);
    assert.equal(result.status, 0, vector.name);
    const guidance = JSON.parse(result.stdout.toString());
    assert.equal(guidance.resourceType, 'GuidanceResponse');
    assertValidFhir(guidance, `${vector.name} as a GuidanceResponse`);
    const plan = JSON.parse(engine.evaluate(vector.inputText));
    const parameters = guidance.contained.find((resource) => resource.resourceType === 'Parameters');
    const lines = parameters.parameter.filter((parameter) => parameter.name === 'line');
    assert.deepEqual(lines.map((line) => line.part.find((part) => part.name === 'id').valueCoding.code), plan.recommendations.map((line) => line.id));
    const answers = guidance.contained.find((resource) => resource.resourceType === 'QuestionnaireResponse');
    assert.deepEqual(JSON.parse(engine.fromQuestionnaireResponse(JSON.stringify(answers))).assessment, withDefaults(vector.input));
  }
  assert.ok(seen.size >= 8, 'every triage');
});

test('fhir: the FHIR cases give the same answer, byte for byte, in the module and the CLI', () => {
  assert.ok(fhirCases.length >= 30);
  for (const vector of fhirCases) {
    const text = JSON.stringify(vector.input);
    const output = engine.evaluate(text);
    assert.equal(run(['evaluate', '-'], text).stdout.toString(), `${output}\n`, vector.name);
    assert.equal(JSON.parse(output).ok, vector.expect.ok, vector.name);
    if (vector.expect.ok) assert.equal(JSON.parse(output).triage, vector.expect.triage, vector.name);
    else assert.deepEqual(JSON.parse(output).errors.map((error) => error.field), vector.expect.errorFields, vector.name);
  }
});

test('fhir: radiculo fhir response writes what the module writes, with the time given, and refuses a time that is not FHIR', () => {
  const input = plans.find((vector) => vector.name === 'conservative-typical').inputText;
  const written = run(['fhir', 'response', '--authored', AUTHORED, '-'], input);
  assert.equal(written.status, 0);
  assert.equal(written.stdout.toString(), `${engine.toQuestionnaireResponse(input, AUTHORED)}\n`);
  const refused = run(['fhir', 'response', '--authored', '1 December 2026', '-'], input);
  assert.equal(refused.status, 2);
  assert.deepEqual(JSON.parse(refused.stdout.toString()).errors.map((error) => [error.field, error.code]), [['/authored', 'notDateTime']]);
  assert.equal(run(['fhir', 'plan', '--authored', '2026-12', '-'], input).status, 2, 'a plan needs at least a day');
});

test('fhir: a response still in progress is read with its notice, in the CLI on standard error', () => {
  const vector = fhirCases.find((each) => each.name === 'status-in-progress-is-read-with-a-notice');
  const read = JSON.parse(engine.fromQuestionnaireResponse(JSON.stringify(vector.input)));
  assert.equal(read.ok, true);
  assert.deepEqual(read.notices.map((notice) => notice.code), ['responseInProgress']);
  const cliRun = run(['fhir', 'assessment', '-'], JSON.stringify(vector.input));
  assert.equal(cliRun.status, 0);
  assert.match(cliRun.stderr.toString(), /still being given/);
  assert.deepEqual(JSON.parse(cliRun.stdout.toString()), read.assessment);
});

// The checks are real: each catches the fault it is for (small resources, each with one fault).
test('fhir: the R4 checks catch what they are for', () => {
  const keysOf = (resource) => invariantFailures(resource).map((failure) => failure.split(' ')[0]);
  const questionnaire = (item) => ({ resourceType: 'Questionnaire', name: 'Control', status: 'draft', item });
  assert.deepEqual(keysOf(questionnaire([{ linkId: 'a', type: 'boolean' }])), [], 'a sound one passes');
  assert.ok(keysOf(questionnaire([{ linkId: 'a', type: 'boolean' }, { linkId: 'a', type: 'integer' }])).includes('que-2'), 'a duplicate linkId');
  assert.ok(keysOf(questionnaire([{ linkId: 'g', type: 'group' }])).includes('que-1'), 'a group without items');
  assert.ok(keysOf(questionnaire([{ linkId: 'a', type: 'boolean', extension: [{ url: 'x', valueString: 'y', extension: [{ url: 'z', valueString: 'w' }] }] }])).includes('ext-1'),
    'an extension with a value and extensions');
  assert.ok(keysOf(questionnaire([{ linkId: 'a', type: 'boolean', code: [] }])).includes('json:'), 'an empty array');
  assert.ok(keysOf(questionnaire([{ linkId: 'a', type: 'quantity', extension: [{ url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-maxQuantity', valueQuantity: { value: 1, code: 'wk' } }] }])).includes('qty-3'),
    'a unit code without its system');
  assert.ok(keysOf({ resourceType: 'QuestionnaireResponse', status: 'completed', item: [{ linkId: 'a', answer: [{ valueBoolean: true }], item: [{ linkId: 'b', answer: [{ valueBoolean: true }] }] }] }).includes('qrs-1'),
    'an item under both item and answer');
  const guidance = JSON.parse(run(['fhir', 'plan', '--authored', '2026-12-01', '-'], plans[0].inputText).stdout.toString());
  const orphan = structuredClone(guidance);
  orphan.outputParameters.reference = '#elsewhere';
  const orphanFailures = keysOf(orphan);
  assert.ok(orphanFailures.includes('ref-1') && orphanFailures.includes('dom-3'), 'a dangling reference, an unreferenced contained resource');
  assert.ok(keysOf({ resourceType: 'Parameters', parameter: [{ name: 'x', valueString: 'y', part: [{ name: 'z', valueString: 'w' }] }] }).includes('inv-1'),
    'a parameter with a value and parts');
  const response = JSON.parse(engine.toQuestionnaireResponse(plans[0].inputText, ''));
  assert.notDeepEqual(schemaErrors({ ...response, status: 'finished' }), [], 'the schema refuses an unknown status');
  assert.notDeepEqual(schemaErrors(questionnaire([{ linkId: 'a', type: 'coding' }])), [], 'and an R5 item type');
});

// ---------- a form filler's response ----------

/**
 * Fills a Questionnaire as a form filler does: each item its person answers, if the item is enabled
 * (enableWhen: "=" on a coded answer, ">=" on a number), with the Questionnaire's own answer
 * options and units; the response names the Questionnaire by its url only and carries neither
 * language nor wording (LHC-Forms writes neither back).
 */
function fill(questionnaire, answers) {
  const given = new Map();
  const enabled = (item) => {
    if (!item.enableWhen) return true;
    const hits = item.enableWhen.map((condition) => {
      const answer = given.get(condition.question);
      if (answer === undefined) return false;
      if (condition.operator === '=') return answer.valueCoding && answer.valueCoding.code === condition.answerCoding.code;
      if (condition.operator === '>=') return answer.valueInteger >= condition.answerInteger;
      throw new Error(`operator ${condition.operator}`);
    });
    return item.enableBehavior === 'any' ? hits.some(Boolean) : hits.every(Boolean);
  };
  const answerFor = (item, value) => {
    switch (item.type) {
      case 'choice': {
        const option = item.answerOption.find((each) => each.valueCoding.code === value);
        assert.ok(option, `${item.linkId}: no option ${value}`);
        return { valueCoding: { system: option.valueCoding.system, code: option.valueCoding.code, display: option.valueCoding.display } };
      }
      case 'boolean': return { valueBoolean: value };
      case 'integer': return { valueInteger: value };
      case 'quantity': {
        const unit = item.extension.find((e) => /unitOption$/.test(e.url) && e.valueCoding.code === value.code).valueCoding;
        return { valueQuantity: { value: value.value, unit: unit.display, system: unit.system, code: unit.code } };
      }
      default: throw new Error(`type ${item.type}`);
    }
  };
  const walk = (items) => items.flatMap((item) => {
    if (item.type === 'display' || !enabled(item)) return [];
    if (item.type === 'group') {
      const children = walk(item.item);
      return children.length ? [{ linkId: item.linkId, text: item.text, item: children }] : [];
    }
    if (!(item.linkId in answers)) return [];
    const answer = answerFor(item, answers[item.linkId]);
    given.set(item.linkId, answer);
    return [{ linkId: item.linkId, text: item.text, answer: [answer] }];
  });
  return { resourceType: 'QuestionnaireResponse', questionnaire: questionnaire.url, status: 'completed', authored: AUTHORED, item: walk(questionnaire.item) };
}

test('fhir: a form filler\'s response with every answer type gives the plan of the same answers', () => {
  const content = JSON.parse(engine.content('en'));
  const flags = content.redFlagGroups.flatMap((group) => group.flags);
  const answers = Object.fromEntries(flags.map((flag) => [flag, 'LA32-8']));
  Object.assign(answers, {
    osteoporosis: 'LA33-6', nightPain: 'asked-unknown', ageYears: 63, priorLumbarSurgery: false,
    symptomWeeks: { value: 10, code: 'd' }, painScore: 8, muscleSpasm: true, conservativeCareWeeks: { value: 1, code: 'wk' },
    improving: false, procedureCandidate: true, priorMri: false, herniationContained: true, herniationLevel: 'L4-L5',
    'assessed-osteoporosis': true, 'assessed-olderAge': true, 'assessed-nightPain': true, // nightPain is not sure: not offered
  });
  const questionnaire = JSON.parse(engine.fhirQuestionnaire('clinician', 'en'));
  const response = fill(questionnaire, answers);
  assertValidFhir(response, 'the filled response');
  assert.ok(!itemsOf(response).some((item) => item.linkId === 'assessed-nightPain'), 'a finding whose flag is not yes is not offered');
  const redFlags = Object.fromEntries(flags.map((flag) => [flag, false]));
  Object.assign(redFlags, { osteoporosis: true, nightPain: null });
  const assessment = {
    language: 'en', audience: 'clinician', ageYears: 63, priorLumbarSurgery: false, symptomWeeks: 10 / 7, painScore: 8,
    muscleSpasm: true, redFlags, conservativeCareWeeks: 1, improving: false, procedureCandidate: true, priorMri: false,
    herniation: { contained: true, level: 'L4-L5' }, assessedFindings: ['osteoporosis', 'olderAge'],
  };
  const read = JSON.parse(engine.fromQuestionnaireResponse(JSON.stringify(response)));
  assert.equal(read.ok, true, JSON.stringify(read));
  assert.deepEqual(read.assessment, assessment);
  assert.equal(engine.evaluate(JSON.stringify(response)), engine.evaluate(JSON.stringify(assessment)));

  // The patient's Spanish form: the plan comes back in Spanish, in the patient's words.
  const patient = fill(JSON.parse(engine.fhirQuestionnaire('patient', 'es')), { ...answers, symptomWeeks: { value: 3, code: 'wk' } });
  const plan = JSON.parse(engine.evaluate(JSON.stringify(patient)));
  assert.equal(plan.ok, true);
  assert.deepEqual([plan.language, plan.audience], ['es', 'patient']);
});
