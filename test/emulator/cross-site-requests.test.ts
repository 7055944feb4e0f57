/**
 * The emulator answers without credentials and its control API hands out live
 * login links and creates accounts, so web pages must not reach it. Each test
 * performs an attack over HTTP the way a browser would send it, and shows that
 * nothing happened.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { startEmulator, type Emulator } from '../../src/emulator';
import { PATHS, call } from './helpers';

interface RawAnswer {
  status: number;
  text: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A request with exactly these headers (fetch will not let a test forge `Host`). */
function raw(
  emulator: Emulator,
  path: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<RawAnswer> {
  const { port } = new URL(emulator.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method, headers, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = undefined;
          }
          resolve({ status: res.statusCode ?? 0, text, body: parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('requests from web pages', () => {
  let emulator: Emulator;
  let port: string;
  let own: string;
  beforeAll(async () => {
    emulator = await startEmulator({ quiet: true, sendLimits: false });
    port = new URL(emulator.url).port;
    own = `127.0.0.1:${port}`;
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    emulator.clearFaults();
    emulator.resetCalls();
    emulator.clearRequests();
  });

  const apiPath = (query: string) => `${PATHS.sendEmailLink}?apikey=${emulator.apiKey}&${query}`;

  describe('DNS rebinding (evil.example resolving to 127.0.0.1)', () => {
    it('cannot read the outbox and its live links: 421', async () => {
      await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' });
      const token = emulator.outbox.latest()?.token ?? '';
      expect(token).not.toBe('');
      // To the browser the rebinding page and the emulator are one origin.
      const answer = await raw(emulator, '/emulator/outbox', {
        headers: { Host: `evil.example:${port}`, 'Sec-Fetch-Site': 'same-origin' },
      });
      expect(answer.status).toBe(421);
      expect(answer.body).toEqual({ error: expect.stringContaining('evil.example') });
      expect(answer.text).not.toContain(token);
      expect(answer.text).not.toContain('ada@example.com');
    });

    it('cannot create an account, even with a JSON body: 421', async () => {
      const before = emulator.accounts.length;
      const answer = await raw(emulator, '/emulator/accounts', {
        method: 'POST',
        headers: {
          Host: `evil.example:${port}`,
          'Content-Type': 'application/json',
          Origin: `http://evil.example:${port}`,
          'Sec-Fetch-Site': 'same-origin',
        },
        body: JSON.stringify({ email: 'attacker@evil.example' }),
      });
      expect(answer.status).toBe(421);
      expect(emulator.accounts).toHaveLength(before);
    });

    it('cannot use the LoginRadius API: 421 in LoginRadius shape, nothing sent or counted', async () => {
      emulator.outbox.clear();
      const answer = await raw(emulator, apiPath('email=ada@example.com'), {
        headers: { Host: `evil.example:${port}` },
      });
      expect(answer.status).toBe(421);
      expect(answer.body).toMatchObject({ ErrorCode: 421, Message: 'Misdirected request' });
      expect(emulator.outbox).toHaveLength(0);
      expect(emulator.calls.total).toBe(0);
      expect(emulator.requests).toHaveLength(0);
    });

    it.each([
      ['a name that merely contains localhost', `localhost.evil.example:${port}`],
      ['userinfo before a loopback address', `evil.example@127.0.0.1:${port}`],
      ['a path after the host', `127.0.0.1:${port}/x`],
    ])('refuses %s', async (_what, host) => {
      const answer = await raw(emulator, '/emulator/outbox', { headers: { Host: host } });
      expect(answer.status).toBe(421);
    });

    it.each([
      ['no Host at all (HTTP/1.0)', 'GET /emulator/outbox HTTP/1.0\r\n\r\n'],
      ['an empty Host', 'GET /emulator/outbox HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n'],
    ])('refuses a request with %s', async (_what, head) => {
      const reply = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.write(head));
        let data = '';
        socket.on('data', (chunk) => (data += chunk));
        socket.on('close', () => resolve(data));
        socket.on('error', reject);
      });
      expect(reply).toMatch(/^HTTP\/1\.1 421 /);
      expect(reply).not.toContain('passwordless_link');
    });
  });

  describe('cross-site requests', () => {
    const crossSite = (contentType = 'text/plain;charset=UTF-8') => ({
      Host: own,
      Origin: 'https://evil.example',
      'Sec-Fetch-Site': 'cross-site',
      'Content-Type': contentType,
    });

    it('a text/plain POST to /emulator/accounts creates nothing: 403', async () => {
      const before = emulator.accounts.length;
      const answer = await raw(emulator, '/emulator/accounts', {
        method: 'POST',
        headers: crossSite(),
        body: JSON.stringify({ email: 'attacker@evil.example', phone: '+14155550666' }),
      });
      expect(answer.status).toBe(403);
      expect(answer.body).toEqual({ error: expect.stringContaining('cross-site') });
      expect(emulator.accounts).toHaveLength(before);
      expect(emulator.accounts.some((account) => account.email === 'attacker@evil.example')).toBe(
        false,
      );
    });

    it('a text/plain POST to /emulator/faults injects nothing: 403', async () => {
      const answer = await raw(emulator, '/emulator/faults', {
        method: 'POST',
        headers: crossSite(),
        body: JSON.stringify({ type: 'hang' }),
      });
      expect(answer.status).toBe(403);
      // No fault: the next call is answered at once.
      const next = await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' });
      expect(next.status).toBe(200);
    });

    it('a cross-site DELETE of the outbox (after a preflight) clears nothing: 403', async () => {
      await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' });
      const before = emulator.outbox.length;
      const preflight = await raw(emulator, '/emulator/outbox', {
        method: 'OPTIONS',
        headers: { ...crossSite(), 'Access-Control-Request-Method': 'DELETE' },
      });
      expect(preflight.status).toBe(403);
      const answer = await raw(emulator, '/emulator/outbox', {
        method: 'DELETE',
        headers: crossSite(),
      });
      expect(answer.status).toBe(403);
      expect(emulator.outbox).toHaveLength(before);
    });

    it('an <img> or no-cors GET that would send a login link sends nothing: 403', async () => {
      emulator.outbox.clear();
      const answer = await raw(emulator, apiPath('email=ada@example.com'), {
        headers: { Host: own, 'Sec-Fetch-Site': 'cross-site' },
      });
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ ErrorCode: 403, IsProviderError: false });
      expect(emulator.outbox).toHaveLength(0);
      expect(emulator.calls.total).toBe(0);
    });

    it('another port of localhost is another origin (Sec-Fetch-Site: same-site): 403', async () => {
      const answer = await raw(emulator, '/emulator/faults', {
        method: 'POST',
        headers: {
          Host: `localhost:${port}`,
          Origin: 'http://localhost:3000',
          'Sec-Fetch-Site': 'same-site',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ type: 'hang' }),
      });
      expect(answer.status).toBe(403);
      expect((await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' })).status).toBe(
        200,
      );
    });

    it('an older browser that sends Origin but no Sec-Fetch-Site: 403', async () => {
      const answer = await raw(emulator, '/emulator/faults', {
        method: 'POST',
        headers: { Host: own, Origin: 'https://evil.example', 'Content-Type': 'text/plain' },
        body: JSON.stringify({ type: 'hang' }),
      });
      expect(answer.status).toBe(403);
    });

    it('a sandboxed page (Origin: null): 403', async () => {
      const answer = await raw(emulator, '/emulator/outbox', {
        headers: { Host: own, Origin: 'null' },
      });
      expect(answer.status).toBe(403);
    });
  });

  describe('control API writes', () => {
    it.each([
      ['no Content-Type', {}],
      ['text/plain', { 'Content-Type': 'text/plain' }],
      ['a form', { 'Content-Type': 'application/x-www-form-urlencoded' }],
      ['multipart', { 'Content-Type': 'multipart/form-data; boundary=x' }],
    ])('need JSON: %s answers 415 and does nothing', async (_what, headers) => {
      const before = emulator.accounts.length;
      const answer = await raw(emulator, '/emulator/accounts', {
        method: 'POST',
        headers: { Host: own, ...headers },
        body: JSON.stringify({ email: 'plain@example.com' }),
      });
      expect(answer.status).toBe(415);
      expect(answer.body).toEqual({ error: expect.stringContaining('application/json') });
      expect(emulator.accounts).toHaveLength(before);
    });

    it('take application/json with a charset', async () => {
      const answer = await raw(emulator, '/emulator/faults', {
        method: 'POST',
        headers: { Host: own, 'Content-Type': 'Application/JSON; charset=utf-8' },
        body: JSON.stringify({ type: 'status', status: 502, times: 1 }),
      });
      expect(answer.status).toBe(201);
      expect((await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' })).status).toBe(
        502,
      );
    });
  });

  describe('what still passes', () => {
    it.each([
      ['127.0.0.1 with its port', () => own],
      ['localhost', () => `localhost:${port}`],
      ['LOCALHOST in capitals', () => `LOCALHOST:${port}`],
      ['a *.localhost name', () => `app.localhost:${port}`],
      ['another 127.x address', () => `127.0.0.2:${port}`],
      ['::1', () => `[::1]:${port}`],
      ['a loopback name without a port', () => 'localhost'],
    ])('a server request with Host %s', async (_what, host) => {
      const answer = await raw(emulator, '/emulator/health', { headers: { Host: host() } });
      expect(answer.status).toBe(200);
    });

    it('a typed URL (Sec-Fetch-Site: none) and a same-origin request from its own origin', async () => {
      expect(
        (
          await raw(emulator, '/emulator/health', {
            headers: { Host: own, 'Sec-Fetch-Site': 'none' },
          })
        ).status,
      ).toBe(200);
      const sameOrigin = await raw(emulator, '/emulator/health', {
        headers: { Host: own, Origin: `http://${own}`, 'Sec-Fetch-Site': 'same-origin' },
      });
      expect(sameOrigin.status).toBe(200);
    });
  });
});

