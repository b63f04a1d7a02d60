/** The edit page's words: each problem with its place, and the text as the textarea keeps it. */
import { visibleText } from '../../../core/errors.js';
import type { EditProblem } from '../../../strategy/strategy-edit.service.js';
import type { FormProblem } from '../sign-in/sign-in.view.js';

/** The textarea's id, which every problem in the error summary links to. */
export const textId = 'strategy-text';

/** "Line 12, column 5: must not be blank (priorities[1].title)"; a refusal as it is worded. */
export function problemText(p: EditProblem): string {
  const where =
    p.line === undefined
      ? ''
      : `Line ${p.line}${p.column === undefined ? '' : `, column ${p.column}`}: `;
  return visibleText(`${where}${p.message}${p.field ? ` (${p.field})` : ''}`);
}

export function formProblems(problems: EditProblem[]): FormProblem[] {
  return problems.map((p) => ({ text: problemText(p), href: `#${textId}` }));
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
