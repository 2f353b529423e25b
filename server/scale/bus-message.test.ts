import { describe, expect, it } from 'vitest';
import { BadBusMessageError, decodeBusMessage, encodeBusMessage, type BusMessage } from './bus-message';

describe('bus messages', () => {
	it('round-trip every kind', () => {
		const messages: BusMessage[] = [
			{ kind: 'update', origin: 'p1', planId: 'plan-a', seq: 12345, update: new Uint8Array([1, 2, 3]) },
			{ kind: 'awareness', origin: 'p2', planId: '计划', update: new Uint8Array([9]) },
			{ kind: 'control', origin: 'p3', control: { action: 'close-token', token: 't', reason: 'revoked' } },
			{ kind: 'control', origin: 'p3', control: { action: 'reconnect-plans', planIds: ['a', 'b'], reason: 'locked' } },
			{ kind: 'control', origin: 'p3', control: { action: 'plan-deleted', planId: 'a' } }
		];
		for (const message of messages) expect(decodeBusMessage(encodeBusMessage(message))).toEqual(message);
	});

	it('refuses what does not decode', () => {
		const good = encodeBusMessage({ kind: 'update', origin: 'p', planId: 'x', seq: 1, update: new Uint8Array([1]) });
		expect(() => decodeBusMessage(good.slice(0, good.length - 1))).toThrow(BadBusMessageError);
		expect(() => decodeBusMessage(new Uint8Array([...good, 0]))).toThrow(/trailing/);
		expect(() => decodeBusMessage(new Uint8Array([7, 0]))).toThrow(/unknown bus message kind/);
		const control = encodeBusMessage({ kind: 'control', origin: 'p', control: { action: 'plan-deleted', planId: 'a' } });
		const forged = new TextDecoder().decode(control).replace('plan-deleted', 'plan-exploit');
		expect(() => decodeBusMessage(new TextEncoder().encode(forged))).toThrow(/unknown control message/);
	});
});
