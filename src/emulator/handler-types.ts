import type { RequestParams } from './params';
import type { EmulatorState } from './state';

/** What a handler reads from a request that passed the API-key check. */
export interface ApiRequest {
  params: RequestParams;
  /** The `Authorization` header, if any. */
  authorization: string | undefined;
}

export interface ApiReply {
  status: number;
  body: unknown;
}

export type ApiHandler = (state: EmulatorState, request: ApiRequest) => ApiReply;

export const ok = (body: unknown): ApiReply => ({ status: 200, body });
