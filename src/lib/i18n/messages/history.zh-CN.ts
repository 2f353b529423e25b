import type { historyEn } from './history.en';

/** 版本历史：保存、对比、查看、恢复。 */
export const historyZhCN = {
	'history.tab': '历史',
	'history.title': '版本历史',
	'history.hint': '在大改动或评审前保存一个版本。版本可以查看、与当前计划对比，也可以恢复；恢复是一次新的修改，不会丢失任何内容。',
	'history.name': '版本名称',
	'history.save': '保存版本',
	'history.saved': '已保存。',
	'history.empty': '还没有保存的版本。',
	'history.auto': '自动',
	'history.by': '{name} 保存',
	'history.open': '对比',
	'history.view': '查看此版本',
	'history.close': '关闭',
	'history.restore': '恢复此版本',
	'history.confirmRestore': '用“{name}”替换当前计划？所有人都会看到这次修改；当前计划仍保留在历史中。',
	'history.restored': '已恢复“{name}”。',
	'history.compareTitle': '“{name}”与当前计划对比',
	'history.figure': '指标',
	'history.then': '当时',
	'history.now': '现在',
	'history.change': '变化',
	'history.sections': '有改动的章节',
	'history.noSectionChange': '没有章节改动。',
	'history.status.added': '新增',
	'history.status.removed': '删除',
	'history.status.changed': '修改',
	'history.variables': '有改动的变量：{names}',
	'history.scenarios': '方案有改动。',
	'history.failed': '版本历史暂不可用：{message}',
	'history.back': '返回版本历史'
} satisfies Record<keyof typeof historyEn, string>;
