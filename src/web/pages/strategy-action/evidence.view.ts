/** The action page's uploaded evidence: listed for the LA's own staff, the form for officers. */
import { formatDate, formatFileSize } from '../../../core/format.js';
import { evidenceExtensions } from '../../../strategy/evidence.js';
import type { Page } from '../../render.js';
import { strategyHrefs } from '../../urls.js';
import type { LoadedStrategy, StrategyRequest } from '../strategy/strategy.load.js';

/** "PDF" from "report.pdf", for the link's description. */
const kindOf = (name: string) => /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toUpperCase() ?? 'File';

export async function evidenceView(
  page: Page,
  request: StrategyRequest,
  loaded: LoadedStrategy,
  actionKey: string,
  title: string | undefined,
) {
  // A published strategy shows its evidence links, never the files (migrations/0010).
  if (loaded.audience !== 'la') return {};
  const { la, status } = loaded;
  const files = await page.services.strategies.evidence.list(request.viewer, status.id, actionKey);
  return {
    uploads: files.map((f) => ({
      title: f.title,
      href: strategyHrefs.evidence(la.code, status.id, f.id),
      about: `${kindOf(f.fileName)}, ${formatFileSize(f.byteSize)}, added by ${f.uploadedBy} on ${formatDate(f.uploadedAt.slice(0, 10))}`,
    })),
    ...(loaded.mayEdit
      ? {
          evidenceAction: strategyHrefs.addEvidence(la.code, status.id, actionKey),
          evidenceTitle: title ?? '',
          evidenceHint: `A ${evidenceExtensions
            .filter((e) => e !== 'jpeg')
            .map((e) => e.toUpperCase())
            .join(
              ', ',
            )} file, smaller than 10 MB. Only ${la.name}'s own staff and board can open it, even once the strategy is published.`,
        }
      : {}),
  };
}
