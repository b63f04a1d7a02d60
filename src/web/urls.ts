/** The addresses of Lantern's pages, where more than one page or answer links to them. */

/** An LA's page for one measure: every year, its neighbours, its band. */
export function laMeasureHref(laCode: number, measureCode: string): string {
  return `/la/${laCode}/measure/${encodeURIComponent(measureCode)}`;
}
