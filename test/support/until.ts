/**
 * Resolves once `condition()` is true, checking after each turn of the event
 * loop (no fixed sleep); rejects after `timeoutMs` with `what` in the message.
 */
export async function until(
  condition: () => boolean,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
