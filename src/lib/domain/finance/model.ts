/**
 * Annual profit model (DESIGN §5.2–§5.7): demand, revenue, contribution, fixed costs, profit and
 * breakeven. Pure arithmetic on numbers; nothing is rounded here (rounding happens at display).
 */
import { walkPriceChain } from './price-chain.js';
import type { BudgetLine, Campaign, FinanceData, FinanceInputs, FinanceOutputs } from './types.js';

/** Budget sums by kind, computed once per data change rather than per evaluation. */
export interface BudgetTotals {
	fixed: number;
	perUnit: number;
	percentOfRevenue: number;
	liftUnits: number;
}

/**
 * Everything about the plan data the model needs, computed once per data change. The price chain
 * is linear in the consumer price (every tier multiplies), so it reduces to two factors.
 */
export interface PreparedFinance extends BudgetTotals {
	exFactoryFactor: number;
	netPriceFactor: number;
}

export function prepareFinance(data: FinanceData): PreparedFinance {
	const chain = walkPriceChain(1, data.priceChain);
	return { ...budgetTotals(data.budget, data.campaigns), exFactoryFactor: chain.ex_factory, netPriceFactor: chain.net_price };
}

export function budgetTotals(budget: readonly BudgetLine[], campaigns: readonly Campaign[]): BudgetTotals {
	let fixed = 0;
	let perUnit = 0;
	let percentOfRevenue = 0;
	for (const line of budget) {
		if (line.kind === 'fixed') fixed += line.amount;
		else if (line.kind === 'per_unit') perUnit += line.amount;
		else percentOfRevenue += line.amount;
	}
	let liftUnits = 0;
	for (const c of campaigns) liftUnits += c.liftUnits;
	return { fixed, perUnit, percentOfRevenue, liftUnits };
}

/** Demand at `price`: the forecast `volume`, or constant-elasticity demand around a base point. */
export function demandUnits(inputs: FinanceInputs): number {
	if (inputs.volume !== undefined) return inputs.volume;
	const { base_volume, base_price, elasticity } = inputs;
	if (base_volume === undefined || base_price === undefined || elasticity === undefined) return NaN;
	return base_volume * Math.pow(inputs.price / base_price, elasticity);
}

/** Every DESIGN §5 output for one set of inputs. */
export function computeFinance(inputs: FinanceInputs, totals: PreparedFinance): FinanceOutputs {
	const net = inputs.price * totals.netPriceFactor;
	const demand = demandUnits(inputs);
	const lift = totals.liftUnits;
	const units = demand + lift;
	const revenue = units * net;
	const unitVariableCost = inputs.unit_cost + totals.perUnit + net * totals.percentOfRevenue;
	const unitContribution = net - unitVariableCost;
	const fixedTotal = inputs.fixed_costs + totals.fixed;
	const contribution = units * unitContribution;
	const breakevenUnits = unitContribution > 0 ? fixedTotal / unitContribution : null;
	return {
		ex_factory: inputs.price * totals.exFactoryFactor,
		net_price: net,
		demand_units: demand,
		lift_units: lift,
		units,
		revenue,
		unit_variable_cost: unitVariableCost,
		unit_contribution: unitContribution,
		contribution_margin_ratio: unitContribution / net,
		contribution,
		fixed_total: fixedTotal,
		marketing_spend: totals.fixed + units * totals.perUnit + revenue * totals.percentOfRevenue,
		profit: contribution - fixedTotal,
		breakeven_units: breakevenUnits,
		breakeven_revenue: breakevenUnits === null ? null : breakevenUnits * net,
		margin_of_safety: breakevenUnits === null ? null : (units - breakevenUnits) / units
	};
}

/** Campaign ROI (DESIGN §5.8): (liftUnits × unit contribution − cost) / cost. */
export function campaignRoi(campaign: Campaign, unitContribution: number): number | null {
	if (campaign.cost === 0) return null;
	return (campaign.liftUnits * unitContribution - campaign.cost) / campaign.cost;
}
