import type { Request } from 'express';
import { PasswordlessStrategy } from '../../src/index';

export type Outcome =
  | { kind: 'success'; user: unknown; info: unknown }
  | { kind: 'fail'; challenge: unknown; status: number | undefined }
  | { kind: 'error'; error: unknown };

/**
 * Runs a strategy the way passport.authenticate does: on a copy with success,
 * fail and error attached, and resolves with whichever it called.
 */
export function run(strategy: PasswordlessStrategy, req: Partial<Request>): Promise<Outcome> {
  return new Promise((resolve) => {
    const s = Object.create(strategy) as PasswordlessStrategy & Record<string, unknown>;
    s.success = (user: unknown, info: unknown) => resolve({ kind: 'success', user, info });
    s.fail = (challenge: unknown, status?: number) => resolve({ kind: 'fail', challenge, status });
    s.error = (error: unknown) => resolve({ kind: 'error', error });
    s.authenticate({ body: {}, query: {}, ...req } as Request);
  });
}
