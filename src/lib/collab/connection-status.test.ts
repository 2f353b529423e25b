import { describe, expect, it } from 'vitest';
import {
	INITIAL_LINK_STATE,
	isTerminalClose,
	mergeStateVectors,
	reduceLink,
	statusOf,
	type LinkEvent,
	type LinkState
} from './connection-status';

function run(events: LinkEvent[], from: LinkState = INITIAL_LINK_STATE): LinkState {
	return events.reduce(reduceLink, from);
}

const kind = (events: LinkEvent[]): string => statusOf(run(events)).kind;

describe('connection status', () => {
	it('starts connecting, syncs, then is saved when everything is acknowledged', () => {
		expect(kind([])).toBe('connecting');
		expect(kind([{ type: 'attempt' }, { type: 'open' }])).toBe('syncing');
		expect(kind([{ type: 'open' }, { type: 'synced', synced: true }])).toBe('syncing');
		expect(kind([{ type: 'open' }, { type: 'synced', synced: true }, { type: 'saved', saved: true }])).toBe('saved');
	});

	it('an unacknowledged edit shows syncing until the server stores it', () => {
		const saved = run([{ type: 'open' }, { type: 'synced', synced: true }, { type: 'saved', saved: true }]);
		expect(statusOf(reduceLink(saved, { type: 'saved', saved: false })).kind).toBe('syncing');
	});

	it('a failed connection is offline and stays offline while retrying (no flicker)', () => {
		const offline = run([{ type: 'attempt' }, { type: 'close', code: 1006, reason: '' }]);
		expect(statusOf(offline).kind).toBe('offline');
		expect(statusOf(run([{ type: 'attempt' }, { type: 'close', code: 1006, reason: '' }, { type: 'attempt' }], offline)).kind).toBe(
			'offline'
		);
		expect(statusOf(reduceLink(offline, { type: 'open' })).kind).toBe('syncing');
	});

	it('a lost connection forgets that it was synced', () => {
		const state = run([{ type: 'open' }, { type: 'synced', synced: true }, { type: 'saved', saved: true }, { type: 'close', code: null, reason: '' }]);
		expect(statusOf(state).kind).toBe('offline');
		expect(state.synced).toBe(false);
		expect(statusOf(reduceLink(state, { type: 'open' })).kind).toBe('syncing');
	});

	it('the browser going offline and online', () => {
		const down = run([{ type: 'open' }, { type: 'network', online: false }]);
		expect(statusOf(down).kind).toBe('offline');
		expect(statusOf(reduceLink(down, { type: 'network', online: true })).kind).toBe('connecting');
	});

	it.each([4401, 4403, 4404, 4400, 4413, 4422])('close code %i is a refusal that nothing undoes', (code) => {
		const refused = run([{ type: 'open' }, { type: 'close', code, reason: 'no' }]);
		expect(statusOf(refused)).toEqual({ kind: 'refused', code, reason: 'no' });
		expect(statusOf(run([{ type: 'attempt' }, { type: 'open' }, { type: 'network', online: true }], refused)).kind).toBe('refused');
	});

	it('rate limiting, network errors and local closes are retried', () => {
		expect(isTerminalClose(4429)).toBe(false);
		expect(isTerminalClose(1006)).toBe(false);
		expect(isTerminalClose(4500)).toBe(false);
		expect(isTerminalClose(null)).toBe(false);
		expect(kind([{ type: 'open' }, { type: 'close', code: 4429, reason: '' }])).toBe('offline');
	});

	it('a busy server (1013) and rate limiting (4429) say why while retrying, until a connection syncs', () => {
		expect(isTerminalClose(1013)).toBe(false);
		const busy = run([{ type: 'open' }, { type: 'close', code: 1013, reason: 'the server has too many plans open' }]);
		expect(statusOf(busy)).toEqual({ kind: 'offline', retry: 'server-busy' });
		const retrying = run([{ type: 'attempt' }, { type: 'open' }, { type: 'close', code: 1013, reason: '' }], busy);
		expect(statusOf(retrying)).toEqual({ kind: 'offline', retry: 'server-busy' });
		expect(statusOf(run([{ type: 'open' }, { type: 'close', code: 4429, reason: '' }]))).toEqual({ kind: 'offline', retry: 'rate-limited' });
		// Back in: the reason is forgotten; a network loss later is plain offline.
		const back = run([{ type: 'attempt' }, { type: 'open' }, { type: 'synced', synced: true }], busy);
		expect(back.retry).toBeNull();
		expect(statusOf(run([{ type: 'close', code: 1006, reason: '' }], back))).toEqual({ kind: 'offline' });
		expect(statusOf(reduceLink(busy, { type: 'network', online: false }))).toEqual({ kind: 'offline' });
	});

	it('merges acknowledged state vectors by per-client maximum', () => {
		const merged = mergeStateVectors(new Map([[1, 5], [2, 9]]), new Map([[1, 7], [2, 3], [3, 1]]));
		expect([...merged].sort()).toEqual([[1, 7], [2, 9], [3, 1]]);
	});
});
