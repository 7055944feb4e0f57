/**
 * Every event the routers report names the client as Express sees it
 * (`req.ip`, so `trust proxy` decides), and is stamped with its time. The
 * address is read only when the app listens: without `onEvent` nothing reads it
 * for an event. A listener that throws changes no answer, and a `req.ip` that
 * throws (an app's broken `trust proxy` function) costs the event its `ip`, not
 * the event.
 */
import { MemoryStore, type ClientRateLimitInfo } from 'express-rate-limit';
import request from 'supertest';
import type { LimitPurpose } from '../../src/index';
import { emitter, type PasswordlessEvent } from '../../src/events';
import { latestOtp, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.app.set('trust proxy', 'loopback');
});
afterAll(async () => t.close());

test('sent, failed, login and logout events carry the client IP behind a trusted proxy', async () => {
  const phone = t.emulator.accounts[0]!.phone!;
  const agent = request.agent(t.app);
  agent.set('X-Forwarded-For', '203.0.113.7');
  const before = Date.now();
  t.events.length = 0;
  await agent.post('/auth/otp').send({ phone }).expect(200);
  const otp = latestOtp(t.emulator, phone);
  await agent.post('/auth/otp/verify').send({ otp: otp === '000000' ? '111111' : '000000' });
  await agent.post('/auth/otp/verify').send({ otp }).expect(200);
  await agent.post('/auth/logout').set('Accept', 'application/json').expect(200);

  expect(t.events.map((event) => event.type)).toEqual([
    'otp_sent',
    'login_failed',
    'login',
    'logout',
  ]);
  for (const event of t.events) {
    expect(event.ip).toBe('203.0.113.7');
    expect(event.at).toBeInstanceOf(Date);
    expect(event.at.getTime()).toBeGreaterThanOrEqual(before);
  }
});

test('an event reported after the answer, its connection closed, still names the client', async () => {
  // The SMS budgets are counted after "sent" is answered; here that count fails
  // only once the browser has its answer and its connection is gone. The send
  // keeps the client's address for that event while the request is live.
  let failCount!: () => void;
  const answered = new Promise<void>((resolve) => (failCount = resolve));
  class LateFailingStore extends MemoryStore {
    override async increment(key: string): Promise<ClientRateLimitInfo> {
      await answered;
      throw new Error(`connection lost counting ${key}`);
    }
  }
  const stores = (purpose: LimitPurpose) =>
    purpose === 'sms-ip-daily' ? new LateFailingStore() : new MemoryStore();
  const local = await startTestApp({ requestRouter: { stores } });
  try {
    local.app.set('trust proxy', 'loopback');
    const phone = local.emulator.accounts[0]!.phone!;
    await request(local.app)
      .post('/auth/otp')
      .set('X-Forwarded-For', '203.0.113.9')
      .send({ phone })
      .expect(200, { sent: true });
    const reported = new Promise<PasswordlessEvent>((resolve) => {
      const push = local.events.push.bind(local.events);
      local.events.push = (...events: PasswordlessEvent[]) => {
        for (const event of events) if (event.type === 'store_error') resolve(event);
        return push(...events);
      };
    });
    failCount();
    const event = await reported;
    expect(event).toMatchObject({ reason: 'sms_budget_not_counted', ip: '203.0.113.9' });
  } finally {
    await local.close();
  }
});

test('without a listener, an event never reads req.ip', () => {
  const req = {
    get ip(): string {
      throw new Error('req.ip read for an event no one hears');
    },
  };
  expect(() => emitter(undefined)(req, { type: 'login', channel: 'sms' })).not.toThrow();
});

test('with a listener, ip and at are filled in and the event is passed on as given', () => {
  const heard: PasswordlessEvent[] = [];
  emitter((event) => heard.push(event))(
    { ip: '198.51.100.4' },
    { type: 'otp_sent', channel: 'sms', recipient: '+1415*****01' },
  );
  expect(heard).toEqual([
    {
      type: 'otp_sent',
      channel: 'sms',
      recipient: '+1415*****01',
      ip: '198.51.100.4',
      at: expect.any(Date),
    },
  ]);
});

test('a req.ip that throws leaves the event without ip; a listener that throws stays inside', () => {
  const brokenTrust = {
    get ip(): string {
      throw new Error('a broken trust function');
    },
  };
  const heard: PasswordlessEvent[] = [];
  emitter((event) => heard.push(event))(brokenTrust, { type: 'phone_locked', channel: 'sms' });
  expect(heard).toEqual([
    { type: 'phone_locked', channel: 'sms', ip: undefined, at: expect.any(Date) },
  ]);
  const brokenLogger = emitter(() => {
    throw new Error('a broken logger');
  });
  expect(() => brokenLogger({ ip: '::1' }, { type: 'login' })).not.toThrow();
});

test('the emitter says whether anyone listens', () => {
  expect(emitter(undefined).listening).toBe(false);
  expect(emitter(() => undefined).listening).toBe(true);
});

test('a listener that throws changes no answer of a sign-in', async () => {
  const brokenLogger = (): void => {
    throw new Error('a broken logger');
  };
  const local = await startTestApp({
    requestRouter: { onEvent: brokenLogger },
    verifyRouter: { onEvent: brokenLogger },
  });
  try {
    const phone = local.emulator.accounts[0]!.phone!;
    const agent = request.agent(local.app);
    await agent.post('/auth/otp').send({ phone }).expect(200, { sent: true });
    const signedIn = await agent
      .post('/auth/otp/verify')
      .send({ otp: latestOtp(local.emulator, phone) });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.signedIn).toBe(true);
  } finally {
    await local.close();
  }
});
