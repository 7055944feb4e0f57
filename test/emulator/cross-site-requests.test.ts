/**
 * Cross-site requests: a page on another origin (another site, or another port
 * of localhost) sending requests to the emulator, as a browser would send them.
 * Each test performs the attack over HTTP and shows that nothing happened.
 */
import { startEmulator, type Emulator } from '../../src/emulator';
import { PATHS, call, rawRequest as raw } from './helpers';

describe('cross-site requests', () => {
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

  describe('from another origin', () => {
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
});
