/**
 * The Redis bus against a real Redis (skipped, with a message, when none is running): messages
 * reach the other processes and not their sender, only plans a process subscribed to, control
 * messages reach everyone, garbage on a channel is dropped, and an unreachable Redis is a clear
 * error at start.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../tests/integration/helpers/eventually';
import { redisAvailable, redisUrl } from '../../tests/integration/helpers/services';
import { collectingLogger, type LogEntry } from '../../tests/integration/helpers/server';
import { silentLogger } from '../log';
import type { ControlMessage } from './bus-message';
import { BusConnectError, openRedisBus, type RedisBus } from './redis-bus';

const available = await redisAvailable();
if (!available) console.warn(`redis-bus tests skipped: no Redis at ${redisUrl()} (set PLANBOOK_TEST_REDIS_URL to use another)`);

const buses: RedisBus[] = [];
afterEach(async () => {
	await Promise.all(buses.splice(0).map((bus) => bus.close()));
});

async function pair(logs: LogEntry[] = []): Promise<[RedisBus, RedisBus]> {
	const prefix = `planbook-bus-test-${randomUUID()}`;
	const a = await openRedisBus({ url: redisUrl(), log: collectingLogger(logs), prefix });
	const b = await openRedisBus({ url: redisUrl(), log: collectingLogger(logs), prefix });
	buses.push(a, b);
	return [a, b];
}

describe.skipIf(!available)('RedisBus', () => {
	it('delivers a plan’s updates and presence to the other processes that serve it, not to the sender', async () => {
		const [a, b] = await pair();
		const heardByA: number[] = [];
		const heardByB: { seq: number; bytes: number[] }[] = [];
		const presence: number[][] = [];
		a.subscribePlan('plan-1', { update: (seq) => heardByA.push(seq), awareness: () => {} });
		b.subscribePlan('plan-1', { update: (seq, update) => heardByB.push({ seq, bytes: [...update] }), awareness: (update) => presence.push([...update]) });
		b.subscribePlan('plan-2', { update: () => expect.fail('plan-2 hears nothing of plan-1'), awareness: () => {} });
		await new Promise((resolve) => setTimeout(resolve, 100)); // SUBSCRIBE is asynchronous
		a.publishUpdate('plan-1', 7, new Uint8Array([1, 2, 3]));
		a.publishAwareness('plan-1', new Uint8Array([9]));
		await eventually(() => expect(heardByB).toEqual([{ seq: 7, bytes: [1, 2, 3] }]));
		await eventually(() => expect(presence).toEqual([[9]]));
		expect(heardByA).toEqual([]);

		b.unsubscribePlan('plan-1');
		await new Promise((resolve) => setTimeout(resolve, 100));
		a.publishUpdate('plan-1', 8, new Uint8Array([4]));
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(heardByB).toHaveLength(1);
	});

	it('sends control messages to every other process', async () => {
		const [a, b] = await pair();
		const heard: ControlMessage[] = [];
		b.onControl((control) => heard.push(control));
		a.onControl(() => expect.fail('the sender does not hear itself'));
		a.publishControl({ action: 'close-token', token: 't', reason: 'revoked' });
		await eventually(() => expect(heard).toEqual([{ action: 'close-token', token: 't', reason: 'revoked' }]));
	});

	it('drops, and logs, a message on its channels that does not decode', async () => {
		const logs: LogEntry[] = [];
		const [a] = await pair(logs);
		const channel = await new Promise<string>((resolve) => {
			a.subscribePlan('plan-x', { update: () => expect.fail('garbage must not be applied'), awareness: () => {} });
			setTimeout(async () => {
				const redis = new Redis(redisUrl());
				const list = (await redis.pubsub('CHANNELS', '*plan-x')) as string[];
				redis.disconnect();
				resolve(list[0] as string);
			}, 100);
		});
		const redis = new Redis(redisUrl());
		await redis.publish(channel, Buffer.from([0xff, 0xff, 0xff]));
		redis.disconnect();
		await eventually(() => expect(logs.some((entry) => entry.message === 'dropped a bus message that does not decode')).toBe(true));
	});

	it('refuses to start, naming host and port, when Redis cannot be reached', async () => {
		const error = await openRedisBus({ url: 'redis://user:secret@127.0.0.1:1/', log: silentLogger() }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(BusConnectError);
		expect((error as Error).message).toMatch(/^cannot connect to Redis at 127\.0\.0\.1:1: /);
		expect((error as Error).message).not.toContain('secret');
	});
});
