import { isSupportedCountry, type CountryCode as LibCountryCode } from 'libphonenumber-js';
import { checkAbsoluteUrl } from '../loginradius/validation';
import {
  booleanOption,
  checkOptionNames,
  numberOption,
  optionsError,
  pathOption,
  requireOptions,
  stringListOption,
  stringOption,
  type OptionNames,
} from '../option-checks';
import { COMMON_NAMES, DAY_MS, parseCommon, requireClient, type CommonConfig } from './config';
import type { RequestRouterOptions } from './options';
import { flowLinkBuilder } from './flow-link';

/** `createRequestRouter`'s options, parsed once. */

export const REQUEST_NAMES: OptionNames = {
  top: [
    ...COMMON_NAMES,
    'callbackUrl',
    'channels',
    'emailCode',
    'passwordlessLoginTemplate',
    'smsTemplate',
    'allowedEmailTemplates',
    'allowedSmsTemplates',
    'allowedCallingCodes',
    'allowedCountries',
    'defaultCountry',
    'pendingFlowTtlMs',
    'limits',
    'linkSentRedirect',
    'otpSentRedirect',
  ],
  nested: {
    channels: ['email', 'username', 'phone', 'voice'],
    limits: ['cooldownSeconds', 'perIp', 'perIpWindowMs', 'smsPerIpPerDay', 'smsPerDay'],
  },
};

/** A pending sign-in never outlives this, whatever the options say. */
const MAX_FLOW_TTL_MS = 3_600_000;

export interface RequestConfig extends CommonConfig {
  /** `callbackUrl` with a flow's reference; undefined while email links are off. */
  readonly flowLink: ((ref: string) => string) | undefined;
  readonly channels: { email: boolean; username: boolean; phone: boolean; voice: boolean };
  readonly emailCode: boolean;
  readonly passwordlessLoginTemplate: string | undefined;
  readonly smsTemplate: string | undefined;
  readonly allowedEmailTemplates: ReadonlySet<string>;
  readonly allowedSmsTemplates: ReadonlySet<string>;
  readonly allowedCallingCodes: ReadonlySet<string> | undefined;
  readonly allowedCountries: ReadonlySet<string> | undefined;
  readonly defaultCountry: LibCountryCode | undefined;
  readonly pendingFlowTtlMs: number;
  readonly cooldownMs: number;
  readonly perIp: number;
  readonly perIpWindowMs: number;
  readonly smsPerIpPerDay: number;
  readonly smsPerDay: number;
  readonly linkSentRedirect: string | undefined;
  readonly otpSentRedirect: string | undefined;
}

