/**
 * One client socket on one plan, speaking y-websocket's protocol (see messages.ts):
 * - on open: our sync step 1 and the present awareness states;
 * - sync step 1 from the client: the missing part of the doc (step 2), then MESSAGE_SAVED with the
 *   stored state vector, so a client whose state is already stored becomes "saved" at once;
 * - sync step 2 / update: decoded, then handed to the shared doc (store → apply → relay → ack);
 *   a viewer's updates are dropped and logged, never stored or relayed;
 * - awareness: applied and relayed (viewers too), at most `awarenessPerSecond` (beyond: the
 *   latest is kept and applied when the rate allows, counted, the socket stays); query-awareness:
 *   all states.
 * Anything malformed closes this socket only (4400), with the reason logged; a flood closes it with
 * 4429, an over-long frame with 4413, an update that would make the plan too large with 4422. The
 * stored plan is never touched by a refused frame.
 */
import { EventEmitter } from 'node:events';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WebSocket, type RawData } from 'ws';
import { CLOSE, encodeSaved } from '../../src/lib/collab/protocol';
import type { ServerLimits } from '../config';
import type { Logger } from '../log';
import type { FrameRejectReason, LimitName, ServerMetrics } from '../metrics';
import { PlanNotFoundError, type Role } from '../persistence/store';
import { encodeAwareness, encodeSyncStep1, MalformedMessageError, parseClientMessage } from './messages';
import { UpdateApplyError, type DocPeer, type SharedDoc } from './shared-doc';
import type * as Y from 'yjs';
import { TokenBucket } from './token-bucket';
import { awarenessHasNews } from './awareness-news';
import { isWorkshopPlan, workshopViolation } from './workshop-guard';
import { addsNothing, decodeClientUpdate } from './update-check';
import { updateLimitsFor, type UpdateLimits } from './update-scan';

/** Standard close code for a server-side failure; y-websocket reconnects after it. */
const CLOSE_INTERNAL_ERROR = 1011;
/** Outgoing bytes a socket may have queued before we give up on it. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;
/** Throttled presence is logged once per socket per this interval, not once per message. */
const AWARENESS_THROTTLE_LOG_MS = 10_000;

export interface PlanConnectionOptions {
	socket: WebSocket;
	shared: SharedDoc;
	role: Role;
	/** The share token the socket was opened with (so revoking it can close the socket). */
	token?: string;
	limits: Pick<ServerLimits, 'maxFrameBytes' | 'messagesPerSecond' | 'messageBurst' | 'pingIntervalMs' | 'awarenessPerSecond' | 'awarenessBurst'>;
	metrics: ServerMetrics;
	log: Logger;
	/** Called once, when the socket has closed (for whatever reason). */
	onClose: (connection: PlanConnection) => void;
}

export class PlanConnection implements DocPeer {
	readonly #socket: WebSocket;
	readonly #shared: SharedDoc;
	readonly #role: Role;
	readonly #options: PlanConnectionOptions;
	readonly #bucket: TokenBucket;
	readonly #awarenessBucket: TokenBucket;
	readonly #updateLimits: UpdateLimits;
	/** Presence messages dropped since the last log line about them, and when that was. */
	#awarenessThrottledCount = 0;
	#awarenessThrottleLoggedAt = Number.NEGATIVE_INFINITY;
	/** The latest presence over the rate, applied when the rate allows (#deferAwareness). */
	#deferredAwareness: Uint8Array | undefined;
	#awarenessTimer: NodeJS.Timeout | undefined;
	#pingTimer?: NodeJS.Timeout;
	#alive = true;
	/** Set when we decided to close: later frames are ignored. */
	#closing = false;

	constructor(options: PlanConnectionOptions) {
		this.#options = options;
		this.#socket = options.socket;
		this.#shared = options.shared;
		this.#role = options.role;
		this.#bucket = new TokenBucket(options.limits.messagesPerSecond, options.limits.messageBurst);
		this.#awarenessBucket = new TokenBucket(options.limits.awarenessPerSecond, options.limits.awarenessBurst);
		this.#updateLimits = updateLimitsFor(options.limits.maxFrameBytes);
	}

	get planId(): string {
		return this.#shared.planId;
	}

	get token(): string | undefined {
		return this.#options.token;
	}

