/**
 * How each finance output (DESIGN §5) and each plan variable reads on screen: ratios as percent,
 * money in the plan's currency, unit counts as whole numbers, large counts and money in 万/亿 in
 * zh-CN. Key figures, live references in prose and variable cards all go through here so the same
 * number never looks different in two places.
 */
import { FINANCE_OUTPUT_NAMES, type FinanceOutputName } from '../finance/types.js';
import { NO_VALUE, formatNumber, type FormatLocale, type NumberStyle } from './format-number.js';

/** The plan's display settings (a structural twin of the UI's PlanDisplay). */
export interface FigureDisplay {
	locale: FormatLocale;
	currency: string;
}

/** Display style of every finance output. */
export const FIGURE_STYLES: Readonly<Record<FinanceOutputName, NumberStyle>> = {
	ex_factory: 'money',
	net_price: 'money',
	demand_units: 'integer',
	lift_units: 'integer',
	units: 'integer',
	revenue: 'money',
	unit_variable_cost: 'money',
	unit_contribution: 'money',
	contribution_margin_ratio: 'percent',
	contribution: 'money',
	fixed_total: 'money',
	marketing_spend: 'money',
	profit: 'money',
	breakeven_units: 'integer',
	breakeven_revenue: 'money',
	margin_of_safety: 'percent'
};

function isFinanceOutput(name: string): name is FinanceOutputName {
	return (FINANCE_OUTPUT_NAMES as readonly string[]).includes(name);
}

/** The style a finance output is shown in; other names read as plain numbers. */
export function figureStyle(name: string): NumberStyle {
	return isFinanceOutput(name) ? FIGURE_STYLES[name] : 'number';
}

/**
 * A finance output (or any named figure) for display; null, like a breakeven without contribution,
 * shows as {@link NO_VALUE}.
 */
export function formatFigure(name: string, value: number | null, display: FigureDisplay): string {
	if (value === null) return NO_VALUE;
	const style = figureStyle(name);
	return formatNumber(value, { locale: display.locale, style, currency: display.currency, compact: style !== 'percent' });
}

/** Units that mean "a share" (0.25 = 25 %), as people write them in a variable's unit field. */
const PERCENT_UNITS = new Set(['%', 'percent', 'pct', 'share', '百分比', '比例']);
/** Spellings of the plan's money beside its ISO code. */
const MONEY_UNITS = new Set(['元', '¥', '￥', '$', '€', '£', 'rmb', 'yuan', '人民币']);
/** Other currencies a cost may be quoted in; a closed list, so a unit like "PCS" is not money. */
const ISO_CURRENCIES = new Set(['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'HKD', 'TWD', 'KRW', 'SGD', 'AUD', 'CAD', 'CHF']);

/** The currency a variable's unit names, or null when it is not money. */
function unitCurrency(unit: string, currency: string): string | null {
	const upper = unit.toUpperCase();
	if (upper === currency.toUpperCase() || MONEY_UNITS.has(unit.toLowerCase())) return currency;
	return ISO_CURRENCIES.has(upper) ? upper : null;
}

/**
 * A variable's value with its unit: money units use the currency format, share units a percent,
 * other units follow the number ("161.5万 件", "12 months"), large numbers compact in zh-CN.
 */
export function formatVariableValue(value: number, unit: string | undefined, display: FigureDisplay): string {
	const u = unit?.trim() ?? '';
	const { locale, currency } = display;
	if (u !== '' && PERCENT_UNITS.has(u.toLowerCase())) return formatNumber(value, { locale, style: 'percent' });
	// A cost quoted in another currency (USD) is shown in that currency.
	const money = u === '' ? null : unitCurrency(u, currency);
	if (money) return formatNumber(value, { locale, style: 'money', currency: money, compact: true });
	const text = formatNumber(value, { locale, style: 'number', compact: true });
	return u === '' ? text : `${text} ${u}`;
}

export { NO_VALUE };
