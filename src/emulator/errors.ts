import { LOGINRADIUS_ERRORS, type KnownLoginRadiusErrorCode } from '../loginradius/error-codes';

/** The JSON body LoginRadius answers every error with. */
export interface LoginRadiusErrorBody {
  Description: string;
  ErrorCode: number;
  Message: string;
  IsProviderError: false;
  ProviderErrorResponse: null;
}

/**
 * Thrown by a handler to answer a LoginRadius error from the catalog. Handlers
 * throw rather than return so that a check deep in a helper ends the request.
 */
export class LoginRadiusError extends Error {
  readonly status: number;
  readonly body: LoginRadiusErrorBody;

  constructor(readonly errorCode: KnownLoginRadiusErrorCode) {
    const definition = LOGINRADIUS_ERRORS[errorCode];
    super(definition.message);
    this.name = 'LoginRadiusError';
    this.status = definition.status;
    this.body = errorBody(errorCode, definition.message, definition.description);
  }
}

export function errorBody(
  errorCode: number,
  message: string,
  description: string,
): LoginRadiusErrorBody {
  return {
    Description: description,
    ErrorCode: errorCode,
    Message: message,
    IsProviderError: false,
    ProviderErrorResponse: null,
  };
}

/**
 * Errors of the HTTP layer (unknown path, wrong method, body too large, a
 * request from a web page) have no
 * entry in LoginRadius's catalog. The emulator still answers them in LoginRadius's
 * shape, so a client parses them like any other error, with the HTTP status as
 * the `ErrorCode` (the official SDK does the same for 429) so that no real
 * LoginRadius code is misattributed.
 */
export function httpErrorBody(
  status: 403 | 404 | 405 | 413 | 421,
  detail: string,
): LoginRadiusErrorBody {
  const messages = {
    403: 'Forbidden',
    404: 'Resource not found',
    405: 'Method not allowed',
    413: 'Request body too large',
    421: 'Misdirected request',
  } as const;
  return errorBody(status, messages[status], detail);
}

/** Thrown when the emulator is started or driven with bad options. */
export class EmulatorOptionsError extends TypeError {
  readonly code = 'ERR_LR_EMULATOR_OPTIONS';

  constructor(message: string) {
    super(message);
    this.name = 'EmulatorOptionsError';
  }
}
