/**
 * The open plan's comments, handed down by context: tables and variable cards show a comment
 * button when a plan workspace provides it, and nothing where none does (the components bench).
 */
import { getContext, setContext } from 'svelte';
import type { CommentsState } from '$lib/state/comments-state.svelte';

const KEY = Symbol('planbook-comments');

export function setCommentsContext(comments: CommentsState): void {
	setContext(KEY, comments);
}

export function getCommentsContext(): CommentsState | undefined {
	return getContext<CommentsState | undefined>(KEY);
}
