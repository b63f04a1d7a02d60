// Draws the scorecard's sparklines (progressive enhancement: the table holds every figure
// without them). The page names one JSON answer of SVG paths keyed by each row's measure link
// (pages/scorecard/scorecard.view.ts scorecardSparklines); each line goes in its row's Value
// column, found by that column's header class, and ends in a dot on the latest year.
const svgNs = 'http://www.w3.org/2000/svg';

function sparkline(d) {
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('class', 'lantern-sparkline');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(svgNs, 'path');
  path.setAttribute('d', d);
  const [cx, cy] = d.split(/[ M]/).filter(Boolean).slice(-2);
  const dot = document.createElementNS(svgNs, 'circle');
  dot.setAttribute('cx', cx);
  dot.setAttribute('cy', cy);
  dot.setAttribute('r', '2');
  svg.append(path, dot);
  return svg;
}

function drawTable(table, paths) {
  const headers = [...(table.tHead?.rows[0]?.cells ?? [])];
  const column = headers.findIndex((th) => th.classList.contains('lantern-scorecard__value'));
  if (column < 0) return;
  for (const row of table.tBodies[0]?.rows ?? []) {
    const d = paths[row.cells[0]?.querySelector('a')?.getAttribute('href') ?? ''];
    const cell = row.cells[column];
    if (d && cell && !cell.querySelector('.lantern-sparkline')) cell.append(sparkline(d));
  }
}

export async function initSparklines(scope = document) {
  for (const el of scope.querySelectorAll('[data-module="lantern-sparklines"]')) {
    const src = el.getAttribute('data-lantern-sparklines-src');
    if (!src) continue;
    try {
      const res = await fetch(src, { headers: { accept: 'application/json' } });
      if (!res.ok) continue;
      const { paths } = await res.json();
      for (const table of el.querySelectorAll('table')) drawTable(table, paths);
    } catch {
      // No lines is not an error for the reader: every figure is in the table.
    }
  }
}
