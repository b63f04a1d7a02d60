import assert from 'node:assert/strict';
import { it } from 'node:test';
import { govukMarkdown } from '../../src/web/markdown.js';

const md = govukMarkdown();

it('escapes raw HTML instead of passing it through', () => {
  const html = md.render('<script>alert(1)</script>\n\nText <b onclick="x()">bold</b>');
  assert.doesNotMatch(html, /<script|<b /);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

it('refuses javascript: links', () => {
  assert.doesNotMatch(md.render('[x](javascript:alert(1))'), /href/);
});

it('writes headings, paragraphs, lists, links and inset text with GOV.UK classes', () => {
  const html = md.render('# T\n\n## S\n\n### s\n\nA [link](/la/933).\n\n- a\n\n1. b\n\n> c\n');
  assert.match(html, /<h1 id="t" class="govuk-heading-l">T<\/h1>/);
  assert.match(html, /<h2 id="s" class="govuk-heading-m">S<\/h2>/);
  assert.match(html, /<h3 id="s-2" class="govuk-heading-s">s<\/h3>/);
  assert.match(html, /<p class="govuk-body">A <a href="\/la\/933" class="govuk-link">link<\/a>/);
  assert.match(html, /<ul class="govuk-list govuk-list--bullet">/);
  assert.match(html, /<ol class="govuk-list govuk-list--number">/);
  assert.match(html, /<blockquote class="govuk-inset-text">/);
});

it('writes tables with GOV.UK classes and alignment as a class, not a style', () => {
  const html = md.render('| a | b |\n| --- | ---: |\n| 1 | 2 |\n');
  assert.match(html, /<table class="govuk-table">\n<thead class="govuk-table__head">/);
  assert.match(html, /<th class="govuk-table__header" scope="col">a<\/th>/);
  assert.match(html, /<th class="govuk-table__header govuk-table__header--numeric" scope="col">b/);
  assert.match(html, /<tbody class="govuk-table__body">\n<tr class="govuk-table__row">/);
  assert.match(html, /<td class="govuk-table__cell govuk-table__cell--numeric">2<\/td>/);
  assert.doesNotMatch(html, /style=/);
});

it('takes a heading id from {#id} and leaves it out of the text', () => {
  assert.match(
    md.render('## 4. Quartile bands {#bands}\n'),
    /<h2 id="bands"[^>]*>4. Quartile bands<\/h2>/,
  );
});

it('refuses two headings with the same {#id}', () => {
  assert.throws(() => md.render('## A {#x}\n\n## B {#x}\n'), /two headings have the id "x"/);
});
