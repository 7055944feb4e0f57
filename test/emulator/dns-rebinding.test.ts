/**
 * DNS rebinding: a web page on evil.example makes its name resolve to 127.0.0.1,
 * and the browser then treats the emulator as that page's own origin. Only the
 * Host header gives it away, so a Host the emulator does not answer to is
 * refused with 421 before anything is done.
 */
import { connect } from 'node:net';
import { startEmulator, type Emulator } from '../../src/emulator';
import { PATHS, call, rawRequest as raw } from './helpers';

describe('DNS rebinding', () => {
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

  describe('a page on evil.example resolving to 127.0.0.1', () => {
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
