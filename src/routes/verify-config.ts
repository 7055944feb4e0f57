import passportModule from 'passport';
import {
  checkOptionNames,
  choiceOption,
  numberOption,
  optionsError,
  pathOption,
  requireOptions,
  stringListOption,
  stringOption,
  type OptionNames,
} from '../option-checks';
import { DEFAULT_STRATEGY_NAME } from '../strategy-options';
import { COMMON_NAMES, DAY_MS, parseCommon, requireClient, type CommonConfig } from './config';
import type { PassportLike, VerifyRouterOptions } from './options';

/** `createVerifyRouter`'s options, parsed once. */

export const VERIFY_NAMES: OptionNames = {
  top: [
    ...COMMON_NAMES,
    'successRedirect',
    'logoutRedirect',
    'strategy',
    'passport',
    'sessionCookieName',
    'verifyPerIp',
    'verifyPerIpWindowMs',
    'linkBinding',
    'publicProfileFields',
  ],
};

export interface VerifyConfig extends CommonConfig {
  readonly successRedirect: string;
  readonly logoutRedirect: string;
  readonly strategy: string;
  readonly passport: PassportLike;
  readonly sessionCookieName: string;
  readonly verifyPerIp: number;
  readonly verifyPerIpWindowMs: number;
  readonly linkBinding: 'warn' | 'same-browser';
  readonly publicProfileFields: readonly string[];
}

export function parseVerifyRouterOptions(input: VerifyRouterOptions): VerifyConfig {
  const owner = 'createVerifyRouter';
  const options = requireOptions(owner, input, '{ client }') as VerifyRouterOptions;
  checkOptionNames(owner, options, VERIFY_NAMES);
  requireClient(owner, options.client, 'invalidateAccessToken');
  const passport = (options.passport ?? passportModule) as PassportLike;
  if (!passport || typeof passport.authenticate !== 'function') {
    throw optionsError(owner, '`passport` must be a Passport instance');
  }
  return {
    ...parseCommon(owner, options, []),
    successRedirect: pathOption(owner, 'successRedirect', options.successRedirect) ?? '/',
    logoutRedirect: pathOption(owner, 'logoutRedirect', options.logoutRedirect) ?? '/',
    strategy: stringOption(owner, 'strategy', options.strategy) ?? DEFAULT_STRATEGY_NAME,
    passport,
    sessionCookieName:
      stringOption(owner, 'sessionCookieName', options.sessionCookieName) ?? 'connect.sid',
    verifyPerIp: numberOption(owner, 'verifyPerIp', options.verifyPerIp, 60, {
      min: 1,
      max: 1_000_000,
    }),
    verifyPerIpWindowMs: numberOption(
      owner,
      'verifyPerIpWindowMs',
      options.verifyPerIpWindowMs,
      900_000,
      {
        min: 1000,
        max: DAY_MS,
      },
    ),
    linkBinding: choiceOption(
      owner,
      'linkBinding',
      options.linkBinding,
      ['warn', 'same-browser'],
      'warn',
    ),
    publicProfileFields: stringListOption(
      owner,
      'publicProfileFields',
      options.publicProfileFields,
    ),
  };
}
