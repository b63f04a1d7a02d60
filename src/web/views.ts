import nunjucks from 'nunjucks';
import type { Config } from '../core/config.js';
import { govukFrontendDist, viewsDir } from './paths.js';

export function createViews(config: Pick<Config, 'production'>): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([viewsDir, govukFrontendDist], { noCache: !config.production }),
    {
      autoescape: true,
      throwOnUndefined: false,
    },
  );
  env.addFilter('dateGb', (iso: string) =>
    new Date(iso).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/London',
    }),
  );
  return env;
}
