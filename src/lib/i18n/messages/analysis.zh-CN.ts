import type { analysisEn } from './analysis.en';

/** 模拟视图：方案、目标求解、最优定价、蒙特卡洛、决策记录。 */
export const analysisZhCN = {
	'analysis.tab': '分析'
} satisfies Record<keyof typeof analysisEn, string>;
