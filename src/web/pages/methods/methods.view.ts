/**
 * The /methods page is docs/methods.md, rendered once per process: the one text that says how
 * every figure is worked out. Its `# Title` is the page title, the text before the first `##`
 * the introduction, and each `##` a section in the contents list.
 */
import fs from 'node:fs';
import path from 'node:path';
import { govukMarkdown, plainText } from '../../markdown.js';
import { packageRoot } from '../../paths.js';

export interface MethodsDoc {
  title: string;
  introHtml: string;
  /** The `##` sections, for the contents list. */
  contents: { id: string; text: string }[];
  bodyHtml: string;
}

/** docs/methods.md, found from the package root (it is not copied into dist/). */
export const methodsDocPath = path.join(packageRoot, 'docs', 'methods.md');

const md = govukMarkdown();

export function methodsDoc(markdown: string): MethodsDoc {
  const env = {};
  const tokens = md.parse(markdown, env);
  const h1 = tokens.findIndex((t) => t.type === 'heading_open' && t.tag === 'h1');
  if (h1 < 0) throw new Error('docs/methods.md needs a "# Title" line.');
  const firstSection = tokens.findIndex((t) => t.type === 'heading_open' && t.tag === 'h2');
  const bodyStart = firstSection < 0 ? tokens.length : firstSection;
  const contents = tokens.flatMap((t, i) =>
    t.type === 'heading_open' && t.tag === 'h2'
      ? [{ id: String(t.attrGet('id')), text: plainText(tokens[i + 1]!) }]
      : [],
  );
  return {
    title: plainText(tokens[h1 + 1]!),
    // The title's three tokens (open, inline, close) are the template's <h1>.
    introHtml: md.renderer.render(tokens.slice(h1 + 3, bodyStart), md.options, env),
    contents,
    bodyHtml: md.renderer.render(tokens.slice(bodyStart), md.options, env),
  };
}

const loaded = new Map<string, MethodsDoc>();

/** `methodsDoc` of the file, read and rendered once per process; a clear error when it is missing. */
export function loadMethodsDoc(file = methodsDocPath): MethodsDoc {
  let doc = loaded.get(file);
  if (!doc) {
    if (!fs.existsSync(file)) {
      throw new Error(
        `The /methods page is rendered from docs/methods.md, which is missing: looked for ${file}. ` +
          'Run Lantern from a checkout of its repository, where docs/ sits beside src/ and dist/.',
      );
    }
    doc = methodsDoc(fs.readFileSync(file, 'utf8'));
    loaded.set(file, doc);
  }
  return doc;
}
