/** Checks that hostile text in a page or fragment stayed text (test/web/hostile-*.test.ts). */
import { parseHTML } from 'linkedom';

/** Text that would be markup, or break out of an attribute or a CDATA section, if pasted as it is. */
export const hostileStrings = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=1>',
  "'><svg onload=1>",
  '&',
  '>',
  ']]>',
  `"'`,
  '&amp;</title><script>alert(2)</script>',
];

/** The layout's own scripts: the module it loads and govuk-frontend's one inline line. */
const ownScript = (el: Element) =>
  el.getAttribute('src') === '/public/lantern.mjs' ||
  /^document\.body\.className \+= /.test(el.textContent ?? '');

const seen = new Map<string, string[]>();

/**
 * What in `html` is live markup that no Lantern template writes: a script other than the
 * layout's, an img, iframe, object or embed, an on* attribute. Empty when there is none.
 * Remembered per text (the request fuzz test gets many identical answers).
 */
export function liveMarkup(html: string): string[] {
  let found = seen.get(html);
  if (!found) {
    found = findLiveMarkup(html);
    if (seen.size > 500) seen.clear();
    seen.set(html, found);
  }
  return found;
}

function findLiveMarkup(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const found: string[] = [];
  for (const el of Array.from(document.querySelectorAll('*'))) {
    const name = el.localName;
    if (name === 'script' && !ownScript(el)) found.push(`<script>${el.textContent ?? ''}`);
    if (['img', 'iframe', 'object', 'embed'].includes(name) && !el.closest('header'))
      found.push(`<${name}>`);
    for (const a of Array.from(el.attributes))
      if (a.name.toLowerCase().startsWith('on')) found.push(`${name} ${a.name}="${a.value}"`);
  }
  return found;
}

/** Everything a reader or a screen reader gets from `html`: its text and its attribute values. */
export function shownText(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const values = Array.from(document.querySelectorAll('*')).flatMap((el) =>
    Array.from(el.attributes).map((a) => a.value),
  );
  return [document.body.textContent ?? '', ...values];
}

/** Text a reader would see as an entity ("&amp;lt;" in the markup): escaped twice. */
export function escapedTwice(html: string): string[] {
  return shownText(html).flatMap((t) => t.match(/.{0,20}&(amp|lt|gt|quot|#39);.{0,20}/g) ?? []);
}

/** Whether `text` reached the reader as it was (not lost, not escaped twice). */
export function survives(html: string, text: string): boolean {
  return shownText(html).some((t) => t.includes(text));
}
