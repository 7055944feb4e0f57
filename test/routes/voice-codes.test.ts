/**
 * A person whose phone does not take SMS asks for a voice call that reads the
 * code out (`POST /otp` with `voice=1`, sent to LoginRadius as `isvoiceotp=true`),
 * under the same allowlist, cooldown and SMS budgets as an SMS.
 */
import request from 'supertest';
import { fakeDateOnly } from '../support/clock';
import { latestOtp, startTestApp } from '../support/test-app';

test('a voice call reads the code out, and that code signs in', async () => {
  const t = await startTestApp();
  try {
    const agent = request.agent(t.app);
    const phone = t.emulator.accounts[0]!.phone!;
    await agent.post('/auth/otp').send({ phone, voice: '1' }).expect(200, { sent: true });
    const message = t.emulator.outbox.latest(phone)!;
    expect(message).toMatchObject({ channel: 'voice', voice: true });
    expect(t.events.at(-1)).toMatchObject({ type: 'otp_sent', channel: 'voice' });
    await agent
      .post('/auth/otp/verify')
      .send({ otp: latestOtp(t.emulator, phone) })
      .expect(200);
    expect(t.events.at(-1)).toMatchObject({ type: 'login', channel: 'voice' });
  } finally {
    await t.close();
  }
});

test('"call me instead" resends to the pending phone by voice, after the cooldown', async () => {
  const t = await startTestApp({ requestRouter: { limits: { cooldownSeconds: 1 } } });
  try {
    const agent = request.agent(t.app);
    const phone = t.emulator.accounts[1]!.phone!;
    await agent.post('/auth/otp').type('form').send({ phone }).expect(303);
    const early = await agent.get('/auth/otp/sent');
    expect(early.text).not.toContain('Call me instead');
    expect(early.text).toContain('You can ask for a new code in 1 second.');
    // Inside the cooldown the call is refused like any resend.
    await agent.post('/auth/otp').send({ resend: '1', voice: '1' }).expect(429);
    const clock = fakeDateOnly();
    try {
      clock.advance(1100);
      const later = await agent.get('/auth/otp/sent');
      expect(later.text).toMatch(/<input type="hidden" name="voice" value="1">.*Call me instead/s);
      await agent.post('/auth/otp').send({ resend: '1', voice: '1' }).expect(200);
    } finally {
      clock.restore();
    }
    expect(t.emulator.outbox.latest(phone)).toMatchObject({ channel: 'voice' });
  } finally {
    await t.close();
  }
});

test('voice calls count against the SMS budgets and the allowlist', async () => {
  const numbers = ['+14155551001', '+14155551002', '+14155551003'];
  const t = await startTestApp({
    emulator: { testPhones: Object.fromEntries(numbers.map((n) => [n, '123456'])) },
    requestRouter: { limits: { smsPerIpPerDay: 2 }, allowedCountries: ['US'] },
  });
  try {
    await request(t.app).post('/auth/otp').send({ phone: numbers[0], voice: '1' }).expect(200);
    await request(t.app).post('/auth/otp').send({ phone: numbers[1] }).expect(200);
    const refused = await request(t.app).post('/auth/otp').send({ phone: numbers[2], voice: '1' });
    expect(refused.status).toBe(429);
    expect(t.events.at(-1)).toMatchObject({ type: 'rate_limited', reason: 'sms-ip-daily' });
    await request(t.app).post('/auth/otp').send({ phone: '+442079460958', voice: '1' }).expect(400);
    expect(t.emulator.calls.sendPhoneOtp).toBe(2);
  } finally {
    await t.close();
  }
});

test('with channels.voice off, voice=1 is refused before any call', async () => {
  const t = await startTestApp({ requestRouter: { channels: { voice: false } } });
  try {
    const phone = t.emulator.accounts[0]!.phone!;
    await request(t.app).post('/auth/otp').send({ phone, voice: '1' }).expect(400);
    expect(t.emulator.calls.sendPhoneOtp).toBe(0);
  } finally {
    await t.close();
  }
});
