import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { lanternError } from '../../../core/errors.js';
import { formatNumber } from '../../../core/format.js';
import { actorOf, csrfField, textareaField } from '../../forms.js';
import { needs } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import { key, routeSchema, downloadQuery } from '../../route-schemas.js';
import { sendRequestedTable, tableView } from '../../layouts/page-frame.js';
import type { DataTable } from '../../tables/data-table.js';
import { canonicalUrl, withQuery } from '../../url.js';
import { strategyHrefs } from '../../urls.js';
import { formErrors, type FormProblem } from '../sign-in/sign-in.view.js';
import {
  loadStrategy,
  strategyParams,
  type LoadedStrategy,
  type StrategyRequest,
} from '../strategy/strategy.load.js';

type Request = StrategyRequest<{ measure: string }, object, { values?: string } | undefined>;
const params = { ...strategyParams, measure: key };

function measureOf(loaded: LoadedStrategy, code: string) {
  const m = loaded.status.strategy.localMeasures.find((x) => x.code === code);
  if (!m)
    throw lanternError(
      'LANTERN_STRATEGY_NOT_FOUND',
      'The strategy has no local measure with that code.',
    );
  return m;
}

function valuesTable(m: ReturnType<typeof measureOf>, fileName: string): DataTable {
  return {
    id: 'values',
    caption: `${m.name}: values entered`,
    fileName,
    columns: [
      { header: 'Year' },
      { header: `Value (${m.unit})`, numeric: true },
      { header: 'Note' },
    ],
    rows: m.values.map((v) => [
      { raw: v.year },
      { raw: v.value, text: formatNumber(v.value, m.decimalPlaces) },
      { raw: v.note ?? '' },
    ]),
    notes: ["Entered by the LA's officers in Lantern: not published statistics."],
  };
}

async function render(
  page: Page,
  request: Request,
  reply: FastifyReply,
  loaded: LoadedStrategy,
  values = '',
  problems: FormProblem[] = [],
) {
  const m = measureOf(loaded, request.params.measure);
  const table = valuesTable(m, `lantern-strategy-${loaded.la.code}-${m.code}`);
  if (await sendRequestedTable(request, reply, [table])) return reply;
  const canEdit = loaded.mayEdit;
  const targets = loaded.status.targets
    .filter((t) => t.measure === `local:${m.code}`)
    .map((t) => ({
      text: t.sentence,
      href: strategyHrefs.target(loaded.la.code, loaded.status.id, t.key),
    }));
  return page.render(
    reply,
    'pages/strategy-local-measure/strategy-local-measure.njk',
    {
      pageTitle: m.name,
      crumbs: { items: loaded.crumbs, collapseOnMobile: true },
      la: loaded.la,
      m,
      polarity:
        m.polarity === 'high'
          ? 'Higher is better'
          : m.polarity === 'low'
            ? 'Lower is better'
            : 'No better direction',
      targets,
      table: m.values.length
        ? tableView(withQuery(canonicalUrl(request), { saved: undefined }), table)
        : undefined,
      saved: (request.query as { saved?: string }).saved === 'yes' && problems.length === 0,
      canEdit,
      values,
      action: strategyHrefs.localMeasure(loaded.la.code, loaded.status.id, m.code),
      ...(canEdit ? { csrf: reply.generateCsrf() } : {}),
      ...formErrors(problems),
    },
    problems.length ? 400 : 200,
  );
}

/** `/la/:code/strategies/:id/local-measures/:measure`: what only the LA holds, and entering its values. */
export function strategyLocalMeasurePage(page: Page): FastifyPluginAsync {
  return async (app) => {
    const url = '/la/:code/strategies/:id/local-measures/:measure';
    app.get(
      url,
      {
        schema: routeSchema({ params, query: { ...downloadQuery, saved: key } }),
        config: needs('read-strategy'),
      },
      async (request: Request, reply) =>
        render(
          page,
          request,
          reply,
          await loadStrategy(page, request, `local measure ${request.params.measure}`),
        ),
    );
    app.post(
      url,
      {
        schema: routeSchema({ params, body: { values: textareaField(20000), ...csrfField } }),
        config: needs('edit-la-restricted', { la: 'code' }),
        preHandler: app.csrfProtection,
      },
      async (request: Request, reply) => {
        const loaded = await loadStrategy(page, request, `local measure ${request.params.measure}`);
        const m = measureOf(loaded, request.params.measure);
        const text = request.body?.values ?? '';
        const read = page.services.strategies.localValues.read(text);
        if ('problems' in read)
          return render(
            page,
            request,
            reply,
            loaded,
            text,
            read.problems.map((p) => ({
              text: `Line ${p.line}${p.column === 'line' ? '' : `, ${p.column}`}: ${p.message}`,
              href: '#values-text',
            })),
          );
        await page.services.strategies.localValues.add(
          request.viewer,
          actorOf(request),
          loaded.status,
          m.code,
          read.values,
        );
        return reply.redirect(
          `${strategyHrefs.localMeasure(loaded.la.code, loaded.status.id, m.code)}?saved=yes`,
          303,
        );
      },
    );
  };
}
