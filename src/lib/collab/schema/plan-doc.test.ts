import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../domain/plan/parse.js';
import { EXAMPLE_NAMES, exampleText } from '../../test-data/examples.js';
import { makePlan } from '../../test-data/factories.js';
import { planRoots, rowId, type YRow } from './roots.js';
import { docFromPlan, DocNotEmptyError, readPlanFromDoc, replacePlanInDoc, writePlanToDoc } from './plan-doc.js';
import { readThreads, startThread } from '../edit/comments.js';
import { readMarkdown, referencedNames, writeMarkdown } from './rich-text.js';

function example(name: string) {
	const parsed = parsePlanText(exampleText(name));
	if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
	return parsed.plan;
}

describe('plan ⇄ Y.Doc', () => {
	it.each(EXAMPLE_NAMES)('round-trips %s exactly', (name) => {
		const plan = example(name);
		const doc = docFromPlan(plan);
		const back = readPlanFromDoc(doc);
		expect(back).toEqual({ ok: true, plan });
		// And through an update, as a second client or the server would receive it.
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		expect(readPlanFromDoc(other)).toEqual({ ok: true, plan });
	});

	it('round-trips custom rule packs kept with the plan', () => {
		const pack = { id: 'acme', title: { en: 'A', 'zh-CN': 'A' }, rules: [{ id: 'a1', severity: 'warning' as const, assert: 'price < 100', message: { en: 'm', 'zh-CN': 'm' } }] };
		const plan = { ...example('breakeven-basic'), packs: [pack] };
		expect(readPlanFromDoc(docFromPlan(plan))).toEqual({ ok: true, plan });
	});

	it('refuses to write into a doc that already holds a plan', () => {
		const doc = docFromPlan(example('breakeven-basic'));
		expect(() => writePlanToDoc(doc, example('breakeven-basic'))).toThrow(DocNotEmptyError);
	});

	it('keeps dealer scores with their criterion when criteria are reordered or removed', () => {
		const doc = docFromPlan(example('deep-marketing-ars'));
		const dealers = planRoots(doc).data.get('dealers') as Y.Map<unknown>;
		const criteria = dealers.get('criteria') as Y.Array<YRow>;
		doc.transact(() => {
			const first = criteria.get(0).clone();
			criteria.delete(0, 1);
			criteria.delete(0, 1); // drop 信用 as well
			criteria.push([first]);
		});
		const back = readPlanFromDoc(doc);
		if (!back.ok) throw new Error(back.errors[0]?.message);
		expect(back.plan.data.dealers?.criteria.map((c) => c.name)).toEqual(['网络覆盖', '人员素质', '仓储配送', '实力规模']);
		// clone() copies the $id, so the moved criterion keeps its scores.
		expect(back.plan.data.dealers?.rows[0]?.scores).toEqual([2, 4, 3, 5]);
	});

	it('merges concurrent edits of different cells of one table without conflict', () => {
		const a = docFromPlan(example('deep-marketing-ars'));
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		const budgetOf = (d: Y.Doc) => planRoots(d).data.get('budget') as Y.Array<YRow>;
		budgetOf(a).get(0).set('amount', 111);
		budgetOf(b).get(0).set('name', 'renamed');
		budgetOf(b).get(1).set('amount', 222);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		for (const d of [a, b]) {
			const plan = readPlanFromDoc(d);
			if (!plan.ok) throw new Error('invalid');
			expect(plan.plan.data.budget?.slice(0, 2).map((r) => [r.name, r.amount])).toEqual([
				['renamed', 111],
				['618终端陈列竞赛', 222]
			]);
		}
		expect(rowId(budgetOf(a).get(0))).toBe(rowId(budgetOf(b).get(0)));
	});

	it('reports invalid doc content through the validator', () => {
		const doc = docFromPlan(makePlan({ variables: { price: '1' } }));
		(planRoots(doc).variables.get(0) as YRow).set('name', '1 bad name');
		const back = readPlanFromDoc(doc);
		expect(back.ok).toBe(false);
		if (!back.ok) expect(back.errors[0]?.path).toBe('variables[0].name');
	});
});

describe('section text as rich text', () => {
	const roundTrip = (md: string) => {
		const doc = new Y.Doc();
		const frag = doc.getXmlFragment('t');
		writeMarkdown(frag, md);
		return readMarkdown(frag);
	};

	it.each([
		'plain text',
		'5*3 and a_b stay as they are',
		'# Title\n\nSome **bold**, *italic*, `code` and [a link](https://example.com).',
		'## Sub\n\n- one\n- two **bold**\n\n1. first\n2. second',
		'> quoted\n> twice',
		'line one\nline two',
		'目标销量 {volume}，利润 {profit}。'
	])('round-trips %j', (md) => {
		expect(roundTrip(md)).toBe(md);
	});

	it('stores marks as y-prosemirror format attributes and references as varRef nodes', () => {
		const doc = new Y.Doc();
		const frag = doc.getXmlFragment('t');
		writeMarkdown(frag, 'a **b** {price}');
		const p = frag.get(0) as Y.XmlElement;
		expect(p.nodeName).toBe('paragraph');
		expect((p.get(0) as Y.XmlText).toDelta()).toEqual([{ insert: 'a ' }, { insert: 'b', attributes: { bold: {} } }, { insert: ' ' }]);
		expect((p.get(1) as Y.XmlElement).nodeName).toBe('varRef');
		expect(referencedNames(frag)).toEqual(['price']);
	});
});

describe('replacePlanInDoc', () => {
	it('replaces the plan for every peer in one change and keeps the comments', () => {
		const ars = parsePlanText(exampleText('deep-marketing-ars'));
		const basic = parsePlanText(exampleText('breakeven-basic'));
		if (!ars.ok || !basic.ok) throw new Error('invalid examples');
		const a = docFromPlan(ars.plan);
		startThread(a, { kind: 'section', id: 'x' }, { author: 'Ana', at: '2027-01-01T00:00:00.000Z', text: 'keep me' });
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		let updates = 0;
		b.on('update', () => updates++);
		a.on('update', (update: Uint8Array) => Y.applyUpdate(b, update));
		replacePlanInDoc(a, basic.plan);
		expect(updates).toBe(1);
		expect(readPlanFromDoc(b)).toEqual({ ok: true, plan: basic.plan });
		expect(readThreads(b)).toHaveLength(1);
	});
});
