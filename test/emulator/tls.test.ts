import { request as httpsRequest } from 'node:https';
import { Agent, request } from 'undici';
import { startEmulator, type Emulator } from '../../src/emulator';
import { createSelfSignedCertificate } from '../../src/emulator/tls';

function getStatus(url: string, ca?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { ca, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTPS with a self-signed certificate (tls: true)', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ quiet: true, tls: true });
  });
  afterAll(() => emulator.close());

  it('serves https on 127.0.0.1 and exposes its certificate as `ca`', () => {
    expect(emulator.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.ca).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(emulator.ca).not.toMatch(/PRIVATE KEY/);
  });

  it('is trusted by an https request that trusts `ca`', async () => {
    expect(await getStatus(`${emulator.url}/emulator/health`, emulator.ca)).toBe(200);
  });

  it('is trusted for the name localhost too', async () => {
    const port = new URL(emulator.url).port;
    expect(await getStatus(`https://localhost:${port}/emulator/health`, emulator.ca)).toBe(200);
  });

  it('is refused by a client that does not trust it', async () => {
    await expect(getStatus(`${emulator.url}/emulator/health`)).rejects.toThrow(/self[- ]signed/i);
  });

  it('answers LoginRadius calls over undici with the CA', async () => {
    const dispatcher = new Agent({ connect: { ca: emulator.ca } });
    try {
      const { statusCode, body } = await request(
        `${emulator.url}/identity/v2/auth/login/passwordlesslogin/email?apikey=${emulator.apiKey}&email=ada@example.com`,
        { dispatcher },
      );
      expect(statusCode).toBe(200);
      expect(await body.json()).toEqual({ IsPosted: true });
    } finally {
      await dispatcher.close();
    }
  });
});

describe('HTTPS with a given key and certificate', () => {
  it('serves with them', async () => {
    const { key, cert } = await createSelfSignedCertificate();
    const emulator = await startEmulator({ quiet: true, tls: { key, cert } });
    try {
      expect(emulator.url).toMatch(/^https:/);
      expect(emulator.ca).toBeUndefined();
      expect(await getStatus(`${emulator.url}/emulator/health`, cert)).toBe(200);
    } finally {
      await emulator.close();
    }
  });
});
