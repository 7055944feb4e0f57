import request from 'supertest';
import type { AppInstance } from './app-instance';

/**
 * One browser behind the load balancer: every request goes to the instance the
 * test names, with the Host and Origin a browser sends to the public address
 * (APP_ORIGIN), and with the session cookie it was last given, whichever
 * instance gave it.
 */
export class Browser {
  /** The `name=value` of the session cookie, once one was set. */
  cookie: string | undefined;

  constructor(
    private readonly appOrigin: string,
    private readonly cookieName: string,
  ) {}

  /** A JSON call, as the routers answer JSON clients. */
  postJson(app: AppInstance, path: string, body: object): Promise<request.Response> {
    return this.#send(
      request(app.url).post(path).set('Accept', 'application/json').send(body),
      true,
    );
  }

  /** A form post, as the app's HTML pages make. */
  postForm(
    app: AppInstance,
    path: string,
    body: Record<string, string>,
  ): Promise<request.Response> {
    return this.#send(request(app.url).post(path).type('form').send(body), true);
  }

  /** A page (HTML) or, with `json`, the JSON answer of the same URL. */
  get(app: AppInstance, path: string, { json = false } = {}): Promise<request.Response> {
    const req = request(app.url).get(path);
    return this.#send(
      json ? req.set('Accept', 'application/json') : req.set('Accept', 'text/html'),
      false,
    );
  }

  async #send(req: request.Test, post: boolean): Promise<request.Response> {
    req.set('Host', new URL(this.appOrigin).host);
    if (post) req.set('Origin', this.appOrigin);
    if (this.cookie) req.set('Cookie', this.cookie);
    const res = await req;
    const set = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((cookie) => cookie.startsWith(`${this.cookieName}=`));
    if (set) {
      const pair = set.split(';')[0] ?? '';
      // A cleared cookie (logout) has an empty value: the browser drops it.
      this.cookie = pair === `${this.cookieName}=` ? undefined : pair;
    }
    return res;
  }
}
