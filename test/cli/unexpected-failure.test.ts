import assert from 'node:assert/strict';
import { it } from 'node:test';
import { loadConfig } from '../../src/core/config.js';
import { runCli, unexpectedFailure } from '../../src/cli/main.js';

it('says an unexpected error in one line and what to do, without a stack', async () => {
  let err = '';
  const code = await runCli(['scorecard', '--la', '933'], {
    stdout: () => {},
    stderr: (t) => (err += t),
    config: loadConfig({}),
    openDb: () =>
      Promise.reject(new TypeError("Cannot read properties of undefined (reading 'x')")),
    progress: false,
  });
  assert.equal(code, 1);
  assert.match(err, /did not expect: Cannot read properties of undefined/);
  assert.match(err, /LANTERN_DEBUG=1/);
  assert.doesNotMatch(err, /\n\s+at |Lantern failed/);
});

it('says nothing was changed only when an import stopped', () => {
  assert.match(unexpectedFailure(new Error('x'), {}, 'import'), /Nothing was changed/);
  assert.doesNotMatch(unexpectedFailure(new Error('x'), {}, 'serve'), /import/);
});

it('shows the stack when LANTERN_DEBUG is set', () => {
  const text = unexpectedFailure(new RangeError('boom'), { LANTERN_DEBUG: '1' });
  assert.match(text, /RangeError: boom\n\s+at /);
});
