import type { chartsEn } from './charts.en';

/** 模拟视图的图表标题、坐标轴、图例与数据表。 */
export const chartsZhCN = {
	'charts.showTable': '以表格显示数据'
} satisfies Record<keyof typeof chartsEn, string>;
