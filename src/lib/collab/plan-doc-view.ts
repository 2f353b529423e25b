/**
 * Reading and watching an open plan's Y.Doc for the session: the section list, the roots the
 * editors bind to, and the few structural edits the shell makes (title, adding a data set).
 * Text, table cells and variables are edited by the editor components on the Y types directly.
 */
import * as Y from 'yjs';
import { DATA_SET_NAMES, SECTION_KINDS } from '../domain/plan/sections';
import type { DataSetName, PlanData, SectionKind } from '../domain/plan/types';
import { writeDataSet } from './schema/datasets';
import { planRoots, rowId, rowMap, type YRow, type YRows } from './schema/roots';

export type { YRow, YRows };
export type YMap = Y.Map<unknown>;
export type YXmlFragment = Y.XmlFragment;

/** A new, empty plan document. */
export function createPlanDoc(): Y.Doc {
	return new Y.Doc();
}

/** One section as the shell renders it; the Y types are shared with the editor components. */
export interface SectionView {
	id: string;
	kind: SectionKind;
	title: string;
	body: Y.XmlFragment | null;
	blocks: YRows | null;
	/** Names of the section's `variable` blocks, in block order. */
	variableNames: readonly string[];
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((n, i) => n === b[i]);
}

/**
 * The sections in doc order. Views equal to one in `previous` are returned as that same object,
 * so the editors of unchanged sections keep their state when the list is rebuilt.
 */
export function readSections(doc: Y.Doc, previous: readonly SectionView[] = []): SectionView[] {
	const before = new Map(previous.map((s) => [s.id, s]));
	return (planRoots(doc).sections.toArray() as YRow[]).map((row, index) => {
		const kindRaw = row.get('kind');
		const kind: SectionKind = (SECTION_KINDS as readonly unknown[]).includes(kindRaw) ? (kindRaw as SectionKind) : 'custom';
		const title = row.get('title');
		const body = row.get('body');
		const blocks = row.get('blocks');
		const blockRows = blocks instanceof Y.Array ? (blocks.toArray() as YRow[]) : [];
		const view: SectionView = {
			id: rowId(row) || `section-${index}`,
			kind,
			title: typeof title === 'string' ? title : '',
			body: body instanceof Y.XmlFragment ? body : null,
			blocks: blocks instanceof Y.Array ? (blocks as YRows) : null,
			variableNames: blockRows
				.filter((b) => b.get('type') === 'variable' && typeof b.get('name') === 'string')
				.map((b) => b.get('name') as string)
		};
		const old = before.get(view.id);
		const same =
			old &&
			old.kind === view.kind &&
			old.title === view.title &&
			old.body === view.body &&
			old.blocks === view.blocks &&
			sameNames(old.variableNames, view.variableNames);
		return same ? old : view;
	});
}

/** The data sets present in the doc. */
export function presentDataSets(doc: Y.Doc): DataSetName[] {
	const data = planRoots(doc).data;
	return DATA_SET_NAMES.filter((name) => data.has(name));
}

export interface DocWatchers {
	/** Sections added, removed, retitled or their blocks changed (not their text). */
	onSections: () => void;
	onVariables: () => void;
	onData: () => void;
	onMeta: () => void;
}

/** Observes the roots; returns the function that stops observing. */
export function watchPlanDoc(doc: Y.Doc, watchers: DocWatchers): () => void {
	const r = planRoots(doc);
	const onSections = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
		// Paths below a section: [index, 'body', …] is text, which the shell does not render.
		if (events.some((e) => e.path[1] !== 'body')) watchers.onSections();
	};
	const onVariables = (): void => watchers.onVariables();
	const onData = (): void => watchers.onData();
	const onMeta = (): void => watchers.onMeta();
	r.sections.observeDeep(onSections);
	r.variables.observeDeep(onVariables);
	r.data.observeDeep(onData);
	r.meta.observe(onMeta);
	return () => {
		r.sections.unobserveDeep(onSections);
		r.variables.unobserveDeep(onVariables);
		r.data.unobserveDeep(onData);
		r.meta.unobserve(onMeta);
	};
}

/** Sets the plan's title (meta.title, a plain value: the last writer wins). */
export function setPlanTitle(doc: Y.Doc, title: string): void {
	const meta = planRoots(doc).meta;
	if (meta.get('title') !== title) meta.set('title', title);
}

/** The empty form of a data set; seasonality starts flat (1/12 each), which sums to 1. */
export function emptyDataSet(name: DataSetName): NonNullable<PlanData[DataSetName]> {
	switch (name) {
		case 'swot':
			return { strengths: [], weaknesses: [], opportunities: [], threats: [] };
		case 'dealers':
			return { criteria: [], rows: [] };
		case 'seasonality':
			return new Array<number>(12).fill(1 / 12);
		default:
			return [];
	}
}

/** Adds an empty data set unless the plan has it (two people adding at once keep one). */
export function addDataSet(doc: Y.Doc, name: DataSetName): void {
	const data = planRoots(doc).data;
	if (data.has(name)) return;
	doc.transact(() => writeDataSet(data, name, emptyDataSet(name)));
}

function sectionRow(doc: Y.Doc, sectionId: string): YRow | undefined {
	return (planRoots(doc).sections.toArray() as YRow[]).find((s) => rowId(s) === sectionId);
}

/** Shows variable `name` in a section (a `variable` block), unless it is shown there already. */
export function addVariableBlock(doc: Y.Doc, sectionId: string, name: string): void {
	const section = sectionRow(doc, sectionId);
	if (!section) return;
	doc.transact(() => {
		let blocks = section.get('blocks');
		if (!(blocks instanceof Y.Array)) {
			blocks = new Y.Array<YRow>();
			section.set('blocks', blocks);
		}
		const rows = blocks as YRows;
		if ((rows.toArray() as YRow[]).some((b) => b.get('type') === 'variable' && b.get('name') === name)) return;
		rows.push([rowMap({ type: 'variable', name })]);
	});
}

/** Follows a rename in a section's `variable` blocks. */
export function renameVariableBlock(doc: Y.Doc, sectionId: string, from: string, to: string): void {
	const blocks = sectionRow(doc, sectionId)?.get('blocks');
	if (!(blocks instanceof Y.Array)) return;
	doc.transact(() => {
		for (const block of blocks.toArray() as YRow[]) {
			if (block.get('type') === 'variable' && block.get('name') === from) block.set('name', to);
		}
	});
}

/** The roots the editor components bind to. */
export function editorRoots(doc: Y.Doc): { variables: YRows; data: YMap; meta: YMap } {
	const r = planRoots(doc);
	return { variables: r.variables, data: r.data, meta: r.meta };
}
