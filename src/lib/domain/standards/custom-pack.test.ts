import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../plan/parse.js';
import { exampleText } from '../../test-data/examples.js';
import { checkPlan } from './check.js';
import { parsePackText, resolvePack, resolvePlanStandards } from './custom-pack.js';

const ars = () => {
	const parsed = parsePlanText(exampleText('deep-marketing-ars'));
	if (!parsed.ok) throw new Error('invalid');
	return parsed.plan;
};

const ACME = `
id: acme-2027
title: { en: ACME 2027, zh-CN: ACME 2027 标准 }
extends: deep-marketing
thresholds:
  P3.competitive: 0.15
  F2.safety: 0.5
rules:
  - id: acme.margin
    severity: error
    assert: unit_contribution / net_price >= 0.35
    target: { section: price }
    message: { en: Contribution margin under 35 %, zh-CN: 边际贡献率低于35% }
    hint: { en: Raise the price, zh-CN: 提高价格 }
  - id: acme.sections
    severity: warning
    requireSections: [custom]
    message: { en: Missing section, zh-CN: 缺少部分 }
  - id: acme.data
    severity: info
    requireData: [kpis, funnel]
    message: { en: Missing data, zh-CN: 缺少数据 }
`;

describe('custom rule packs', () => {
	it('parses YAML, extends the built-in standard and overrides thresholds', () => {
		const parsed = parsePackText(ACME);
		if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
		const resolved = resolvePack(parsed.pack);
		if (!resolved.ok) throw new Error(resolved.errors.join('\n'));
		expect(resolved.pack.rules).toHaveLength(28);
		expect(resolved.pack.thresholds['P3.competitive']).toBe(0.15);
		const report = checkPlan(ars(), [resolved.pack]);
		expect(report.findings.map((f) => f.rule)).toEqual(['F2.safety', 'F5.dealer-weights', 'acme.sections']);
		expect(report.findings.find((f) => f.rule === 'acme.sections')?.target).toEqual({ section: 'custom' });
	});

	it('fails an assert rule with its own message and target', () => {
		const pack = parsePackText(ACME.replace('>= 0.35', '>= 0.5'));
		if (!pack.ok) throw new Error('invalid');
		const resolved = resolvePack(pack.pack);
		if (!resolved.ok) throw new Error('invalid');
		const f = checkPlan(ars(), [resolved.pack]).findings.find((x) => x.rule === 'acme.margin');
		expect(f).toMatchObject({ severity: 'error', target: { section: 'price' }, message: { en: 'Contribution margin under 35 %' } });
	});

	it('accepts JSON too', () => {
		const parsed = parsePackText(JSON.stringify({ id: 'j', title: { en: 'J', 'zh-CN': 'J' }, rules: [] }));
		expect(parsed.ok).toBe(true);
	});

	it.each([
		['id: x\ntitle: {en: a, zh-CN: b}\nrules:\n  - id: r1\n    severity: error\n    assert: import("fs")\n    message: {en: a, zh-CN: b}', 'rules[0] (r1).assert: function "import" is not allowed'],
		['id: x\ntitle: {en: a, zh-CN: b}\nrules:\n  - id: r1\n    severity: error\n    assert: "' + '('.repeat(5000) + '1' + ')'.repeat(5000) + '"\n    message: {en: a, zh-CN: b}', 'rules[0] (r1).assert: expression is'],
		['id: x\ntitle: {en: a, zh-CN: b}\nrules:\n  - id: r1\n    severity: fatal\n    assert: "1"\n    message: {en: a, zh-CN: b}', 'rules[0] (r1).severity'],
		['id: x\ntitle: {en: a, zh-CN: b}\nrules:\n  - id: r1\n    severity: error\n    message: {en: a, zh-CN: b}', 'rules[0] (r1): a rule needs exactly one of assert'],
		['id: x\ntitle: {en: a}\n', 'title.zh-CN'],
		['id: x\ntitle: {en: a, zh-CN: b}\ncolour: red\n', 'colour'],
		['id: x\ntitle: {en: a, zh-CN: b}\nrules:\n  - id: r1\n    severity: error\n    assert: "1"\n    message: {en: a, zh-CN: b}\n  - id: r1\n    severity: error\n    assert: "1"\n    message: {en: a, zh-CN: b}', 'rules[1] (r1).id: duplicate rule id'],
		['{ not yaml: [', '$: not valid YAML or JSON'],
		['a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]', '$:']
	])('refuses a broken pack clearly (%#)', (text, message) => {
		const parsed = parsePackText(text);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.errors[0]).toContain(message);
	});

	it('refuses unknown parents, threshold names and extends loops', () => {
		const a = parsePackText('id: a\ntitle: {en: a, zh-CN: a}\nextends: b');
		const b = parsePackText('id: b\ntitle: {en: b, zh-CN: b}\nextends: a');
		if (!a.ok || !b.ok) throw new Error('invalid');
		expect(resolvePack(a.pack)).toEqual({ ok: false, errors: ['extends: unknown standard "b"'] });
		expect(resolvePack(a.pack, [b.pack])).toMatchObject({ ok: false, errors: [expect.stringContaining('loop')] });
		const t = parsePackText('id: t\ntitle: {en: t, zh-CN: t}\nextends: deep-marketing\nthresholds: {S1.sections: 2}');
		if (!t.ok) throw new Error('invalid');
		expect(resolvePack(t.pack)).toEqual({ ok: false, errors: ['thresholds.S1.sections: no rule "S1.sections" with a threshold'] });
	});

	it('reports asserts over names the plan lacks as findings, not crashes', () => {
		const p = parsePackText('id: n\ntitle: {en: n, zh-CN: n}\nrules:\n  - id: n1\n    severity: warning\n    assert: nothing_here > 1\n    message: {en: m, zh-CN: m}');
		if (!p.ok) throw new Error('invalid');
		const r = resolvePack(p.pack);
		if (!r.ok) throw new Error('invalid');
		expect(checkPlan(ars(), [r.pack]).findings[0]?.message.en).toContain('nothing_here');
	});

	it('reports a hostile assert in a pack kept in the plan file (unchecked until now) instead of throwing', () => {
		const hostile = { id: 'evil', title: { en: 'E', 'zh-CN': 'E' }, rules: [{ id: 'evil.r', severity: 'error' as const, assert: 'import("fs")', message: { en: 'm', 'zh-CN': 'm' } }] };
		const plan = { ...ars(), packs: [hostile], meta: { ...ars().meta, standards: ['evil'] } };
		expect(resolvePlanStandards(plan)).toEqual({ ok: false, errors: ['packs (evil): rules[0] (evil.r).assert: function "import" is not allowed'] });
	});

	it('checks a plan against packs kept in the plan itself', () => {
		const parsed = parsePackText(ACME);
		if (!parsed.ok) throw new Error('invalid');
		const plan = { ...ars(), packs: [parsed.pack], meta: { ...ars().meta, standards: ['acme-2027'] } };
		const resolved = resolvePlanStandards(plan);
		if (!resolved.ok) throw new Error(resolved.errors[0]);
		expect(resolved.packs.map((p) => p.id)).toEqual(['acme-2027']);
		expect(checkPlan(plan, resolved.packs).findings.map((f) => f.rule)).toContain('acme.sections');
		expect(resolvePlanStandards({ ...plan, packs: [] })).toEqual({ ok: false, errors: ['meta.standards: unknown standard "acme-2027"'] });
		expect(resolvePlanStandards({ ...plan, meta: { ...plan.meta, standards: [] } })).toMatchObject({ ok: true, packs: [{ id: 'deep-marketing' }] });
	});
});