describe('allowedHosts and the configured host', () => {
  it('answers names listed in allowedHosts (ignoring case) and no others', async () => {
    const emulator = await startEmulator({ quiet: true, allowedHosts: ['emulator', 'LR.test'] });
    try {
      const port = new URL(emulator.url).port;
      for (const host of [`emulator:${port}`, `EMULATOR:${port}`, `lr.test:${port}`]) {
        expect((await raw(emulator, '/emulator/health', { headers: { Host: host } })).status).toBe(
          200,
        );
      }
      for (const host of [`emulator.evil.example:${port}`, `other:${port}`]) {
        expect((await raw(emulator, '/emulator/health', { headers: { Host: host } })).status).toBe(
          421,
        );
      }
    } finally {
      await emulator.close();
    }
  });

  it('answers its configured host, and refuses other names it can be reached by', async () => {
    const emulator = await startEmulator({ quiet: true, host: '0.0.0.0' });
    try {
      const port = new URL(emulator.url).port;
      const health = (host: string) =>
        raw(emulator, '/emulator/health', { headers: { Host: host } });
      expect((await health(`0.0.0.0:${port}`)).status).toBe(200);
      expect((await health(`192.168.1.20:${port}`)).status).toBe(421);
    } finally {
      await emulator.close();
    }
  });

  it('refuses an allowedHosts entry that is a URL', async () => {
    await expect(startEmulator({ quiet: true, allowedHosts: ['http://emulator'] })).rejects.toThrow(
      /allowedHosts.*bare hostnames/,
    );
  });
});
