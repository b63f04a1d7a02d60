/**
 * Project Markdown (docs/*.md) to HTML with GOV.UK Design System classes, through markdown-it.
 * Raw HTML in the Markdown is escaped, never passed through (`html: false`), and markdown-it
 * refuses `javascript:` and similar links. `## Heading {#id}` gives a heading that id (the
 * anchor other pages link to); other headings get one from their words ("the-words-used-here").
 */
import Markdown, { type MarkdownIt, type StateCore, type Token } from 'markdown-it';

const headingClass: Record<string, string> = {
  h1: 'govuk-heading-l',
  h2: 'govuk-heading-m',
  h3: 'govuk-heading-s',
  h4: 'govuk-heading-s',
  h5: 'govuk-heading-s',
  h6: 'govuk-heading-s',
};

const blockClass: Record<string, string> = {
  paragraph_open: 'govuk-body',
  bullet_list_open: 'govuk-list govuk-list--bullet',
  ordered_list_open: 'govuk-list govuk-list--number',
  blockquote_open: 'govuk-inset-text',
  hr: 'govuk-section-break govuk-section-break--l govuk-section-break--visible',
  table_open: 'govuk-table',
  thead_open: 'govuk-table__head',
  tbody_open: 'govuk-table__body',
  tr_open: 'govuk-table__row',
  th_open: 'govuk-table__header',
  td_open: 'govuk-table__cell',
};

const explicitId = /\s*\{#([A-Za-z][\w-]*)\}\s*$/;

/** "4. Quartile bands" → "4-quartile-bands". */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

/** Takes `{#id}` off the end of each heading (before inline parsing) and gives every heading an id. */
function headingIds(state: StateCore): void {
  const used = new Set<string>();
  state.tokens.forEach((token, i) => {
    if (token.type !== 'heading_open') return;
    const inline = state.tokens[i + 1]!;
    const match = explicitId.exec(inline.content);
    if (match) inline.content = inline.content.slice(0, match.index);
    const base = match?.[1] ?? slug(inline.content);
    if (match && used.has(base)) throw new Error(`Markdown: two headings have the id "${base}".`);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    token.attrSet('id', id);
  });
}

/** A table column's alignment as a GOV.UK class (markdown-it writes an inline style, which the CSP forbids). */
function alignment(token: Token): void {
  const style = token.attrGet('style');
  if (style === null) return;
  token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
  if (String(style).includes('right'))
    token.attrJoin('class', `${blockClass[token.type]}--numeric`);
}

function govukClasses(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type === 'heading_open') token.attrJoin('class', headingClass[token.tag]!);
    const cls = blockClass[token.type];
    if (cls) token.attrJoin('class', cls);
    if (token.type === 'th_open') token.attrSet('scope', 'col');
    if (token.type === 'th_open' || token.type === 'td_open') alignment(token);
    for (const child of token.children ?? [])
      if (child.type === 'link_open') child.attrJoin('class', 'govuk-link');
  }
}

/** A markdown-it instance that writes GOV.UK markup (create once; rendering is then fast). */
export function govukMarkdown(): MarkdownIt {
  const md = new Markdown({ html: false, linkify: false, typographer: false });
  md.core.ruler.before('inline', 'lantern_heading_ids', headingIds);
  md.core.ruler.push('lantern_govuk_classes', govukClasses);
  return md;
}

/** The words of an inline token (text and code, without the Markdown marks). */
export function plainText(inline: Token): string {
  return (inline.children ?? [])
    .filter((c) => c.type === 'text' || c.type === 'code_inline')
    .map((c) => c.content)
    .join('');
}
