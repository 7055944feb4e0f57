import { fork, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';

/**
 * A helper process spoken to over IPC: `call(type, payload)` resolves to what
 * the child's handler for `type` returned. The child announces itself with
 * `{ type: 'ready', ...info }`; see `serve` for the child's side.
 */
export async function startChild(script, { args = [], execArgv = [], env = {}, cpus } = {}) {
  const options = {
    execArgv,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  };
  // A child inherits this process's CPUs (the bench pins itself to the load
  // generator's); one that will be pinned starts on every CPU, so that several
  // start at once quickly, and is pinned once it is ready.
  const child =
    cpus === undefined
      ? fork(script, args, options)
      : fork(script, args, {
          ...options,
          execPath: 'taskset',
          execArgv: ['-c', `0-${os.availableParallelism() - 1}`, process.execPath, ...execArgv],
        });
  const pending = new Map();
  let nextId = 0;
  let exited = false;
  child.on('message', (message) => {
    if (message?.type === 'reply' && pending.has(message.id)) {
      const { resolve, reject } = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) resolve(message.value);
      else reject(new Error(`child ${script}: ${message.error}`));
    }
  });
  child.on('exit', (code, signal) => {
    exited = true;
    for (const { reject } of pending.values()) {
      reject(new Error(`child ${script} exited (${code ?? signal})`));
    }
    pending.clear();
  });
  const [ready] = await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`child ${script} exited with ${code} before it was ready`);
    }),
  ]);
  if (ready?.type !== 'ready') throw new Error(`child ${script} did not announce itself`);
  // Pinning (taskset) keeps the measured server on its own core, away from the load generator.
  if (cpus !== undefined) pinProcess(child.pid, cpus);
  return {
    info: ready,
    pid: child.pid,
    call(type, payload) {
      if (exited) return Promise.reject(new Error(`child ${script} has exited`));
      const id = (nextId += 1);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ type, id, payload });
      });
    },
    async stop() {
      if (exited) return;
      const gone = once(child, 'exit');
      child.send({ type: 'stop', id: 0 });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
    },
  };
}

/** Pins process `pid` (every thread) to `cpus`, a taskset CPU list. */
export function pinProcess(pid, cpus) {
  const result = spawnSync('taskset', ['-apc', cpus, String(pid)], { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`taskset could not pin process ${pid} to CPUs ${cpus}`);
}

/**
 * The child's side: announces `info`, answers each call with `handlers[type]`,
 * and on `stop` runs `onStop` and exits (flushing a `--cpu-prof` profile).
 */
export function serve(info, handlers, onStop = async () => {}) {
  process.on('message', async (message) => {
    if (message?.type === 'stop') {
      await onStop();
      // exit() rather than waiting for handles to drain: a --cpu-prof profile is written either way.
      process.exit(0);
    }
    const handler = handlers[message?.type];
    try {
      if (!handler) throw new Error(`no handler for "${message?.type}"`);
      const value = await handler(message.payload);
      process.send({ type: 'reply', id: message.id, ok: true, value });
    } catch (error) {
      process.send({
        type: 'reply',
        id: message.id,
        ok: false,
        error: String(error?.stack ?? error),
      });
    }
  });
  // An orphan (the bench crashed or was interrupted) must not keep listening.
  process.on('disconnect', () => process.exit(0));
  process.send({ type: 'ready', ...info });
}
