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

// Each person their own address: the sign-in forms take 10 attempts a minute from one.
let people = 0;
export const nextIp = (): string => `10.1.${Math.floor(++people / 200)}.${people % 200}`;

/** A person who opened their invitation link and chose `password`: signed in. */
export async function acceptedInvitation(
  app: FastifyInstance,
  token: string,
  password: string,
): Promise<Visitor> {
  const v = visitor(app, nextIp());
  const form = await v.get(`/invitation/${token}`);
  if (form.statusCode !== 200) throw new Error(`invitation page: ${form.statusCode}`);
  const done = await v.post(`/invitation/${token}`, { password, confirm: password });
  if (done.statusCode !== 303) throw new Error(`invitation form: ${done.statusCode}\n${done.body}`);
  return v;
}

/** A person signed in with the sign-in form. */
export async function signedInVisitor(
  app: FastifyInstance,
  email: string,
  password: string,
): Promise<Visitor> {
  const v = visitor(app, nextIp());
  await v.get('/sign-in');
  const res = await v.post('/sign-in', { email, password });
  if (res.statusCode !== 303) throw new Error(`sign-in: ${res.statusCode}\n${res.body}`);
  return v;
}
