/**
 * Comment threads of the open plan, live from the doc: per-target lists and open counts for the
 * badges and the outline, and the edits (start, reply, resolve, reopen) stamped with the user's
 * name and the time. Viewers read comments; the server refuses their writes, so the UI offers none.
 */
import type { Doc } from 'yjs';
import {
	openThreadCounts,
	readThreads,
	replyToThread,
	setThreadResolved,
	startThread,
	targetKey,
	type CommentTarget,
	type CommentThread
} from '../collab/edit/comments';
import { planRoots } from '../collab/schema/roots';

export interface CommentsStateOptions {
	doc: Doc;
	now: () => number;
	user: () => string;
	editable: () => boolean;
}

export class CommentsState {
	readonly #o: CommentsStateOptions;
	#threads = $state.raw<CommentThread[]>([]);
	#counts = $derived(openThreadCounts(this.#threads));

	constructor(options: CommentsStateOptions) {
		this.#o = options;
	}

	/** Follows the doc's comments until the returned function is called. */
	attach(): () => void {
		const comments = planRoots(this.#o.doc).comments;
		const refresh = () => (this.#threads = readThreads(this.#o.doc));
		comments.observeDeep(refresh);
		refresh();
		return () => comments.unobserveDeep(refresh);
	}

	get threads(): CommentThread[] {
		return this.#threads;
	}
	get editable(): boolean {
		return this.#o.editable();
	}

	threadsFor(target: CommentTarget): CommentThread[] {
		const key = targetKey(target);
		return this.#threads.filter((t) => targetKey(t.target) === key);
	}

	openCount(target: CommentTarget): number {
		return this.#counts.get(targetKey(target)) ?? 0;
	}

	/** Open threads on a section and on the rows of its data sets (the outline's count). */
	openCountInSection(section: { id: string; datasets: readonly string[] }): number {
		return this.#threads.filter((t) => {
			if (t.resolved) return false;
			const target = t.target;
			if (target.kind === 'section') return target.id === section.id;
			return target.kind === 'row' && section.datasets.includes(target.dataset);
		}).length;
	}

	/** Open threads on variables (the outline's variables entry). */
	get openOnVariables(): number {
		return this.#threads.filter((t) => !t.resolved && t.target.kind === 'variable').length;
	}

	start(target: CommentTarget, text: string): string | null {
		return this.editable ? startThread(this.#o.doc, target, this.#stamp(text)) : null;
	}

	reply(threadId: string, text: string): boolean {
		return this.editable && replyToThread(this.#o.doc, threadId, this.#stamp(text));
	}

	setResolved(threadId: string, resolved: boolean): void {
		if (this.editable) setThreadResolved(this.#o.doc, threadId, resolved, { author: this.#o.user(), at: new Date(this.#o.now()).toISOString() });
	}

	#stamp(text: string): { author: string; at: string; text: string } {
		return { author: this.#o.user(), at: new Date(this.#o.now()).toISOString(), text: text.trim() };
	}
}
