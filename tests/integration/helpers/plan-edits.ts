/** Edits a test client makes to a plan's Y.Doc, through the collab schema (as the editor does). */
import * as Y from 'yjs';
import { readPlanFromDoc } from '../../../src/lib/collab/schema/plan-doc';
import { planRoots, rowMap, type YRow } from '../../../src/lib/collab/schema/roots';
import type { Plan } from '../../../src/lib/domain/plan/index';

/** Appends a paragraph to section `index`'s rich text. */
export function appendParagraph(doc: Y.Doc, index: number, text: string): void {
	const section = planRoots(doc).sections.get(index);
	const body = section.get('body') as Y.XmlFragment;
	doc.transact(() => {
		const paragraph = new Y.XmlElement('paragraph');
		body.push([paragraph]);
		const run = new Y.XmlText();
		paragraph.push([run]);
		run.insert(0, text);
	});
}

/** The budget rows (a Y.Array of Y.Map) of a plan made from the marketing-plan template. */
export function budgetRows(doc: Y.Doc): Y.Array<YRow> {
	return planRoots(doc).data.get('budget') as Y.Array<YRow>;
}

export function addBudgetLine(doc: Y.Doc, name: string, amount: number): void {
	budgetRows(doc).push([rowMap({ name, category: 'promotion', kind: 'fixed', amount })]);
}

/** The doc as a validated plan (throws with the validator's issues otherwise). */
export function planOf(doc: Y.Doc): Plan {
	const result = readPlanFromDoc(doc);
	if (!result.ok) throw new Error(`the doc is not a valid plan: ${JSON.stringify(result.errors)}`);
	return result.plan;
}
