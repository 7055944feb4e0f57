/**
 * An attacker pumps SMS to premium numbers (security.md items 3 and 4): the
 * calling-code allowlist refuses other countries with no upstream call; per-IP
 * and global daily SMS budgets cap the rest; and a forged X-Forwarded-For
 * cannot escape a per-IP limit while `trust proxy` is off.
 */
import request from 'supertest';
import { startTestApp } from '../support/test-app';

/** n valid US numbers, each its own identifier (so cooldowns do not interfere). */
function phones(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `+1415555${String(1000 + i).padStart(4, '0')}`);
}

/**
 * Emulator accounts for the numbers: the budgets count only SMS LoginRadius
 * accepted (item 29), so these sends must go to real accounts.
 */
function accountsFor(numbers: string[]): { testPhones: Record<string, string> } {
  return { testPhones: Object.fromEntries(numbers.map((phone) => [phone, '123456'])) };
}

test('a number outside the allowed calling codes is refused before any upstream call', async () => {
  const t = await startTestApp({ requestRouter: { allowedCallingCodes: ['1'] } });
  try {
    const res = await request(t.app).post('/auth/otp').send({ phone: '+442079460958' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_INPUT');
    await request(t.app).post('/auth/otp').send({ phone: '+14155550101' }).expect(200);
    expect(t.emulator.calls.sendPhoneOtp).toBe(1);
  } finally {
    await t.close();
  }
});

test('the per-IP daily SMS budget refuses with 429 once spent', async () => {
  const numbers = phones(5);
  const t = await startTestApp({
    requestRouter: { limits: { smsPerIpPerDay: 3 } },
    emulator: accountsFor(numbers),
  });
  try {
    for (const phone of numbers.slice(0, 3))
      await request(t.app).post('/auth/otp').send({ phone }).expect(200);
    const refused = await request(t.app).post('/auth/otp').send({ phone: numbers[3] });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3600);
    expect(t.emulator.calls.sendPhoneOtp).toBe(3);
    expect(t.events.some((e) => e.type === 'rate_limited' && e.reason === 'sms-ip-daily')).toBe(
      true,
    );
  } finally {
    await t.close();
  }
});

test('the global daily SMS budget caps all IPs together', async () => {
  const numbers = phones(3);
  const t = await startTestApp({
    requestRouter: { limits: { smsPerDay: 2 } },
    emulator: accountsFor(numbers),
  });
  t.app.set('trust proxy', true);
  try {
    await request(t.app)
      .post('/auth/otp')
      .set('X-Forwarded-For', '203.0.113.1')
      .send({ phone: numbers[0] })
      .expect(200);
    await request(t.app)
      .post('/auth/otp')
      .set('X-Forwarded-For', '203.0.113.2')
      .send({ phone: numbers[1] })
      .expect(200);
    await request(t.app)
      .post('/auth/otp')
      .set('X-Forwarded-For', '203.0.113.3')
      .send({ phone: numbers[2] })
      .expect(429);
    expect(t.emulator.calls.sendPhoneOtp).toBe(2);
  } finally {
    await t.close();
  }
});

test('rotating X-Forwarded-For does not escape the per-IP limit while trust proxy is off', async () => {
  const t = await startTestApp({ requestRouter: { limits: { perIp: 3 } } });
  try {
    const results: number[] = [];
    for (const [i, phone] of phones(6).entries()) {
      const res = await request(t.app)
        .post('/auth/otp')
        .set('X-Forwarded-For', `198.51.100.${i}`)
        .send({ phone });
      results.push(res.status);
    }
    expect(results).toEqual([200, 200, 200, 429, 429, 429]);
    expect(t.emulator.calls.sendPhoneOtp).toBe(3);
  } finally {
    await t.close();
  }
});
