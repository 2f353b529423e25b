/**
 * The persistence adapter every storage backend implements (SQLite now, PostgreSQL for scale-out).
 * The collaboration core only ever sees opaque Yjs updates (bytes) and share tokens through this
 * interface; it knows nothing about tables, files or transactions (the Hocuspocus split).
 *
 * Invariants a backend must keep:
 * - `appendUpdate` resolves only once the update is durable (it survives a process crash): the
 *   server relays and acknowledges an update after that promise resolves, never before.
 * - `loadUpdates` returns the snapshot first, then every update stored after it, in append order.
 * - `compact` replaces the snapshot and deletes exactly the updates with `seq <= upToSeq`, in one
 *   transaction, so an update appended while the merged state was being built is never lost.
 */

/** An update was appended to a plan that does not exist (deleted meanwhile, or a wrong id). */
export class PlanNotFoundError extends Error {
	override readonly name = 'PlanNotFoundError';
	constructor(readonly planId: string) {
		super(`plan ${planId} does not exist`);
	}
}

export const ROLES = ['owner', 'editor', 'viewer'] as const;
/** What a share token allows: owners may also delete; viewers may read but never write. */
export type Role = (typeof ROLES)[number];

/** What a share token grants. */
export interface TokenGrant {
	planId: string;
	role: Role;
}

/** The stored description of a plan (not its content). Times are ISO 8601 strings in UTC. */
export interface PlanInfo {
	id: string;
	title: string;
	createdAt: string;
	updatedAt: string;
}

export interface NewPlan {
	id: string;
	title: string;
	/** One token per role; each must be unique across all plans. */
	tokens: Readonly<Record<Role, string>>;
	/** The plan's first state (a Yjs update of the doc built from the template or file). */
	initialUpdate: Uint8Array;
}

/** A plan's stored content: apply `updates` in order to an empty Y.Doc. */
export interface StoredUpdates {
	/** Snapshot (when there is one) followed by the updates appended after it. */
	updates: Uint8Array[];
	/** Sequence number of the last update included (0 when none): the `upToSeq` for `compact`. */
	lastSeq: number;
	/** How many of `updates` were appended after the snapshot (what compaction would merge). */
	appendedCount: number;
}

export interface CompactOptions {
	/** Also record the plan's current title (read from the doc by the caller). */
	title?: string;
}

/** A named copy of a plan's state (version history). Times are ISO 8601 strings in UTC. */
export interface VersionInfo {
	id: string;
	name: string;
	createdAt: string;
	/** Who saved it (a display name); empty for automatic daily versions. */
	createdBy: string;
	/** Made automatically on the first edit of a day, not by a person. */
	auto: boolean;
}

export interface NewVersion extends VersionInfo {
	/** The plan's whole state as one Yjs update. */
	state: Uint8Array;
}

/** A workshop: team plans grouped under a trainer's token (the plans themselves are ordinary). */
export interface Workshop {
	id: string;
	title: string;
	createdAt: string;
	/** Locked by the trainer: the teams' edit links only read until it is unlocked. */
	locked: boolean;
	teams: { name: string; planId: string; tokens: Readonly<Record<Role, string>> }[];
}

/** One stored update with its per-plan sequence number. */
export interface SequencedUpdate {
	seq: number;
	update: Uint8Array;
}

/** What a process that may have missed updates reads to catch up (see `SharedLogStore`). */
export interface UpdatesSince {
	/** The snapshot, when compaction merged updates after `afterSeq` into it (apply it first). */
	snapshot?: Uint8Array;
	/** The updates with seq > `afterSeq` still in the log, in seq order. */
	updates: SequencedUpdate[];
	/** The plan's last seq now (0 when it has none). */
	lastSeq: number;
}

export interface PlanStore {
	/** Stores a new plan with its tokens and first state, atomically. */
	createPlan(plan: NewPlan): Promise<void>;
	/** The grant of a token, or null for an unknown or revoked one. */
	findToken(token: string): Promise<TokenGrant | null>;
	planExists(id: string): Promise<boolean>;
	planInfo(id: string): Promise<PlanInfo | null>;
	loadUpdates(id: string): Promise<StoredUpdates>;
	/**
	 * Appends one update; resolves with its sequence number once it is durable. Rejects with
	 * PlanNotFoundError when the plan does not exist.
	 */
	appendUpdate(id: string, update: Uint8Array): Promise<number>;
	/**
	 * Makes `mergedState` the snapshot and deletes the updates with seq ≤ `upToSeq`. The caller
	 * guarantees `mergedState` contains the snapshot and every update up to `upToSeq`.
	 */
	compact(id: string, mergedState: Uint8Array, upToSeq: number, options?: CompactOptions): Promise<void>;
	/**
	 * Revokes the plan's live token for `role` and grants `newToken` instead, atomically; resolves
	 * with the revoked token (null when the plan does not exist: nothing changes then).
	 */
	rotateToken(planId: string, role: Role, newToken: string): Promise<string | null>;
	/** Records a workshop over already created team plans. */
	createWorkshop(workshop: Workshop, trainerToken: string): Promise<void>;
	/** The workshop a trainer token opens, or null. */
	findWorkshop(id: string, trainerToken: string): Promise<Workshop | null>;
	/** Locks or unlocks a workshop (trainer token); the workshop after, or null when not found. */
	setWorkshopLocked(id: string, trainerToken: string, locked: boolean): Promise<Workshop | null>;
	/** Whether the plan is a team plan of a locked workshop (its editor links then only read). */
	isPlanLocked(planId: string): Promise<boolean>;
	/** Stores a version; rejects with PlanNotFoundError when the plan does not exist. */
	createVersion(planId: string, version: NewVersion): Promise<void>;
	/** The plan's versions, newest first. */
	listVersions(planId: string): Promise<VersionInfo[]>;
	/** One version's state, or null when there is no such version of this plan. */
	loadVersion(planId: string, versionId: string): Promise<Uint8Array | null>;
	/** Deletes a plan's content and description; false when it did not exist. */
	deletePlan(id: string): Promise<boolean>;
	close(): Promise<void>;
}

/**
 * A store shared by several server processes (PostgreSQL). Beyond PlanStore it guarantees:
 * - each plan's seqs are 1, 2, 3, … with no gap, committed in that order, so a process that has
 *   applied every seq up to N knows exactly what it lacks;
 * - `compact` may be called by any process with its own doc's state: it merges that state with
 *   the stored snapshot and every stored update with seq ≤ upToSeq (which that doc may lack, the
 *   bus having dropped them), so no process's compaction loses another's writes.
 */
export interface SharedLogStore extends PlanStore {
	readonly shared: true;
	/** Updates after `afterSeq` (see UpdatesSince); PlanNotFoundError for an unknown plan. */
	updatesSince(planId: string, afterSeq: number): Promise<UpdatesSince>;
	/** The last seq of each of these plans (plans that do not exist are left out). */
	lastSeqs(planIds: readonly string[]): Promise<Map<string, number>>;
}

export function isSharedLogStore(store: PlanStore): store is SharedLogStore {
	return (store as Partial<SharedLogStore>).shared === true;
}
