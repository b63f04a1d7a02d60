/**
 * A person using the app through `app.inject`: keeps cookies like a browser (the session), and
 * fills each form's CSRF token from the page it came from, as submitting the form would.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export interface Visitor {
  cookies: Map<string, string>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Posts `fields` with the CSRF token of the last page read (unless `_csrf` is given). */
  post(url: string, fields?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** The last page's CSRF token. */
  csrf(): string | undefined;
}

export function visitor(app: FastifyInstance, ip = '127.0.0.1'): Visitor {
  const cookies = new Map<string, string>();
  let lastCsrf: string | undefined;
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (res: LightMyRequestResponse) => {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() <= Date.now()))
        cookies.delete(c.name);
      else cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (token) lastCsrf = token;
    return res;
  };
  return {
    cookies,
    csrf: () => lastCsrf,
    async get(url, headers = {}) {
      return keep(
        await app.inject({
          method: 'GET',
          url,
          remoteAddress: ip,
          headers: { ...(cookies.size ? { cookie: cookieHeader() } : {}), ...headers },
        }),
      );
    },
    async post(url, fields = {}) {
      const body = new URLSearchParams({ ...(lastCsrf ? { _csrf: lastCsrf } : {}), ...fields });
      return keep(
        await app.inject({
          method: 'POST',
          url,
          remoteAddress: ip,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            ...(cookies.size ? { cookie: cookieHeader() } : {}),
          },
          payload: body.toString(),
        }),
      );
    },
  };
}
