/**
 * The client's call deadlines: one shared coarse ticker watches every call's
 * deadline (src/loginradius/deadline.ts). A deadline expires once, at most one
 * tick late; a cleared one never does; the ticker stops once nothing is watched.
 */
import { TICK_MS, watchDeadline } from '../../src/loginradius/deadline';

beforeEach(() => {
  // setInterval and performance.now() are faked; the deadlines use nothing else.
  jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] });
});
afterEach(() => {
  jest.runOnlyPendingTimers();
  jest.useRealTimers();
});

test('expires once, no earlier than its time and at most one tick late', () => {
  const expired = jest.fn();
  watchDeadline(1_000, expired);
  jest.advanceTimersByTime(1_000 - TICK_MS);
  expect(expired).not.toHaveBeenCalled();
  jest.advanceTimersByTime(2 * TICK_MS);
  expect(expired).toHaveBeenCalledTimes(1);
  jest.advanceTimersByTime(10 * TICK_MS);
  expect(expired).toHaveBeenCalledTimes(1);
});

test('a cleared deadline never expires, and clearing twice is harmless', () => {
  const cleared = jest.fn();
  const kept = jest.fn();
  const deadline = watchDeadline(500, cleared);
  watchDeadline(500, kept);
  deadline.clear();
  deadline.clear();
  jest.advanceTimersByTime(500 + TICK_MS);
  expect(cleared).not.toHaveBeenCalled();
  expect(kept).toHaveBeenCalledTimes(1);
});

test('deadlines of different lengths, cleared in any order, each expire at their own time', () => {
  const order: string[] = [];
  const watched = ['3s', '1s', '2s', '1s-cleared', '4s'].map(
    (name) =>
      [name, watchDeadline(Number.parseInt(name, 10) * 1_000, () => order.push(name))] as const,
  );
  watched.find(([name]) => name === '1s-cleared')![1].clear();
  for (let second = 1; second <= 4; second += 1) {
    jest.advanceTimersByTime(1_000);
    expect(order).toHaveLength(second);
  }
  expect(order).toEqual(['1s', '2s', '3s', '4s']);
});

test('an expiry may clear another due deadline (it is not expired) or start a new one', () => {
  const order: string[] = [];
  watchDeadline(100, () => {
    order.push('first');
    second.clear();
    watchDeadline(100, () => order.push('started by first'));
  });
  const second = watchDeadline(100, () => order.push('second'));
  jest.advanceTimersByTime(100 + TICK_MS);
  expect(order).toEqual(['first']);
  jest.advanceTimersByTime(100 + TICK_MS);
  expect(order).toEqual(['first', 'started by first']);
});

test('the ticker stops once nothing is watched, and starts again for the next deadline', () => {
  watchDeadline(100, () => {}).clear();
  expect(jest.getTimerCount()).toBe(1);
  jest.advanceTimersByTime(TICK_MS);
  expect(jest.getTimerCount()).toBe(0);
  const expired = jest.fn();
  watchDeadline(100, expired);
  expect(jest.getTimerCount()).toBe(1);
  jest.advanceTimersByTime(100 + TICK_MS);
  expect(expired).toHaveBeenCalledTimes(1);
  jest.advanceTimersByTime(TICK_MS);
  expect(jest.getTimerCount()).toBe(0);
});

test('an expiry that throws is reported, and the other due deadlines still expire on time', () => {
  const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
  try {
    const after = jest.fn();
    watchDeadline(100, () => {
      throw new Error('boom');
    });
    watchDeadline(100, after);
    expect(() => jest.advanceTimersByTime(100 + TICK_MS)).not.toThrow();
    expect(after).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('boom'));
  } finally {
    warn.mockRestore();
  }
});
