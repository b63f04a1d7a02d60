import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { govukFrontendDist } from '../paths.js';

/**
 * The CSP hash of the one inline script govuk-frontend's page template has (it adds the
 * `js-enabled` class). Allowing it by hash instead of a per-response nonce keeps every page
 * byte-identical for its URL, so whole pages can be cached (page-cache.ts). Read from the
 * installed template, so an upgrade of govuk-frontend cannot silently break it.
 */
export function govukInlineScriptHash(): string {
  const template = fs.readFileSync(path.join(govukFrontendDist, 'govuk', 'template.njk'), 'utf8');
  const match = /<script[^>]*>([^<]*)<\/script>/.exec(template);
  if (!match) throw new Error('govuk-frontend template.njk: inline script not found');
  return `'sha256-${crypto.createHash('sha256').update(match[1]!).digest('base64')}'`;
}
