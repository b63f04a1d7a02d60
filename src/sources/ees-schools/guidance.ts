import fs from 'node:fs';
import path from 'node:path';

/** What a file's columns mean, from the EES data guidance published with it. */
export interface GuidanceLabels {
  /** "data-guidance.txt", or "../data-guidance/data-guidance.txt" as the EES download lays it out. */
  file: string;
  labels: Map<string, string>;
}

/** Where an EES download puts its guidance: beside the data, or in a data-guidance folder beside the data folder. */
function guidanceFiles(dataFile: string): string[] {
  const folder = path.dirname(dataFile);
  return [
    path.join(folder, 'data-guidance.txt'),
    path.join(folder, '..', 'data-guidance', 'data-guidance.txt'),
  ];
}

/**
 * The variable descriptions the data guidance gives for this file (its section starts
 * "Filename: <name>" and holds a table "Variable name | Variable description"); null when there is
 * no guidance or it does not describe the file. The guidance only labels columns: a file is read
 * the same without it, each column then labelled by its own name.
 */
export function readGuidanceLabels(dataFile: string): GuidanceLabels | null {
  const name = path.basename(dataFile).toLowerCase();
  for (const candidate of guidanceFiles(dataFile)) {
    if (!fs.existsSync(candidate)) continue;
    const labels = labelsOfSection(fs.readFileSync(candidate, 'utf8'), name);
    if (labels && labels.size > 0)
      return { file: path.relative(path.dirname(dataFile), candidate), labels };
  }
  return null;
}

/** The table of the section for `fileName` (lower case), or null when the guidance has no such section. */
export function labelsOfSection(text: string, fileName: string): Map<string, string> | null {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => {
    const m = /^\s*Filename:\s*(.+?)\s*$/i.exec(l);
    return m !== null && m[1]!.toLowerCase() === fileName;
  });
  if (start < 0) return null;
  const labels = new Map<string, string>();
  let inTable = false;
  for (const line of lines.slice(start + 1)) {
    if (/^\s*Filename:/i.test(line)) break;
    if (!inTable) {
      inTable = /^\s*Variable name\s*\|/i.test(line);
      continue;
    }
    if (/^\s*-+\s*\|/.test(line)) continue;
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 2 || cells[0] === '') break;
    labels.set(cells[0]!, cells.slice(1).join('|').trim() || cells[0]!);
  }
  return labels;
}
