import { startEmulator } from '../../src/emulator';
import { PATHS, call, putJson } from './helpers';

describe('robustness', () => {
  it('answers 500 JSON when a handler throws, and keeps serving', async () => {
    let broken = false;
    const emulator = await startEmulator({
      quiet: true,
      clock: () => {
        if (broken) throw new Error('clock failure');
        return Date.now();
      },
    });
    try {
      broken = true;
      const answer = await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' });
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual({ Message: 'An error has occurred.' });
      broken = false;
      expect((await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' })).status).toBe(
        200,
      );
    } finally {
      await emulator.close();
    }
  });

  it('survives clients that hang up mid-request', async () => {
    const emulator = await startEmulator({ quiet: true });
    try {
      const aborted = new AbortController();
      const pending = fetch(`${emulator.url}${PATHS.verifyPhoneOtp}?apikey=${emulator.apiKey}`, {
        method: 'PUT',
        body: new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"phone":'));
            aborted.abort();
          },
        }),
        duplex: 'half',
        signal: aborted.signal,
      } as RequestInit).catch(() => 'aborted');
      expect(await pending).toBe('aborted');
      const otp = await call(emulator, PATHS.sendPhoneOtp, { phone: '+14155550101' });
      expect(otp.status).toBe(200);
      const code = emulator.outbox.latest()?.otp ?? '';
      const login = await call(
        emulator,
        PATHS.verifyPhoneOtp,
        {},
        putJson({ phone: '+14155550101', otp: code }),
      );
      expect(login.status).toBe(200);
    } finally {
      await emulator.close();
    }
  });

  it('when not quiet, says a message arrived without printing its token or code', async () => {
    const lines: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const emulator = await startEmulator();
    try {
      await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' });
      await call(emulator, PATHS.sendPhoneOtp, { phone: '+14155550101' });
      const [link, sms] = emulator.outbox;
      const log = lines.join('');
      expect(log).toContain('passwordless_link email to ada@example.com');
      expect(log).toContain('passwordless_otp sms to +14155550101');
      expect(log).not.toContain(link?.token);
      expect(log).not.toContain(sms?.otp);
      expect(log).not.toContain(emulator.apiKey);
    } finally {
      spy.mockRestore();
      await emulator.close();
    }
  });
});