	/** Registers with the shared doc and starts the sync; call once, right after the upgrade. */
	start(): void {
		const socket = this.#socket;
		this.#options.metrics.connectionOpened();
		this.#shared.addPeer(this);
		socket.on('message', (data, isBinary) => this.#onMessage(data, isBinary));
		socket.on('pong', () => {
			this.#alive = true;
		});
		socket.on('error', (error) => this.#options.log.warn('socket error', { plan: this.planId, reason: error.message }));
		socket.once('close', () => this.#onClose());
		closeOverlongFramesWith4413(socket, () => this.#reject('too-large', CLOSE.tooLarge, 'frame too large', 'frame-size'));
		this.#pingTimer = setInterval(() => this.#ping(), this.#options.limits.pingIntervalMs);
		this.#pingTimer.unref();

		if (!this.#shared.isOpen) {
			// Deleted between the token check and now.
			this.close(CLOSE.unknownPlan, 'this plan was deleted');
			return;
		}
		this.send(encodeSyncStep1(this.#shared.doc));
		const states = [...this.#shared.awareness.getStates().keys()];
		if (states.length > 0) this.send(encodeAwareness(this.#shared.awareness, states));
	}

	send(frame: Uint8Array): void {
		if (this.#closing || this.#socket.readyState !== WebSocket.OPEN) return;
		if (this.#socket.bufferedAmount > MAX_BUFFERED_BYTES) {
			// A client that stopped reading would otherwise hold every relayed update in our memory;
			// cut it, and it resyncs by state vector when it comes back.
			this.#options.log.warn('cutting a socket that does not read', { plan: this.planId, buffered: this.#socket.bufferedAmount });
			this.#closing = true;
			this.#socket.terminate();
			return;
		}
		this.#socket.send(frame, (error) => {
			if (error) this.#socket.terminate(); // the peer is gone; 'close' cleans up
		});
	}

	close(code: number, reason: string): void {
		if (this.#closing) return;
		this.#closing = true;
		if (this.#socket.readyState === WebSocket.OPEN) this.#socket.close(code, closeReason(reason));
		else this.#socket.terminate();
	}

	#onMessage(data: RawData, isBinary: boolean): void {
		if (this.#closing) return;
		this.#alive = true;
		if (!this.#bucket.take()) return this.#reject('rate-limited', CLOSE.rateLimited, 'too many messages', 'messages-per-second');
		const frame = toBytes(data);
		// ws enforces maxPayload already; this guards fragmented messages and other configurations.
		if (frame.byteLength > this.#options.limits.maxFrameBytes) return this.#reject('too-large', CLOSE.tooLarge, 'frame too large', 'frame-size');
		if (!isBinary) return this.#reject('malformed', CLOSE.malformed, 'text frames are not part of the protocol');
		try {
			this.#handle(frame);
		} catch (error) {
			if (error instanceof MalformedMessageError) return this.#reject('malformed', CLOSE.malformed, error.message);
			// A bug of ours must cost one socket, never the process (this runs in a ws event handler).
			this.#options.log.error('handling a message failed', { plan: this.planId }, error);
			this.close(CLOSE_INTERNAL_ERROR, 'internal error');
		}
	}

	/** Throws MalformedMessageError for anything that does not decode. */
	#handle(frame: Uint8Array): void {
		const message = parseClientMessage(frame);
		const shared = this.#shared;
		switch (message.kind) {
			case 'sync-step-1':
				this.send(shared.syncStep2For(message.stateVector));
				this.send(encodeSaved(shared.stateVector()));
				return;
			case 'update':
				return this.#receiveUpdate(message.update);
			case 'awareness':
				// Echoes of relayed presence (every y-websocket client sends them) change nothing: skip them
				// before the rate limit, which is for what a client itself says.
				if (!awarenessHasNews(shared.awareness, message.update)) return;
				if (!this.#awarenessBucket.take()) return this.#deferAwareness(message.update);
				return this.#applyAwareness(message.update);
			case 'query-awareness': {
				const states = [...shared.awareness.getStates().keys()];
				if (states.length > 0) this.send(encodeAwareness(shared.awareness, states));
				return;
			}
		}
	}

	#receiveUpdate(update: Uint8Array): void {
		const { metrics, log } = this.#options;
		metrics.updateReceived();
		let decoded;
		try {
			decoded = decodeClientUpdate(update, this.#updateLimits);
		} catch (error) {
			metrics.updateRejected();
			throw error;
		}
		if (this.#role === 'viewer') {
			// Every client answers our sync step 1 with a (usually empty) update: only real edits count.
			if (addsNothing(this.#shared.doc, decoded)) return;
			metrics.updateRejected();
			log.warn('dropped an update from a viewer', { plan: this.planId, bytes: update.byteLength });
			return;
		}
		// A workshop team plan: the update may not touch closed sections or the trainer's settings.
		const check = this.#role === 'editor' ? (doc: Y.Doc) => (isWorkshopPlan(doc) ? workshopViolation(doc, update) : null) : undefined;
		this.#shared
			.submitUpdate(update, decoded, this, check)
			.then((result) => {
				if (result === 'refused' || result === 'too-large') metrics.updateRejected();
				if (result === 'too-large') this.#breach('doc-size', CLOSE.docTooLarge, 'the plan would exceed the largest size this server stores');
			})
			.catch((error: unknown) => this.#updateFailed(error));
	}

	#updateFailed(error: unknown): void {
		const { log, metrics } = this.#options;
		if (error instanceof UpdateApplyError) {
			metrics.updateRejected();
			this.#reject('malformed', CLOSE.malformed, error.message);
		} else if (error instanceof PlanNotFoundError) {
			this.close(CLOSE.unknownPlan, 'this plan was deleted');
		} else {
			// Nothing was applied or acknowledged; the client keeps the update and resends it.
			log.error('storing an update failed', { plan: this.planId }, error);
			this.close(CLOSE_INTERNAL_ERROR, 'the update could not be stored');
		}
	}

	#reject(reason: FrameRejectReason, code: number, message: string, limit?: LimitName): void {
		if (this.#closing) return;
		this.#options.metrics.frameRejected(reason);
		if (limit) this.#options.metrics.limitBreached(limit);
		this.#options.log.warn('closing a socket', { plan: this.planId, code, reason: message, limit });
		this.close(code, message);
	}

	/** A limit that is no frame's fault alone (the plan's size): logged, counted, socket closed. */
	#breach(limit: LimitName, code: number, message: string): void {
		if (this.#closing) return;
		this.#options.metrics.limitBreached(limit);
		this.#options.log.warn('closing a socket', { plan: this.planId, code, reason: message, limit });
		this.close(code, message);
	}

	/** Throws MalformedMessageError when the states do not decode. */
	#applyAwareness(update: Uint8Array): void {
		try {
			awarenessProtocol.applyAwarenessUpdate(this.#shared.awareness, update, this);
		} catch (error) {
			throw new MalformedMessageError(`awareness update does not decode (${error instanceof Error ? error.message : String(error)})`);
		}
	}

	/**
	 * Presence beyond the socket's rate is throttled, not refused (a cursor moved fast is no fault):
	 * only the latest such message is kept and applied once the rate allows, so the others see where
	 * the typist's caret ended up, never a stale one. Counted, logged once per interval per socket.
	 */
	#deferAwareness(update: Uint8Array): void {
		this.#deferredAwareness = update;
		this.#awarenessThrottled();
		if (this.#awarenessTimer) return;
		const retryMs = Math.ceil(1000 / Math.max(1, this.#options.limits.awarenessPerSecond));
		this.#awarenessTimer = setTimeout(() => {
			this.#awarenessTimer = undefined;
			const deferred = this.#deferredAwareness;
			this.#deferredAwareness = undefined;
			if (!deferred || this.#closing) return;
			if (!this.#awarenessBucket.take()) return this.#deferAwareness(deferred);
			try {
				this.#applyAwareness(deferred);
			} catch (error) {
				if (error instanceof MalformedMessageError) this.#reject('malformed', CLOSE.malformed, error.message);
				else throw error;
			}
		}, retryMs);
		this.#awarenessTimer.unref();
	}

	#awarenessThrottled(): void {
		const { metrics, log } = this.#options;
		metrics.limitBreached('awareness-rate');
		this.#awarenessThrottledCount++;
		const now = performance.now();
		if (now - this.#awarenessThrottleLoggedAt < AWARENESS_THROTTLE_LOG_MS) return;
		log.warn('throttling presence sent too fast', { plan: this.planId, throttled: this.#awarenessThrottledCount, limit: 'awareness-rate' });
		this.#awarenessThrottleLoggedAt = now;
		this.#awarenessThrottledCount = 0;
	}

	#ping(): void {
		if (!this.#alive) {
			this.#socket.terminate(); // missed the previous pong: the peer is gone
			return;
		}
		this.#alive = false;
		this.#socket.ping();
	}

	#onClose(): void {
		this.#closing = true;
		clearTimeout(this.#awarenessTimer);
		clearInterval(this.#pingTimer);
		this.#shared.removePeer(this);
		this.#options.metrics.connectionClosed();
		this.#options.onClose(this);
	}
}

/**
 * ws answers a frame over `maxPayload` with close code 1009, which y-websocket treats as transient
 * and retries forever with the same frame. Its socket learns of the error from the receiver's
 * 'error' event; a listener prepended there runs first and closes with 4413 (permanent), after
 * which ws's own close(1009) finds the socket closing and does nothing. Relies on ws 8's private
 * `_receiver`; without it, ws's 1009 stands.
 */
function closeOverlongFramesWith4413(socket: WebSocket, onTooLarge: () => void): void {
	const receiver = (socket as unknown as { _receiver?: unknown })._receiver;
	if (!(receiver instanceof EventEmitter)) return;
	receiver.prependListener('error', (error: { code?: unknown }) => {
		if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') onTooLarge();
	});
}

/** A close reason fits in 123 bytes of UTF-8 (RFC 6455 §5.5). */
export function closeReason(text: string): string {
	let reason = text;
	while (Buffer.byteLength(reason) > 123) reason = reason.slice(0, -1);
	return reason;
}

function toBytes(data: RawData): Uint8Array {
	if (Array.isArray(data)) return Buffer.concat(data);
	if (data instanceof ArrayBuffer) return new Uint8Array(data);
	return data;
}
