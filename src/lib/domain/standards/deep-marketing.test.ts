import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../plan/parse.js';
import type { Plan } from '../plan/types.js';
import { exampleText } from '../../test-data/examples.js';
import { checkPlan } from './check.js';
import { deepMarketing } from './deep-marketing.js';

function ars(): Plan {
	const parsed = parsePlanText(exampleText('deep-marketing-ars'));
	if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
	return parsed.plan;
}

/** The ARS example with the dealer weights fixed: it passes every rule. */
function clean(): Plan {
	const plan = ars();
	plan.data.dealers!.criteria[4]!.weight = 0.1;
	return plan;
}

const setVar = (plan: Plan, name: string, expr: string) => {
	const v = plan.variables.find((x) => x.name === name);
	if (v) v.expr = expr;
	else plan.variables.push({ name, expr });
};

/** For every rule id of the standard: a mutation of the clean plan that makes it fail. */
const FAILING: Record<string, (p: Plan) => void> = {
	'S1.sections': (p) => (p.sections = p.sections.filter((s) => s.kind !== 'control')),
	'S1.swot': (p) => (p.data.swot!.threats = []),
	'S2.inputs': (p) => delete p.variables.find((v) => v.name === 'price')!.source,
	'S2.market': (p) => {
		p.variables = p.variables.filter((v) => v.name !== 'market_size');
		setVar(p, 'volume', '1615000');
		p.data.segments = p.data.segments!.map((s) => ({ name: s.name, target: s.target }));
	},
	'S2.competitors': (p) => (p.data.competitors = []),
	'S3.objectives': (p) => delete p.data.objectives![1]!.deadline,
	'S3.deadline': (p) => (p.data.objectives![0]!.deadline = '2028-03-31'),
	'S3.positioning': (p) => (p.data.segments = p.data.segments!.map((s) => ({ ...s, target: false }))),
	'S4.contribution': (p) => setVar(p, 'unit_cost', '5'),
	'S4.campaign-budget': (p) => (p.data.campaigns![0]!.cost = 250000),
	'S4.chain-channel': (p) => (p.sections.find((s) => s.kind === 'channel')!.text = '选择2家核心经销商。'),
	'S5.actions': (p) => (p.data.schedule = p.data.schedule!.filter((r) => r.section !== 'product')),
	'S6.rows': (p) => delete p.data.schedule![0]!.owner,
	'S6.year': (p) => (p.data.schedule![3]!.end = '2028-01-15'),
	'S6.deps': (p) => (p.data.schedule![4]!.start = '2027-02-20'),
	'S6.kpis': (p) => (p.data.kpis = []),
	'P1.acceptable': (p) => setVar(p, 'reference_price', '5.8'),
	'P2.channel': (p) => (p.data.priceChain![1]!.rate = 0.15),
	'P3.competitive': (p) => {
		p.data.competitors = [{ name: '竞品C', price: 9 }];
		p.sections.find((s) => s.kind === 'price')!.text = '零售价6元。';
	},
	'P4.profit': (p) => setVar(p, 'fixed_costs', '9000000'),
	'F1.breakeven': (p) => setVar(p, 'fixed_costs', '9000000'),
	'F2.safety': (p) => setVar(p, 'fixed_costs', '2700000'),
	'F3.budget-share': (p) => p.data.budget!.push({ name: '电视广告', category: 'promotion', kind: 'fixed', amount: 2000000 }),
	'F4.seasonality': (p) => (p.data.seasonality![0] = 0.2),
	'F5.dealer-weights': (p) => (p.data.dealers!.criteria[0]!.weight = 0.6)
};

describe('deep-marketing standard', () => {
	it('has every rule id of shared/standards/deep-marketing.md', () => {
		expect(deepMarketing.rules.map((r) => r.id).sort()).toEqual(Object.keys(FAILING).sort());
		expect(deepMarketing.thresholds).toEqual({ 'S4.campaign-budget': 0.01, 'P3.competitive': 0.2, 'F2.safety': 0.1, 'F3.budget-share': 0.3 });
	});

	it('pins the findings of the ARS example: no error, exactly the F5 weight warning', () => {
		const report = checkPlan(ars(), [deepMarketing]);
		expect(report.findings).toEqual([
			{
				rule: 'F5.dealer-weights',
				severity: 'warning',
				target: { data: 'dealers' },
				message: { en: 'Dealer criteria weights sum to 1.1, not 1.', 'zh-CN': '经销商评估权重合计为 1.1，不是1。' },
				hint: deepMarketing.rules.find((r) => r.id === 'F5.dealer-weights')!.hint
			}
		]);
		// 25 rules: 9 errors (weight 3) and 16 warnings; one warning fails.
		expect(report.score).toBeCloseTo((27 + 16 - 1) / 43, 12);
	});

	it('passes every rule on the fixed ARS plan', () => {
		const report = checkPlan(clean(), [deepMarketing]);
		expect(report.findings).toEqual([]);
		expect(report.score).toBe(1);
	});

	it.each(Object.entries(FAILING))('%s fails on its fixture, with a message and hint in both languages', (id, mutate) => {
		const plan = clean();
		mutate(plan);
		const report = checkPlan(plan, [deepMarketing]);
		const own = report.findings.filter((f) => f.rule === id);
		expect(own.length, JSON.stringify(report.findings)).toBeGreaterThan(0);
		for (const f of own) {
			expect(f.message.en.length).toBeGreaterThan(5);
			expect(f.message['zh-CN'].length).toBeGreaterThan(3);
			expect(f.hint.en.length).toBeGreaterThan(5);
		}
		expect(report.rules.find((r) => r.id === id)?.passed).toBe(false);
	});

	it('reports a profit below target as a warning and a loss as an error', () => {
		const below = clean();
		setVar(below, 'target_profit', '5000000');
		expect(checkPlan(below, [deepMarketing]).findings.filter((f) => f.rule === 'P4.profit').map((f) => f.severity)).toEqual(['warning']);
		const loss = clean();
		setVar(loss, 'fixed_costs', '9000000');
		expect(checkPlan(loss, [deepMarketing]).findings.filter((f) => f.rule === 'P4.profit').map((f) => f.severity)).toEqual(['error']);
	});

	it('accepts a price far from competitors when the price section justifies it', () => {
		const plan = clean();
		FAILING['P3.competitive']!(plan);
		plan.sections.find((s) => s.kind === 'price')!.text = '高端定位，溢价销售。';
		expect(checkPlan(plan, [deepMarketing]).findings.filter((f) => f.rule === 'P3.competitive')).toEqual([]);
	});

	it('finds dependency loops and unknown dependencies', () => {
		const plan = clean();
		plan.data.schedule![0]!.dependsOn = ['t2'];
		plan.data.schedule![2]!.dependsOn = ['nope'];
		const messages = checkPlan(plan, [deepMarketing]).findings.filter((f) => f.rule === 'S6.deps').map((f) => f.message.en);
		expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('unknown row "nope"'), 'Rows t1, t2 depend on each other in a loop.']));
	});

	it('says why finance rules cannot run when inputs are missing', () => {
		const plan = clean();
		plan.variables = plan.variables.filter((v) => v.name !== 'unit_cost');
		const f1 = checkPlan(plan, [deepMarketing]).findings.find((f) => f.rule === 'F1.breakeven');
		expect(f1?.message.en).toContain('unit_cost');
	});
});
