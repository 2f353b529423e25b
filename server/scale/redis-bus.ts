/**
 * The DocBus on Redis pub/sub (ioredis): one channel per loaded plan (`<prefix>:plan:<id>`), so a
 * process only hears the plans it serves, and one control channel (`<prefix>:control`).
 *
 * Two connections, as Redis requires: a subscriber, which ioredis re-subscribes after a reconnect,
 * and a publisher with no offline queue, so that while Redis is down a publish fails at once
 * instead of piling up in memory (the other processes catch up from the store instead).
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../log';
import type { ServerMetrics } from '../metrics';
import { BadBusMessageError, decodeBusMessage, encodeBusMessage, type BusMessage, type ControlMessage } from './bus-message';
import type { DocBus, PlanBusListener } from './doc-bus';

/** How long the first connection may take before the process refuses to start. */
const CONNECT_TIMEOUT_MS = 5_000;

export interface RedisBusOptions {
	url: string;
	log: Logger;
	metrics?: ServerMetrics;
	/** Channel prefix (several planbook deployments on one Redis; tests). */
	prefix?: string;
}

/** Redis could not be reached when the process started. */
export class BusConnectError extends Error {
	override readonly name = 'BusConnectError';
}

export async function openRedisBus(options: RedisBusOptions): Promise<RedisBus> {
	const bus = new RedisBus(options);
	await bus.connect();
	return bus;
}

export class RedisBus implements DocBus {
	readonly processId = randomUUID();
	readonly #publisher: Redis;
	readonly #subscriber: Redis;
	readonly #prefix: string;
	readonly #log: Logger;
	readonly #metrics: ServerMetrics | undefined;
	readonly #plans = new Map<string, PlanBusListener>();
	readonly #controlListeners: ((control: ControlMessage) => void)[] = [];
	readonly #reconnectListeners: (() => void)[] = [];
	readonly #where: string;
	#connectedOnce = false;
	#down = false;
	#closed = false;

