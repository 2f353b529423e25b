/**
 * One open plan in the editor: its Y.Doc (document scope), stored in this browser so it opens and
 * edits offline (session scope), linked to the server with presence (presence scope), and the
 * live model computed from it. Created by the editor page, one per plan; nothing is global.
 *
 * Order of opening: local state first (instant, works offline), then the socket, then a check of
 * the token with the server in the background; a share link's token may open the socket before all
 * that (`preconnect`), so a first visit downloads the plan while IndexedDB opens. The doc is the
 * only truth: every getter here is derived from it and refreshed by doc observers.
 *
 * Work that a big plan makes slow and nobody waits for (the standards checks, storing the doc in
 * IndexedDB) runs when the page is idle, so it never sits between a plan arriving and its first paint.
 */
import type { Doc } from 'yjs';
import { PlanConnection, type Awareness } from '../collab/connection';
import type { EarlyPlanSocket } from '../collab/early-socket';
import type { ConnectionStatus } from '../collab/connection-status';
import { LocalDocPersistence, watchChanges } from '../collab/local-persistence';
import { readFinanceData, readPlanMeta, readVariableEntries, type PlanMetaView } from '../collab/model-inputs';
import {
	addDataSet,
	addVariableBlock,
	createPlanDoc,
	editorRoots,
	presentDataSets,
	readSections,
	renameVariableBlock,
	setPlanTitle,
	watchPlanDoc,
	type SectionView,
	type YMap,
	type YRows
} from '../collab/plan-doc-view';
import { addPack, readPacks, readStandardIds, removePack, setStandardIds } from '../collab/plan-standards';
import type { Peer, PresenceUser } from '../collab/presence';
import type { DataSetName, PlanParseResult } from '../domain/plan/types';
import { readPlanFromDoc, replacePlanInDoc } from '../collab/schema/plan-doc';
import { WORKSHOP_HINTS_KEY, WORKSHOP_LOCKED_KEY, WORKSHOP_OPEN_SECTIONS_KEY } from '../collab/schema/roots';
import type { PlanbookDb, PlanRecord, PlanRole } from '../storage/database';
import { dexieDocStore } from '../storage/doc-states';
import type { PendingUpdates } from '../storage/pending-updates';
import { addCollaborators, updatePlan } from '../storage/plan-records';
import { AnalysisState } from './analysis-state.svelte';
import { CommentsState } from './comments-state.svelte';
import { VersionsState } from './versions-state.svelte';
import { LiveModel } from './live-model.svelte';
import { PlanChecks, type IdleScheduler } from './plan-checks.svelte';
import { PlanStandardsState } from './plan-standards-state.svelte';
import type { PlansApi } from './plans-api';
import { resolvePlanAccess } from './plan-access';
import { shareLink } from './share-link';
import { forgetPlanLocally, stampPlanEdit, verifyPlanToken } from './session-records';
import type { PlanDisplay } from './plan-view';

/** Where the session is: opening, open, or why it cannot open. */
export type SessionPhase = 'opening' | 'open' | 'no-access' | 'link-refused' | 'not-found' | 'storage-failed';

export interface PlanSessionOptions {
	id: string;
	db: PlanbookDb;
	api: PlansApi;
	now: () => number;
	/** WebSocket endpoint, e.g. `webSocketBaseUrl(location)`. */
	wsUrl: string;
	user: PresenceUser;
	/** Used for the plan's display until its meta has arrived. */
	fallbackLocale: 'zh-CN' | 'en';
	outputLabel: (name: string) => string;
	/** The page's origin, for share links. */
	origin: string;
	/** Where edits go when the page is closing (localStorage); none in tests. */
	pending?: PendingUpdates;
	/**
	 * The socket the app's start hook opened for this plan's share link (collab/early-socket.ts):
	 * its doc, which may hold the plan already, becomes the session's, and `preconnect` takes the
	 * socket over.
	 */
	early?: EarlyPlanSocket | null;
}

/** How long idle-time work may wait for an idle moment before it runs anyway, in milliseconds. */
const IDLE_TIMEOUT_MS = 1_000;

