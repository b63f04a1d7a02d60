#!/usr/bin/env node
// Part of `npm run build`: tsc compiles only TypeScript, so copy the other files the code reads
// at run time (reference CSVs, web views, CSS, browser scripts, images) from src/ into dist/.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const wanted = /\.(csv|njk|css|mjs|svg|png|ico|json|yaml)$/;

let copied = 0;
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const from = path.join(dir, e.name);
    if (e.isDirectory()) walk(from);
    else if (wanted.test(e.name)) {
      const to = path.join(dist, path.relative(src, from));
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(from, to);
      copied++;
    }
  }
};
walk(src);
process.stderr.write(`copied ${copied} non-TypeScript files from src/ to dist/\n`);
