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

  // The engine refuses an input over 64 KiB (its UTF-8 bytes, kMaxInputBytes). Refused here first,
  // before the text is copied into the module's memory (which never shrinks): a text longer than
  // this in UTF-16 units is longer still in UTF-8 bytes, so nothing the engine would take is refused.
  var INPUT_LIMIT_BYTES = 64 * 1024;

  /**
   * Where each language's data file is (web/engine/content-<code>.json: the engine embeds no
   * language's words): the page's data-content list, versioned by tools/pages.mjs, the engine's
   * default language first. {code: address}, in that order.
   */
  function languageFiles() {
    var tag = document.querySelector('script[data-content]');
    var files = {};
    var list = tag ? tag.getAttribute('data-content').split(/\s+/) : [];
    for (var i = 0; i < list.length; i += 1) {
      var match = /content-([a-z]+)\.json/.exec(list[i]);
      if (match) files[match[1]] = typeof URL === 'function' ? new URL(list[i], document.baseURI).href : list[i];
    }
    return files;
  }

  // One download per language, started once (the default language's beside the engine's).
  var languageTexts = {};
  /**
   * A language's data file: the one-file copy's inline text, else the page's file as its bytes. The
   * engine reads UTF-8 bytes (src/wasm/well_formed.js), so the file goes to it as it came: decoding
   * 155 KB to a string and encoding it back took about 60 ms of a cheap tablet's start (CPU 4x).
   */
  function fetchLanguage(code) {
    if (!Object.prototype.hasOwnProperty.call(languageTexts, code)) {
      var inline = window.RADICULO_CONTENT;
      var address = languageFiles()[code];
      languageTexts[code] = inline && typeof inline[code] === 'string' ? Promise.resolve(inline[code])
        : !address ? Promise.reject(new Error('no data file for the language ' + code))
          : window.fetch(address, { credentials: 'same-origin' }).then(function (response) {
            if (!response.ok) throw new Error(address + ' answered ' + response.status);
            return response.arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
          });
    }
    return languageTexts[code];
  }

  /** The engine's default language: the first the page lists (the one-file copy: the first it carries). */
  function defaultLanguageCode() {
    for (var code in languageFiles()) return code;
    for (var carried in (window.RADICULO_CONTENT || {})) return carried;
    return 'en';
  }

  function wrap(module) {
    var defaultLanguage = null;
    /** The engine's own words for an error it would give ({kib} filled), in its default language. */
    function engineError(code, params, language) {
      var template = code;
      try {
        if (!defaultLanguage) defaultLanguage = JSON.parse(module.schema()).properties.language['default'];
        var errors = JSON.parse(module.content(language || defaultLanguage)).errors || {};
        template = errors[code] || code;
      } catch (ignored) { /* the code alone still names the problem */ }
      var message = String(template).replace(/\{(\w+)\}/g, function (whole, name) { return name in params ? params[name] : whole; });
      return { ok: false, errors: [{ field: '', code: code, params: params, message: message }] };
    }
    /** A module call that never throws: an exception inside it becomes an error answer. */
    function guarded(run) {
      try {
        return JSON.parse(run());
      } catch (error) {
        return { ok: false, errors: [{ field: '', code: 'engineFailed', params: {}, message: 'the engine could not answer (' + String(error && error.message ? error.message : error) + ')' }] };
      }
    }
    /** A text for the module: refused with the engine's tooLarge error when over its limit. */
    function withText(text, language, run) {
      if (typeof text === 'string' && text.length > INPUT_LIMIT_BYTES) {
        return engineError('tooLarge', { kib: String(INPUT_LIMIT_BYTES / 1024) }, language);
      }
      return guarded(function () { return run(text); });
    }
    function call(name, text) {
      return JSON.parse(text === undefined ? module[name]() : module[name](text));
    }
    // content(language) and schema() depend on nothing but the build and the languages loaded (the
    // engine is deterministic), and several parts ask for them at start: the engine makes each text
    // once (again after a language is added: content lists the languages loaded). Every caller still
    // gets its own parsed object, so no part can change another's copy.
    var texts = {};
    function callOnce(name, text) {
      var key = name + ' ' + (text === undefined ? '' : text);
      if (!Object.prototype.hasOwnProperty.call(texts, key)) texts[key] = text === undefined ? module[name]() : module[name](text);
      return JSON.parse(texts[key]);
    }
    var loaded = []; // the languages handed to the engine
    var loadedTexts = {}; // their data files (texts or bytes), for the records module
    /** Hands a module one language's data file; the engine checks it against its own tables first. */
    function handOver(target, code, text) {
      var answer = JSON.parse(target.addLanguage(text));
      if (!answer.ok || answer.language !== code) {
        throw new Error('the words for ' + code + ' were refused: ' + (answer.problems || ['another language']).join('; '));
      }
    }
    function addLanguage(code, text) {
      handOver(module, code, text);
      if (loaded.indexOf(code) < 0) loaded.push(code);
      loadedTexts[code] = text;
      texts = {}; // content() lists the languages loaded
    }

    // ---- The records module: the note for the clinical record and FHIR ----
    // A second module (engine/radiculo-records.wasm: the same engine with those bound too), loaded
    // the first time a record is asked for: a patient who only wants a plan never downloads it. The
    // one-file copy carries it as its only module, which then answers everything.
    var recordsPromise = null;
    var recordsLanguages = [];
    function loadRecordsModule() {
      var listed = document.getElementById('scripts-on-demand');
      var tag = listed && listed.content.querySelector('script[data-wasm]');
      if (!tag || !Radiculo.dom) return Promise.reject(new Error('this page lists no records module'));
      var wasm = new URL(tag.getAttribute('data-wasm'), document.baseURI).href;
      // Named by its source (dom.js finds the versioned, minified copy the template lists).
      var source = tag.getAttribute('src').split('?')[0].replace(/\.min\.js$/, '.js');
      return Radiculo.dom.loadScript(source, 'createRadiculoRecords').then(function (factory) {
        return factory({ locateFile: function (file, prefix) { return /\.wasm$/.test(file) ? wasm : prefix + file; } });
      });
    }
    function recordsOf(records) {
      /** Every language the plan module has, handed to the records module before it answers. */
      function sameLanguages() {
        for (var i = 0; i < loaded.length; i += 1) {
          if (recordsLanguages.indexOf(loaded[i]) >= 0) continue;
          handOver(records, loaded[i], loadedTexts[loaded[i]]);
          recordsLanguages.push(loaded[i]);
        }
        return records;
      }
      return {
        /** {ok, note}: the plain-text note for the clinical record, dated (YYYY-MM-DD) and naming where it was made. */
        note: function (assessment, date, address) {
          return withText(JSON.stringify(assessment), assessment && assessment.language, function (text) { return sameLanguages().note(text, date, address); });
        },
        /** The FHIR R4 Questionnaire in a language ('en'), worded for 'clinician' or 'patient'. */
        fhirQuestionnaire: function (audience, language) { return JSON.parse(sameLanguages().fhirQuestionnaire(audience, language)); },
        /** Radiculo's own codes as FHIR R4 CodeSystems, in a Bundle. */
        fhirCodeSystems: function () { return JSON.parse(sameLanguages().fhirCodeSystems()); },
        /** Assessment object and the time (ISO) in, a QuestionnaireResponse or {ok:false, errors} out. */
        toQuestionnaireResponse: function (assessment, authored) {
          return withText(JSON.stringify(assessment), assessment && assessment.language, function (text) { return sameLanguages().toQuestionnaireResponse(text, authored || ''); });
        },
        /** A QuestionnaireResponse as the text of a file in, {ok, assessment, [notices]} or {ok:false, errors} out. */
        fromQuestionnaireResponse: function (text) {
          return withText(text, null, function (checked) { return sameLanguages().fromQuestionnaireResponse(checked); });
        }
      };
    }
    /** Resolves to the records functions (loading their module the first time), or rejects (offline, never saved). */
    function records() {
      if (!recordsPromise) {
        recordsPromise = (typeof module.note === 'function' ? Promise.resolve(module) : loadRecordsModule()).then(function (loadedModule) {
          if (loadedModule === module) recordsLanguages = loaded; // one module: it has them already
          return recordsOf(loadedModule);
        }, function (error) {
          recordsPromise = null; // the next ask tries again (back online)
          throw error;
        });
      }
      return recordsPromise;
    }
    return {
      addLanguage: addLanguage,
      /**
       * Resolves when the engine has every language of `codes` it could load, to the codes it has;
       * a language that cannot be loaded (offline and never saved) is left out with a warning.
       */
      loadLanguages: function (codes) {
        return Promise.all(codes.filter(function (code) { return loaded.indexOf(code) < 0; }).map(function (code) {
          return fetchLanguage(code).then(function (text) { addLanguage(code, text); }, function (error) {
            if (window.console && console.warn) console.warn('Radiculo: ' + code + ' is not offered: ' + String(error && error.message));
          });
        })).then(function () { return loaded.slice(); });
      },
      /** Assessment object in, plan or {ok:false, errors} object out. */
      evaluate: function (assessment) {
        return withText(JSON.stringify(assessment), assessment && assessment.language, function (text) { return module.evaluate(text); });
      },
      /** The questions, labels and texts for one language. */
      content: function (language) { return typeof language === 'string' ? callOnce('content', language) : call('content', language); },
      schema: function () { return callOnce('schema'); },
      /** The contract's defaults, as the schema states them: {language, audience}. */
      defaults: function () {
        var fields = callOnce('schema').properties;
        return { language: fields.language['default'], audience: fields.audience['default'] };
      },
      version: function () { return call('version'); },
      /** The note and FHIR: a promise of their functions (records module, loaded when first asked for). */
      records: records,
      /** The largest input the engine takes, in bytes (a file bigger than this is refused unread). */
      inputLimitBytes: INPUT_LIMIT_BYTES,
      /** The engine's error for an input over its limit, in its words. */
      tooLarge: function (language) { return engineError('tooLarge', { kib: String(INPUT_LIMIT_BYTES / 1024) }, language); }
    };
  }

  /** gzip bytes inflated by the browser itself (DecompressionStream: Chrome 80, Safari 16.4, Firefox 113). */
  function inflate(bytes) {
    if (typeof window.DecompressionStream !== 'function' || typeof Response !== 'function' || typeof Blob !== 'function') {
      return Promise.reject(new Error('this browser cannot unpack the engine (no DecompressionStream)'));
    }
    var stream = new Blob([bytes]).stream().pipeThrough(new window.DecompressionStream('gzip'));
    return new Response(stream).arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
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
    // The page's own line, in every language of the content (tools/pages.mjs), already narrowed to
    // the browser's by keepBrowserLanguage; English where a page has none.
    var message = document.getElementById('framed-message');
    if (message) {
      message.parentNode.removeChild(message);
      message.hidden = false;
    } else {
      message = document.createElement('p');
      message.textContent = 'Radiculo cannot run inside another page. Open it on its own.';
    }
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
    // The page's plan module, or the one-file copy's records module (the plan, the note and FHIR in one).
    var factory = window.createRadiculo || window.createRadiculoRecords;
    if (typeof factory !== 'function') {
      showUnsupported('engine/radiculo.js did not load');
      return Promise.reject(new Error('engine/radiculo.js did not load'));
    }
    // The one-file copy carries the module inline, gzip-compressed. Otherwise the .wasm's address
    // comes from the page (data-wasm, versioned by tools/pages.mjs: never a cached .wasm of another build).
    var options;
    if (typeof window.RADICULO_WASM_GZIP_BASE64 === 'string') {
      options = inflate(decodeBase64(window.RADICULO_WASM_GZIP_BASE64)).then(function (bytes) { return { wasmBinary: bytes }; });
    } else {
      var tag = document.querySelector('script[data-wasm]');
      var wasm = tag && typeof URL === 'function' ? new URL(tag.getAttribute('data-wasm'), document.baseURI).href : '';
      if (wasm) options = { locateFile: function (file, prefix) { return /\.wasm$/.test(file) ? wasm : prefix + file; } };
    }
    // The engine's default language (the words of any error, the contract's default) is fetched
    // beside the .wasm, not after it.
    var firstLanguage = defaultLanguageCode();
    var firstWords = fetchLanguage(firstLanguage);
    var module = Promise.resolve(options).then(function (resolved) { return factory(resolved); });
    return Promise.all([module, firstWords]).then(function (loaded) {
      client.engine = wrap(loaded[0]);
      client.engine.addLanguage(firstLanguage, loaded[1]);
      return client.engine;
    }).then(null, function (error) {
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