/** requestIdleCallback where there is one (browsers), else the next task (Node tests). */
const whenIdle: IdleScheduler = (task) => {
	if (typeof requestIdleCallback === 'function') {
		const handle = requestIdleCallback(() => task(), { timeout: IDLE_TIMEOUT_MS });
		return () => cancelIdleCallback(handle);
	}
	const timer = setTimeout(task, 0);
	return () => clearTimeout(timer);
};

export class PlanSession {
	readonly id: string;
	readonly #options: PlanSessionOptions;
	readonly #doc: Doc;
	readonly #roots: { variables: YRows; data: YMap; meta: YMap };
	readonly #persistence: LocalDocPersistence;
	readonly live: LiveModel;
	/** Standard-compliance findings, re-run shortly after every change. */
	readonly checks: PlanChecks;
	readonly standards: PlanStandardsState;
	/** The simulation views' state; it follows the doc only while a view is attached. */
	readonly analysis: AnalysisState;
	/** Comment threads on sections, rows and variables, live. */
	readonly comments: CommentsState;
	readonly #stopComments: () => void;
	/** Saved versions of the plan: save, compare, view, restore. */
	readonly versions: VersionsState;
	#token: string | null = null;
	#stopChecks: (() => void) | null = null;
	/** Cancels the live model's first computation while it waits for an idle moment. */
	#stopLive: (() => void) | null = null;
	#connection: PlanConnection | null = null;
	/** The token the connection was opened with. */
	#connectedWith: string | null = null;
	/**
	 * True once `setUser` gave the user's name (the editor does when the stored name has loaded):
	 * presence is announced from then on, never a placeholder name.
	 */
	#userKnown = false;
	#stopWatching: (() => void) | null = null;
	#destroyed = false;

