/**
 * A PlanStore in memory: the same contract as the SQLite store, without durability. For tests of
 * the collaboration core (where `appendDelay` / `failAppends` let a test hold or break writes) and
 * for benchmarks that want to separate protocol cost from disk cost. Never used by `npm start`.
 */
import {
	PlanNotFoundError,
	type CompactOptions,
	type NewPlan,
	type NewVersion,
	type PlanInfo,
	type PlanStore,
	type StoredUpdates,
	type TokenGrant,
	type VersionInfo,
	type Workshop
} from './store';

interface MemoryPlan {
	info: PlanInfo;
	snapshot?: { state: Uint8Array; seq: number };
	updates: { seq: number; data: Uint8Array }[];
	versions: NewVersion[];
}

export class MemoryStore implements PlanStore {
	readonly #plans = new Map<string, MemoryPlan>();
	readonly #tokens = new Map<string, TokenGrant>();
	readonly #workshops = new Map<string, { workshop: Workshop; trainerToken: string }>();
	readonly #now: () => Date;
	#seq = 0;
	/** Awaited before each append is recorded (tests hold writes open with it). */
	appendGate: (planId: string, update: Uint8Array) => Promise<void> = async () => {};

	constructor(now: () => Date = () => new Date()) {
		this.#now = now;
	}

	async createPlan(plan: NewPlan): Promise<void> {
		// Same constraints as the SQLite tables: unique plan ids and unique tokens.
		if (this.#plans.has(plan.id)) throw new Error(`plan ${plan.id} exists`);
		for (const token of Object.values(plan.tokens)) if (this.#tokens.has(token)) throw new Error('duplicate token');
		const at = this.#now().toISOString();
		this.#plans.set(plan.id, {
			info: { id: plan.id, title: plan.title, createdAt: at, updatedAt: at },
			updates: [{ seq: ++this.#seq, data: plan.initialUpdate.slice() }],
			versions: []
		});
		for (const [role, token] of Object.entries(plan.tokens)) {
			this.#tokens.set(token, { planId: plan.id, role: role as TokenGrant['role'] });
		}
	}

	async findToken(token: string): Promise<TokenGrant | null> {
		return this.#tokens.get(token) ?? null;
	}

	async planExists(id: string): Promise<boolean> {
		return this.#plans.has(id);
	}

	async planInfo(id: string): Promise<PlanInfo | null> {
		const plan = this.#plans.get(id);
		return plan ? { ...plan.info } : null;
	}

	async loadUpdates(id: string): Promise<StoredUpdates> {
		const plan = this.#plans.get(id);
		if (!plan) return { updates: [], lastSeq: 0, appendedCount: 0 };
		const after = plan.updates.filter((u) => u.seq > (plan.snapshot?.seq ?? 0));
		return {
			updates: [...(plan.snapshot ? [plan.snapshot.state] : []), ...after.map((u) => u.data)],
			lastSeq: after.at(-1)?.seq ?? plan.snapshot?.seq ?? 0,
			appendedCount: after.length
		};
	}

	async appendUpdate(id: string, update: Uint8Array): Promise<number> {
		const data = update.slice();
		await this.appendGate(id, data);
		const plan = this.#plans.get(id);
		if (!plan) throw new PlanNotFoundError(id);
		const seq = ++this.#seq;
		plan.updates.push({ seq, data });
		plan.info.updatedAt = this.#now().toISOString();
		return seq;
	}

	async compact(id: string, mergedState: Uint8Array, upToSeq: number, options: CompactOptions = {}): Promise<void> {
		const plan = this.#plans.get(id);
		if (!plan || (plan.snapshot && plan.snapshot.seq > upToSeq)) return;
		plan.snapshot = { state: mergedState.slice(), seq: upToSeq };
		plan.updates = plan.updates.filter((u) => u.seq > upToSeq);
		if (options.title !== undefined) plan.info.title = options.title;
	}

	async rotateToken(planId: string, role: TokenGrant['role'], newToken: string): Promise<string | null> {
		if (!this.#plans.has(planId)) return null;
		let old = '';
		for (const [token, grant] of this.#tokens) {
			if (grant.planId === planId && grant.role === role) {
				old = token;
				this.#tokens.delete(token);
			}
		}
		this.#tokens.set(newToken, { planId, role });
		return old;
	}

	async createWorkshop(workshop: Workshop, trainerToken: string): Promise<void> {
		if (this.#workshops.has(workshop.id)) throw new Error(`workshop ${workshop.id} exists`);
		this.#workshops.set(workshop.id, { workshop: structuredClone(workshop), trainerToken });
	}

	async findWorkshop(id: string, trainerToken: string): Promise<Workshop | null> {
		const entry = this.#workshops.get(id);
		return entry && entry.trainerToken === trainerToken ? structuredClone(entry.workshop) : null;
	}

	async setWorkshopLocked(id: string, trainerToken: string, locked: boolean): Promise<Workshop | null> {
		const entry = this.#workshops.get(id);
		if (!entry || entry.trainerToken !== trainerToken) return null;
		entry.workshop.locked = locked;
		return structuredClone(entry.workshop);
	}

	async isPlanLocked(planId: string): Promise<boolean> {
		return [...this.#workshops.values()].some((e) => e.workshop.locked && e.workshop.teams.some((t) => t.planId === planId));
	}

	async createVersion(planId: string, version: NewVersion): Promise<void> {
		const plan = this.#plans.get(planId);
		if (!plan) throw new PlanNotFoundError(planId);
		plan.versions.push({ ...version, state: version.state.slice() });
	}

	async listVersions(planId: string): Promise<VersionInfo[]> {
		const versions = this.#plans.get(planId)?.versions ?? [];
		return versions.map(({ state: _state, ...info }) => info).reverse();
	}

	async loadVersion(planId: string, versionId: string): Promise<Uint8Array | null> {
		return this.#plans.get(planId)?.versions.find((v) => v.id === versionId)?.state.slice() ?? null;
	}

	async deletePlan(id: string): Promise<boolean> {
		return this.#plans.delete(id);
	}

	async close(): Promise<void> {}
}
