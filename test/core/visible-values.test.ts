import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeProblem, formatError, lanternError, visibleText } from '../../src/core/errors.js';

/**
 * A value quoted in a message shows every character it holds: one with a no-break space or a
 * zero-width space must never read exactly like the value that was wanted.
 */
describe('values quoted in messages', () => {
  it('shows invisible and format characters as <U+XXXX>, and leaves visible text alone', () => {
    assert.equal(visibleText('16-17\u200b'), '16-17<U+200B>');
    assert.equal(visibleText('Local\u00a0authority'), 'Local<U+00A0>authority');
    assert.equal(visibleText('ees_\u202eneet'), 'ees_<U+202E>neet');
    assert.equal(visibleText('\ufeffAge\u2060\u200e\u200f'), '<U+FEFF>Age<U+2060><U+200E><U+200F>');
    assert.equal(visibleText('a\tb\nc\u0000'), 'a<U+0009>b<U+000A>c<U+0000>');
    assert.equal(visibleText('16 \u2013 17 é 😀 “x”'), '16 \u2013 17 é 😀 “x”');
  });

  it('never quotes a file value with a no-break space so that it reads like the wanted one', () => {
    const text = describeProblem({
      file: 'f.csv',
      row: 3,
      column: 'geographic_level',
      value: 'Local\u00a0authority',
      expected:
        '"Local authority", exactly as EES writes it ("Local\u00a0authority" looks like it)',
    });
    assert.equal(
      text,
      'f.csv, row 3, column "geographic_level": got "Local<U+00A0>authority"; expected "Local authority", exactly as EES writes it ("Local<U+00A0>authority" looks like it)',
    );
  });

  it('shows invisible characters in a column name, and in a long value cut short', () => {
    const text = describeProblem({
      file: 'f.csv',
      row: 1,
      column: 'Age\u200b',
      value: `${'x'.repeat(56)}\u200b${'y'.repeat(10)}`,
      expected: 'something',
    });
    assert.equal(
      text,
      `f.csv, row 1, column "Age<U+200B>": got "${'x'.repeat(56)}<U+200B>..."; expected something`,
    );
  });

  it('shows invisible characters in an error message, line by line', () => {
    const error = lanternError(
      'LANTERN_IMPORT_INVALID',
      'f.csv has 1 problem:\n  - "16-17\u200b"',
      {
        hint: 'Correct it.',
      },
    );
    assert.equal(
      formatError(error),
      'f.csv has 1 problem:\n  - "16-17<U+200B>" [LANTERN_IMPORT_INVALID]\nCorrect it.',
    );
  });
});
