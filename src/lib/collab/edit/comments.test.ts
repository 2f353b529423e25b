import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { planRoots } from '../schema/roots';
import { MAX_COMMENT_LENGTH, openThreadCounts, readThreads, replyToThread, setThreadResolved, startThread, targetKey } from './comments';

const at = '2027-03-01T10:00:00.000Z';
const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

describe('comment threads', () => {
	it('start, reply, resolve and reopen; counted per target while open', () => {
		const doc = new Y.Doc();
		const target = { kind: 'section' as const, id: 'sec-1' };
		const id = startThread(doc, target, { author: 'Ana', at, text: 'Where is the source of the market size?' }) as string;
		expect(startThread(doc, target, { author: 'Ana', at, text: '   ' })).toBeNull();
		replyToThread(doc, id, { author: 'Bo', at, text: 'Census 2026, added.' });
		expect(readThreads(doc)[0]?.messages.map((m) => m.author)).toEqual(['Ana', 'Bo']);
		expect(openThreadCounts(readThreads(doc)).get(targetKey(target))).toBe(1);

		setThreadResolved(doc, id, true, { author: 'Ana', at });
		expect(readThreads(doc)[0]).toMatchObject({ resolved: true, resolvedBy: 'Ana' });
		expect(openThreadCounts(readThreads(doc)).get(targetKey(target))).toBeUndefined();
		// A reply reopens it.
		replyToThread(doc, id, { author: 'Cy', at, text: 'Still 2025 in the table.' });
		expect(readThreads(doc)[0]?.resolved).toBe(false);
		expect(readThreads(doc)[0]?.resolvedBy).toBeUndefined();
	});

	it('keeps both replies when two people answer at once', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		const id = startThread(a, { kind: 'variable', id: 'v1' }, { author: 'Ana', at, text: 'Too high?' }) as string;
		sync(a, b);
		replyToThread(a, id, { author: 'Ana', at, text: 'I think so' });
		replyToThread(b, id, { author: 'Bo', at, text: 'No, see survey' });
		sync(a, b);
		sync(b, a);
		expect(readThreads(a)).toEqual(readThreads(b));
		expect(readThreads(a)[0]?.messages).toHaveLength(3);
	});

	it('cuts overlong text and skips malformed entries from a bad peer', () => {
		const doc = new Y.Doc();
		startThread(doc, { kind: 'row', dataset: 'budget', id: 'r1' }, { author: 'Ana', at, text: 'x'.repeat(MAX_COMMENT_LENGTH + 10) });
		planRoots(doc).comments.push([new Y.Map(), 'junk' as unknown as Y.Map<unknown>]);
		const threads = readThreads(doc);
		expect(threads).toHaveLength(1);
		expect(threads[0]?.messages[0]?.text).toHaveLength(MAX_COMMENT_LENGTH);
		expect(targetKey(threads[0]?.target ?? { kind: 'section', id: '' })).toBe('row:budget:r1');
	});
});
