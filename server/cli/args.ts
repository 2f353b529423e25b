/**
 * Argument parsing for the CLI. Small on purpose: each command declares its flags, and anything
 * else is a usage error (exit 2) with one line saying what was wrong.
 */
export class UsageError extends Error {
	override name = 'UsageError';
}

export interface FlagSpec {
	/** Flags that take a value, e.g. `--seed 42`. */
	values?: readonly string[];
	/** Flags that stand alone, e.g. `--json`. */
	switches?: readonly string[];
}

export interface ParsedArgs {
	positional: string[];
	values: Map<string, string>;
	switches: Set<string>;
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
	const out: ParsedArgs = { positional: [], values: new Map(), switches: new Set() };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] as string;
		if (!arg.startsWith('--') || arg === '--') {
			if (arg !== '--') out.positional.push(arg);
			continue;
		}
		const eq = arg.indexOf('=');
		const flag = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
		if (spec.switches?.includes(flag)) {
			if (eq > 0) throw new UsageError(`--${flag} takes no value`);
			out.switches.add(flag);
		} else if (spec.values?.includes(flag)) {
			const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
			if (value === undefined || value === '') throw new UsageError(`--${flag} needs a value`);
			out.values.set(flag, value);
		} else {
			throw new UsageError(`unknown option --${flag}`);
		}
	}
	return out;
}

export function numberFlag(args: ParsedArgs, flag: string): number | undefined {
	const raw = args.values.get(flag);
	if (raw === undefined) return undefined;
	const n = Number(raw);
	if (raw.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${flag} must be a number, got "${raw}"`);
	return n;
}

export function integerFlag(args: ParsedArgs, flag: string, min: number, max: number): number | undefined {
	const n = numberFlag(args, flag);
	if (n !== undefined && (!Number.isInteger(n) || n < min || n > max)) {
		throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got ${args.values.get(flag)}`);
	}
	return n;
}

/** A seed that is a plain integer is used as a number, anything else as a string (as in the app). */
export function seedOf(raw: string): number | string {
	return /^-?\d{1,15}$/.test(raw) ? Number(raw) : raw;
}

export function singleFile(args: ParsedArgs, command: string): string {
	if (args.positional.length === 0) throw new UsageError(`${command} needs a plan file: planbook ${command} FILE`);
	if (args.positional.length > 1) throw new UsageError(`${command} takes one plan file, got ${args.positional.length}`);
	return args.positional[0] as string;
}
