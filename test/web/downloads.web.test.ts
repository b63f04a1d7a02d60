import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'content-disposition';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { sendTable } from '../../src/web/tables/download.js';
import type { DataTable } from '../../src/web/tables/data-table.js';
import { useDemoApp } from '../support/web.js';

/** Every page with tables (demo data), in the forms a visitor reaches them. */
const pages = [
  '/la/933',
  '/la/933?topic=Key%20stage%202',
  '/la/933/measure/DEMO_KS2_RWM',
  '/la/933/neighbours/DEMO_KS2_RWM',
  '/measure/DEMO_KS2_RWM',
  '/region/990/DEMO_KS2_RWM',
  '/compare?la=933&la=343&measure=DEMO_KS2_RWM&measure=DEMO_ABS_PERSISTENT&year=2023&year=2024&england=1',
];

/** The page's own download links, as a browser would follow them. */
function downloadLinks(html: string): string[] {
  return [...html.matchAll(/href="([^"]*download=[^"]*)"/g)].map((m) =>
    m[1]!.replace(/&amp;/g, '&'),
  );
}

const withQuery = (url: string, query: string) => `${url}${url.includes('?') ? '&' : '?'}${query}`;

describe('downloads on every page', () => {
  let app: FastifyInstance;
  const logLines: string[] = [];
  // What the app logged, one line each: level and message (a stack would drown the diff).
  const logger = pino(
    { level: 'info' },
    {
      write: (line: string) => {
        const { level, msg } = JSON.parse(line) as { level: number; msg: string };
        logLines.push(`${level} ${msg}`.slice(0, 160));
      },
    },
  );
  useDemoApp((t) => ({ app } = t), undefined, { logger: logger as FastifyBaseLogger });

  for (const page of pages) {
    it(`answers each download of ${page} once, with its file, logging nothing`, async () => {
      const res = await app.inject(page);
      assert.equal(res.statusCode, 200);
      const links = downloadLinks(res.body);
      assert.ok(links.length >= 2, 'the page links its downloads');
      logLines.length = 0;
      const urls = [...links, withQuery(page, 'download=csv'), withQuery(page, 'download=xlsx')];
      for (const url of urls) {
        const file = await app.inject(url);
        assert.equal(file.statusCode, 200, url);
        const name = parse(String(file.headers['content-disposition'])).parameters.filename;
        assert.match(String(name), url.includes('download=csv') ? /\.csv$/ : /\.xlsx$/, url);
      }
      const missing = await app.inject(withQuery(page, 'download=csv&table=no-such-table'));
      assert.equal(missing.statusCode, 404);
      assert.match(missing.body, /Page not found/);
      assert.deepEqual(logLines, []);
    });
  }

  it('answers the scorecard as CSV at /la/933.csv and ?format=csv, logging nothing', async () => {
    logLines.length = 0;
    for (const url of ['/la/933.csv', '/la/933?format=csv']) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 200, url);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
    }
    assert.deepEqual(logLines, []);
  });
});

describe('download file names', () => {
  const table = (fileName: string): DataTable => ({
    id: 't',
    caption: 'T',
    columns: [{ header: 'A' }],
    rows: [[{ raw: 1 }]],
    fileName,
  });
  async function download(fileName: string, format: 'csv' | 'xlsx') {
    const app = Fastify();
    app.get('/', async (_request, reply) => {
      await sendTable(reply, [table(fileName)], format);
      return reply;
    });
    return app.inject('/');
  }

  for (const [fileName, saved] of [
    ['lantern-"KS2"-2025', 'lantern-"KS2"-2025'],
    ['lantern-Łódź-ß-2025', 'lantern-Łódź-ß-2025'],
    // No file system keeps a slash or backslash in a name.
    ['lantern-a\\b;c,d/e', 'lantern-a-b;c,d-e'],
  ]) {
    it(`sends a download named ${fileName} as ${saved}, as CSV and XLSX`, async () => {
      for (const format of ['csv', 'xlsx'] as const) {
        const res = await download(fileName!, format);
        assert.equal(res.statusCode, 200);
        const header = String(res.headers['content-disposition']);
        assert.equal(parse(header).type, 'attachment');
        assert.equal(parse(header).parameters.filename, `${saved}.${format}`);
      }
    });
  }
});
