/**
 * `npm run bench`: runs every suite in turn and prints one JSON object of figures to stdout.
 * Figures are reported, not judged: a missed target is a `meets_target(s): false` field, and the
 * exit code is 1 only when a suite fails its own correctness check (`error`) or throws, because
 * then its timings measure something wrong.
 *
 * To add a suite, write `bench/<name>-bench.ts` exporting a `() => SuiteReport | Promise<…>` and
 * register it below. Suites run one at a time, never concurrently, so they do not share the CPU.
 *
 * `npm run -s bench -- sync load` runs only the suites named (in registry order); no names: all.
 */
import { runAnalysisBench } from './analysis-bench';
import { runFormulaBench } from './formula-bench';
import { runLoadBench } from './load-bench';
import type { SuiteReport } from './measure';
import { runMonteCarloBench } from './montecarlo-bench';
import { runScaleBench } from './scale-bench';
import { runSyncBench } from './sync-bench';

const SUITES: Readonly<Record<string, () => SuiteReport | Promise<SuiteReport>>> = {
	formula: runFormulaBench,
	montecarlo: runMonteCarloBench,
	analysis: runAnalysisBench,
	sync: runSyncBench,
	load: runLoadBench,
	scale: runScaleBench
};

/** The suites named on the command line, or all of them; exits 2 on an unknown name. */
function selectedSuites(names: readonly string[]): [string, () => SuiteReport | Promise<SuiteReport>][] {
	const unknown = names.filter((name) => !(name in SUITES));
	if (unknown.length > 0) {
		process.stderr.write(`bench: unknown suite ${unknown.join(', ')}; choose from ${Object.keys(SUITES).join(', ')}\n`);
		process.exit(2);
	}
	return Object.entries(SUITES).filter(([name]) => names.length === 0 || names.includes(name));
}

async function main(): Promise<void> {
	const suites: Record<string, SuiteReport> = {};
	for (const [name, run] of selectedSuites(process.argv.slice(2))) {
		// Progress goes to stderr so stdout stays one parseable JSON document.
		process.stderr.write(`bench: ${name}…\n`);
		try {
			suites[name] = await run();
		} catch (e) {
			suites[name] = { error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
		}
	}
	const report = { node: process.version, date: new Date().toISOString(), suites };
	process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
	if (Object.values(suites).some((s) => s.error !== undefined)) process.exitCode = 1;
}

await main();
