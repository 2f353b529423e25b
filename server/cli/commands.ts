/**
 * The CLI commands of DESIGN §8. Each returns what to print and the exit code; main.ts does the
 * printing, so commands are testable without spawning a process.
 */
import { FINANCE_OUTPUT_NAMES } from '../../src/lib/domain/finance/types.js';
import { compilePlan } from '../../src/lib/domain/model/plan-inputs.js';
import { simulatePlan } from '../../src/lib/domain/model/report.js';
import { monteCarlo } from '../../src/lib/domain/simulate/montecarlo.js';
import { optimize } from '../../src/lib/domain/simulate/seek.js';
import { integerFlag, numberFlag, parseArgs, seedOf, singleFile, UsageError } from './args.js';
import { checkCommand } from './check-command.js';
import { exportCommand, importCommand } from './export-command.js';
import { montecarloTable, simulateTable } from './format-table.js';
import { PlanFileError, readPlanFile } from './read-plan.js';

export interface CommandOutput {
	stdout: string;
	stderr: string[];
	code: 0 | 1 | 2;
}

const json = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';

function firstProblem(file: string, problems: readonly { path: string; message: string }[]): string[] {
	const [first, ...rest] = problems;
	const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
	return [`${file}: ${first?.path ?? '$'}: ${first?.message ?? 'invalid plan'}${more}`];
}

export async function simulateCommand(argv: readonly string[]): Promise<CommandOutput> {
	const args = parseArgs(argv, { values: ['scenario'], switches: ['json'] });
	const file = singleFile(args, 'simulate');
	const plan = await readPlanFile(file);
	const scenario = args.values.get('scenario');
	const outcome = simulatePlan(plan, scenario === undefined ? {} : { scenario });
	if (!outcome.ok) return { stdout: '', stderr: firstProblem(file, outcome.problems), code: 1 };
	const stdout = args.switches.has('json') ? json(outcome.report) : simulateTable(plan, outcome.report);
	return { stdout, stderr: [], code: 0 };
}

export async function montecarloCommand(argv: readonly string[]): Promise<CommandOutput> {
	const args = parseArgs(argv, { values: ['trials', 'seed'], switches: ['json'] });
	const file = singleFile(args, 'montecarlo');
	const trialsFlag = integerFlag(args, 'trials', 1, 10_000_000);
	const seedFlag = args.values.get('seed');
	const plan = await readPlanFile(file);
	// Without flags, the settings saved with the plan (its simulation view's), so both agree.
	const trials = trialsFlag ?? plan.simulation?.trials ?? 10_000;
	const seed = seedFlag !== undefined ? seedOf(seedFlag) : (plan.simulation?.seed ?? 1);
	const base = simulatePlan(plan);
	if (!base.ok) return { stdout: '', stderr: firstProblem(file, base.problems), code: 1 };
	const uncertain = plan.variables.flatMap((v) => (v.distribution ? [{ name: v.name, distribution: v.distribution }] : []));
	const result = monteCarlo({ program: compilePlan(plan), uncertain, trials, seed });
	const outputs = Object.fromEntries(
		FINANCE_OUTPUT_NAMES.map((n) => {
			const s = result.outputs[n];
			return [n, s ? { mean: s.mean, sd: s.sd, p5: s.p5, p50: s.p50, p95: s.p95 } : null];
		})
	);
	const body = { trials: result.trials, seed: result.seed, outputs, p_loss: result.p_loss };
	const stdout = args.switches.has('json') ? json(body) : montecarloTable(plan, body, uncertain.length);
	return { stdout, stderr: [], code: 0 };
}

export async function optimizeCommand(argv: readonly string[]): Promise<CommandOutput> {
	const args = parseArgs(argv, { values: ['var', 'min', 'max'], switches: ['json'] });
	const file = singleFile(args, 'optimize');
	const variable = args.values.get('var');
	if (!variable) throw new UsageError('optimize needs --var NAME, e.g. --var price');
	const min = numberFlag(args, 'min');
	const max = numberFlag(args, 'max');
	if (min !== undefined && max !== undefined && min >= max) throw new UsageError('--min must be below --max');
	const plan = await readPlanFile(file);
	const base = simulatePlan(plan);
	if (!base.ok) return { stdout: '', stderr: firstProblem(file, base.problems), code: 1 };
	const program = compilePlan(plan);
	const result = optimize({
		program,
		base: program.runner([])([]),
		variable,
		...(min === undefined ? {} : { min }),
		...(max === undefined ? {} : { max })
	});
	if (!result.ok) return { stdout: '', stderr: [`${file}: ${result.message}`], code: 1 };
	const body = { var: result.variable, value: result.value, profit: result.outputValue };
	const stdout = args.switches.has('json') ? json(body) : `${body.var} = ${body.value}\nprofit = ${body.profit}\n`;
	return { stdout, stderr: [], code: 0 };
}

export const COMMANDS: Record<string, (argv: readonly string[]) => Promise<CommandOutput>> = {
	simulate: simulateCommand,
	montecarlo: montecarloCommand,
	optimize: optimizeCommand,
	check: checkCommand,
	export: exportCommand,
	import: importCommand
};

export const USAGE = `usage: planbook <command> FILE [options]

commands:
  simulate FILE [--scenario NAME] [--json]     finance outputs, monthly P&L, scenarios
  montecarlo FILE [--trials N] [--seed S] [--json]
                                               risk of profit over the variables' distributions
                                               (defaults: the plan's saved simulation settings,
                                               else 10000 trials, seed 1)
  optimize FILE --var NAME [--min A --max B] [--json]
                                               value of NAME that maximises profit
                                               (default bounds: 0.5x to 2x its base value)
  check FILE [--standard PACK.yaml|json] [--json]
                                               standard-compliance findings and score
  export FILE --format md|xlsx|docx|json [--out PATH]
                                               the plan as a document, workbook or plan file
                                               (md and json print to stdout without --out)
  import FILE [--server URL] [--json]          create the plan on a running planbook server
                                               (default $PLANBOOK_SERVER or http://127.0.0.1:3000)

exit codes: 0 success, 1 invalid plan or error findings, 2 usage error`;

/** Runs one CLI invocation; never throws. */
export async function runCli(argv: readonly string[]): Promise<CommandOutput> {
	const [command, ...rest] = argv;
	if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
		return { stdout: USAGE + '\n', stderr: [], code: command === undefined ? 2 : 0 };
	}
	const run = COMMANDS[command];
	if (!run) return { stdout: '', stderr: [`planbook: unknown command "${command}"`, USAGE], code: 2 };
	try {
		return await run(rest);
	} catch (e) {
		if (e instanceof UsageError) return { stdout: '', stderr: [`planbook ${command}: ${e.message}`], code: 2 };
		if (e instanceof PlanFileError) return { stdout: '', stderr: e.lines, code: 1 };
		return { stdout: '', stderr: [`planbook ${command}: internal error: ${(e as Error).message ?? String(e)}`], code: 1 };
	}
}
