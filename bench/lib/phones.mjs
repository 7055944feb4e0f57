import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { isValidPhoneNumber } from 'libphonenumber-js';

/** The code every bench test phone answers to. */
export const TEST_OTP = '123456';

/**
 * The email template whose passwordless email carries a one-time code rather
 * than a link (the emulator is started with `emailTokenByTemplate` for it): the
 * emailed-code apps send with it, the cross-device apps without it (a link).
 */
export const EMAIL_CODE_TEMPLATE = 'bench-email-code';

/** The email of the account the emulator makes for test phone `phone` (`testPhones`). */
export function testEmail(phone) {
  return `test-${phone.slice(1)}@emulator.test`;
}

/**
 * `count` distinct US numbers (+1 415 555 xxxx) that libphonenumber-js accepts,
 * since the routers and the client refuse anything it calls invalid.
 */
export function testPhones(count) {
  const phones = [];
  for (let i = 0; i < 10_000 && phones.length < count; i += 1) {
    const phone = `+1415555${String(i).padStart(4, '0')}`;
    if (isValidPhoneNumber(phone)) phones.push(phone);
  }
  if (phones.length < count) throw new Error(`only ${phones.length} valid test phones`);
  return phones;
}

/**
 * Hands out phones (or emails) so that none is in two sign-ins at once (the
 * emulator keeps one current code per phone and per account) and none is sent
 * to again within `restMs` (the router's per-recipient resend cooldown). With
 * enough of them nobody ever waits.
 */
export class PhonePool {
  #queue;
  #waits = 0;

  constructor(phones, restMs) {
    this.restMs = restMs;
    this.#queue = phones.map((phone) => ({ phone, readyAt: 0 }));
  }

  /** How many times a taker had to wait for a phone to come off cooldown. */
  get waits() {
    return this.#waits;
  }

  async take() {
    for (;;) {
      const next = this.#queue.shift();
      if (!next) {
        // Every phone is in a sign-in: more clients than phones. Wait for a release.
        this.#waits += 1;
        await sleep(5);
        continue;
      }
      const wait = next.readyAt - performance.now();
      if (wait > 0) {
        this.#waits += 1;
        await sleep(wait);
      }
      return next.phone;
    }
  }

  /**
   * Gives a phone back once its sign-in is over; it is handed out again `restMs`
   * later, which is past the cooldown its send started (that send came earlier).
   */
  release(phone) {
    this.#queue.push({ phone, readyAt: performance.now() + this.restMs });
  }
}
