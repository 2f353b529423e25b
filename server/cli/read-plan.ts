/** Reads and validates a plan file, turning every failure into one line that names the file. */
import { readFile, stat } from 'node:fs/promises';
import { formatPlanIssue, parsePlanText } from '../../src/lib/domain/plan/parse.js';
import type { Plan } from '../../src/lib/domain/plan/types.js';

/** A problem with the input that ends the command with exit 1 and these lines on stderr. */
export class PlanFileError extends Error {
	override name = 'PlanFileError';
	constructor(readonly lines: string[]) {
		super(lines[0]);
	}
}

const MAX_PLAN_FILE_BYTES = 50 * 1024 * 1024;

export async function readPlanFile(path: string): Promise<Plan> {
	let text: string;
	try {
		const info = await stat(path);
		if (info.isDirectory()) throw new PlanFileError([`${path}: is a directory, not a plan file`]);
		if (info.size > MAX_PLAN_FILE_BYTES) throw new PlanFileError([`${path}: file is larger than 50 MB`]);
		text = await readFile(path, 'utf8');
	} catch (e) {
		if (e instanceof PlanFileError) throw e;
		const code = (e as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
		throw new PlanFileError([`${path}: ${why}`]);
	}
	const parsed = parsePlanText(text);
	if (!parsed.ok) {
		const [first, ...rest] = parsed.errors;
		const lines = [`${path}: ${formatPlanIssue(first ?? { path: '$', message: 'invalid plan' })}`];
		if (rest.length > 0) lines[0] += ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})`;
		throw new PlanFileError(lines);
	}
	return parsed.plan;
}
