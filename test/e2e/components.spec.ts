import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import nunjucks from 'nunjucks';
import { renderComponent } from '../../src/web/render.js';
import {
  axeViolations,
  browserSkip as skip,
  screenshot,
  type TestSite,
  useBrowserSuite,
} from '../support/browser.js';
import { componentSpecs } from '../support/components.js';

/** Every example of every component on one page, styled as the app styles it. */
function examplesPage(): string {
  const sections = componentSpecs().flatMap((spec) =>
    spec.examples.map((example) => ({
      heading: `${spec.name}: ${example.name}`,
      html: renderComponent(spec.name, example.options),
    })),
  );
  const page = `<!DOCTYPE html><html lang="en-GB" class="govuk-template"><head><meta charset="utf-8"><title>Lantern components</title>
<link rel="stylesheet" href="/govuk/govuk-frontend.min.css"><link rel="stylesheet" href="/public/lantern.css"></head>
<body class="govuk-template__body"><div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
<h1 class="govuk-heading-l">Lantern components</h1>
{% for s in sections %}<section class="govuk-!-margin-bottom-6"><h2 class="govuk-heading-s">{{ s.heading }}</h2><div class="govuk-body">{{ s.html | safe }}</div></section>
{% endfor %}</main></div></body></html>`;
  return new nunjucks.Environment(null, { autoescape: true }).renderString(page, { sections });
}

describe('our components in a browser', { skip }, () => {
  let site: TestSite;
  let page: Page;
  useBrowserSuite((s) => ({ site, page } = s));

  it('finds no axe violations in any component example', async () => {
    await page.goto(`${site.url}about`);
    await page.setContent(examplesPage(), { waitUntil: 'load' });
    await screenshot(page, 'components');
    assert.equal(
      await page.evaluate(() => getComputedStyle(document.body).fontFamily.length > 0),
      true,
    );
    assert.deepEqual(await axeViolations(page), []);
  });
});
