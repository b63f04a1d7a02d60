/** The examples in src/web/components/<name>/<name>.yaml, which drive the component tests. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { componentNames, type ComponentName } from '../../src/web/render.js';

export const componentsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../src/web/components',
);

export interface ComponentExample {
  name: string;
  description?: string;
  options: Record<string, unknown>;
  /** Text the rendered HTML must contain. */
  contains?: string[];
  /** Text it must not contain. */
  excludes?: string[];
}

export interface ComponentSpec {
  name: ComponentName;
  params: { name: string; type: string; required: boolean; description: string }[];
  examples: ComponentExample[];
}

export function readComponentSpec(name: ComponentName): ComponentSpec {
  const file = path.join(componentsDir, name, `${name}.yaml`);
  const doc = parse(fs.readFileSync(file, 'utf8')) as Omit<ComponentSpec, 'name'>;
  return { name, params: doc.params ?? [], examples: doc.examples ?? [] };
}

export const componentSpecs = (): ComponentSpec[] => componentNames.map(readComponentSpec);
