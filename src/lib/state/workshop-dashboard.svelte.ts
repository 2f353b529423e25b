/**
 * The trainer's live view of a workshop: every team's plan followed over its own WebSocket (with
 * the owner's token: the trainer writes only the lock flag), summarised on each change (sections done,
 * standard score, profit, breakeven, margin of safety) with the time of the team's last edit.
 */
import * as Y from 'yjs';
import { PlanConnection } from '../collab/connection';
import type { PresenceUser } from '../collab/presence';
import { readPlanFromDoc } from '../collab/schema/plan-doc';
import { addPack, setStandardIds } from '../collab/plan-standards';
import { planRoots, WORKSHOP_HINTS_KEY, WORKSHOP_LOCKED_KEY, WORKSHOP_OPEN_SECTIONS_KEY } from '../collab/schema/roots';
import type { PackDefinition } from '../domain/standards/pack-schema';
import { summarizeTeam, type TeamSummary } from '../domain/model/team-summary';
import type { Plan } from '../domain/plan/types';
import type { PlansApi, WorkshopInfo } from './plans-api';

export interface TeamView {
	name: string;
	planId: string;
	editorToken: string;
	summary: TeamSummary | null;
	plan: Plan | null;
	/** Time of the last change received after the first sync (ms since epoch), or null. */
	lastActivity: number | null;
	connected: boolean;
}

export interface WorkshopDashboardOptions {
	api: PlansApi;
	id: string;
	token: string;
	wsUrl: string;
	now: () => number;
	/** How the trainer appears to the teams (presence). */
	user: PresenceUser;
	/** Recomputing waits this long after a burst of a team's edits. */
	debounceMs?: number;
}

export class WorkshopDashboard {
	readonly #o: WorkshopDashboardOptions;
	readonly #stops: (() => void)[] = [];
	readonly #docs: Y.Doc[] = [];
	#locked = $state(false);
	#openSections = $state<string[] | null>(null);
	#rubric = $state<string | null>(null);
	#busy = $state(false);
	#info = $state.raw<WorkshopInfo | null>(null);
	#teams = $state<TeamView[]>([]);
	#error = $state<string | null>(null);

	constructor(options: WorkshopDashboardOptions) {
		this.#o = options;
	}

	get info(): WorkshopInfo | null {
		return this.#info;
	}
	get teams(): TeamView[] {
		return this.#teams;
	}
	get error(): string | null {
		return this.#error;
	}
	get locked(): boolean {
		return this.#locked;
	}
	get busy(): boolean {
		return this.#busy;
	}

	/**
	 * Locks (or unlocks) every team plan: the server first (it refuses the teams' writes from then
	 * on), then a flag in each plan so the teams' editors show that the trainer locked it.
	 */
	/** Opens only these section kinds for writing (a workshop phase); null opens every section. */
	setOpenSections(kinds: readonly string[] | null): void {
		this.#openSections = kinds === null ? null : [...kinds];
		for (const doc of this.#docs) {
			const meta = planRoots(doc).meta;
			if (kinds === null) meta.delete(WORKSHOP_OPEN_SECTIONS_KEY);
			else meta.set(WORKSHOP_OPEN_SECTIONS_KEY, [...kinds]);
		}
	}

	/** Shows `text` as a hint in section `kind` of every team's plan (empty text takes it back). */
	revealHint(kind: string, text: string): void {
		for (const doc of this.#docs) {
			const meta = planRoots(doc).meta;
			const current = meta.get(WORKSHOP_HINTS_KEY);
			const hints = { ...(typeof current === 'object' && current !== null ? (current as Record<string, string>) : {}) };
			if (text.trim() === '') delete hints[kind];
			else hints[kind] = text.trim();
			meta.set(WORKSHOP_HINTS_KEY, hints);
		}
	}

	/** Scores every team against this standard: a custom pack is added to each plan, then chosen. */
	setRubric(rubric: { id: string; pack?: PackDefinition }): void {
		for (const doc of this.#docs) {
			if (rubric.pack) addPack(doc, rubric.pack);
			setStandardIds(doc, [rubric.id]);
		}
		this.#rubric = rubric.id;
	}

	get openSections(): string[] | null {
		return this.#openSections;
	}
	get rubric(): string | null {
		return this.#rubric;
	}

	async setLocked(locked: boolean): Promise<void> {
		this.#busy = true;
		try {
			const info = await this.#o.api.lockWorkshop(this.#o.id, this.#o.token, locked);
			this.#locked = info.locked;
			for (const doc of this.#docs) planRoots(doc).meta.set(WORKSHOP_LOCKED_KEY, info.locked);
		} catch (e) {
			this.#error = e instanceof Error ? e.message : String(e);
		} finally {
			this.#busy = false;
		}
	}

	async open(): Promise<void> {
		try {
			this.#info = await this.#o.api.workshop(this.#o.id, this.#o.token);
		} catch (e) {
			this.#error = e instanceof Error ? e.message : String(e);
			return;
		}
		this.#teams = this.#info.teams.map((t) => ({ name: t.name, planId: t.planId, editorToken: t.tokens.editor, summary: null, plan: null, lastActivity: null, connected: false }));
		this.#locked = this.#info.locked;
		// The owner's token: the trainer owns the team plans, and writes the lock flag into them.
		this.#info.teams.forEach((team, index) => this.#follow(index, team.planId, team.tokens.owner));
	}

	#follow(index: number, planId: string, token: string): void {
		const doc = new Y.Doc();
		this.#docs.push(doc);
		const connection = new PlanConnection({ doc, planId, token, url: this.#o.wsUrl, user: this.#o.user });
		let timer: ReturnType<typeof setTimeout> | undefined;
		let synced = false;
		const refresh = () => {
			const parsed = readPlanFromDoc(doc);
			const team = this.#teams[index];
			if (!team || !parsed.ok) return;
			team.plan = parsed.plan;
			team.summary = summarizeTeam(parsed.plan);
		};
		const onUpdate = () => {
			const team = this.#teams[index];
			if (team && synced) team.lastActivity = this.#o.now();
			clearTimeout(timer);
			timer = setTimeout(refresh, this.#o.debounceMs ?? 250);
		};
		doc.on('update', onUpdate);
		const stopStatus = connection.onStatus((status) => {
			const team = this.#teams[index];
			if (team) team.connected = status.kind === 'saved' || status.kind === 'syncing';
			// 'saved' for a reader means it holds everything the server has: the first sync is done.
			if (!synced && status.kind === 'saved') {
				synced = true;
				refresh();
			}
		});
		this.#stops.push(() => {
			clearTimeout(timer);
			stopStatus();
			doc.off('update', onUpdate);
			connection.destroy();
			doc.destroy();
		});
	}

	destroy(): void {
		for (const stop of this.#stops.splice(0)) stop();
	}
}
