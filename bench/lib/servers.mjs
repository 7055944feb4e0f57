/**
 * The apps under test of a run, by name: each is a process of its own
 * (server-process.mjs) pinned to the app CPU. A run starts every app its suites
 * need at once, before the first suite (they share the CPUs only while
 * starting), and stops them after the last; each round's `reset` forgets the
 * sessions an earlier round or suite left.
 */
import { startServerProcess } from './processes.mjs';

/** A projection an app that shows a name and an email might ask for. */
export const PROJECTION = ['Email', 'FirstName', 'LastName', 'PhoneId'];

/**
 * name → [kind (a module of bench/servers), flavour of ours, fields, plainServer].
 * The signed-in suite has apps of its own that serve no sign-in load, so that
 * what the sign-in suites leave behind (ours keeps its counters in memory, for
 * up to a day) does not weigh on its requests, and the suites' order does not
 * change its figures.
 */
export const APPS = {
  'ours-sms': ['ours', 'sms'],
  'ours-sms-plain-server': ['ours', 'sms', undefined, true],
  'signed-in-ours': ['ours', 'sms'],
  'signed-in-ours-plain-server': ['ours', 'sms', undefined, true],
  'signed-in-baseline': ['baseline'],
  'ours-sms-fields': ['ours', 'sms', PROJECTION],
  'ours-email-code': ['ours', 'email-code'],
  'ours-email-code-plain-server': ['ours', 'email-code', undefined, true],
  'ours-cross-device': ['ours', 'cross-device'],
  'ours-cross-device-plain-server': ['ours', 'cross-device', undefined, true],
  baseline: ['baseline'],
  'baseline-email-code': ['baseline-email-code'],
  'baseline-cross-device': ['baseline-cross-device'],
};

/**
 * Phones kept out of the sign-in loads for the suites that sign in once (the
 * signed-in and size suites), so that no router still holds them in its
 * per-phone cooldown when those suites run on the same app.
 */
export const RESERVED_PHONES = 16;

/** Starts the apps `names` at once; resolves to name → child, all or none. */
export async function startApps(names, { emulator, options }) {
  const started = await Promise.allSettled(
    names.map((name) => {
      const [kind, flavour, fields, plainServer] = APPS[name];
      return startServerProcess(kind, {
        emulator,
        fields,
        flavour,
        plainServer,
        cpuProfDir: options.cpuProfDir,
        cpus: options.pinning?.app,
      });
    }),
  );
  const apps = Object.fromEntries(
    names.flatMap((name, index) =>
      started[index].status === 'fulfilled' ? [[name, started[index].value]] : [],
    ),
  );
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await stopApps(apps);
    throw failed.reason;
  }
  return apps;
}

export async function stopApps(apps) {
  await Promise.all(Object.values(apps).map((app) => app.stop()));
}
