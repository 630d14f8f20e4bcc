/* Radiculo: loads the WebAssembly engine and wraps its JSON-text functions.
 *
 * Written in ES5 on purpose: this is the file that must still run, and show "this browser cannot
 * start Radiculo", in a browser too old to parse the rest of the page's scripts or to compile
 * WebAssembly. Everything crossing the engine boundary is JSON text; this file is the only place
 * that parses and stringifies it. */
(function () {
  'use strict';

  var Radiculo = (window.Radiculo = window.Radiculo || {});
  var STARTUP_LIMIT_MS = 20000; // a slow tablet compiles the engine in well under a second

  /**
   * The words that need no engine (loading, cannot start: tools/pages.mjs writes them in every
   * language of the content) in the browser's language when the page has it, else English.
   */
  function keepBrowserLanguage() {
    var parts = document.querySelectorAll('[data-fallback-lang]');
    var offered = {};
    var i;
    for (i = 0; i < parts.length; i += 1) offered[parts[i].getAttribute('data-fallback-lang')] = true;
    var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
    var chosen = null;
    for (i = 0; i < wanted.length && !chosen; i += 1) {
      var code = String(wanted[i]).toLowerCase().split('-')[0];
      if (offered[code]) chosen = code;
    }
    if (!chosen) chosen = offered.en ? 'en' : null;
    if (!chosen) return;
    for (i = 0; i < parts.length; i += 1) parts[i].hidden = parts[i].getAttribute('data-fallback-lang') !== chosen;
  }
  keepBrowserLanguage();

  /** "This browser cannot start Radiculo", unless the page has started (data-engine="ready"). */
  function showUnsupported(reason) {
    if (document.documentElement.getAttribute('data-engine') === 'ready') return;
    var loading = document.getElementById('loading');
    var message = document.getElementById('unsupported');
    if (loading) loading.hidden = true;
    if (message) message.hidden = false;
    document.documentElement.setAttribute('data-engine', 'unavailable');
    if (reason && window.console && console.warn) console.warn('Radiculo could not start: ' + reason);
  }

  function browserCanRun() {
    return typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function' &&
      typeof Promise === 'function' && typeof JSON === 'object' && typeof document.querySelector === 'function' &&
      typeof Object.assign === 'function';
  }

  function wrap(module) {
    function call(name, text) {
      var result = text === undefined ? module[name]() : module[name](text);
      return JSON.parse(result);
    }
    // content(language) and schema() depend on nothing but the build (the engine is deterministic),
    // and several parts ask for them at start: the engine makes each text once. Every caller still
    // gets its own parsed object, so no part can change another's copy.
    var texts = {};
    function callOnce(name, text) {
      var key = name + ' ' + (text === undefined ? '' : text);
      if (!Object.prototype.hasOwnProperty.call(texts, key)) texts[key] = text === undefined ? module[name]() : module[name](text);
      return JSON.parse(texts[key]);
    }
    return {
      /** Assessment object in, plan or {ok:false, errors} object out. */
      evaluate: function (assessment) { return call('evaluate', JSON.stringify(assessment)); },
      /** The questions, labels and texts for one language. */
      content: function (language) { return typeof language === 'string' ? callOnce('content', language) : call('content', language); },
      schema: function () { return callOnce('schema'); },
      /** The contract's defaults, as the schema states them: {language, audience}. */
      defaults: function () {
        var fields = callOnce('schema').properties;
        return { language: fields.language['default'], audience: fields.audience['default'] };
      },
      version: function () { return call('version'); },
      /** {ok, note}: the plain-text note for the clinical record, dated (YYYY-MM-DD) and naming the aid's address. */
      note: function (assessment, date, address) {
        return JSON.parse(module.note(JSON.stringify(assessment), date, address));
      },
      /** The FHIR R4 Questionnaire in a language ('en'), worded for 'clinician' or 'patient'. */
      fhirQuestionnaire: function (audience, language) { return JSON.parse(module.fhirQuestionnaire(audience, language)); },
      /** Radiculo's own codes as FHIR R4 CodeSystems, in a Bundle. */
      fhirCodeSystems: function () { return call('fhirCodeSystems'); },
      /** Assessment object and the time (ISO) in, a QuestionnaireResponse or {ok:false, errors} out. */
      toQuestionnaireResponse: function (assessment, authored) {
        return JSON.parse(module.toQuestionnaireResponse(JSON.stringify(assessment), authored || ''));
      },
      /** A QuestionnaireResponse as the text of a file in, {ok, assessment, [notices]} or {ok:false, errors} out. */
      fromQuestionnaireResponse: function (text) { return call('fromQuestionnaireResponse', text); }
    };
  }

  function decodeBase64(text) {
    var binary = window.atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  /**
   * Inside another page's frame Radiculo does not start (another site could lay its own words over
   * the questions or the plan) and leaves one line. Hosts forbid framing with headers
   * (docs/deployment.md); this is for where none can be set: the one-file copy, hosts that send none.
   */
  function framed() {
    if (window.top === window.self) return false;
    var message = document.createElement('p');
    message.textContent = 'Radiculo cannot run inside another page. Open it on its own.';
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    document.body.appendChild(message);
    document.documentElement.setAttribute('data-framed', '');
    return true;
  }

  /** Resolves to the wrapped engine, or rejects (after showing the too-old message). */
  function load() {
    if (framed()) return new Promise(function () {}); // never starts
    if (!browserCanRun()) {
      showUnsupported('no WebAssembly');
      if (typeof Promise === 'function') return Promise.reject(new Error('no WebAssembly'));
      var never = { then: function () { return never; }, 'catch': function () { return never; } };
      return never;
    }
    if (typeof window.createRadiculo !== 'function') {
      showUnsupported('engine/radiculo.js did not load');
      return Promise.reject(new Error('engine/radiculo.js did not load'));
    }
    // The one-file copy carries the module inline. Otherwise the .wasm's address comes from the page
    // (data-wasm, versioned by tools/pages.mjs: never a cached .wasm of another build).
    var options;
    if (typeof window.RADICULO_WASM_BASE64 === 'string') {
      options = { wasmBinary: decodeBase64(window.RADICULO_WASM_BASE64) };
    } else {
      var tag = document.querySelector('script[data-wasm]');
      var wasm = tag && typeof URL === 'function' ? new URL(tag.getAttribute('data-wasm'), document.baseURI).href : '';
      if (wasm) options = { locateFile: function (file, prefix) { return /\.wasm$/.test(file) ? wasm : prefix + file; } };
    }
    return window.createRadiculo(options).then(function (module) {
      client.engine = wrap(module);
      return client.engine;
    }, function (error) {
      showUnsupported(String(error && error.message ? error.message : error));
      throw error;
    });
  }

  /** The page marks itself started (data-engine="ready"): no "cannot start" message after that. */
  function started() {
    document.documentElement.setAttribute('data-engine', 'ready');
  }

  // engine: the loaded engine once load() has resolved (the intended-use dialog, tests).
  var client = { load: load, showUnsupported: showUnsupported, started: started, engine: null };
  Radiculo.engineClient = client;

  // Old browsers: say so at once. Anything else that keeps the page from starting: say so later.
  if (!browserCanRun()) {
    document.addEventListener('DOMContentLoaded', function () { showUnsupported('no WebAssembly'); });
  }
  window.setTimeout(function () { showUnsupported('the engine did not start in time'); }, STARTUP_LIMIT_MS);
})();
