// The nastiest inputs we know of, each at most 64 KiB (the engine's input limit): the same list
// as tests/engine/worst_case_inputs.h, for the WebAssembly test and the benchmark
// (bench/worst_case.mjs). Text, as the page's callers pass it.
const LIMIT = 64 * 1024;

const nested = (open, middle, close) => {
  const levels = Math.floor((LIMIT - middle.length) / (open.length + close.length));
  return open.repeat(levels) + middle + close.repeat(levels);
};
// `head`, then members made by `member(i)` joined by commas, then `tail`: as many as fit.
const many = (head, member, tail) => {
  let out = head;
  for (let i = 0; ; i++) {
    const next = (i === 0 ? '' : ',') + member(i);
    if (out.length + next.length + tail.length > LIMIT) break;
    out += next;
  }
  return out + tail;
};
const longText = 'a'.repeat(LIMIT - 20);

export const worstCaseInputs = [
  ['deep-objects', nested('{"a":', '1', '}')],
  ['deep-objects-tilde-keys', nested('{"~":', '1', '}')],
  ['deep-objects-unclosed', '{"a":'.repeat(Math.floor(LIMIT / 5))],
  ['deep-arrays', '['.repeat(LIMIT / 2) + ']'.repeat(LIMIT / 2)],
  ['deep-arrays-in-a-member', '{"redFlags":' + '['.repeat((LIMIT - 13) >> 1) + ']'.repeat((LIMIT - 13) >> 1) + '}'],
  ['many-unknown-keys', many('{', (i) => `"k${i}":0`, '}')],
  ['many-unknown-red-flags', many('{"redFlags":{', (i) => `"k${i}":null`, '}}')],
  ['many-duplicate-keys', many('{"redFlags":{', () => '"fever":false', '}}')],
  ['long-array', many('{"redFlags":[', () => '0', ']}')],
  ['many-inexact-numbers', many('{"x":[', () => '1.00000000000000001', ']}')],
  ['long-string-value', `{"audience":"${longText}"}`],
  ['long-key', `{"${longText}":1}`],
  ['long-key-of-tildes-and-slashes', `{"${'~/'.repeat(longText.length >> 1)}":1}`],
  ['long-key-of-escaped-controls', `{"${'\\u001b'.repeat(Math.floor(longText.length / 6))}":1}`],
  ['unterminated-long-string', `{"a":"${longText}`],
].map(([name, text]) => ({ name, text }));
