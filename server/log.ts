/**
 * The server's logger: one line per event, with a level and optional fields. Passed in (never a
 * module-level singleton) so tests can collect or silence it.
 */
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export interface Logger {
	info(message: string, fields?: LogFields): void;
	warn(message: string, fields?: LogFields): void;
	error(message: string, fields?: LogFields, error?: unknown): void;
}

function line(level: string, message: string, fields: LogFields | undefined): string {
	const extra = Object.entries(fields ?? {})
		.filter(([, value]) => value !== undefined)
		.map(([key, value]) => `${key}=${typeof value === 'string' && /\s/.test(value) ? JSON.stringify(value) : String(value)}`)
		.join(' ');
	return `planbook ${level}: ${message}${extra ? ` ${extra}` : ''}`;
}

/** Logs to the console: info to stdout, warnings and errors to stderr. */
export function consoleLogger(): Logger {
	return {
		info: (message, fields) => console.log(line('info', message, fields)),
		warn: (message, fields) => console.warn(line('warn', message, fields)),
		error: (message, fields, error) => console.error(line('error', message, fields), ...(error === undefined ? [] : [error]))
	};
}

/** Drops everything (tests that check behaviour, not logs). */
export function silentLogger(): Logger {
	return { info: () => {}, warn: () => {}, error: () => {} };
}
