import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The web folder that holds the templates (layouts/, pages/, components/) and public/. When
 * running the compiled app (dist/web), the build copies them beside the code; the source tree
 * is the fall-back so `tsc` output also runs from a checkout.
 */
function findWebDir(): string {
  const candidates = [here, path.resolve(here, '../../src/web')];
  const found = candidates.find((c) => fs.existsSync(path.join(c, 'layouts', 'layout.njk')));
  if (!found)
    throw new Error(`Lantern's web templates are missing (looked in ${candidates.join(', ')}).`);
  return found;
}

/**
 * The package root, where package.json and docs/ are: src/web (tsx) and dist/web (the build)
 * both sit two folders below it.
 */
export const packageRoot = path.resolve(here, '..', '..');

/** Template root: names such as "pages/home/home.njk" and "components/change/macro.njk". */
export const webDir = findWebDir();
export const publicDir = path.join(webDir, 'public');

/** node_modules/govuk-frontend/dist: templates (govuk/…) and the compiled CSS, JS and assets. */
export const govukFrontendDist = path.resolve(
  path.dirname(fileURLToPath(import.meta.resolve('govuk-frontend'))),
  '..',
);
