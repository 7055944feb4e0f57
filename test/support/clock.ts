/**
 * Moves `Date.now()` forward for expiry tests while real timers, I/O and
 * promises keep running (only `Date` is faked), so no test sleeps out a timeout.
 */
export function fakeDateOnly(): { advance(ms: number): void; restore(): void } {
  jest.useFakeTimers({
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
  return {
    advance(ms: number) {
      jest.setSystemTime(Date.now() + ms);
    },
    restore() {
      jest.useRealTimers();
    },
  };
}
