/**
 * Uncertainty of a variable for Monte Carlo. Parameters are in the variable's own unit, except
 * lognormal, whose `mu` and `sigma` are the mean and standard deviation of ln(x).
 */
export type Distribution =
	| { type: 'normal'; mean: number; sd: number }
	| { type: 'lognormal'; mu: number; sigma: number }
	| { type: 'triangular'; min: number; mode: number; max: number }
	| { type: 'uniform'; min: number; max: number }
	| { type: 'pert'; min: number; mode: number; max: number };

export type DistributionType = Distribution['type'];
