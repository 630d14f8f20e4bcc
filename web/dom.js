/* Radiculo: the page's small DOM helpers, loaded before every other script. Every part of the page
 * builds its elements with these: text always as textContent, never as HTML.
 * The page's scripts are classic scripts (module scripts are blocked on file://, where the one-file
 * copy runs). Each part attaches exactly one object to window.Radiculo, named after its file; one
 * orchestrator per page (app.js for index.html, about-page.js for about.html) calls the parts. */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const SVG = 'http://www.w3.org/2000/svg';

  // Small stroke icons (24 x 24), drawn inline: no extra request, and colour comes from the text.
  const ICONS = {
    do: ['M4.5 12.5l5 5L19.5 7'],
    consider: ['M4 12h15', 'M13 6l6 6-6 6'],
    avoid: ['M12 3.5a8.5 8.5 0 1 0 0 17a8.5 8.5 0 1 0 0-17z', 'M6 6l12 12'],
    caution: ['M12 3.5L2.5 20.5h19z', 'M12 10v5', 'M12 17.6v.4'],
    urgent: ['M12 3.5a8.5 8.5 0 1 0 0 17a8.5 8.5 0 1 0 0-17z', 'M12 7.5v6', 'M12 16.2v.4'],
    emergency: ['M12 2.5L21.5 12L12 21.5L2.5 12z', 'M12 7.5v6', 'M12 16.2v.4'],
    clock: ['M12 3.5a8.5 8.5 0 1 0 0 17a8.5 8.5 0 1 0 0-17z', 'M12 7v5.5l3.5 2'],
    incomplete: ['M9 9a3 3 0 1 1 4.5 2.6c-1 .6-1.5 1.2-1.5 2.4', 'M12 17.6v.4', 'M12 2.5a9.5 9.5 0 1 0 0 19a9.5 9.5 0 1 0 0-19z'],
    reassess: ['M19.5 12a7.5 7.5 0 1 1-2.2-5.3', 'M19.5 4v4.5H15'],
    info: ['M12 2.5a9.5 9.5 0 1 0 0 19a9.5 9.5 0 1 0 0-19z', 'M12 11v6', 'M12 7.6v.4'],
  };

  const byId = (id) => document.getElementById(id);

  /** One of ICONS as an inline SVG, hidden from screen readers (the word beside it says it). */
  function icon(name) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('class', 'icon');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    for (const d of ICONS[name] || ICONS.info) {
      const path = document.createElementNS(SVG, 'path');
      path.setAttribute('d', d);
      svg.appendChild(path);
    }
    return svg;
  }

  /** element('p', { className, text, ...attributes }, [children]): undefined, null and false are left out. */
  function element(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'text') node.textContent = value;
      else if (name === 'className') node.className = value;
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children || []) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  /** fill('Call {number}', { number: '112' }): a content template's {placeholders} filled; unknown ones stay. */
  function fill(template, values) {
    return String(template || '').replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  }

  // Scripts the first plan does not need (the QR encoder, the page's parts used later) load when
  // asked. index.html lists them in <template id="scripts-on-demand">: a template's scripts never
  // run, yet they carry the page's versioned names (tools/pages.mjs), the offline worker's list has
  // them, and the one-file copy inlines them (there the global is already defined and nothing is loaded).
  const onDemand = new Map();

  /** The global a script defines, by its dotted name ('qrcode', 'Radiculo.kiosk'), or undefined. */
  const definedGlobal = (global) => global.split('.').reduce((node, name) => (node ? node[name] : undefined), window);

  /** Resolves with the global `global` names (window.qrcode, window.Radiculo.kiosk) once `src` (as named in the template) has run. */
  function loadScript(src, global) {
    if (definedGlobal(global)) return Promise.resolve(definedGlobal(global));
    if (!onDemand.has(src)) {
      onDemand.set(src, new Promise((resolve, reject) => {
        const listed = byId('scripts-on-demand');
        const entry = listed && Array.from(listed.content.querySelectorAll('script[src]'))
          .find((node) => node.getAttribute('src').split('?')[0].replace(/\.min\.js$/, '.js') === src); // or its minified copy (tools/pages.mjs)
        const script = document.createElement('script');
        script.src = entry ? entry.getAttribute('src') : src;
        script.onload = () => (definedGlobal(global) ? resolve(definedGlobal(global)) : reject(new Error(`${src} did not define ${global}`)));
        script.onerror = () => { onDemand.delete(src); reject(new Error(`${src} could not be loaded`)); };
        document.head.appendChild(script);
      }));
    }
    return onDemand.get(src);
  }

  Radiculo.dom = { byId, element, icon, fill, loadScript };
})();
