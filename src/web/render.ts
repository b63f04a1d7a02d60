/**
 * The one Nunjucks environment, and the renderer type every page uses. Templates are named
 * from src/web: "layouts/layout.njk", "pages/<page>/<page>.njk", "components/<name>/macro.njk";
 * govuk-frontend's are "govuk/…". Templates are compiled once per process.
 */
import type { FastifyReply } from 'fastify';
import nunjucks from 'nunjucks';
import { formatDate } from '../core/format.js';
import { noDirectionName, ragKey } from '../strategy/labels.js';
import { govukFrontendDist, webDir } from './paths.js';
import type { Services } from './services/services.js';

const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([webDir, govukFrontendDist]), {
  autoescape: true,
  throwOnUndefined: false,
});
env.addFilter('dateGb', formatDate);
// The strategy words every page and the report share (one rule per figure: strategy/labels.ts).
env.addGlobal('strategyWords', { ragKey, noDirectionName });

/** A template to HTML (no layout data added: see Page.render for whole pages). */
export function renderTemplate(view: string, context: Record<string, unknown>): string {
  return env.render(view, context);
}

/** Our components (src/web/components/<name>/), each with template.njk, macro.njk and <name>.yaml. */
export const componentNames = [
  'change',
  'chart',
  'compact-table',
  'figure-source',
  'moved-band',
  'quartile-band',
  'sortable-header',
  'table-with-downloads',
  'target-status',
  'value',
] as const;
export type ComponentName = (typeof componentNames)[number];

/** "moved-band" → "lanternMovedBand", the macro each component's macro.njk defines. */
export function macroName(name: ComponentName): string {
  return `lantern${name.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase())}`;
}

const macroTemplates = new Map<string, nunjucks.Template>();

/**
 * One macro of a template file to HTML, called as a template would call it: markup that
 * TypeScript needs as a string (a table cell's link or band) still comes from a template, where
 * every value is escaped. `file` and `macro` are names in our code, never request text.
 */
export function renderMacro(file: string, macro: string, params: object): string {
  const id = `${file}#${macro}`;
  let template = macroTemplates.get(id);
  if (!template) {
    template = new nunjucks.Template(
      `{% from "${file}" import ${macro} %}{{ ${macro}(params) }}`,
      env,
      id,
    );
    macroTemplates.set(id, template);
  }
  return template.render({ params }).trim();
}

/** One component to HTML, through its macro (renderMacro): cells use the pages' markup. */
export function renderComponent(name: ComponentName, params: object): string {
  return renderMacro(`components/${name}/macro.njk`, macroName(name), params);
}

/** What a page's routes get: the services, and rendering with the layout's shared data. */
export interface Page {
  services: Services;
  /** Renders a page with the layout's shared data (organisation, demo banner, releases). */
  render(
    reply: FastifyReply,
    view: string,
    context?: Record<string, unknown>,
    statusCode?: number,
  ): Promise<FastifyReply>;
}
