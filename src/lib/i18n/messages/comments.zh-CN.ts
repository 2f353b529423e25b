import type { commentsEn } from './comments.en';

/** 对章节、表格行和变量的评论。 */
export const commentsZhCN = {
	'comments.title': '评论',
	'comments.button': '{target}的评论（{count} 条未解决）',
	'comments.none': '还没有评论。',
	'comments.new': '新评论',
	'comments.post': '发表',
	'comments.reply': '回复',
	'comments.replyPlaceholder': '回复…',
	'comments.resolve': '解决',
	'comments.reopen': '重新打开',
	'comments.resolvedBy': '{name} 已解决',
	'comments.showResolved': '显示 {count} 条已解决',
	'comments.hideResolved': '隐藏 {count} 条已解决',
	'comments.close': '关闭',
	'comments.rowLabel': '{set}第{row}行',
	'comments.outlineCount': '{count} 条未解决评论'
} satisfies Record<keyof typeof commentsEn, string>;
