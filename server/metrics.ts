/**
 * The server's Prometheus metrics, rendered as text exposition format 0.0.4 by `/metrics`. One
 * instance per server (passed in), so tests and several servers in one process never share counts.
 */

/** Why a WebSocket frame was refused (the `reason` label of planbook_frames_rejected_total). */
export type FrameRejectReason = 'malformed' | 'too-large' | 'rate-limited';

/** A server limit (config.ts), the `limit` label of planbook_limit_breaches_total. */
export type LimitName = 'frame-size' | 'doc-size' | 'connections-per-address' | 'messages-per-second' | 'loaded-docs' | 'awareness-rate';
const LIMIT_NAMES: readonly LimitName[] = ['frame-size', 'doc-size', 'connections-per-address', 'messages-per-second', 'loaded-docs', 'awareness-rate'];

/** Upper bounds (seconds) of the write-latency histogram: SQLite commits take 10 µs – 10 ms. */
const WRITE_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] as const;

export class ServerMetrics {
	#openConnections = 0;
	#loadedDocs = 0;
	#updatesReceived = 0;
	#updatesRejected = 0;
	#updatesStored = 0;
	readonly #framesRejected = new Map<FrameRejectReason, number>();
	readonly #limitBreaches = new Map<LimitName, number>();
	readonly #writeBuckets = WRITE_BUCKETS.map(() => 0);
	#writeCount = 0;
	#writeSum = 0;
	/** Scale-out: bus messages and catch-ups from the shared store (zero on one process). */
	#busPublished = 0;
	#busPublishFailed = 0;
	#busReceived = 0;
	#busConnected: boolean | undefined;
	#catchUps = 0;
	#catchUpUpdates = 0;

	connectionOpened(): void {
		this.#openConnections++;
	}

	connectionClosed(): void {
		this.#openConnections--;
	}

	docLoaded(): void {
		this.#loadedDocs++;
	}

	docUnloaded(): void {
		this.#loadedDocs--;
	}

	/** A sync update arrived from a client (whether or not it is then stored). */
	updateReceived(): void {
		this.#updatesReceived++;
	}

	/** An update was dropped: a viewer's, or one that did not decode. */
	updateRejected(): void {
		this.#updatesRejected++;
	}

	frameRejected(reason: FrameRejectReason): void {
		this.#framesRejected.set(reason, (this.#framesRejected.get(reason) ?? 0) + 1);
	}

	/** A connection hit `limit` (and was closed, refused or, for presence, throttled). */
	limitBreached(limit: LimitName): void {
		this.#limitBreaches.set(limit, (this.#limitBreaches.get(limit) ?? 0) + 1);
	}

	/** One durable write of an update took `seconds`. */
	updateStored(seconds: number): void {
		this.#updatesStored++;
		this.#writeCount++;
		this.#writeSum += seconds;
		WRITE_BUCKETS.forEach((bound, index) => {
			if (seconds <= bound) this.#writeBuckets[index] = (this.#writeBuckets[index] ?? 0) + 1;
		});
	}

	busPublished(): void {
		this.#busPublished++;
	}

	busPublishFailed(): void {
		this.#busPublishFailed++;
	}

	busReceived(): void {
		this.#busReceived++;
	}

	busConnected(connected: boolean): void {
		this.#busConnected = connected;
	}

	/** A loaded plan read `updates` updates it had missed from the shared store. */
	caughtUp(updates: number): void {
		this.#catchUps++;
		this.#catchUpUpdates += updates;
	}

	get openConnections(): number {
		return this.#openConnections;
	}

	get loadedDocs(): number {
		return this.#loadedDocs;
	}

	/** The Prometheus text exposition of every metric. */
	render(): string {
		const out: string[] = [];
		const metric = (name: string, type: string, help: string, samples: string[]): void => {
			out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...samples);
		};
		metric('planbook_open_connections', 'gauge', 'Open WebSocket connections.', [
			`planbook_open_connections ${this.#openConnections}`
		]);
		metric('planbook_loaded_docs', 'gauge', 'Plans loaded in memory.', [`planbook_loaded_docs ${this.#loadedDocs}`]);
		metric('planbook_updates_received_total', 'counter', 'Sync updates received from clients.', [
			`planbook_updates_received_total ${this.#updatesReceived}`
		]);
		metric('planbook_updates_rejected_total', 'counter', 'Sync updates dropped (viewer or undecodable).', [
			`planbook_updates_rejected_total ${this.#updatesRejected}`
		]);
		metric('planbook_updates_stored_total', 'counter', 'Sync updates durably stored.', [
			`planbook_updates_stored_total ${this.#updatesStored}`
		]);
		const reasons: FrameRejectReason[] = ['malformed', 'too-large', 'rate-limited'];
		metric(
			'planbook_frames_rejected_total',
			'counter',
			'WebSocket frames that closed their connection, by reason.',
			reasons.map((reason) => `planbook_frames_rejected_total{reason="${reason}"} ${this.#framesRejected.get(reason) ?? 0}`)
		);
		metric(
			'planbook_limit_breaches_total',
			'counter',
			'Connections that hit a server limit, by limit.',
			LIMIT_NAMES.map((limit) => `planbook_limit_breaches_total{limit="${limit}"} ${this.#limitBreaches.get(limit) ?? 0}`)
		);
		const buckets = WRITE_BUCKETS.map(
			(bound, index) => `planbook_persist_write_seconds_bucket{le="${bound}"} ${this.#writeBuckets[index] ?? 0}`
		);
		metric('planbook_persist_write_seconds', 'histogram', 'Time to store one update durably.', [
			...buckets,
			`planbook_persist_write_seconds_bucket{le="+Inf"} ${this.#writeCount}`,
			`planbook_persist_write_seconds_sum ${this.#writeSum}`,
			`planbook_persist_write_seconds_count ${this.#writeCount}`
		]);
		if (this.#busConnected !== undefined) {
			metric('planbook_bus_connected', 'gauge', 'Whether the bus to the other processes (Redis) is connected.', [
				`planbook_bus_connected ${this.#busConnected ? 1 : 0}`
			]);
			metric('planbook_bus_messages_total', 'counter', 'Bus messages, by direction.', [
				`planbook_bus_messages_total{direction="published"} ${this.#busPublished}`,
				`planbook_bus_messages_total{direction="publish-failed"} ${this.#busPublishFailed}`,
				`planbook_bus_messages_total{direction="received"} ${this.#busReceived}`
			]);
			metric('planbook_catch_ups_total', 'counter', 'Reads of missed updates from the shared store.', [`planbook_catch_ups_total ${this.#catchUps}`]);
			metric('planbook_catch_up_updates_total', 'counter', 'Updates applied by catch-ups (missed on the bus).', [
				`planbook_catch_up_updates_total ${this.#catchUpUpdates}`
			]);
		}
		return `${out.join('\n')}\n`;
	}
}