	#phase = $state<SessionPhase>('opening');
	#meta = $state.raw<PlanMetaView>({ title: '', locale: 'en', currency: 'CNY', year: 2027 });
	#lockedByTrainer = $state(false);
	#openSections = $state.raw<string[] | null>(null);
	#hints = $state.raw<Record<string, string>>({});
	/** The same object until locale, currency or year change: a retitle must not re-render editors. */
	#displayCache: PlanDisplay = { locale: 'en', currency: 'CNY', year: 2027 };
	#display = $derived.by((): PlanDisplay => {
		const { locale, currency, year } = this.#meta;
		const last = this.#displayCache;
		if (last.locale === locale && last.currency === currency && last.year === year) return last;
		return (this.#displayCache = { locale, currency, year });
	});
	#sections = $state.raw<SectionView[]>([]);
	#dataSets = $state.raw<DataSetName[]>([]);
	#status = $state.raw<ConnectionStatus>({ kind: 'connecting' });
	#peers = $state.raw<Peer[]>([]);
	#record = $state.raw<PlanRecord | null>(null);
	#role = $state<PlanRole>('viewer');
	#user = $state.raw<PresenceUser>({ name: '', color: '' });
	#awareness = $state.raw<Awareness | null>(null);

	constructor(options: PlanSessionOptions) {
		this.id = options.id;
		this.#options = options;
		this.#doc = options.early?.doc ?? createPlanDoc();
		this.#user = options.user;
		this.#meta = { ...this.#meta, locale: options.fallbackLocale };
		this.#roots = editorRoots(this.#doc);
		this.#persistence = new LocalDocPersistence({
			doc: this.#doc,
			id: options.id,
			store: dexieDocStore(options.db, options.now),
			pending: options.pending,
			whenIdle: (save) => void whenIdle(save),
			onSaved: () => void this.#stampEdit()
		});
		this.live = new LiveModel({
			entries: [],
			finance: { priceChain: [], budget: [], campaigns: [] },
			display: () => this.display,
			outputLabel: options.outputLabel
		});
		// Not plan-standards' watchPlanForChecks: it listens to 'update' (see watchChanges).
		this.#stopChecks = watchChanges(this.#doc, () => {
			this.checks.schedule();
			this.standards.refresh();
		});
		this.checks = new PlanChecks(() => readPlanFromDoc(this.#doc), whenIdle);
		this.analysis = new AnalysisState({
			doc: this.#doc,
			// One recompute per frame however many updates arrive (typing, a remote burst).
			schedule: (run) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : setTimeout(run, 0)),
			now: options.now,
			user: () => this.#user.name,
			editable: () => this.editable
		});
		this.comments = new CommentsState({ doc: this.#doc, now: options.now, user: () => this.#user.name, editable: () => this.editable });
		this.#stopComments = this.comments.attach();
		this.versions = new VersionsState({
			api: options.api,
			id: options.id,
			token: () => this.#token,
			user: () => this.#user.name,
			editable: () => this.editable,
			readPlan: () => this.readPlanFile(),
			restore: (plan) => this.editable && replacePlanInDoc(this.#doc, plan)
		});
		this.standards = new PlanStandardsState({
			ids: () => readStandardIds(this.#doc),
			packs: () => readPacks(this.#doc),
			setIds: (ids) => this.editable && setStandardIds(this.#doc, ids),
			add: (pack) => this.editable && addPack(this.#doc, pack),
			remove: (id) => this.editable && removePack(this.#doc, id)
		});
	}

	/**
	 * Opens the socket with a share link's token before `open` has read this browser's records:
	 * the plan (megabytes for a big one) then downloads while IndexedDB opens. `open` keeps this
	 * connection when it settles on the same token, and closes it when the link is refused or this
	 * browser holds a better token. The start hook's socket (`early` in the options) is taken over
	 * when it is the one the token asks for, else closed.
	 */
	preconnect(hashToken: string | null): void {
		const early = this.#options.early ?? null;
		if (!hashToken || this.#connection || this.#destroyed) {
			early?.close();
			return;
		}
		this.#connect(hashToken, this.#userKnown ? this.#user : null, early);
	}

	/** Opens the plan with the link's token (or the one this browser holds). */
	async open(hashToken: string | null): Promise<void> {
		const { db, api, id, now } = this.#options;
		// This browser's copy of the plan loads while the access is resolved: both wait for
		// IndexedDB, which is slow to open in a new profile. Without local state the plan still
		// opens from the server; it just won't open offline.
		const localLoaded = this.#persistence.load().catch(() => false);
		let access: Awaited<ReturnType<typeof resolvePlanAccess>>;
		try {
			access = await resolvePlanAccess({ db, api, id, hashToken, now });
		} catch {
			// IndexedDB refused (private window, full disk): there is nowhere to keep the token.
			this.#disconnect();
			this.#phase = 'storage-failed';
			return;
		}
		if (this.#destroyed) return;
		if (access.kind !== 'ok') {
			this.#disconnect();
			this.#phase = access.kind === 'refused' ? (access.reason === 'not-found' ? 'not-found' : 'link-refused') : 'no-access';
			return;
		}
		if (this.#connectedWith !== access.token) this.#disconnect();
		this.#record = access.record;
		this.#role = access.role;
		this.#token = access.token;
		await localLoaded;
		if (this.#destroyed) return;
		this.#stopWatching = watchPlanDoc(this.#doc, {
			onSections: () => this.#refreshSections(),
			// Until the first computation (below) there are no numbers to keep current.
			onVariables: () => {
				if (this.live.computed) this.live.setVariables(readVariableEntries(this.#roots.variables));
			},
			onData: () => {
				this.#dataSets = presentDataSets(this.#doc);
				if (this.live.computed) this.live.setFinanceData(readFinanceData(this.#roots.data));
			},
			onMeta: () => this.#refreshMeta()
		});
		this.#refreshAll();
		// The plan's numbers wait for the first idle moment after the plan is on screen: for a big
		// plan they cost ~50 ms (most of it mathjs building its functions on first use), and the
		// panels say "working out" meanwhile (LiveModel.computed).
		this.#stopLive = whenIdle(() => this.live.update(readVariableEntries(this.#roots.variables), readFinanceData(this.#roots.data)));
		// A full read of the plan: after the first paint (a warm open has the whole plan by now).
		this.checks.schedule();
		this.standards.refresh();
		if (!this.#connection) this.#connect(access.token, this.#userKnown ? this.#user : null);
		this.#phase = 'open';
		await updatePlan(db, id, { lastOpenedAt: now() }).catch(() => {});
		if (!access.verified) await this.#verify(access.token);
	}

	get phase(): SessionPhase {
		return this.#phase;
	}
	/** True once the doc holds a plan (from this browser or the server). */
	get hasContent(): boolean {
		return this.#sections.length > 0 || this.#meta.title !== '';
	}
	get title(): string {
		return this.#meta.title;
	}
	get display(): PlanDisplay {
		return this.#display;
	}
	get sections(): SectionView[] {
		return this.#sections;
	}
	get dataSets(): DataSetName[] {
		return this.#dataSets;
	}
	get variables(): YRows {
		return this.#roots.variables;
	}
	get data(): YMap {
		return this.#roots.data;
	}
	get status(): ConnectionStatus {
		return this.#status;
	}
	get peers(): Peer[] {
		return this.#peers;
	}
	get role(): PlanRole {
		return this.#role;
	}
	get editable(): boolean {
		return this.#role !== 'viewer' && this.#status.kind !== 'refused' && !this.lockedByTrainer;
	}
	/**
	 * A workshop's trainer locked the team plans: the server already refuses the team's writes, and
	 * the editor turns read-only (owners, i.e. the trainer, keep writing).
	 */
	get lockedByTrainer(): boolean {
		return this.#lockedByTrainer && this.#role !== 'owner';
	}
	/** Whether a section can be written now: editable, and open in the workshop's phase (if any). */
	sectionWritable(kind: string): boolean {
		return this.editable && (this.#role === 'owner' || this.#openSections === null || this.#openSections.includes(kind));
	}
	/** Whether the workshop's phase keeps this section closed for now. */
	sectionClosed(kind: string): boolean {
		return this.#role !== 'owner' && this.#openSections !== null && !this.#openSections.includes(kind);
	}
	/** The hint the trainer revealed for a section kind, if any. */
	hintFor(kind: string): string | null {
		return this.#hints[kind] ?? null;
	}
	get user(): PresenceUser {
		return this.#user;
	}
	get awareness(): Awareness | null {
		return this.#awareness;
	}

	/** Editor and viewer links, for the owner only (who alone holds those tokens). */
	get shareLinks(): { editor: string; viewer: string } | null {
		const tokens = this.#record?.tokens;
		if (this.#role !== 'owner' || !tokens?.editor || !tokens.viewer) return null;
		const { origin, id } = { origin: this.#options.origin, id: this.id };
		return { editor: shareLink(origin, id, tokens.editor), viewer: shareLink(origin, id, tokens.viewer) };
	}

	/** The plan as a plan file now (for export and print), or why the doc does not make one. */
	readPlanFile(): PlanParseResult {
		return readPlanFromDoc(this.#doc);
	}

	/** Calls `listener` after every change of the plan, local or remote; returns the unsubscribe. */
	onPlanChange(listener: () => void): () => void {
		this.#doc.on('update', listener);
		return () => this.#doc.off('update', listener);
	}

	/**
	 * Revokes the editor or viewer link (people holding it are disconnected) and keeps the new one;
	 * owner only. Resolves false when the server could not be reached or refused.
	 */
	async revokeShareLink(role: 'editor' | 'viewer'): Promise<boolean> {
		const record = this.#record;
		const owner = record?.tokens.owner;
		if (this.#role !== 'owner' || !record || !owner) return false;
		try {
			const token = await this.#options.api.rotateToken(this.id, owner, role);
			const tokens = { ...record.tokens, [role]: token };
			this.#record = { ...record, tokens };
			await updatePlan(this.#options.db, this.id, { tokens });
			return true;
		} catch {
			return false;
		}
	}

	setTitle(title: string): void {
		if (this.editable) setPlanTitle(this.#doc, title);
	}

	addDataSet(name: DataSetName): void {
		if (this.editable) addDataSet(this.#doc, name);
	}

	/** A variable added in a section is shown there from now on. */
	addVariableToSection(sectionId: string, name: string): void {
		if (this.editable) addVariableBlock(this.#doc, sectionId, name);
	}

	/** A variable renamed in a section stays shown there. */
	renameVariableInSection(sectionId: string, from: string, to: string): void {
		if (this.editable) renameVariableBlock(this.#doc, sectionId, from, to);
	}

	/** Tells the others which section this user is in (null when none). */
	focusSection(sectionId: string | null): void {
		this.#connection?.setSection(sectionId);
	}

	setUser(user: PresenceUser): void {
		this.#user = user;
		this.#userKnown = true;
		this.#connection?.setUser(user);
	}

	/** The browser's network went away or came back. */
	setNetwork(online: boolean): void {
		this.#connection?.setNetwork(online);
	}

	/** Forgets the plan on this device (after the server refused it as unknown). */
	async forget(): Promise<void> {
		await this.destroy();
		await forgetPlanLocally(this.#options.db, this.#options.pending, this.id);
	}

	/** Stores pending edits at once: the tab is being hidden or closed. */
	flushUrgently(): void {
		this.#persistence.flushUrgently();
	}

	async destroy(): Promise<void> {
		this.#destroyed = true;
		this.#stopWatching?.();
		this.#stopChecks?.();
		this.#stopLive?.();
		this.#stopComments();
		this.checks.destroy();
		this.#connection?.destroy();
		await this.#persistence.destroy();
		this.#doc.destroy();
	}

	/** `user` null: no presence until `setUser`. */
	#connect(token: string, user: PresenceUser | null, early: EarlyPlanSocket | null = null): void {
		const connection = new PlanConnection({
			doc: this.#doc,
			planId: this.id,
			token,
			url: this.#options.wsUrl,
			user,
			...(early ? { WebSocketPolyfill: early.webSocketClass(WebSocket) } : {})
		});
		this.#connection = connection;
		this.#connectedWith = token;
		this.#awareness = connection.awareness;
		this.#status = connection.status;
		connection.onStatus((status) => {
			this.#status = status;
		});
		connection.onPeers((peers) => {
			this.#peers = peers;
			void addCollaborators(this.#options.db, this.id, peers.map((p) => p.name)).catch(() => {});
		});
	}

	/** Closes a connection `open` does not keep (see `preconnect`). */
	#disconnect(): void {
		if (!this.#connection) return;
		this.#connection.destroy();
		this.#connection = null;
		this.#connectedWith = null;
		this.#awareness = null;
		this.#peers = [];
		this.#status = { kind: 'connecting' };
	}

	/** Learns the token's role from the server; no answer changes nothing. */
	async #verify(token: string): Promise<void> {
		const { db, api, now } = this.#options;
		const record = await verifyPlanToken({ db, api, id: this.id, token, now: now() });
		if (!record || this.#destroyed) return;
		this.#record = record;
		this.#role = record.role;
	}

	#refreshAll(): void {
		this.#refreshMeta();
		this.#refreshSections();
		this.#dataSets = presentDataSets(this.#doc);
	}

	#refreshSections(): void {
		this.#sections = readSections(this.#doc, this.#sections);
	}

	#refreshMeta(): void {
		this.#meta = readPlanMeta(this.#roots.meta, this.#meta);
		this.#lockedByTrainer = this.#roots.meta.get(WORKSHOP_LOCKED_KEY) === true;
		const open = this.#roots.meta.get(WORKSHOP_OPEN_SECTIONS_KEY);
		this.#openSections = Array.isArray(open) ? open.filter((k): k is string => typeof k === 'string') : null;
		const hints = this.#roots.meta.get(WORKSHOP_HINTS_KEY);
		this.#hints = typeof hints === 'object' && hints !== null && !Array.isArray(hints) ? Object.fromEntries(Object.entries(hints).filter(([, v]) => typeof v === 'string')) : {};
	}

	async #stampEdit(): Promise<void> {
		const { title, locale } = this.#meta;
		await stampPlanEdit(this.#options.db, this.id, { at: this.#options.now(), title, locale });
	}
}
