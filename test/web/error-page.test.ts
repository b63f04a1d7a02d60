import assert from 'node:assert/strict';
import { it } from 'node:test';
import { renderTemplate } from '../../src/web/render.js';

const site = { demo: false, releases: [] };

it('tells a person what to change when their request is wrong, not to try again later', () => {
  const html = renderTemplate('pages/errors/error.njk', {
    site,
    status: 400,
    message: 'la must be a 3-digit LA code.',
    hint: 'Give a 3-digit LA code (933).',
  });
  assert.match(html, /There is a problem with your request/);
  assert.match(html, /Give a 3-digit LA code \(933\)\./);
  assert.doesNotMatch(html, /Try again later/);
});

it('says sorry and to try again later when the service fails', () => {
  const html = renderTemplate('pages/errors/error.njk', {
    site,
    status: 500,
    message: 'Sorry, there is a problem with the service.',
  });
  assert.match(html, /Sorry, there is a problem with the service/);
  assert.match(html, /Try again later/);
});
