import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addBudgetLine, appendParagraph } from '../../tests/integration/helpers/plan-edits';
import { docFromPlan } from '../../src/lib/collab/schema/plan-doc';
import { planRoots, WORKSHOP_OPEN_SECTIONS_KEY, type YRow } from '../../src/lib/collab/schema/roots';
import { createPlanFromTemplate } from '../../src/lib/domain/plan/index';
import { isWorkshopPlan, workshopViolation } from './workshop-guard';

/** The server's doc and a team member's replica, and the update a team edit makes. */
function setup(openKinds?: string[]) {
	const server = docFromPlan(createPlanFromTemplate('marketing-plan', {}));
	if (openKinds) planRoots(server).meta.set(WORKSHOP_OPEN_SECTIONS_KEY, openKinds);
	const team = new Y.Doc();
	Y.applyUpdate(team, Y.encodeStateAsUpdate(server));
	/** The update of one team edit, made on a fresh replica of the server's doc (as the server sees it). */
	const edit = (change: (doc: Y.Doc) => void): Uint8Array => {
		const replica = new Y.Doc();
		Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
		const before = Y.encodeStateVector(replica);
		change(replica);
		return Y.encodeStateAsUpdate(replica, before);
	};
	const index = (kind: string) => (planRoots(team).sections.toArray() as YRow[]).findIndex((s) => s.get('kind') === kind);
	return { server, edit, index };
}

describe('workshop guard', () => {
	it('applies only to workshop team plans', () => {
		expect(isWorkshopPlan(setup().server)).toBe(false);
		expect(isWorkshopPlan(setup(['price']).server)).toBe(true);
	});

	it('lets a team write in open sections and refuses the closed ones, text and data alike', () => {
		const { server, edit, index } = setup(['price', 'budget']);
		expect(workshopViolation(server, edit((d) => appendParagraph(d, index('price'), 'Price text')))).toBeNull();
		expect(workshopViolation(server, edit((d) => addBudgetLine(d, 'Fair', 100)))).toBeNull();
		expect(workshopViolation(server, edit((d) => appendParagraph(d, index('situation'), 'Sneaky')))).toMatch(/situation is not open/);
		expect(workshopViolation(server, edit((d) => planRoots(d).sections.delete(0, 1)))).toMatch(/is not open/);
	});

	it('refuses a team changing the workshop settings themselves', () => {
		const { server, edit } = setup(['price']);
		expect(workshopViolation(server, edit((d) => planRoots(d).meta.set(WORKSHOP_OPEN_SECTIONS_KEY, ['situation'])))).toMatch(/only the trainer/);
		expect(workshopViolation(server, edit((d) => planRoots(d).meta.set('title', 'Renamed')))).toBeNull();
	});
});
