/**
 * `planbook check FILE [--standard PACK.yaml|json] [--json]` (DESIGN §8): runs the plan's standards
 * (meta.standards, looked up among built-in packs and the plan's own `packs`; the built-in
 * deep-marketing standard when it lists none) plus the given pack.
 * Exit 1 when any finding is an error.
 */
import { readFile } from 'node:fs/promises';
import {
	checkPlan,
	parsePackText,
	resolvePack,
	resolvePlanStandards,
	type CheckReport,
	type PackDefinition
} from '../../src/lib/domain/standards/index.js';
import type { Plan } from '../../src/lib/domain/plan/types.js';
import { translate } from '../../src/lib/i18n/index.js';
import { parseArgs, singleFile } from './args.js';
import type { CommandOutput } from './commands.js';
import { PlanFileError, readPlanFile } from './read-plan.js';

async function readPack(path: string): Promise<PackDefinition> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		throw new PlanFileError([`${path}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`]);
	}
	const parsed = parsePackText(text);
	if (!parsed.ok) throw new PlanFileError([`${path}: ${parsed.errors[0]}${parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : ''}`]);
	const resolved = resolvePack(parsed.pack);
	if (!resolved.ok) throw new PlanFileError([`${path}: ${resolved.errors[0]}`]);
	return parsed.pack;
}

function table(plan: Plan, report: CheckReport): string {
	const locale = plan.meta.locale;
	const lines = [translate(locale, 'cli.checkScore', { score: Math.round(report.score * 1000) / 10 })];
	if (report.findings.length === 0) lines.push(translate(locale, 'cli.checkClean'));
	for (const f of report.findings) {
		lines.push(`${f.severity.padEnd(7)} ${f.rule.padEnd(20)} ${f.message[locale]}`);
	}
	return lines.join('\n') + '\n';
}

export async function checkCommand(argv: readonly string[]): Promise<CommandOutput> {
	const args = parseArgs(argv, { values: ['standard'], switches: ['json'] });
	const file = singleFile(args, 'check');
	const standard = args.values.get('standard');
	const plan = await readPlanFile(file);
	const extra = standard === undefined ? [] : [await readPack(standard)];
	const standards = resolvePlanStandards(plan, extra);
	if (!standards.ok) {
		const first = standards.errors[0] ?? 'invalid standards';
		// The hint helps only when a standard is missing, not when a pack in the plan is broken.
		const hint = standard === undefined && first.includes('unknown standard') ? ' (give its pack with --standard)' : '';
		return { stdout: '', stderr: [`${file}: ${first}${hint}`], code: 1 };
	}
	const report = checkPlan(plan, standards.packs);
	const locale = plan.meta.locale;
	const body = {
		score: report.score,
		findings: report.findings.map((f) => ({ rule: f.rule, severity: f.severity, target: f.target, message: f.message[locale], hint: f.hint[locale] }))
	};
	const stdout = args.switches.has('json') ? JSON.stringify(body, null, 2) + '\n' : table(plan, report);
	return { stdout, stderr: [], code: report.findings.some((f) => f.severity === 'error') ? 1 : 0 };
}
