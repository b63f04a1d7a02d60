/**
 * Reading a YAML file people write by hand (EES mappings, strategy files) safely, keeping where
 * each value sits so a problem can name its line and column.
 */
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';

/** Aliases (`*name`) a file may use: a few are handy, thousands are an attack ("billion laughs"). */
export const yamlAliasLimit = 50;

export interface YamlPosition {
  line: number;
  column: number;
}

export interface YamlProblem {
  message: string;
  position?: YamlPosition;
}

export interface ReadYaml {
  value: unknown;
  /**
   * Where the value at `path` starts (or, with 'key', the field's name: for an unknown field);
   * for a path not in the file, its nearest parent.
   */
  positionOf(path: readonly PropertyKey[], at?: 'value' | 'key'): YamlPosition | undefined;
}

export interface YamlWording {
  /** What the file should hold, for an empty one: 'a mapping lists its entries under "measures:"'. */
  emptyHint: string;
  /** How deep the format nests, for a file nested far deeper. */
  depthHint: string;
}

/** The YAML as plain data with positions, or why it is not: bad YAML, empty, too many aliases. */
export function readYamlDocument(
  source: string,
  wording: YamlWording,
): ReadYaml | { problems: YamlProblem[] } {
  const empty = { problems: [{ message: `the file is empty: ${wording.emptyHint}` }] };
  if (source.trim() === '') return empty;
  const lines = new LineCounter();
  try {
    const doc = parseDocument(source, { uniqueKeys: true, lineCounter: lines });
    if (doc.contents === null && doc.errors.length === 0) return empty;
    if (doc.errors.length > 0) {
      const seen = new Set<string>();
      const problems: YamlProblem[] = [];
      for (const e of doc.errors) {
        const at = e.linePos?.[0];
        const position = at ? { line: at.line, column: at.col } : undefined;
        // yaml reports running out of stack as a YAML error; say what in the file causes it.
        const message = e.message.startsWith('Maximum call stack')
          ? tooDeep(wording)
          : `not valid YAML: ${e.message.split(' at line ')[0]}`;
        const id = `${position?.line}:${message}`;
        if (seen.has(id)) continue;
        seen.add(id);
        problems.push({ message, ...(position ? { position } : {}) });
      }
      return { problems };
    }
    const value = doc.toJS({ maxAliasCount: yamlAliasLimit });
    return { value, positionOf: (path, at) => positionIn(doc, lines, path, at) };
  } catch (error) {
    // yaml throws a ReferenceError past maxAliasCount, and a RangeError when nesting overflows the stack.
    const message =
      error instanceof ReferenceError
        ? `uses YAML aliases (*name) too often (more than ${yamlAliasLimit} expansions): write the values out instead`
        : error instanceof RangeError
          ? tooDeep(wording)
          : `could not be read as YAML (${(error as Error).message})`;
    return { problems: [{ message }] };
  }
}

const tooDeep = (wording: YamlWording) =>
  `nests lists or mappings too deeply to read: ${wording.depthHint}`;

function positionIn(
  doc: Document,
  lines: LineCounter,
  path: readonly PropertyKey[],
  at: 'value' | 'key' = 'value',
): YamlPosition | undefined {
  if (at === 'key' && path.length > 0) {
    const parent = doc.getIn(path.slice(0, -1) as unknown[], true);
    const pair = isMap(parent)
      ? parent.items.find((p) => isScalar(p.key) && p.key.value === path.at(-1))
      : undefined;
    if (pair && isNode(pair.key) && pair.key.range) {
      const { line, col } = lines.linePos(pair.key.range[0]);
      return { line, column: col };
    }
  }
  // The deepest part of the path that is in the file: a missing field points at its parent.
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) {
      const { line, col } = lines.linePos(node.range[0]);
      return { line, column: col };
    }
  }
  return undefined;
}
