/**
 * The one Nunjucks environment, and the renderer type every page uses. Templates are named
 * from src/web: "layouts/layout.njk", "pages/<page>/<page>.njk", "components/<name>/macro.njk";
 * govuk-frontend's are "govuk/…". Templates are compiled once per process.
 */
import type { FastifyReply } from 'fastify';
import nunjucks from 'nunjucks';
import { formatDate } from '../core/format.js';
import { govukFrontendDist, webDir } from './paths.js';
import type { Services } from './services/services.js';

const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([webDir, govukFrontendDist]), {
  autoescape: true,
  throwOnUndefined: false,
});
env.addFilter('dateGb', formatDate);

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
  'value',
] as const;
export type ComponentName = (typeof componentNames)[number];

/** "moved-band" → "lanternMovedBand", the macro each component's macro.njk defines. */
export function macroName(name: ComponentName): string {
  return `lantern${name.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase())}`;
}

const componentTemplates = new Map<ComponentName, nunjucks.Template>();

/**
 * One component to HTML, through its macro as a template would call it: table cells built in
 * TypeScript (a scorecard row's band or change) use the same markup as the pages' templates.
 */
export function renderComponent(name: ComponentName, params: object): string {
  let template = componentTemplates.get(name);
  if (!template) {
    const macro = macroName(name);
    template = new nunjucks.Template(
      `{% from "components/${name}/macro.njk" import ${macro} %}{{ ${macro}(params) }}`,
      env,
      `component:${name}`,
    );
    componentTemplates.set(name, template);
  }
  return template.render({ params }).trim();
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
