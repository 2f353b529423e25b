/** Comment threads on sections, rows and variables. */
export const commentsEn = {
	'comments.title': 'Comments',
	'comments.button': 'Comments on {target} ({count} open)',
	'comments.none': 'No comments yet.',
	'comments.new': 'New comment',
	'comments.post': 'Comment',
	'comments.reply': 'Reply',
	'comments.replyPlaceholder': 'Reply…',
	'comments.resolve': 'Resolve',
	'comments.reopen': 'Reopen',
	'comments.resolvedBy': 'Resolved by {name}',
	'comments.showResolved': 'Show {count} resolved',
	'comments.hideResolved': 'Hide {count} resolved',
	'comments.close': 'Close',
	'comments.rowLabel': 'row {row} of {set}',
	'comments.outlineCount': '{count} open comments'
} satisfies Record<string, string>;
