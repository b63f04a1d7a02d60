/**
 * JSON as the app sends it: `<`, `>` and `&` written as \u escapes, so text that came from a
 * request or an import (a measure name, a code that was not found) is never markup, even to a
 * browser that ignores the content type. JSON.parse reads it back unchanged.
 */
export function safeJson(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(
    /[<>&]/g,
    (c) => `\\u00${c.charCodeAt(0).toString(16)}`,
  );
}
