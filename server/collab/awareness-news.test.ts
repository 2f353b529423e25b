import * as awarenessProtocol from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { awarenessHasNews } from './awareness-news';
import { MalformedMessageError } from './messages';

describe('awarenessHasNews', () => {
	it('tells a new or removed state from an echo of what the server has', () => {
		const client = new awarenessProtocol.Awareness(new Y.Doc());
		const server = new awarenessProtocol.Awareness(new Y.Doc());
		server.setLocalState(null);
		client.setLocalStateField('user', { name: 'Ann' });
		const first = awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]);
		expect(awarenessHasNews(server, first)).toBe(true);
		awarenessProtocol.applyAwarenessUpdate(server, first, null);
		expect(awarenessHasNews(server, first)).toBe(false); // the echo
		client.setLocalStateField('cursor', 3);
		expect(awarenessHasNews(server, awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]))).toBe(true);
		awarenessProtocol.applyAwarenessUpdate(server, awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]), null);
		client.setLocalState(null);
		expect(awarenessHasNews(server, awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]))).toBe(true);
	});

	it('refuses what does not decode', () => {
		expect(() => awarenessHasNews(new awarenessProtocol.Awareness(new Y.Doc()), new Uint8Array([5, 1]))).toThrow(MalformedMessageError);
	});
});