export function parseRequestRouterOptions(input: RequestRouterOptions): RequestConfig {
  const owner = 'createRequestRouter';
  const options = requireOptions(owner, input, '{ client, callbackUrl }') as RequestRouterOptions;
  checkOptionNames(owner, options, REQUEST_NAMES);
  requireClient(owner, options.client, 'sendEmailLink');
  const channelsInput = (options.channels ?? {}) as Record<string, unknown>;
  const channels = {
    email: booleanOption(owner, 'channels.email', channelsInput.email, true),
    username: booleanOption(owner, 'channels.username', channelsInput.username, true),
    phone: booleanOption(owner, 'channels.phone', channelsInput.phone, true),
    voice: booleanOption(owner, 'channels.voice', channelsInput.voice, true),
  };
  channels.voice &&= channels.phone;
  let callbackUrl: string | undefined;
  if (channels.email || channels.username) {
    if (options.callbackUrl === undefined) {
      throw optionsError(
        owner,
        '`callbackUrl` is required while email links are on: the absolute URL of the verify ' +
          'router\'s GET /callback, e.g. "https://app.example/auth/callback"',
      );
    }
    try {
      callbackUrl = checkAbsoluteUrl('callbackUrl', options.callbackUrl);
    } catch {
      throw optionsError(
        owner,
        `\`callbackUrl\` must be an absolute http(s) URL, got "${String(options.callbackUrl)}"`,
      );
    }
  }
  const limits = (options.limits ?? {}) as Record<string, unknown>;
  const common = parseCommon(owner, options, callbackUrl ? [new URL(callbackUrl).origin] : []);
  return {
    ...common,
    flowLink: callbackUrl ? flowLinkBuilder(callbackUrl) : undefined,
    channels,
    emailCode: booleanOption(owner, 'emailCode', options.emailCode, false),
    passwordlessLoginTemplate: stringOption(
      owner,
      'passwordlessLoginTemplate',
      options.passwordlessLoginTemplate,
    ),
    smsTemplate: stringOption(owner, 'smsTemplate', options.smsTemplate),
    allowedEmailTemplates: new Set(
      stringListOption(owner, 'allowedEmailTemplates', options.allowedEmailTemplates),
    ),
    allowedSmsTemplates: new Set(
      stringListOption(owner, 'allowedSmsTemplates', options.allowedSmsTemplates),
    ),
    allowedCallingCodes: callingCodes(owner, options.allowedCallingCodes),
    allowedCountries: countries(owner, 'allowedCountries', options.allowedCountries),
    defaultCountry: defaultCountry(owner, options.defaultCountry),
    pendingFlowTtlMs: numberOption(owner, 'pendingFlowTtlMs', options.pendingFlowTtlMs, 600_000, {
      min: 1,
      max: MAX_FLOW_TTL_MS,
    }),
    cooldownMs:
      1000 *
      numberOption(owner, 'limits.cooldownSeconds', limits.cooldownSeconds, 60, {
        min: 1,
        max: 86_400,
      }),
    perIp: numberOption(owner, 'limits.perIp', limits.perIp, 30, { min: 1, max: 1_000_000 }),
    perIpWindowMs: numberOption(owner, 'limits.perIpWindowMs', limits.perIpWindowMs, 900_000, {
      min: 1000,
      max: DAY_MS,
    }),
    smsPerIpPerDay: numberOption(owner, 'limits.smsPerIpPerDay', limits.smsPerIpPerDay, 20, {
      min: 1,
      max: 1_000_000,
    }),
    smsPerDay: numberOption(owner, 'limits.smsPerDay', limits.smsPerDay, 1000, {
      min: 1,
      max: 100_000_000,
    }),
    linkSentRedirect: pathOption(owner, 'linkSentRedirect', options.linkSentRedirect),
    otpSentRedirect: pathOption(owner, 'otpSentRedirect', options.otpSentRedirect),
  };
}

function callingCodes(owner: string, value: unknown): Set<string> | undefined {
  if (value === undefined) return undefined;
  const codes = stringListOption(owner, 'allowedCallingCodes', value).map((code) =>
    code.replace(/^\+/, ''),
  );
  const bad = codes.find((code) => !/^[1-9]\d{0,2}$/.test(code));
  if (bad !== undefined) {
    throw optionsError(
      owner,
      `\`allowedCallingCodes\` holds "${bad}", which is not a calling code such as "1" or "44"`,
    );
  }
  return new Set(codes);
}

/** The country for numbers typed without `+`, as libphonenumber-js names it. */
function defaultCountry(owner: string, value: unknown): LibCountryCode | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isSupportedCountry(value)) {
    throw optionsError(
      owner,
      `\`defaultCountry\` must be a country code such as "US" or "GB", got "${String(value)}"`,
    );
  }
  return value;
}

function countries(owner: string, name: string, value: unknown): Set<string> | undefined {
  if (value === undefined) return undefined;
  const list = stringListOption(owner, name, value);
  const bad = list.find((country) => !isSupportedCountry(country));
  if (bad !== undefined) {
    throw optionsError(
      owner,
      `\`${name}\` holds "${bad}": use ISO 3166-1 alpha-2 codes such as "US" or "GB"`,
    );
  }
  return new Set(list);
}
