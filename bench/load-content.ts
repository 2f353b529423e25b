/**
 * Grows a plan's Y.Doc to a target size with content shaped like a long-lived real plan, for the
 * load suite: every section gets pages of rich text (headings, paragraphs with bold, italic, links
 * and live `{variable}` references, bullet lists; one paragraph in four in Chinese), written the
 * way the editor stores it (collab/schema/rich-text.ts); then come editing history (words typed
 * over, leaving Yjs tombstones) and many budget rows, added until the encoded state reaches the
 * target. Seeded, so every run loads the same plan.
 */
import * as Y from 'yjs';
import { writeMarkdown } from '../src/lib/collab/schema/rich-text';
import { planRoots, rowMap } from '../src/lib/collab/schema/roots';
import { createPrng, type Prng } from './generate-plan';

export interface GrowthPlan {
	targetBytes: number;
	/** Budget rows written first; more are added at the end if the text falls short of the target. */
	budgetRows: number;
	/** Words replaced after the text is written, as people revising a text do. */
	revisions: number;
	seed: number;
}

export interface GrownPlan {
	stateBytes: number;
	sections: number;
	textChars: number;
	budgetRows: number;
	revisions: number;
}

const WORDS = (
	'market share channel dealer price margin volume launch season campaign budget brand awareness ' +
	'retention segment region growth forecast partner distribution premium entry competitor trial ' +
	'conversion loyalty promotion quarter target customer feedback service network pilot rollout'
).split(' ');
const CHINESE = '目标市场渠道价格促销预算品牌经销商季度增长客户服务竞争对手份额毛利销量试点推广计划'.split('');
const CATEGORIES = ['promotion', 'advertising', 'channel', 'staff', 'research', 'other'];
/** Room left for each revision when sizing the text (measured: ~40 bytes, split item + delete set). */
const BYTES_PER_REVISION = 40;

/**
 * Writes the content into `doc` (which a provider syncs) in batches, each its own transaction and
 * so its own update on the wire, and returns what it wrote.
 */
export function growPlan(doc: Y.Doc, plan: GrowthPlan): GrownPlan {
	const random = createPrng(plan.seed);
	const { sections, variables, data } = planRoots(doc);
	const names = variables.toArray().map((v) => String(v.get('name')));
	const budget = data.get('budget');
	if (!(budget instanceof Y.Array) || sections.length === 0) throw new Error('the plan needs sections and a budget');
	const rows = budget as Y.Array<Y.Map<unknown>>;
	let budgetRows = 0;
	const addRows = (count: number): void => {
		doc.transact(() => {
			for (let i = 0; i < count; i++) rows.push([budgetRow(random, budgetRows++)]);
		});
	};
	for (let left = plan.budgetRows; left > 0; left -= 50) addRows(Math.min(50, left));

	// Sections are sized one by one from the bytes still missing, so the text lands near the target
	// whatever the mix of Latin, Chinese and markup costs per character.
	const size = (): number => Y.encodeStateAsUpdate(doc).byteLength;
	let bytesPerChar = 1.5;
	let textChars = 0;
	const bodies = sections.toArray().map((s) => s.get('body')).filter((b) => b instanceof Y.XmlFragment);
	bodies.forEach((body, index) => {
		const before = size();
		const budgetBytes = (plan.targetBytes - plan.revisions * BYTES_PER_REVISION - before) / (bodies.length - index);
		const markdown = sectionMarkdown(random, Math.max(0, Math.round(budgetBytes / bytesPerChar)), names);
		doc.transact(() => writeMarkdown(body, markdown));
		textChars += markdown.length;
		bytesPerChar = (size() - before) / Math.max(1, markdown.length);
	});

	const runs = textRuns(bodies);
	for (let done = 0; done < plan.revisions; done += 100) {
		doc.transact(() => {
			for (let i = done; i < Math.min(plan.revisions, done + 100); i++) revise(random, pick(random, runs));
		});
	}
	while (size() < plan.targetBytes) addRows(25);
	return { stateBytes: size(), sections: bodies.length, textChars, budgetRows, revisions: plan.revisions };
}

function sectionMarkdown(random: Prng, chars: number, names: readonly string[]): string {
	const blocks: string[] = [];
	let length = 0;
	while (length < chars) {
		const roll = random();
		let block: string;
		if (blocks.length % 9 === 0) block = `${blocks.length === 0 ? '##' : '###'} ${capitalise(words(random, 3 + Math.floor(random() * 4)))}`;
		else if (roll < 0.15) block = Array.from({ length: 3 + Math.floor(random() * 4) }, () => `- ${sentence(random, 6, names)}`).join('\n');
		else if (roll < 0.4) block = chineseParagraph(random);
		else block = Array.from({ length: 3 + Math.floor(random() * 5) }, () => sentence(random, 10, names)).join(' ');
		blocks.push(block);
		length += block.length + 2;
	}
	return blocks.join('\n\n');
}

/** A sentence of about `size` to 2×`size` words, sometimes with a mark, a link or a reference. */
function sentence(random: Prng, size: number, names: readonly string[]): string {
	const parts = [capitalise(words(random, size + Math.floor(random() * size)))];
	const roll = random();
	if (roll < 0.12) parts.push(`**${words(random, 2)}**`);
	else if (roll < 0.2) parts.push(`*${words(random, 2)}*`);
	else if (roll < 0.24) parts.push(`[${words(random, 2)}](https://example.com/${pick(random, WORDS)})`);
	else if (roll < 0.3 && names.length > 0) parts.push(`is {${pick(random, names)}}`);
	return `${parts.join(' ')}.`;
}

function chineseParagraph(random: Prng): string {
	let text = '';
	const length = 60 + Math.floor(random() * 140);
	for (let i = 0; i < length; i++) text += i % 24 === 23 ? '。' : pick(random, CHINESE);
	return `${text}。`;
}

function words(random: Prng, count: number): string {
	return Array.from({ length: count }, () => pick(random, WORDS)).join(' ');
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function pick<T>(random: Prng, items: readonly T[]): T {
	return items[Math.floor(random() * items.length)] as T;
}

/** Every text run of the section bodies (paragraphs, headings, list items). */
function textRuns(bodies: readonly Y.XmlFragment[]): Y.XmlText[] {
	const runs: Y.XmlText[] = [];
	const walk = (node: Y.XmlFragment | Y.XmlElement): void => {
		for (const child of node.toArray()) {
			if (child instanceof Y.XmlText) runs.push(child);
			else if (child instanceof Y.XmlElement) walk(child);
		}
	};
	for (const body of bodies) walk(body);
	return runs;
}

/** Deletes a few characters somewhere in `run` and types a word in their place. */
function revise(random: Prng, run: Y.XmlText): void {
	if (run.length < 10) return;
	const at = Math.floor(random() * (run.length - 8));
	run.delete(at, 1 + Math.floor(random() * 6));
	run.insert(at, pick(random, WORDS));
}

function budgetRow(random: Prng, index: number): Y.Map<unknown> {
	return rowMap({
		name: `${capitalise(words(random, 2))} ${index + 1}`,
		category: pick(random, CATEGORIES),
		// Mostly fixed amounts; per-unit costs are money per unit sold, so much smaller.
		...(random() < 0.85 ? { kind: 'fixed', amount: Math.round(random() * 200) * 500 } : { kind: 'per_unit', amount: Math.round(random() * 40) / 10 }),
		month: 1 + Math.floor(random() * 12)
	});
}
