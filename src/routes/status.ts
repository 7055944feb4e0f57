import type { Request } from 'express';
import type { CrossDeviceRecord, CrossDeviceRecords } from '../cross-device';
import type { PendingFlow } from '../session';
import type { CommonConfig } from './config';
import { endAccessToken } from './end-access-token';

/** What `GET /link/status` says about this browser's cross-device sign-in. */
export type CrossDeviceStatus = 'pending' | 'signed_in' | 'expired' | 'none';

/**
 * The state of `flow`'s cross-device sign-in: `pending` while the other device
 * has not finished, `signed_in` once it has (the login waits to be picked up),
 * `expired` when the flow or its cross-device path is over (expired, or a
 * wrong number was typed), `none` when this browser has no such sign-in. With
 * the record it was read from, so that the pickup does not read the record (the
 * user's Profile, several KB of JSON) a second time.
 */
export async function crossDeviceState(
  records: CrossDeviceRecords,
  req: Request,
  flow: PendingFlow | undefined,
): Promise<{ status: CrossDeviceStatus; record?: CrossDeviceRecord }> {
  if (!flow || flow.channel !== 'email' || flow.match === undefined) return { status: 'none' };
  if (Date.now() >= flow.expiresAt) return { status: 'expired' };
  const record = await records.read(req, flow.ref);
  if (!record || record.state === 'ended') return { status: 'expired' };
  return { status: record.state, record };
}

/**
 * Ends the cross-device path of flow `ref` (see {@link CrossDeviceRecords.abandon})
 * and the access token of a login it dropped, as best effort: what gave the flow
 * up (a send that went out, a login, a logout) still happens if the store fails,
 * which is reported as `store_error`; the record then dies at the flow's expiry.
 */
export async function abandonCrossDevice(
  config: CommonConfig & { readonly records: CrossDeviceRecords },
  req: Request,
  ref: string,
): Promise<void> {
  try {
    const { droppedUser } = await config.records.abandon(req, ref);
    if (droppedUser !== undefined) {
      await endAccessToken(config, req, droppedUser, 'dropped_login_invalidate_failed');
    }
  } catch (error) {
    config.emit(req, {
      type: 'store_error',
      reason: 'cross_device_not_ended',
      error: error as Error,
    });
  }
}

/**
 * Deletes flow `ref`'s record as best effort (this browser picked the login up, or
 * signed in with its own link): the sign-in goes on if the store fails, which is
 * reported as `store_error`; the record then dies at the flow's expiry.
 */
export async function removeCrossDevice(
  config: CommonConfig & { readonly records: CrossDeviceRecords },
  req: Request,
  ref: string,
): Promise<void> {
  try {
    await config.records.remove(req, ref);
  } catch (error) {
    config.emit(req, {
      type: 'store_error',
      reason: 'cross_device_not_ended',
      error: error as Error,
    });
  }
}
