import { checksEn } from './messages/checks.en';
import { exportEn } from './messages/export.en';
import { chartsEn } from './messages/charts.en';
import { analysisEn } from './messages/analysis.en';
import { commentsEn } from './messages/comments.en';
import { historyEn } from './messages/history.en';
import { workshopEn } from './messages/workshop.en';
import { editorEn } from './messages/editor.en';
import { plansEn } from './messages/plans.en';
import { serverEn } from './messages/server.en';

/**
 * English messages: the reference catalogue. Its keys are the set of {@link MessageKey}s, and
 * zh-CN must provide exactly the same keys. Placeholders are `{name}`.
 */
export const en = {
	'app.name': 'planbook',
	'app.tagline': 'The annual marketing plan, with live numbers',
	'home.title': 'planbook — collaborative marketing plans',
	'home.intro':
		'planbook is a shared notebook in which your team writes the annual marketing plan: situation, SWOT, objectives, target market, the 4Ps, budget, schedule and control. Every figure is a live variable, so profit, breakeven, scenarios and Monte Carlo risk update as you type, and checks against the deep-marketing planning standard show what the plan is still missing.',
	'language.label': 'Language',
	'language.name.zh-CN': '中文',
	'language.name.en': 'English',
	'template.deep-marketing-ars.name': 'Deep marketing · ARS area plan',
	'template.deep-marketing-ars.description':
		'A complete area plan in the deep-marketing style: regional market survey, core dealers and their scoring, terminal network, ABC accounts and a sales funnel.',
	'template.marketing-plan.name': 'Annual marketing plan',
	'template.marketing-plan.description':
		'The standard structure: situation, SWOT, objectives, target market, product, price, channel, promotion, budget, schedule and control.',
	'template.blank.name': 'Blank plan',
	'template.blank.description': 'An empty notebook: add the sections and variables you need.',
	'footer.note': 'Runs on your own server; your plans stay with you.',
	// Finance outputs (DESIGN §5), shared by the UI and the CLI's tables.
	'finance.ex_factory': 'Ex-factory price',
	'finance.net_price': 'Net price',
	'finance.demand_units': 'Demand (units)',
	'finance.lift_units': 'Campaign lift (units)',
	'finance.units': 'Units',
	'finance.revenue': 'Revenue',
	'finance.unit_variable_cost': 'Variable cost per unit',
	'finance.unit_contribution': 'Contribution per unit',
	'finance.contribution_margin_ratio': 'Contribution margin ratio',
	'finance.contribution': 'Contribution',
	'finance.fixed_total': 'Fixed costs (total)',
	'finance.marketing_spend': 'Marketing spend',
	'finance.profit': 'Profit',
	'finance.breakeven_units': 'Breakeven (units)',
	'finance.breakeven_revenue': 'Breakeven revenue',
	'finance.margin_of_safety': 'Margin of safety',
	// Command-line tables.
	'cli.figure': 'Figure',
	'cli.base': 'Base',
	'cli.monthly': 'Monthly plan',
	'cli.month': 'Month',
	'cli.cumulativeProfit': 'Cumulative profit',
	'cli.payback': 'Payback in month {month}',
	'cli.paybackNone': 'No payback within the year',
	'cli.campaign': 'Campaign',
	'cli.roi': 'ROI',
	'cli.mean': 'Mean',
	'cli.sd': 'Std. dev.',
	'cli.montecarloHeading': 'Monte Carlo: {trials} trials, seed {seed}, {inputs} uncertain inputs',
	'cli.pLoss': 'Probability of a loss: {share}',
	'cli.checkScore': 'Standard score: {score}%',
	'cli.checkClean': 'No findings: the plan meets its standards.',
	...plansEn,
	...editorEn,
	...serverEn,
	...checksEn,
	...exportEn,
	...chartsEn,
	...analysisEn,
	...commentsEn,
	...historyEn,
	...workshopEn
} satisfies Record<string, string>;

/** A message identifier; every catalogue has every key. */
export type MessageKey = keyof typeof en;
