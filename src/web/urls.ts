/** The addresses of Lantern's pages, where more than one page or answer links to them. */

/** An LA's page for one measure: every year, its neighbours, its band. */
export function laMeasureHref(laCode: number, measureCode: string): string {
  return `/la/${laCode}/measure/${encodeURIComponent(measureCode)}`;
}

/** An LA's strategy and its parts (pages/strategy*). Keys are the strategy file's own. */
export const strategyHrefs = {
  list: (laCode: number) => `/la/${laCode}/strategies`,
  overview: (laCode: number, id: string) => `/la/${laCode}/strategies/${id}`,
  target: (laCode: number, id: string, key: string) =>
    `/la/${laCode}/strategies/${id}/targets/${encodeURIComponent(key)}`,
  priority: (laCode: number, id: string, key: string) =>
    `/la/${laCode}/strategies/${id}/priorities/${encodeURIComponent(key)}`,
  actions: (laCode: number, id: string) => `/la/${laCode}/strategies/${id}/actions`,
  report: (laCode: number, id: string) => `/la/${laCode}/strategies/${id}/report`,
  history: (laCode: number, id: string) => `/la/${laCode}/strategies/${id}/history`,
  edit: (laCode: number, id: string) => `/la/${laCode}/strategies/${id}/edit`,
  localMeasure: (laCode: number, id: string, code: string) =>
    `/la/${laCode}/strategies/${id}/local-measures/${encodeURIComponent(code)}`,
  publish: (laCode: number, id: string) => `/la/${laCode}/strategies/${id}/publish`,
  addEvidence: (laCode: number, id: string, key: string) =>
    `/la/${laCode}/strategies/${id}/actions/${encodeURIComponent(key)}/evidence`,
  evidence: (laCode: number, id: string, file: string) =>
    `/la/${laCode}/strategies/${id}/evidence/${encodeURIComponent(file)}`,
  action: (laCode: number, id: string, key: string) =>
    `/la/${laCode}/strategies/${id}/actions/${encodeURIComponent(key)}`,
};

/** A school's pages (pages/school*), by URN. */
export const schoolHrefs = {
  profile: (urn: number) => `/school/${urn}`,
  family: (urn: number) => `/school/${urn}/family`,
  laList: (laCode: number) => `/la/${laCode}/schools`,
};
