/** Session helpers that need no DOM: outline order, identity, share links, the REST client. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readSections } from '../collab/plan-doc-view';
import { docFromPlan } from '../collab/schema/plan-doc';
import { makePlan } from '../test-data/factories';
import { anchorOf, dataSetsOf, orderSections, outlineOf } from './plan-outline';
import { shareLink, tokenFromHash } from './share-link';
import { PlansApi, PlansApiError } from './plans-api';
import { cleanDisplayName, colorForName, generateName, initialsOf, USER_COLORS, wordList } from './user-identity';

const SECTIONS = ['budget', 'situation', 'custom', 'objectives', 'price', 'swot'] as const;

function sectionsDoc(): Y.Doc {
	return docFromPlan(makePlan({ sections: SECTIONS.map((kind) => ({ kind, title: kind, text: '', blocks: [] })) }));
}

describe('outline', () => {
	it('orders sections as the standard structure and puts variables after the objectives', () => {
		const sections = readSections(sectionsDoc());
		expect(orderSections(sections).map((s) => s.kind)).toEqual(['situation', 'swot', 'objectives', 'price', 'budget', 'custom']);
		expect(outlineOf(sections).map((e) => (e.type === 'section' ? e.section.kind : 'variables'))).toEqual([
			'situation',
			'swot',
			'objectives',
			'variables',
			'price',
			'budget',
			'custom'
		]);
		expect(outlineOf([]).map(anchorOf)).toEqual(['variables']);
	});

	it('places data sets in their home section, present or to be added', () => {
		const sections = readSections(sectionsDoc());
		const price = sections.find((s) => s.kind === 'price');
		if (!price) throw new Error('no price section');
		expect(dataSetsOf(price, ['competitors', 'budget'], true)).toEqual({ present: ['competitors'], missing: ['priceChain'] });
		expect(dataSetsOf(price, [], false)).toEqual({ present: [], missing: [] });
	});

	it('keeps unchanged section views identical when the list is re-read', () => {
		const doc = sectionsDoc();
		const before = readSections(doc);
		const sections = doc.getArray<Y.Map<unknown>>('sections');
		sections.get(1).set('title', 'Situation!');
		const after = readSections(doc, before);
		expect(after[0]).toBe(before[0]);
		expect(after[1]).not.toBe(before[1]);
		expect(after[1]?.title).toBe('Situation!');
	});
});

describe('identity', () => {
	it('derives a stable colour from the name', () => {
		expect(colorForName('Ana')).toBe(colorForName(' ana '));
		expect(USER_COLORS).toContain(colorForName('小王'));
		expect(new Set(['Ana', 'Bo', 'Cy', 'Di', 'Ed', 'Flo'].map(colorForName)).size).toBeGreaterThan(2);
	});

	it('generates friendly names with a seeded random source', () => {
		const random = () => 0.5;
		expect(generateName({ adjectives: wordList('Calm|Brave'), animals: wordList('Otter| Fox '), pattern: '{adjective} {animal}', random })).toBe(
			'Brave Fox'
		);
		expect(generateName({ adjectives: ['好奇'], animals: ['水獭'], pattern: '{adjective}的{animal}', random })).toBe('好奇的水獭');
	});

	it('initials and cleaned names', () => {
		expect(initialsOf('Curious Otter')).toBe('CO');
		expect(initialsOf('好奇的水獭')).toBe('好');
		expect(initialsOf('  ')).toBe('?');
		expect(cleanDisplayName('  Ana   Lee ')).toBe('Ana Lee');
		expect(cleanDisplayName('x'.repeat(99))).toHaveLength(40);
	});
});

describe('share links', () => {
	it('read the token from the fragment and build links', () => {
		expect(tokenFromHash('#token=abc')).toBe('abc');
		expect(tokenFromHash('token=a%2Bb')).toBe('a+b');
		expect(tokenFromHash('#section-1')).toBeNull();
		expect(tokenFromHash('')).toBeNull();
		expect(shareLink('https://plan.example', 'p1', 'a+b')).toBe('https://plan.example/p/p1#token=a%2Bb');
	});
});

describe('PlansApi', () => {
	function api(respond: (url: string, init?: RequestInit) => Response | Promise<Response>): PlansApi {
		return new PlansApi(async (url, init) => respond(url, init));
	}

	it('creates plans and sends the bearer token', async () => {
		const seen: { url: string; init?: RequestInit }[] = [];
		const client = api((url, init) => {
			seen.push({ url, init });
			return url.endsWith('/api/plans')
				? Response.json({ id: 'p1', tokens: { owner: 'o', editor: 'e', viewer: 'v' } }, { status: 201 })
				: Response.json({ id: 'p1', title: 'T', role: 'editor', createdAt: '2027-01-01T00:00:00Z', updatedAt: 5 });
		});
		expect(await client.createFromTemplate({ template: 'blank', locale: 'zh-CN' })).toEqual({
			id: 'p1',
			tokens: { owner: 'o', editor: 'e', viewer: 'v' }
		});
		expect(JSON.parse(String(seen[0]?.init?.body))).toEqual({ template: 'blank', locale: 'zh-CN' });
		const info = await client.info('p1', 'tok');
		expect(info).toEqual({ id: 'p1', title: 'T', role: 'editor', createdAt: Date.UTC(2027, 0, 1), updatedAt: 5 });
		expect((seen[1]?.init?.headers as Record<string, string>).Authorization).toBe('Bearer tok');
	});

	it('turns failures into named kinds', async () => {
		const failing = (status: number, body: unknown = { error: 'x' }) => api(() => Response.json(body, { status }));
		await expect(api(() => Promise.reject(new TypeError('fetch failed'))).info('p', 't')).rejects.toMatchObject({ kind: 'unreachable' });
		await expect(failing(401).info('p', 't')).rejects.toMatchObject({ kind: 'unauthorized' });
		await expect(failing(404).remove('p', 't')).rejects.toMatchObject({ kind: 'not-found' });
		await expect(failing(502).remove('p', 't')).rejects.toMatchObject({ kind: 'unreachable' });
		await expect(failing(500).remove('p', 't')).rejects.toMatchObject({ kind: 'server' });
		const invalid = failing(400, { error: 'invalid-plan', issues: [{ path: 'meta.title', message: 'expected a string' }] });
		const error = await invalid.createFromFile({}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(PlansApiError);
		expect((error as PlansApiError).issues).toEqual([{ path: 'meta.title', message: 'expected a string' }]);
	});
});
