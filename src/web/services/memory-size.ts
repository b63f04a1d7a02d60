/**
 * Roughly how many bytes of memory a value holds, for caches bounded by bytes. Walks the value
 * once (objects, arrays, Maps, Sets, strings, buffers), counting each object once per call, with
 * V8-like sizes: a string 16 bytes + 1 per character (2 when it holds any character beyond
 * Latin-1), a number 8, an object 16 + 8 per property, an array 16 + 8 per element, a Map or
 * Set entry 24. Objects shared between two cached values count in each (an over-estimate: the
 * bound is never exceeded by what it misses). Checked against heap measurements of LAIT
 * scorecard data in docs/performance.md.
 */
export function approximateBytes(value: unknown): number {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  let bytes = 0;
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') bytes += stringBytes(v);
    else if (typeof v === 'number' || typeof v === 'bigint') bytes += 8;
    else if (typeof v === 'object' && v !== null && !seen.has(v)) {
      seen.add(v);
      bytes += objectBytes(v, stack);
    }
  }
  return bytes;
}

// Latin-1 strings take a byte per character in V8, others two.
const beyondLatin1 = /[^\u0000-\u00ff]/;

function stringBytes(s: string): number {
  return 16 + (beyondLatin1.test(s) ? 2 : 1) * s.length;
}

/** The object's own bytes; what it refers to is pushed on `stack`. */
function objectBytes(v: object, stack: unknown[]): number {
  if (ArrayBuffer.isView(v)) return 64 + v.byteLength;
  if (v instanceof ArrayBuffer) return 32 + v.byteLength;
  if (v instanceof Date) return 32;
  if (Array.isArray(v)) {
    for (const x of v) stack.push(x);
    return 16 + 8 * v.length;
  }
  if (v instanceof Map) {
    for (const [k, x] of v) stack.push(k, x);
    return 32 + 24 * v.size;
  }
  if (v instanceof Set) {
    for (const x of v) stack.push(x);
    return 32 + 24 * v.size;
  }
  const values = Object.values(v);
  for (const x of values) stack.push(x);
  return 16 + 8 * values.length;
}
