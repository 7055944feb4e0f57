import { SetupError } from './errors';
import { closest, editDistance } from './suggest';
import { safeRedirect } from './redirects';

/**
 * The rules every constructor and factory of the package parses its options
 * by, once, into a filled private configuration (as express-rate-limit and
 * helmet do): `undefined` means the same as leaving an option out; an unknown
 * name is refused with the nearest real one ("did you mean"), including one
 * that belongs one level down (`cooldownSeconds` → `limits.cooldownSeconds`);
 * a bad value is refused with what it must be. Every refusal is a
 * {@link SetupError} with code `ERR_PASSWORDLESS_OPTIONS`, thrown at startup.
 */

/** The option names a factory knows: its own, and those of each nested object option. */
export interface OptionNames {
  readonly top: readonly string[];
  readonly nested?: Readonly<Record<string, readonly string[]>>;
}

export function optionsError(owner: string, message: string): SetupError {
  return new SetupError('ERR_PASSWORDLESS_OPTIONS', `${owner}: ${message}`);
}

/** The options object itself, or a refusal that shows what to pass. */
export function requireOptions(owner: string, options: unknown, example: string): object {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw optionsError(owner, `pass an options object, ${example}`);
  }
  return options;
}

/** Refuses names the factory does not know, at the top and in each nested object option. */
export function checkOptionNames(owner: string, options: object, names: OptionNames): void {
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    if (!names.top.includes(key)) throw optionsError(owner, unknownName(key, names));
    const inner = names.nested?.[key];
    if (inner && typeof value === 'object' && value !== null) {
      for (const [innerKey, innerValue] of Object.entries(value)) {
        if (innerValue === undefined || inner.includes(innerKey)) continue;
        const guess = closest(innerKey, inner);
        throw optionsError(
          owner,
          `unknown option \`${key}.${innerKey}\`` +
            (guess ? `; did you mean \`${key}.${guess}\`?` : `; \`${key}\` takes ${list(inner)}`),
        );
      }
    }
  }
}

function unknownName(key: string, names: OptionNames): string {
  const nestedNames = Object.entries(names.nested ?? {}).flatMap(([parent, inner]) =>
    inner.map((name) => `${parent}.${name}`),
  );
  const top = closest(key, names.top);
  const down = closest(
    key,
    nestedNames.map((path) => path.slice(path.indexOf('.') + 1)),
  );
  const downPath = down && nestedNames.find((path) => path.endsWith(`.${down}`));
  let guess = top;
  if (downPath && (!top || distance(key, down!) < distance(key, top))) guess = downPath;
  const where = guess?.includes('.') ? ` (it belongs inside \`${guess.split('.')[0]}\`)` : '';
  return guess
    ? `unknown option \`${key}\`; did you mean \`${guess}\`?${where}`
    : `unknown option \`${key}\`; the options are ${list(names.top)}`;
}

function distance(a: string, b: string): number {
  return editDistance(a.toLowerCase(), b.toLowerCase());
}

function list(names: readonly string[]): string {
  return names.map((name) => `\`${name}\``).join(', ');
}

/** A number within bounds (an integer when `integer`), or the default when absent. */
export function numberOption(
  owner: string,
  name: string,
  value: unknown,
  fallback: number,
  bounds: { min: number; max: number; integer?: boolean },
): number {
  if (value === undefined) return fallback;
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < bounds.min ||
    value > bounds.max ||
    (bounds.integer && !Number.isInteger(value))
  ) {
    const kind = bounds.integer ? 'an integer' : 'a number';
    throw optionsError(
      owner,
      `\`${name}\` must be ${kind} from ${bounds.min} to ${bounds.max}, got ${String(value)}`,
    );
  }
  return value;
}

export function booleanOption(
  owner: string,
  name: string,
  value: unknown,
  fallback: boolean,
): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    throw optionsError(owner, `\`${name}\` must be true or false, got ${String(value)}`);
  }
  return value;
}

/** One of a few strings. */
export function choiceOption<T extends string>(
  owner: string,
  name: string,
  value: unknown,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!choices.includes(value as T)) {
    throw optionsError(owner, `\`${name}\` must be one of ${list(choices)}, got ${String(value)}`);
  }
  return value as T;
}

export function stringOption(owner: string, name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') {
    throw optionsError(owner, `\`${name}\` must be a non-empty string`);
  }
  return value;
}

/** An array of non-empty strings (empty when absent). */
export function stringListOption(owner: string, name: string, value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) {
    throw optionsError(owner, `\`${name}\` must be an array of non-empty strings`);
  }
  return [...(value as string[])];
}

export function functionOption<T>(owner: string, name: string, value: unknown): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'function') throw optionsError(owner, `\`${name}\` must be a function`);
  return value as T;
}

/** A configured redirect must be a path on this site. */
export function pathOption(owner: string, name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || safeRedirect(value) === undefined) {
    throw optionsError(
      owner,
      `\`${name}\` must be a path on this site such as "/signed-in", got "${String(value)}"`,
    );
  }
  return value;
}
