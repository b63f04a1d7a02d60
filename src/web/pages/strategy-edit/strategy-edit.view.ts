/** The edit page's words: each problem with its place, and the text as the textarea keeps it. */
import { visibleText } from '../../../core/errors.js';
import type { EditProblem } from '../../../strategy/strategy-edit.service.js';
import type { FormProblem } from '../sign-in/sign-in.view.js';

/** The textarea's id, which every problem in the error summary links to. */
export const textId = 'strategy-text';

/**
 * "Line 12, column 5: must not be blank (priorities[1].title). Line 12 reads: "title: "."; a
 * refusal as it is worded. The line itself is quoted because the textarea has no line numbers:
 * it is what the officer searches the text for.
 */
export function problemText(p: EditProblem, text = ''): string {
  const where =
    p.line === undefined
      ? ''
      : `Line ${p.line}${p.column === undefined ? '' : `, column ${p.column}`}: `;
  const line = p.line === undefined ? undefined : text.split(/\r?\n/)[p.line - 1]?.trim();
  const quoted = line
    ? ` Line ${p.line} reads “${line.length > 80 ? `${line.slice(0, 79)}…` : line}”.`
    : '';
  const said = `${where}${p.message}${p.field ? ` (${p.field})` : ''}`;
  return visibleText(quoted ? `${said}${/[.!?]$/.test(said) ? '' : '.'}${quoted}` : said);
}

export function formProblems(problems: EditProblem[], text = ''): FormProblem[] {
  return problems.map((p) => ({ text: problemText(p, text), href: `#${textId}` }));
}

/** What the textarea shows beside the problems: the one, or how many there are. */
export function fieldMessage(problems: FormProblem[]): string | undefined {
  if (problems.length === 0) return undefined;
  return problems.length === 1
    ? problems[0]!.text
    : `Correct the ${problems.length} problems listed above`;
}

/**
 * The text as the textarea's content: HTML drops a first line break there, so one that starts
 * with a blank line gets one more (or every line number would be one out).
 */
export const textareaValue = (text: string): string => (/^\r?\n/.test(text) ? `\n${text}` : text);
