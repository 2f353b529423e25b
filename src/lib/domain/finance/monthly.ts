/**
 * Twelve-month P&L (DESIGN §5.9). Demand follows the seasonality shares; a campaign's lift lands in
 * its month (or spreads evenly without one); a fixed budget line with a month lands there, and the
 * rest of the fixed costs spread evenly. Per-unit and percent-of-revenue costs follow units, so the
 * monthly profits add up to the annual profit exactly.
 */
import type { FinanceData, FinanceOutputs } from './types.js';

export interface MonthRow {
	month: number;
	units: number;
	revenue: number;
	profit: number;
	cumulative_profit: number;
}

export interface MonthlyPlan {
	months: MonthRow[];
	/** First month whose cumulative profit is ≥ 0, or null. */
	payback_month: number | null;
	/** True when the given seasonality was unusable (not 12 values) and 1/12 each was used. */
	seasonalityFallback: boolean;
}

export const SEASONALITY_TOLERANCE = 0.001;

/** Seasonality is usable when it has 12 finite, non-negative shares. */
export function usableSeasonality(s: readonly number[] | undefined): s is readonly number[] {
	return s !== undefined && s.length === 12 && s.every((x) => Number.isFinite(x) && x >= 0);
}

export function monthlyPlan(outputs: FinanceOutputs, data: FinanceData, fixedCosts: number): MonthlyPlan {
	const fallback = data.seasonality !== undefined && !usableSeasonality(data.seasonality);
	const shares = usableSeasonality(data.seasonality) ? data.seasonality : new Array<number>(12).fill(1 / 12);
	const demand = outputs.demand_units ?? NaN;
	const net = outputs.net_price ?? NaN;
	const unitContribution = outputs.unit_contribution ?? NaN;

	const lift = new Array<number>(12).fill(0);
	for (const c of data.campaigns) {
		if (c.month !== undefined) lift[c.month - 1] = (lift[c.month - 1] as number) + c.liftUnits;
		else for (let m = 0; m < 12; m++) lift[m] = (lift[m] as number) + c.liftUnits / 12;
	}
	const fixed = new Array<number>(12).fill(fixedCosts / 12);
	for (const line of data.budget) {
		if (line.kind !== 'fixed') continue;
		if (line.month !== undefined) fixed[line.month - 1] = (fixed[line.month - 1] as number) + line.amount;
		else for (let m = 0; m < 12; m++) fixed[m] = (fixed[m] as number) + line.amount / 12;
	}

	const months: MonthRow[] = [];
	let cumulative = 0;
	let payback: number | null = null;
	for (let m = 0; m < 12; m++) {
		const units = demand * (shares[m] as number) + (lift[m] as number);
		const profit = units * unitContribution - (fixed[m] as number);
		cumulative += profit;
		if (payback === null && cumulative >= 0) payback = m + 1;
		months.push({ month: m + 1, units, revenue: units * net, profit, cumulative_profit: cumulative });
	}
	return { months, payback_month: payback, seasonalityFallback: fallback };
}
