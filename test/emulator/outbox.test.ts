import { Outbox, type OutboxMessage } from '../../src/emulator';

const message = (to: string, extra: Partial<OutboxMessage> = {}): OutboxMessage => ({
  channel: to.includes('@') ? 'email' : 'sms',
  kind: to.includes('@') ? 'passwordless_link' : 'passwordless_otp',
  to,
  sentAt: new Date(0).toISOString(),
  ...extra,
});

describe('the Outbox', () => {
  it('is a real array, oldest first', () => {
    const outbox = new Outbox();
    outbox.push(message('a@example.com'), message('+14155550101'));
    expect(Array.isArray(outbox)).toBe(true);
    expect(outbox).toHaveLength(2);
    expect(outbox[0]?.to).toBe('a@example.com');
    expect(outbox.at(-1)?.to).toBe('+14155550101');
  });

  it('derives plain arrays', () => {
    const outbox = new Outbox();
    outbox.push(message('a@example.com'));
    const mapped = outbox.filter(() => true);
    expect(mapped).not.toBeInstanceOf(Outbox);
    expect(mapped).toEqual([...outbox]);
  });

  it('for() matches emails case-insensitively and phones on their E.164 form', () => {
    const outbox = new Outbox();
    outbox.push(message('Ada@Example.com', { token: '1' }), message('+14155550101', { otp: '2' }));
    expect(outbox.for('ada@example.COM').map((m) => m.token)).toEqual(['1']);
    expect(outbox.for('+1 415 555 0101').map((m) => m.otp)).toEqual(['2']);
    expect(outbox.for('+14155550102')).toEqual([]);
  });

  it('latest() is the newest message, optionally for one recipient', () => {
    const outbox = new Outbox();
    expect(outbox.latest()).toBeUndefined();
    outbox.push(
      message('a@example.com', { token: '1' }),
      message('b@example.com'),
      message('a@example.com', { token: '3' }),
    );
    expect(outbox.latest()?.to).toBe('a@example.com');
    expect(outbox.latest('b@example.com')?.to).toBe('b@example.com');
    expect(outbox.latest('a@example.com')?.token).toBe('3');
    expect(outbox.latest('nobody@example.com')).toBeUndefined();
  });

  it('clear() empties it in place', () => {
    const outbox = new Outbox();
    outbox.push(message('a@example.com'));
    const same = outbox;
    outbox.clear();
    expect(same).toHaveLength(0);
  });
});
