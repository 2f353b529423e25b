/**
 * Inputs and outputs of the finance model (DESIGN §5). These are the contract names: the CLI prints
 * them, formulas may read the outputs, and the example plans pin their values.
 */

/** How a channel tier's rate applies to its selling price. */
export type ChainBasis = 'markup' | 'margin';

/** One tier of the price chain, listed maker → consumer. Rates and rebates are fractions. */
export interface PriceTier {
	tier: string;
	rate: number;
	basis: ChainBasis;
	minRate?: number;
	rebate?: number;
}

export type BudgetKind = 'fixed' | 'per_unit' | 'percent_of_revenue';

/** A budget line. `amount` is money for fixed / per_unit lines and a fraction for percent_of_revenue. */
export interface BudgetLine {
	name: string;
	category: string;
	kind: BudgetKind;
	amount: number;
	/** 1..12; a fixed line with a month falls in that month, otherwise it spreads evenly. */
	month?: number;
}

export interface Campaign {
	name: string;
	cost: number;
	month?: number;
	liftUnits: number;
}

/** The plan data the finance model reads besides variables. */
export interface FinanceData {
	priceChain: readonly PriceTier[];
	budget: readonly BudgetLine[];
	campaigns: readonly Campaign[];
	/** 12 shares of annual demand; absent means 1/12 each. */
	seasonality?: readonly number[];
}

/** Names of the user variables the model reads (DESIGN §5 "Inputs"). */
export const FINANCE_INPUT_NAMES = [
	'price',
	'unit_cost',
	'fixed_costs',
	'volume',
	'base_volume',
	'base_price',
	'elasticity'
] as const;
export type FinanceInputName = (typeof FINANCE_INPUT_NAMES)[number];

export interface FinanceInputs {
	price: number;
	unit_cost: number;
	fixed_costs: number;
	volume?: number;
	base_volume?: number;
	base_price?: number;
	elasticity?: number;
}

/** Every output of DESIGN §5, in the order the CLI prints them. */
export const FINANCE_OUTPUT_NAMES = [
	'ex_factory',
	'net_price',
	'demand_units',
	'lift_units',
	'units',
	'revenue',
	'unit_variable_cost',
	'unit_contribution',
	'contribution_margin_ratio',
	'contribution',
	'fixed_total',
	'marketing_spend',
	'profit',
	'breakeven_units',
	'breakeven_revenue',
	'margin_of_safety'
] as const;
export type FinanceOutputName = (typeof FINANCE_OUTPUT_NAMES)[number];

/** Outputs; breakeven figures are null when unit contribution ≤ 0 (DESIGN §5.7). */
export type FinanceOutputs = Record<FinanceOutputName, number | null>;
