/**
 * An action's evidence as uploaded files: `POST …/actions/:key/evidence` (a multipart form, for
 * LA officers) and `GET …/evidence/:file` to download one (the LA's own staff; each read
 * audited). @fastify/multipart is registered here only, so no other form takes files.
 */
import multipart from '@fastify/multipart';
import contentDisposition from 'content-disposition';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { maxEvidenceBytes, type UploadedFile } from '../../../strategy/evidence.js';
import { actorOf, csrfField, field } from '../../forms.js';
import { needs } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import { key, routeSchema } from '../../route-schemas.js';
import { strategyHrefs } from '../../urls.js';
import { loadStrategy, strategyParams, type StrategyRequest } from '../strategy/strategy.load.js';
import { render } from './strategy-action.routes.js';

type UploadRequest = StrategyRequest<
  { key: string },
  object,
  { title?: string; file?: UploadedFile; _csrf?: string } | undefined
>;

export function evidenceRoutes(page: Page): FastifyPluginAsync {
  return async (app) => {
    await app.register(multipart, {
      attachFieldsToBody: 'keyValues',
      // One file; a byte past the limit marks it truncated, and the page says it is too big.
      throwFileSizeLimit: false,
      limits: { fileSize: maxEvidenceBytes + 1, files: 1, fields: 4, parts: 5 },
      async onFile(part) {
        const bytes = await part.toBuffer();
        const file: UploadedFile = { name: part.filename, bytes, truncated: part.file.truncated };
        (part as unknown as { value: UploadedFile }).value = file;
      },
    });
    app.post(
      '/la/:code/strategies/:id/actions/:key/evidence',
      {
        schema: routeSchema({
          params: { ...strategyParams, key },
          body: { title: field(400), file: { type: 'object' }, ...csrfField },
        }),
        config: needs('edit-la-restricted', { la: 'code' }),
        preHandler: app.csrfProtection,
      },
      async (request: UploadRequest, reply) => upload(page, request, reply),
    );
    app.get(
      '/la/:code/strategies/:id/evidence/:file',
      {
        schema: routeSchema({ params: { ...strategyParams, file: key } }),
        config: needs('read-la-restricted', { la: 'code' }),
      },
      async (request: StrategyRequest<{ file: string }>, reply) => {
        const f = await page.services.strategies.evidence.download(
          request.viewer,
          actorOf(request),
          request.params.id,
          request.params.file,
        );
        return reply
          .type(f.mediaType)
          .header('content-disposition', contentDisposition(f.fileName))
          .send(f.content);
      },
    );
  };
}

async function upload(page: Page, request: UploadRequest, reply: FastifyReply) {
  const loaded = await loadStrategy(page, request, `action ${request.params.key}`);
  const title = request.body?.title ?? '';
  const file = request.body?.file;
  // A form sent with no file chosen carries an empty part with no name.
  const chosen = file && (file.name || file.bytes.length) ? file : undefined;
  const added = await page.services.strategies.evidence.add(
    request.viewer,
    actorOf(request),
    { strategyId: loaded.status.id, actionKey: request.params.key },
    { title, file: chosen },
  );
  if ('problems' in added)
    return render(page, request, reply, loaded, {
      evidenceTitle: title,
      problems: added.problems.map((p) => ({ text: p.message, href: `#evidence-${p.field}` })),
    });
  const back = strategyHrefs.action(loaded.la.code, loaded.status.id, request.params.key);
  return reply.redirect(`${back}?evidence=added#evidence`, 303);
}
