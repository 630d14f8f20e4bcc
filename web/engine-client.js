/* Radiculo: loads the WebAssembly engine and wraps its four JSON-text functions.
 *
 * Written in ES5 on purpose: this is the file that must still run, and show "this browser cannot
 * start Radiculo", in a browser too old to parse the rest of the page's scripts or to compile
 * WebAssembly. Everything crossing the engine boundary is JSON text; this file is the only place
 * that parses and stringifies it. */
(function () {
  'use strict';

  var Radiculo = (window.Radiculo = window.Radiculo || {});
  var STARTUP_LIMIT_MS = 20000; // a slow tablet compiles the engine in well under a second

  function showUnsupported(reason) {
    if (Radiculo.started) return;
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
    return {
      /** Assessment object in, plan or {ok:false, errors} object out. */
      evaluate: function (assessment) { return call('evaluate', JSON.stringify(assessment)); },
      /** The questions, labels and texts for one language. */
      content: function (language) { return call('content', language); },
      schema: function () { return call('schema'); },
      version: function () { return call('version'); }
    };
  }

  function decodeBase64(text) {
    var binary = window.atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  /** Resolves to the wrapped engine, or rejects (after showing the too-old message). */
  Radiculo.loadEngine = function () {
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
    // The one-file copy (radiculo-offline.html, for file://) carries the module inline: no fetch at
    // all. Otherwise the .wasm's address is the page's own (data-wasm on the engine's script tag,
    // versioned by tools/pages.mjs like every file the page loads, so a cached .wasm of another
    // version is never used); without it the factory looks beside engine/radiculo.js.
    var options;
    if (typeof window.RADICULO_WASM_BASE64 === 'string') {
      options = { wasmBinary: decodeBase64(window.RADICULO_WASM_BASE64) };
    } else {
      var tag = document.querySelector('script[data-wasm]');
      var wasm = tag && typeof URL === 'function' ? new URL(tag.getAttribute('data-wasm'), document.baseURI).href : '';
      if (wasm) options = { locateFile: function (file, prefix) { return /\.wasm$/.test(file) ? wasm : prefix + file; } };
    }
    return window.createRadiculo(options).then(wrap, function (error) {
      showUnsupported(String(error && error.message ? error.message : error));
      throw error;
    });
  };

  Radiculo.showUnsupported = showUnsupported;

  // Old browsers: say so at once. Anything else that keeps the page from starting: say so later.
  if (!browserCanRun()) {
    document.addEventListener('DOMContentLoaded', function () { showUnsupported('no WebAssembly'); });
  }
  window.setTimeout(function () { showUnsupported('the engine did not start in time'); }, STARTUP_LIMIT_MS);
})();
