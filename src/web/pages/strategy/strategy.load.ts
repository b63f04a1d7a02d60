/** What every page of one strategy starts with: the LA, the judged strategy, the crumbs. */
import type { FastifyRequest } from 'fastify';
import { decide, strategyAudience, type StrategyAudience } from '../../../access/policy.js';
import { formatDate, todayInEngland } from '../../../core/format.js';
import { lanternError } from '../../../core/errors.js';
import type { Area } from '../../../measures/areas.js';
import type { StrategyStatus } from '../../../strategy/strategy.service.js';
import { actorOf } from '../../forms.js';
import type { Crumb } from '../../layouts/page-frame.js';
import type { Page } from '../../render.js';
import { key } from '../../route-schemas.js';
import { strategyHrefs } from '../../urls.js';

export type StrategyRequest<P = object, Q = object, B = unknown> = FastifyRequest<{
  Params: { code: string; id: string } & P;
  Querystring: Q & { download?: string; table?: string };
  Body: B;
}>;

export interface LoadedStrategy {
  la: Area;
  status: StrategyStatus;
  today: string;
  /** "Judged on 3 December 2026 on the figures in Lantern." */
  asOfText: string;
  crumbs: Crumb[];
  /** Whether the viewer may change this LA's strategy (the forms are shown only then). */
  mayEdit: boolean;
  /** 'la': the LA's own staff see all of it; 'public': what a published strategy shows. */
  audience: StrategyAudience;
}

export async function loadStrategy(
  page: Page,
  request: StrategyRequest<object, object, unknown>,
  pageName: string,
  /** The date to judge on (the board report's); today in England otherwise. */
  date?: string,
): Promise<LoadedStrategy> {
  const la = await page.services.areas.resolveLa(request.params.code);
  const today = date ?? todayInEngland();
  const audience = strategyAudience(request.viewer, la.code);
  const status = await page.services.strategies.status(
    request.viewer,
    actorOf(request),
    request.params.id,
    today,
    pageName,
    audience,
  );
  // Another LA's strategy under this LA's address: not found, as row security would say.
  if (status.strategy.la !== la.code)
    throw lanternError('LANTERN_STRATEGY_NOT_FOUND', `${la.name} has no strategy with that id.`);
  return {
    la,
    status,
    today,
    asOfText: `Judged on ${formatDate(today)} on the figures in Lantern now.`,
    audience,
    mayEdit:
      decide(request.viewer, 'edit-la-restricted', {
        scope: { laCode: la.code },
        publicAccess: 'signed-in',
      }) === 'allow',
    crumbs: [
      { text: la.name, href: `/la/${la.code}` },
      { text: 'Strategies', href: strategyHrefs.list(la.code) },
      { text: status.strategy.title, href: strategyHrefs.overview(la.code, status.id) },
    ],
  };
}

/** Path parameters of every strategy page. */
export const strategyParams = { code: key, id: key };
