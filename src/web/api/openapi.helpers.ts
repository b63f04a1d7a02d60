/** Small builders for the OpenAPI document's JSON Schemas. */
export type Schema = Record<string, unknown>;

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
export const nullable = (type: string): Schema => ({ type: [type, 'null'] });
export const num = nullable('number');
export const str = nullable('string');
export const int = nullable('integer');
