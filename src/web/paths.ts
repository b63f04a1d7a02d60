import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Our views and static files live in src/web. When running the compiled app (dist/web), the
 * files are read from the source tree beside it, so the build does not need to copy them.
 */
function webFolder(name: string): string {
  const candidates = [path.join(here, name), path.resolve(here, '../../src/web', name)];
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found)
    throw new Error(
      `Lantern's web ${name} folder is missing (looked in ${candidates.join(', ')}).`,
    );
  return found;
}

export const viewsDir = webFolder('views');
export const publicDir = webFolder('public');

/** node_modules/govuk-frontend/dist: templates (govuk/…) and the compiled CSS, JS and assets. */
export const govukFrontendDist = path.resolve(
  path.dirname(fileURLToPath(import.meta.resolve('govuk-frontend'))),
  '..',
);
