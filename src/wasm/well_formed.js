// The module's JavaScript boundary (linked with --post-js; runs inside the factory, after the
// bindings of plan_bindings.cpp and records_bindings.cpp are registered). Every bound function is
// wrapped so that callers hand it strings and get a string back, while the text crosses as UTF-8
// bytes (text_boundary.h):
// - in: TextEncoder. It also makes every string well-formed: a JavaScript string may hold a lone
//   surrogate (any integrator can make one), and TextEncoder writes it as U+FFFD, as every UTF-8
//   encoder does (Node's Buffer, the bytes the native CLI reads), so both engines see the same text.
//   (Embind's own conversion in Emscripten 3.1.6 read the character after a lone surrogate as its
//   other half and swallowed it.)
// - out: TextDecoder, on a view of the answer's bytes inside the module, at once (the view is valid
//   until the next call).
// Both are the browser's own, one pass each; Embind's std::string walked every byte in JavaScript.
// ES5 on purpose: the file is minified with the glue.
var radiculoTextEncoder = new TextEncoder();
var radiculoTextDecoder = new TextDecoder('utf-8');

// What each module binds (plan_bindings.cpp; records_bindings.cpp binds the note and FHIR too, only
// in the records module): a module that binds one of the records functions binds them all.
var radiculoPlanFunctions = ['evaluate', 'content', 'addLanguage', 'schema', 'version'];
var radiculoRecordsFunctions = ['note', 'fhirQuestionnaire', 'fhirCodeSystems', 'toQuestionnaireResponse', 'fromQuestionnaireResponse'];

/**
 * What Embind's std::string took, as bytes: a string (as UTF-8), or the raw bytes of an ArrayBuffer,
 * Uint8Array, Uint8ClampedArray or Int8Array (a caller testing bytes no string can hold); nothing else.
 */
function radiculoBytesOf(name, value) {
  if (typeof value === 'string') return radiculoTextEncoder.encode(value);
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (value instanceof Uint8Array || value instanceof Uint8ClampedArray || value instanceof Int8Array) return value;
  throw new TypeError('radiculo: ' + name + ' takes strings of JSON');
}

__ATPOSTRUN__.push(function () {
  var records = typeof Module.note === 'function';
  radiculoPlanFunctions.concat(records ? radiculoRecordsFunctions : []).forEach(
    function (name) {
      var bound = Module[name];
      if (typeof bound !== 'function') throw new Error('radiculo: no bound function ' + name);
      Module[name] = function () {
        var args = new Array(arguments.length);
        for (var i = 0; i < arguments.length; i++) args[i] = radiculoBytesOf(name, arguments[i]);
        return radiculoTextDecoder.decode(bound.apply(this, args)); // the bound function checks the count
      };
    });
});