	constructor(options: RedisBusOptions) {
		this.#prefix = options.prefix ?? 'planbook';
		this.#log = options.log;
		this.#metrics = options.metrics;
		this.#where = describeRedisUrl(options.url);
		// Named, so an operator (or a test) can tell the processes' connections apart in CLIENT LIST.
		const name = (role: string): string => `${this.#prefix}:${role}:${this.processId}`;
		const common = { lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS, retryStrategy: (times: number) => Math.min(times * 100, 1_000) };
		this.#publisher = new Redis(options.url, { ...common, connectionName: name('pub'), enableOfflineQueue: false, maxRetriesPerRequest: 0 });
		this.#subscriber = new Redis(options.url, { ...common, connectionName: name('sub'), maxRetriesPerRequest: null });
		for (const client of [this.#publisher, this.#subscriber]) client.on('error', (error: Error) => this.#onError(error));
		this.#subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.#onMessage(channel, message));
		this.#subscriber.on('ready', () => this.#onReady());
		this.#subscriber.on('close', () => {
			if (this.#closed || !this.#connectedOnce) return;
			if (!this.#down) this.#log.warn('lost the connection to Redis; plans catch up from the database meanwhile', { redis: this.#where });
			this.#down = true;
			this.#metrics?.busConnected(false);
		});
	}

	/** Connects both clients and subscribes to the control channel; BusConnectError on failure. */
	async connect(): Promise<void> {
		try {
			await Promise.all([this.#publisher.connect(), this.#subscriber.connect()]);
			await this.#subscriber.subscribe(this.#controlChannel());
		} catch (error) {
			this.#closed = true;
			this.#publisher.disconnect();
			this.#subscriber.disconnect();
			throw new BusConnectError(`cannot connect to Redis at ${this.#where}: ${error instanceof Error ? error.message : String(error)}`);
		}
	}

	publishUpdate(planId: string, seq: number, update: Uint8Array): void {
		this.#publish(this.#planChannel(planId), { kind: 'update', origin: this.processId, planId, seq, update });
	}

	publishAwareness(planId: string, update: Uint8Array): void {
		this.#publish(this.#planChannel(planId), { kind: 'awareness', origin: this.processId, planId, update });
	}

	publishControl(control: ControlMessage): void {
		this.#publish(this.#controlChannel(), { kind: 'control', origin: this.processId, control });
	}

	subscribePlan(planId: string, listener: PlanBusListener): void {
		const subscribed = this.#plans.has(planId);
		this.#plans.set(planId, listener);
		if (subscribed) return;
		this.#subscriber.subscribe(this.#planChannel(planId)).catch((error: unknown) => this.#onError(error));
	}

	unsubscribePlan(planId: string): void {
		if (!this.#plans.delete(planId)) return;
		this.#subscriber.unsubscribe(this.#planChannel(planId)).catch((error: unknown) => this.#onError(error));
	}

	onControl(listener: (control: ControlMessage) => void): void {
		this.#controlListeners.push(listener);
	}

	onReconnect(listener: () => void): void {
		this.#reconnectListeners.push(listener);
	}

	async close(): Promise<void> {
		if (this.#closed) return;
		this.#closed = true;
		this.#plans.clear();
		// QUIT waits for Redis; while Redis is down it would wait for ever in the offline queue.
		await Promise.all(
			[this.#publisher, this.#subscriber].map(async (client) => {
				if (client.status !== 'ready') return client.disconnect();
				const quit = client.quit().then(() => undefined, () => client.disconnect());
				const timeout = new Promise<void>((resolve) => setTimeout(resolve, 1_000).unref());
				await Promise.race([quit, timeout]);
				client.disconnect();
			})
		);
	}

	#publish(channel: string, message: BusMessage): void {
		if (this.#closed) return;
		const bytes = encodeBusMessage(message);
		this.#publisher
			.publish(channel, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
			.then(() => this.#metrics?.busPublished())
			// Redis is down: the message is lost, which the receivers' catch-up from the store covers.
			.catch(() => this.#metrics?.busPublishFailed());
	}

	#onMessage(channel: Buffer, payload: Buffer): void {
		let message: BusMessage;
		try {
			message = decodeBusMessage(payload);
		} catch (error) {
			if (!(error instanceof BadBusMessageError)) throw error;
			this.#log.warn('dropped a bus message that does not decode', { channel: channel.toString(), reason: error.message });
			return;
		}
		if (message.origin === this.processId) return;
		this.#metrics?.busReceived();
		try {
			if (message.kind === 'control') {
				for (const listener of this.#controlListeners) listener(message.control);
				return;
			}
			const listener = this.#plans.get(message.planId);
			if (!listener) return; // unloaded meanwhile
			if (message.kind === 'update') listener.update(message.seq, message.update);
			else listener.awareness(message.update);
		} catch (error) {
			this.#log.error('handling a bus message failed', { channel: channel.toString() }, error);
		}
	}

	#onReady(): void {
		this.#metrics?.busConnected(true);
		if (!this.#connectedOnce) {
			this.#connectedOnce = true;
			return;
		}
		this.#down = false;
		this.#log.info('reconnected to Redis; loaded plans catch up from the database', { redis: this.#where });
		for (const listener of this.#reconnectListeners) listener();
	}

	#onError(error: unknown): void {
		// ioredis reports every failed reconnection attempt; the 'close' handler logs the outage once.
		if (this.#closed || this.#down || !this.#connectedOnce) return;
		this.#log.warn('Redis error', { redis: this.#where, reason: error instanceof Error ? error.message : String(error) });
	}

	#planChannel(planId: string): string {
		return `${this.#prefix}:plan:${planId}`;
	}

	#controlChannel(): string {
		return `${this.#prefix}:control`;
	}
}

/** host:port of a Redis URL, without credentials (for messages and logs). */
export function describeRedisUrl(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.hostname}:${parsed.port || '6379'}`;
	} catch {
		return 'an invalid URL';
	}
}
