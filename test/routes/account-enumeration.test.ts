/**
 * An attacker probes which accounts exist (security.md item 5): a known, an
 * unknown, an unverified-phone and a blocked account get the same status, body
 * and headers, and their latency distributions overlap.
 */
import request from 'supertest';
import { answerShape as shape } from '../support/answer-shape';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  // Many sends from one test client: raise the per-IP limit (each sample has its own identifier).
  t = await startTestApp({ requestRouter: { limits: { perIp: 1000 } } });
});
afterAll(async () => t.close());

test('email sends answer identically for known, unknown and blocked accounts', async () => {
  const known = t.emulator.accounts.find((a) => !a.blocked)!;
  const blocked = t.emulator.accounts.find((a) => a.blocked)!;
  const answers = await Promise.all(
    [known.email, 'nobody-here@example.com', blocked.email].map((email) =>
      request(t.app).post('/auth/link').send({ email }),
    ),
  );
  const shapes = answers.map(shape);
  expect(shapes[0]).toEqual({
    status: 200,
    body: { sent: true },
    text: '{"sent":true}',
    headers: expect.any(Object),
    cookieNames: ['connect.sid'],
  });
  expect(shapes[1]).toEqual(shapes[0]);
  expect(shapes[2]).toEqual(shapes[0]);
  // The precise reasons still reach the developer.
  expect(
    t.events
      .filter((e) => e.type === 'send_refused')
      .map((e) => e.reason)
      .sort(),
  ).toEqual(['1023', '991']);
});

test('SMS sends answer identically for known, unknown, unverified and blocked numbers', async () => {
  const known = t.emulator.accounts.find((a) => a.phone && a.phoneVerified && !a.blocked)!;
  const unverified = t.emulator.accounts.find((a) => a.phone && !a.phoneVerified)!;
  const blocked = t.emulator.accounts.find((a) => a.blocked && a.phone)!;
  const numbers = [known.phone!, '+14155550199', unverified.phone!, blocked.phone!];
  const answers = await Promise.all(
    numbers.map((phone) => request(t.app).post('/auth/otp').send({ phone })),
  );
  const shapes = answers.map(shape);
  for (const s of shapes) expect(s).toEqual(shapes[0]);
  // Each then gets the same enter-code page in HTML.
  expect(shapes[0]!.status).toBe(200);
});

test('latencies of known and unknown sends overlap', async () => {
  const time = async (username: string): Promise<number> => {
    const started = process.hrtime.bigint();
    await request(t.app).post('/auth/link').send({ username }).expect(200);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  // Known usernames: new accounts on the emulator, one per sample (cooldowns are per
  // identifier). Samples alternate, so the machine's load falls on both alike.
  const known: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < 15; i += 1) {
    t.emulator.addAccount({ email: `known${i}@example.com`, username: `known${i}` });
    known.push(await time(`known${i}`));
    unknown.push(await time(`unknown${i}`));
  }
  const [kMin, kMax] = [Math.min(...known), Math.max(...known)];
  const [uMin, uMax] = [Math.min(...unknown), Math.max(...unknown)];
  expect(kMin <= uMax && uMin <= kMax).toBe(true);
});
