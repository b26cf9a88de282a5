// Flag parsing shared by the commands: `--help` (and -h) prints the command's usage and exits 0; an unknown or
// malformed flag is a usage error that points to --help.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;
type Values<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O }>>['values'];

/** The flag every command has; spread it into the command's options. */
export const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** The parsed flags, or null when --help was asked (the usage is then printed). */
export function parseFlags<O extends Options & typeof HELP>(
  argv: string[],
  options: O,
  usage: string,
  print: (text: string) => void = (t) => process.stdout.write(t),
): Values<O> | null {
  let values: Values<O>;
  try {
    values = parseArgs({ args: argv, options }).values as Values<O>;
  } catch (e) {
    throw new UsageError(`${(e as Error).message}; see --help`);
  }
  if ((values as { help?: boolean }).help) {
    print(`${usage.trim()}\n`);
    return null;
  }
  return values;
}

/** A number > 0 from a flag, or a usage error naming it. */
export function positiveFlag(raw: string, name: string): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number, got "${raw}"`);
  return n;
}
