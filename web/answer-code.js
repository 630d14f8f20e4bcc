/* Radiculo: the take-home code (handover.js shows it, prints it and opens it): the answers as a
 * short text, and its QR code. Loaded by handover.js when a code is first wanted (a plan shown, for
 * its printout; "Take this plan with you"; a page opened with a code), with the QR encoder.
 *
 * The answer code is written from the engine's own input schema (engine.schema()), field by field
 * in the schema's order, so no list of fields lives here. It names the schema it was made from (a
 * fingerprint of every field, type and choice): a code made for other fields is refused with a
 * clear message, never read into the wrong questions. A check over the whole code catches a
 * damaged or altered code. It also names the content version it was made with: a page whose content
 * differs opens the answers and says so beside the plan (its rules may give another plan than the
 * one printed). It carries what matters most to the person where they chose it (options-view.js):
 * the page's own, read back beside the answers, never part of them, so never given to the engine.
 * Format, in the QR "alphanumeric" letters (a small code):
 *   R3 <fingerprint: 4> <content version>* <what matters most>* <one token per field> <check: 3>
 *   what matters most: the choice's id in capitals, or nothing. The older R2 codes (printed and
 *   saved before it) are the same without that part and still open.
 *   boolean: 1 yes, 0 no, N not sure, - not answered; choice: its index 0-9A-Z, or -;
 *   number: its digits then *, or * alone; set of choices: a bit mask then *; object: + then its
 *   fields, or -. */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});

  const FORMAT = 'R3';
  const FORMAT_WITHOUT_PREFERENCE = 'R2';
  const PREFERENCE_TEXT = /^[0-9A-Z]{0,24}$/; // a choice's id as the code carries it (upper case), or nothing
  const VERSION_TEXT = /^[0-9A-Z.-]{1,16}$/; // a content version as the code carries it (upper case)
  const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const FINGERPRINT_LENGTH = 4;
  const CHECK_LENGTH = 3;
  const QR_ERROR_CORRECTION = 'M'; // 15% of the code may be lost (glare, a smudged printout)

  // ---------- the answer code ----------

  /** FNV-1a (32 bits) of a text, as `length` base-36 digits. */
  function hash(text, length) {
    let value = 0x811c9dc5;
    for (let i = 0; i < text.length; i += 1) {
      value ^= text.charCodeAt(i);
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return (value % 36 ** length).toString(36).toUpperCase().padStart(length, '0');
  }

  /** The schema's fields as a flat list: {path, kind, choices, nullable}, in the schema's order. */
  function fieldsOf(schema) {
    const fields = [];
    const walk = (node, path) => {
      for (const [name, property] of Object.entries(node.properties || {})) {
        const at = [...path, name];
        const types = [].concat(property.type || []);
        if (property.properties) {
          fields.push({ path: at, kind: 'object' });
          walk(property, at);
        } else if (property.enum) {
          fields.push({ path: at, kind: 'choice', choices: property.enum });
        } else if (types.includes('array') && property.items && property.items.enum) {
          fields.push({ path: at, kind: 'set', choices: property.items.enum });
        } else if (types.includes('boolean')) {
          fields.push({ path: at, kind: 'boolean', nullable: types.includes('null') });
        } else if (types.includes('integer') || types.includes('number')) {
          fields.push({ path: at, kind: 'number' });
        } else {
          throw new Error(`answer code: field ${at.join('/')} has a type the code cannot carry`);
        }
      }
    };
    walk(schema, []);
    for (const field of fields) {
      if (field.choices && field.choices.length > (field.kind === 'set' ? 31 : DIGITS.length)) {
        throw new Error(`answer code: field ${field.path.join('/')} has too many choices`);
      }
    }
    return fields;
  }

  function fingerprint(fields) {
    return hash(fields.map((field) => `${field.path.join('/')}:${field.kind}:${field.nullable ? 'null' : ''}:${(field.choices || []).join(',')}`).join(';'), FINGERPRINT_LENGTH);
  }

  /**
   * The assessment as a code, naming the content version, with what matters most to the person (a
   * choice's id, or '') beside it. Throws if the assessment holds anything the schema does not name.
   */
  function encode(assessment, schema, contentVersion, preference = '') {
    const fields = fieldsOf(schema);
    const version = String(contentVersion || '').toUpperCase();
    if (!VERSION_TEXT.test(version)) throw new Error(`answer code: content version ${contentVersion} cannot be carried`);
    const chosen = String(preference || '').toUpperCase();
    if (!PREFERENCE_TEXT.test(chosen)) throw new Error(`answer code: what matters most (${preference}) cannot be carried`);
    let body = `${version}*${chosen}*`;
    const skipped = new Set(); // paths under an absent object
    const seen = new Set();
    for (const field of fields) {
      const key = field.path.join('/');
      if (skipped.has(field.path.slice(0, -1).join('/'))) { skipped.add(key); continue; }
      let value = assessment;
      for (const part of field.path) value = value !== null && typeof value === 'object' && part in value ? value[part] : undefined;
      if (value !== undefined) seen.add(key);
      switch (field.kind) {
        case 'object':
          if (value === undefined) { body += '-'; skipped.add(key); } else body += '+';
          break;
        case 'boolean':
          body += value === undefined ? '-' : value === true ? '1' : value === false ? '0' : value === null && field.nullable ? 'N' : fail(key);
          break;
        case 'choice':
          body += value === undefined ? '-' : field.choices.includes(value) ? DIGITS[field.choices.indexOf(value)] : fail(key);
          break;
        case 'number':
          body += `${value === undefined ? '' : typeof value === 'number' && Number.isFinite(value) ? String(value).toUpperCase() : fail(key)}*`;
          break;
        case 'set':
          if (value === undefined) body += '*';
          else if (!Array.isArray(value) || value.some((item) => !field.choices.includes(item))) fail(key);
          else body += `${value.reduce((mask, item) => mask | (1 << field.choices.indexOf(item)), 0)}*`;
          break;
        default: fail(key);
      }
    }
    // Never drop an answer: everything the assessment holds must have been written.
    const holds = (node, path) => Object.entries(node).flatMap(([name, value]) => {
      const at = [...path, name];
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? [at.join('/'), ...holds(value, at)] : [at.join('/')];
    });
    for (const key of holds(assessment, [])) if (!seen.has(key)) fail(key);
    const code = FORMAT + fingerprint(fields) + body;
    return code + hash(code, CHECK_LENGTH);
  }

  function fail(key) {
    throw new Error(`answer code: cannot carry the answer at ${key}`);
  }

  /**
   * A code back to its assessment: {ok: true, assessment, contentVersion, preference} or {ok: false,
   * reason} with reason 'format' (not a code of this kind), 'version' (made for other questions or
   * in another format) or 'damaged'. preference: what matters most as the code carries it (the
   * choice's id in capitals; '' when none was chosen or the code is an R2 code); never in assessment.
   */
  function decode(code, schema) {
    const text = String(code || '').trim().toUpperCase();
    if (!text.startsWith('R') || text.length < FORMAT.length + FINGERPRINT_LENGTH + CHECK_LENGTH) return { ok: false, reason: 'format' };
    const withPreference = text.startsWith(FORMAT);
    if (!withPreference && !text.startsWith(FORMAT_WITHOUT_PREFERENCE)) return { ok: false, reason: 'version' };
    const fields = fieldsOf(schema);
    const payload = text.slice(0, -CHECK_LENGTH);
    if (hash(payload, CHECK_LENGTH) !== text.slice(-CHECK_LENGTH)) return { ok: false, reason: 'damaged' };
    if (payload.slice(FORMAT.length, FORMAT.length + FINGERPRINT_LENGTH) !== fingerprint(fields)) return { ok: false, reason: 'version' };
    let at = FORMAT.length + FINGERPRINT_LENGTH;
    const versionEnd = payload.indexOf('*', at);
    const contentVersion = versionEnd < 0 ? '' : payload.slice(at, versionEnd);
    if (!VERSION_TEXT.test(contentVersion)) return { ok: false, reason: 'damaged' };
    at = versionEnd + 1;
    let preference = '';
    if (withPreference) {
      const preferenceEnd = payload.indexOf('*', at);
      preference = preferenceEnd < 0 ? '-' : payload.slice(at, preferenceEnd);
      if (!PREFERENCE_TEXT.test(preference)) return { ok: false, reason: 'damaged' };
      at = preferenceEnd + 1;
    }
    const assessment = {};
    const absent = new Set();
    const put = (path, value) => {
      let node = assessment;
      for (const part of path.slice(0, -1)) node = node[part];
      node[path[path.length - 1]] = value;
    };
    const number = () => {
      const end = payload.indexOf('*', at);
      if (end < 0) return { bad: true };
      const literal = payload.slice(at, end);
      at = end + 1;
      if (literal === '') return { value: undefined };
      const value = Number(literal);
      // Only the exact text this page writes: no other spelling of a number is accepted.
      return Number.isFinite(value) && String(value).toUpperCase() === literal ? { value } : { bad: true };
    };
    for (const field of fields) {
      const parent = field.path.slice(0, -1).join('/');
      if (absent.has(parent)) { absent.add(field.path.join('/')); continue; }
      if (field.kind === 'number' || field.kind === 'set') {
        const read = number();
        if (read.bad) return { ok: false, reason: 'damaged' };
        if (read.value === undefined) continue;
        if (field.kind === 'number') { put(field.path, read.value); continue; }
        const mask = read.value;
        if (!Number.isInteger(mask) || mask < 0 || mask >= 2 ** field.choices.length) return { ok: false, reason: 'damaged' };
        put(field.path, field.choices.filter((choice, index) => mask & (1 << index)));
        continue;
      }
      const token = payload[at];
      at += 1;
      if (token === undefined) return { ok: false, reason: 'damaged' };
      if (token === '-') {
        if (field.kind === 'object') absent.add(field.path.join('/'));
        continue;
      }
      if (field.kind === 'object' && token === '+') put(field.path, {});
      else if (field.kind === 'boolean' && (token === '1' || token === '0')) put(field.path, token === '1');
      else if (field.kind === 'boolean' && token === 'N' && field.nullable) put(field.path, null);
      else if (field.kind === 'choice' && DIGITS.indexOf(token) >= 0 && DIGITS.indexOf(token) < field.choices.length) put(field.path, field.choices[DIGITS.indexOf(token)]);
      else return { ok: false, reason: 'damaged' };
    }
    if (at !== payload.length) return { ok: false, reason: 'damaged' };
    return { ok: true, assessment, contentVersion, preference };
  }

  // ---------- the QR code (qrcode-generator, lib/qrcode.js, loaded beside this file by handover.js) ----------

  /** The QR code of `address#code`: the address as bytes, the code in the smaller alphanumeric mode. */

  function makeQr(address, code) {
    const qr = window.qrcode(0, QR_ERROR_CORRECTION); // 0: the smallest version that holds it
    qr.addData(`${address}#`, 'Byte');
    qr.addData(code, 'Alphanumeric');
    qr.make();
    return qr;
  }

  /** Draws the QR code on a canvas, `cssSize` pixels square, sharp on any screen. */
  function drawQr(canvas, qr, cssSize) {
    const quiet = 4; // the white border scanners need, in modules
    const modules = qr.getModuleCount() + 2 * quiet;
    const cell = Math.max(2, Math.floor((cssSize * (window.devicePixelRatio || 1)) / modules));
    canvas.width = canvas.height = modules * cell;
    canvas.style.width = canvas.style.height = `${(modules * cell) / (window.devicePixelRatio || 1)}px`;
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = '#000';
    for (let row = 0; row < qr.getModuleCount(); row += 1) {
      for (let column = 0; column < qr.getModuleCount(); column += 1) {
        if (qr.isDark(row, column)) context.fillRect((column + quiet) * cell, (row + quiet) * cell, cell, cell);
      }
    }
  }

  Radiculo.answerCode = { encode, decode, makeQr, drawQr };
})();
