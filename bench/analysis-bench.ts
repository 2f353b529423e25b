/**
 * Simulation views suite. Issue #4: "time to recompute all views after one edit on the example
 * plans and on a plan with 20 scenarios and 2,000 variables (target ≤ 50 ms)". One recompute is
 * what the page does after an edit: read the plan from the Y.Doc, compile it, and build the whole
 * analysis (grid over every scenario, CVP and price curves with the optimiser, tornado, monthly,
 * waterfall, funnel, dealers, ABC). The baseline in the same run is the CLI's `simulate` report of
 * the same plan, so the ratio says what the views add on top of the plain numbers.
 */
import * as Y from 'yjs';
import { readPlanFromDoc, docFromPlan } from '../src/lib/collab/schema/plan-doc';
import { planRoots, type YRow } from '../src/lib/collab/schema/roots';
import { analyzePlan } from '../src/lib/domain/model/analysis';
import { compilePlan } from '../src/lib/domain/model/plan-inputs';
import { simulatePlan } from '../src/lib/domain/model/report';
import { parsePlanText } from '../src/lib/domain/plan/parse';
import type { Plan } from '../src/lib/domain/plan/types';
import { EXAMPLE_NAMES, exampleText } from '../src/lib/test-data/examples';
import { sampleTimes, sig, timingStats, type SuiteReport } from './measure';

const TARGET_MS = 50;

function example(name: string): Plan {
	const parsed = parsePlanText(exampleText(name));
	if (!parsed.ok) throw new Error(`example ${name} is invalid`);
	return parsed.plan;
}

/** The ARS example grown to 2,000 variables (chains over its own) and 20 price/volume scenarios. */
function largePlan(): Plan {
	const base = example('deep-marketing-ars');
	const variables = [...base.variables];
	for (let i = variables.length; i < 2000; i++) {
		const previous = i % 10 === 0 ? 'price' : `extra_${i - 1}`;
		variables.push({ name: `extra_${i}`, expr: `${previous} * 1.001 + ${i % 7}` });
	}
	const scenarios = Array.from({ length: 20 }, (_, i) => ({
		name: `s${i + 1}`,
		overrides: { price: `price * ${(0.8 + i * 0.02).toFixed(2)}`, ...(i % 2 ? { market_size: `market_size * 1.05` } : {}) }
	}));
	return { ...base, variables, scenarios };
}

function recompute(doc: Y.Doc): number {
	const parsed = readPlanFromDoc(doc);
	if (!parsed.ok) throw new Error(`plan became invalid: ${parsed.errors[0]?.path}`);
	const analysis = analyzePlan(parsed.plan, compilePlan(parsed.plan));
	return analysis.grid.columns.length;
}

/** Edits `price` in the doc (alternating values), then recomputes every view. */
function measure(plan: Plan): { recompute: ReturnType<typeof timingStats>; baseline: ReturnType<typeof timingStats>; columns: number } {
	const doc = docFromPlan(plan);
	const price = (planRoots(doc).variables.toArray() as YRow[]).find((row) => row.get('name') === 'price');
	if (!price) throw new Error('plan without price');
	let n = 0;
	let columns = 0;
	const edit = () => {
		price.set('expr', String(5 + (n++ % 7) * 0.25));
		columns = recompute(doc);
	};
	const times = sampleTimes(edit, { warmup: 5, samples: 25 });
	const current = readPlanFromDoc(doc);
	const baselineTimes = sampleTimes(() => current.ok && simulatePlan(current.plan), { warmup: 5, samples: 25 });
	return { recompute: timingStats(times), baseline: timingStats(baselineTimes), columns };
}

export function runAnalysisBench(): SuiteReport {
	const report: SuiteReport = { target_ms: TARGET_MS };
	const plans: [string, Plan][] = [...EXAMPLE_NAMES.map((name): [string, Plan] => [name, example(name)]), ['scenarios20_variables2000', largePlan()]];
	let worst = 0;
	for (const [name, plan] of plans) {
		const m = measure(plan);
		if (m.columns !== plan.scenarios.length + 1) return { error: `${name}: grid has ${m.columns} columns, expected ${plan.scenarios.length + 1}` };
		worst = Math.max(worst, m.recompute.p95);
		report[name] = {
			recompute_ms: m.recompute,
			simulate_report_ms: m.baseline,
			ratio_to_simulate_report: sig(m.recompute.median / m.baseline.median, 3)
		};
	}
	report.worst_p95_ms = sig(worst);
	report.meets_target = worst <= TARGET_MS;
	return report;
}
