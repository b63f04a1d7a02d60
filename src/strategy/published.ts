/**
 * What a published strategy shows someone outside its LA (issue 9: "the public sees nothing
 * unless the strategy is published"). Row security already withholds the rest (migrations/0009:
 * risks, updates awaiting approval, unpublished strategies); this is the application's own
 * check on top, and it also drops who wrote and approved each update and the lead: e-mail
 * addresses, or display names that default to an address's first part. The action's owner
 * (person and organisation, as the published plan names them) stays. Pure.
 */
import type { StrategyDocument } from './strategy-schema.js';

/** The document as the public may read it; undefined when the strategy is not published. */
export function publishedView(doc: StrategyDocument): StrategyDocument | undefined {
  if (!doc.published) return undefined;
  const { lead: _lead, ...rest } = doc;
  return {
    ...rest,
    priorities: doc.priorities.map((p) => ({
      ...p,
      risks: [],
      aims: p.aims.map((a) => ({
        ...a,
        actions: a.actions.map((x) => ({
          ...x,
          updates: x.updates
            .filter((u) => !u.awaitingApproval)
            .map(({ approvedBy: _approvedBy, ...u }) => ({ ...u, by: '' })),
        })),
      })),
    })),
  };
}
