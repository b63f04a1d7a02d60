/** Whether text is a UUID as the database writes them (users, strategies), before any query. */
export const isUuid = (id: string): boolean =>
  /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(id);
