import { describe, expect, it } from 'vitest';
import { readPeer, readPeers } from './presence';

describe('presence', () => {
	it('reads a peer leniently: bad colours fall back, long names are cut', () => {
		expect(readPeer(1, { user: { name: ' Ana ', color: '#b91c1c' }, section: 's1' })).toEqual({
			clientId: 1,
			name: 'Ana',
			color: '#b91c1c',
			section: 's1'
		});
		expect(readPeer(2, { user: { name: 'Bo', color: 'url(javascript:x)' } })?.color).toBe('#6b7280');
		expect(readPeer(3, { user: { name: 'x'.repeat(500), color: '#fff' } })?.name).toHaveLength(60);
		expect(readPeer(4, { user: { name: '' } })).toBeNull();
		expect(readPeer(5, null)).toBeNull();
		expect(readPeer(6, { cursor: {} })).toBeNull();
	});

	it('lists others once per person, sorted by name, without ourselves', () => {
		const states = new Map<number, unknown>([
			[10, { user: { name: 'Me', color: '#000' } }],
			[11, { user: { name: 'Zoe', color: '#111' }, section: null }],
			[12, { user: { name: 'Ana', color: '#222' }, section: null }],
			[13, { user: { name: 'Zoe', color: '#111' }, section: 'price' }]
		]);
		const peers = readPeers(states, 10);
		expect(peers.map((p) => [p.name, p.section])).toEqual([
			['Ana', null],
			['Zoe', 'price']
		]);
	});
});
