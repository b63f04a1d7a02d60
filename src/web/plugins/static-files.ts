import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import fs from 'node:fs';
import path from 'node:path';
import { lanternError } from '../../core/errors.js';
import { govukFrontendDist, publicDir } from '../paths.js';

export interface StaticFilesOptions {
  /** The organisation's logo file (LANTERN_ORGANISATION_LOGO), served at /organisation-logo. */
  organisationLogo?: string | undefined;
}

/** govuk-frontend's CSS, JS, fonts and images, our public/ folder and the organisation's logo. */
export const staticFiles = fp<StaticFilesOptions>(
  async (app, options) => {
    const folders = [
      { root: path.join(govukFrontendDist, 'govuk'), prefix: '/govuk/' },
      { root: path.join(govukFrontendDist, 'govuk', 'assets'), prefix: '/assets/' },
      { root: publicDir, prefix: '/public/' },
    ];
    for (const [i, f] of folders.entries())
      await app.register(fastifyStatic, { ...f, index: false, decorateReply: i === 0 });

    const logo = options.organisationLogo ? readLogo(options.organisationLogo) : undefined;
    if (logo) {
      app.get('/organisation-logo', async (_request, reply) =>
        reply.type(logo.type).header('cache-control', 'public, max-age=3600').send(logo.bytes),
      );
    }
  },
  { name: 'lantern-static-files' },
);

const logoTypes: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

/** The organisation's logo, read once at start-up; a missing file stops the app with a clear message. */
function readLogo(file: string): { bytes: Buffer; type: string } {
  if (!fs.existsSync(file)) {
    throw lanternError('LANTERN_CONFIG_INVALID', `LANTERN_ORGANISATION_LOGO: no file at ${file}.`, {
      hint: 'Give the path of an .svg, .png or .jpg file, or leave LANTERN_ORGANISATION_LOGO unset.',
    });
  }
  return {
    bytes: fs.readFileSync(file),
    type: logoTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
  };
}
