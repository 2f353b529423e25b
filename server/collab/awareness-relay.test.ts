/** Presence is relayed coalesced: one frame per interval, latest states, first change at once. */
import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { AwarenessRelay } from './awareness-relay';

let clockMs = 0;
let frames: Uint8Array[] = [];
let server: awarenessProtocol.Awareness;
let relay: AwarenessRelay;

beforeEach(() => {
	vi.useFakeTimers();
	clockMs = 1_000;
	frames = [];
	server = new awarenessProtocol.Awareness(new Y.Doc());
	server.setLocalState(null);
	relay = new AwarenessRelay({ awareness: server, broadcast: (frame) => frames.push(frame), intervalMs: 50, now: () => clockMs });
	server.on('update', ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>) => relay.add([...added, ...updated, ...removed]));
});

afterEach(() => {
	relay.destroy();
	server.destroy();
	vi.useRealTimers();
});

/** A client announcing `state` to the server, as a socket's awareness message would. */
function announce(client: awarenessProtocol.Awareness, state: Record<string, unknown>): void {
	client.setLocalState(state);
	awarenessProtocol.applyAwarenessUpdate(server, awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]), 'socket');
}

function advance(ms: number): void {
	clockMs += ms;
	vi.advanceTimersByTime(ms);
}

/** The states a frame carries, by client id (null: removed). */
function statesOf(frame: Uint8Array): Map<number, unknown> {
	const decoder = decoding.createDecoder(frame);
	expect(decoding.readVarUint(decoder)).toBe(1); // MESSAGE_AWARENESS
	const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
	const states = new Map<number, unknown>();
	const count = decoding.readVarUint(update);
	for (let index = 0; index < count; index++) {
		const client = decoding.readVarUint(update);
		decoding.readVarUint(update); // clock
		states.set(client, JSON.parse(decoding.readVarString(update)));
	}
	return states;
}

describe('AwarenessRelay', () => {
	it('relays the first change on the next turn of the event loop', () => {
		const alice = new awarenessProtocol.Awareness(new Y.Doc());
		announce(alice, { name: 'Alice' });
		expect(frames).toHaveLength(0);
		advance(0);
		expect(frames).toHaveLength(1);
		expect(statesOf(frames[0] ?? new Uint8Array())).toEqual(new Map([[alice.clientID, { name: 'Alice' }]]));
	});

	it('coalesces changes within an interval into one frame with the latest states', () => {
		const peers = Array.from({ length: 20 }, () => new awarenessProtocol.Awareness(new Y.Doc()));
		announce(peers[0] ?? server, { at: 0 });
		advance(0);
		expect(frames).toHaveLength(1);
		for (let round = 1; round <= 3; round++) for (const peer of peers) announce(peer, { at: round });
		advance(10);
		expect(frames).toHaveLength(1); // still within the interval of the first frame
		advance(40);
		expect(frames).toHaveLength(2);
		const states = statesOf(frames[1] ?? new Uint8Array());
		expect(states.size).toBe(20);
		for (const peer of peers) expect(states.get(peer.clientID)).toEqual({ at: 3 });
		advance(500);
		expect(frames).toHaveLength(2); // nothing changed since
	});

	it('relays a renewal unchanged (the sender’s keep-alive) and a removal as null', () => {
		const alice = new awarenessProtocol.Awareness(new Y.Doc());
		announce(alice, { name: 'Alice' });
		advance(100);
		announce(alice, { name: 'Alice' });
		advance(100);
		expect(frames).toHaveLength(2);
		awarenessProtocol.removeAwarenessStates(server, [alice.clientID], 'socket closed');
		advance(100);
		expect(frames).toHaveLength(3);
		expect(statesOf(frames[2] ?? new Uint8Array()).get(alice.clientID)).toBeNull();
	});

	it('sends nothing after destroy', () => {
		announce(new awarenessProtocol.Awareness(new Y.Doc()), { name: 'Bob' });
		relay.destroy();
		advance(1_000);
		expect(frames).toHaveLength(0);
	});
});
