import { lanternError } from '../../core/errors.js';

import { academicYear, parseAcademicYear, type AcademicYear } from '../../schools/academic-year.js';

export { academicYear, parseAcademicYear, type AcademicYear };

/**
 * The academic year a performance-table file is for, from its folder or file name, since the
 * files hold no year column: "2018-2019", "2018_19", "201819" or "2018-19" give 2018/19. A lone
 * year in the file's name ("815_2019_ks4.csv") is the year the academic year ends, as the
 * performance tables label their downloads ("2019 performance tables" are 2018/19). Only the file
 * name and its two parent folders are read: a temporary folder's name says nothing.
 */
export function yearFromPath(filePath: string): AcademicYear | null {
  const parts = filePath.split(/[\\/]/).reverse().slice(0, 3);
  for (const part of parts) {
    const pair = /(?:^|\D)(20\d\d)[-_/]?(20\d\d|\d\d)(?!\d)/.exec(part);
    if (pair) {
      const first = Number(pair[1]);
      const second = Number(pair[2]!.length === 2 ? `${pair[1]!.slice(0, 2)}${pair[2]}` : pair[2]);
      if (second === first + 1) return academicYear(first);
    }
  }
  const lone = /(?:^|\D)(20\d\d)(?!\d)/.exec(parts[0] ?? '');
  if (lone) return academicYear(Number(lone[1]) - 1);
  return null;
}

export function yearNotFoundError(file: string) {
  return lanternError(
    'LANTERN_IMPORT_INVALID',
    `${file}: the academic year is not in the file, its name or its folder's name. Nothing was imported.`,
    {
      problems: [{ file, expected: 'a year in the folder or file name, like 2018-2019' }],
      hint: 'Give the year with --year 2018/19, or put the files in a folder named for the year (2018-2019).',
    },
  );
}
