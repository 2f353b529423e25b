import type { MessageKey } from './en';
import { checksZhCN } from './messages/checks.zh-CN';
import { exportZhCN } from './messages/export.zh-CN';
import { chartsZhCN } from './messages/charts.zh-CN';
import { analysisZhCN } from './messages/analysis.zh-CN';
import { commentsZhCN } from './messages/comments.zh-CN';
import { historyZhCN } from './messages/history.zh-CN';
import { workshopZhCN } from './messages/workshop.zh-CN';
import { editorZhCN } from './messages/editor.zh-CN';
import { plansZhCN } from './messages/plans.zh-CN';
import { serverZhCN } from './messages/server.zh-CN';

/** Simplified Chinese messages; the type demands exactly the keys of the English catalogue. */
export const zhCN: Record<MessageKey, string> = {
	'app.name': 'planbook',
	'app.tagline': '年度营销计划，数字实时可见',
	'home.title': 'planbook — 协作编写营销计划',
	'home.intro':
		'planbook 是一本团队共同编写年度营销计划的笔记本：现状分析、SWOT、目标、目标市场、4P 策略、预算、进度与控制。每个数字都是实时变量，利润、盈亏平衡、情景和蒙特卡洛风险随输入即时更新；对照深度营销计划标准的检查会告诉你计划还缺什么。',
	'language.label': '语言',
	'language.name.zh-CN': '中文',
	'language.name.en': 'English',
	'template.deep-marketing-ars.name': '深度营销 · ARS 区域滚动销售计划',
	'template.deep-marketing-ars.description':
		'按深度营销方式编写的完整区域计划：区域市场调查、核心经销商及其评分、终端网络、ABC 客户分类和销售漏斗。',
	'template.marketing-plan.name': '年度营销计划',
	'template.marketing-plan.description':
		'标准结构：现状分析、SWOT、目标、目标市场、产品、价格、渠道、促销、预算、进度与控制。',
	'template.blank.name': '空白计划',
	'template.blank.description': '一本空白笔记本：按需添加章节和变量。',
	'footer.note': '运行在你自己的服务器上，计划数据留在你手中。',
	'finance.ex_factory': '出厂价',
	'finance.net_price': '净价',
	'finance.demand_units': '需求量（件）',
	'finance.lift_units': '活动增量（件）',
	'finance.units': '销量',
	'finance.revenue': '销售收入',
	'finance.unit_variable_cost': '单位变动成本',
	'finance.unit_contribution': '单位边际贡献',
	'finance.contribution_margin_ratio': '边际贡献率',
	'finance.contribution': '边际贡献',
	'finance.fixed_total': '固定成本合计',
	'finance.marketing_spend': '营销费用',
	'finance.profit': '利润',
	'finance.breakeven_units': '盈亏平衡销量',
	'finance.breakeven_revenue': '盈亏平衡收入',
	'finance.margin_of_safety': '安全边际率',
	'cli.figure': '指标',
	'cli.base': '基准',
	'cli.monthly': '月度计划',
	'cli.month': '月份',
	'cli.cumulativeProfit': '累计利润',
	'cli.payback': '第 {month} 个月回本',
	'cli.paybackNone': '年内未能回本',
	'cli.campaign': '活动',
	'cli.roi': '投资回报率',
	'cli.mean': '均值',
	'cli.sd': '标准差',
	'cli.montecarloHeading': '蒙特卡洛模拟：{trials} 次试验，随机种子 {seed}，{inputs} 个不确定输入',
	'cli.pLoss': '亏损概率：{share}',
	'cli.checkScore': '标准得分：{score}%',
	'cli.checkClean': '没有发现问题：计划符合标准。',
	...plansZhCN,
	...editorZhCN,
	...serverZhCN,
	...checksZhCN,
	...exportZhCN,
	...chartsZhCN,
	...analysisZhCN,
	...commentsZhCN,
	...historyZhCN,
	...workshopZhCN
};
