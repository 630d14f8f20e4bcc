// The module's JavaScript boundary (linked with --post-js; runs inside the factory, after the
// bindings of plan_bindings.cpp and records_bindings.cpp are registered): every string a caller
// hands a bound function reaches the engine as well-formed UTF-8. A JavaScript string may hold a lone surrogate (any integrator
// can make one); Emscripten 3.1.6's UTF-8 conversion then reads the character after it as the
// other half of a pair and swallows it, so the engine would see other text than the native CLI
// is given for the same string. Each lone surrogate becomes U+FFFD first, as every UTF-8 encoder
// does (TextEncoder, Node's Buffer, the bytes the CLI reads), so both answer alike.
// ES5 on purpose: the file is minified with the glue.
function radiculoWellFormed(text) {
  if (typeof text !== 'string' || !/[\uD800-\uDFFF]/.test(text)) return text;
  var out = '';
  for (var i = 0; i < text.length; i++) {
    var unit = text.charCodeAt(i);
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      var next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xDC00 && next <= 0xDFFF) {
        out += text.charAt(i) + text.charAt(i + 1);
        i++;
      } else {
        out += '\uFFFD';
      }
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      out += '\uFFFD';
    } else {
      out += text.charAt(i);
    }
  }
  return out;
}

// Both modules bind evaluate and content (plan_bindings.cpp); only the records module binds the note
// and FHIR (records_bindings.cpp): a module that binds one of those binds them all.
var radiculoPlanFunctions = ['evaluate', 'content'];
var radiculoRecordsFunctions = ['note', 'fhirQuestionnaire', 'toQuestionnaireResponse', 'fromQuestionnaireResponse'];

__ATPOSTRUN__.push(function () {
  var records = typeof Module.note === 'function';
  radiculoPlanFunctions.concat(records ? radiculoRecordsFunctions : []).forEach(
    function (name) {
      var bound = Module[name];
      if (typeof bound !== 'function') throw new Error('radiculo: no bound function ' + name);
      Module[name] = function () {
        var args = new Array(arguments.length);
        for (var i = 0; i < arguments.length; i++) args[i] = radiculoWellFormed(arguments[i]);
        return bound.apply(this, args);
      };
    });
});
