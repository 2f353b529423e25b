/**
 * Comment threads in the doc's `comments` root (schema/roots.ts): a Y.Map per thread
 * { $id, target, resolved, resolvedBy?, resolvedAt?, messages: Y.Array<Y.Map { $id, author, at,
 * text }> }. A thread points at a section, a data-set row or a variable by its `$id`, so it stays
 * with its target when rows move or sections are renamed. Replies append to `messages`, so two
 * people answering at once both keep their reply. Comments are collaboration data of the doc, not
 * part of the plan file.
 */
import * as Y from 'yjs';
import { planRoots, rowId, rowMap, type YRow } from '../schema/roots.js';

export type CommentTarget =
	| { kind: 'section'; id: string }
	| { kind: 'row'; dataset: string; id: string }
	| { kind: 'variable'; id: string };

export interface CommentMessage {
	id: string;
	author: string;
	/** ISO time. */
	at: string;
	text: string;
}

export interface CommentThread {
	id: string;
	target: CommentTarget;
	resolved: boolean;
	resolvedBy?: string;
	resolvedAt?: string;
	messages: CommentMessage[];
}

/** Longest comment kept; a paste beyond it is cut, not refused, so nothing typed is silently lost. */
export const MAX_COMMENT_LENGTH = 5000;

/** A stable string for a target, to group and count threads. */
export function targetKey(target: CommentTarget): string {
	return target.kind === 'row' ? `row:${target.dataset}:${target.id}` : `${target.kind}:${target.id}`;
}

function isTarget(value: unknown): value is CommentTarget {
	if (typeof value !== 'object' || value === null) return false;
	const t = value as Record<string, unknown>;
	if (typeof t.id !== 'string') return false;
	return t.kind === 'section' || t.kind === 'variable' || (t.kind === 'row' && typeof t.dataset === 'string');
}

function messagesOf(thread: YRow): Y.Array<YRow> | null {
	const messages = thread.get('messages');
	return messages instanceof Y.Array ? (messages as Y.Array<YRow>) : null;
}

/** Every well-formed thread, in creation order; malformed entries (a bad peer) are skipped. */
export function readThreads(doc: Y.Doc): CommentThread[] {
	const threads: CommentThread[] = [];
	for (const item of planRoots(doc).comments.toArray()) {
		if (!(item instanceof Y.Map)) continue;
		const thread = item as YRow;
		const target = thread.get('target');
		if (!isTarget(target)) continue;
		const messages = (messagesOf(thread)?.toArray() ?? []).flatMap((m): CommentMessage[] => {
			const author = m.get('author');
			const at = m.get('at');
			const text = m.get('text');
			return typeof author === 'string' && typeof at === 'string' && typeof text === 'string' ? [{ id: rowId(m), author, at, text }] : [];
		});
		const resolvedBy = thread.get('resolvedBy');
		const resolvedAt = thread.get('resolvedAt');
		threads.push({
			id: rowId(thread),
			target,
			resolved: thread.get('resolved') === true,
			...(typeof resolvedBy === 'string' ? { resolvedBy } : {}),
			...(typeof resolvedAt === 'string' ? { resolvedAt } : {}),
			messages
		});
	}
	return threads;
}

function findThread(doc: Y.Doc, id: string): YRow | undefined {
	return (planRoots(doc).comments.toArray() as unknown[]).find((t): t is YRow => t instanceof Y.Map && rowId(t as YRow) === id);
}

function messageRow(message: { author: string; at: string; text: string }): YRow {
	return rowMap({ author: message.author, at: message.at, text: message.text.slice(0, MAX_COMMENT_LENGTH) });
}

/** Starts a thread on `target` with its first message; returns the thread id (null for empty text). */
export function startThread(doc: Y.Doc, target: CommentTarget, message: { author: string; at: string; text: string }): string | null {
	if (message.text.trim() === '') return null;
	const thread = rowMap({ target: { ...target }, resolved: false });
	doc.transact(() => {
		const messages = new Y.Array<YRow>();
		thread.set('messages', messages);
		messages.push([messageRow(message)]);
		planRoots(doc).comments.push([thread]);
	});
	return rowId(thread);
}

/** Appends a reply; a reply reopens a resolved thread, as people expect when they answer. */
export function replyToThread(doc: Y.Doc, threadId: string, message: { author: string; at: string; text: string }): boolean {
	const thread = findThread(doc, threadId);
	const messages = thread ? messagesOf(thread) : null;
	if (!thread || !messages || message.text.trim() === '') return false;
	doc.transact(() => {
		messages.push([messageRow(message)]);
		if (thread.get('resolved') === true) setResolvedIn(thread, false);
	});
	return true;
}

function setResolvedIn(thread: YRow, resolved: boolean, by?: { author: string; at: string }): void {
	thread.set('resolved', resolved);
	if (resolved && by) {
		thread.set('resolvedBy', by.author);
		thread.set('resolvedAt', by.at);
	} else {
		thread.delete('resolvedBy');
		thread.delete('resolvedAt');
	}
}

export function setThreadResolved(doc: Y.Doc, threadId: string, resolved: boolean, by: { author: string; at: string }): void {
	const thread = findThread(doc, threadId);
	if (thread && (thread.get('resolved') === true) !== resolved) doc.transact(() => setResolvedIn(thread, resolved, by));
}

/** Open (unresolved) threads per target key, for badges and the outline. */
export function openThreadCounts(threads: readonly CommentThread[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const t of threads) if (!t.resolved) counts.set(targetKey(t.target), (counts.get(targetKey(t.target)) ?? 0) + 1);
	return counts;
}
