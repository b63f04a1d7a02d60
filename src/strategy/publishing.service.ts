/**
 * Publishing a strategy: once published, anyone who may see the statistics reads its targets,
 * actions and approved updates (strategy/published.ts, migrations/0009). It is the strategy
 * lead's decision, as issuing the board report is (strategy/approval.ts), and is audited.
 */
import { audit, type Actor } from '../access/audit.service.js';
import type { Viewer } from '../access/policy.js';
import { withScope } from '../access/row-security.js';
import type { Database } from '../core/db.js';
import { lanternError } from '../core/errors.js';
import { setPublished } from './actions.repository.js';
import { mayApprove } from './approval.js';
import type { StrategyDocument } from './strategy-schema.js';

export async function publishStrategy(
  db: Database,
  viewer: Viewer,
  actor: Actor,
  doc: Pick<StrategyDocument, 'lead' | 'title'> & { id: string },
  published: boolean,
): Promise<void> {
  if (!mayApprove(viewer, doc))
    throw lanternError(
      'LANTERN_FORBIDDEN',
      `Only the strategy's lead (${doc.lead ?? 'an LA officer'}) or an administrator can ${published ? 'publish' : 'withdraw'} it.`,
    );
  await withScope(db, viewer, async (tx) => {
    if (!(await setPublished(tx, doc.id, published))) return; // already so: nothing to record
    await audit(
      tx,
      actor,
      published ? 'strategy.publish' : 'strategy.withdraw',
      { kind: 'strategy', id: doc.id },
      { title: doc.title },
    );
  });
}
