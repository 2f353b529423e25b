/** The simulation views: scenarios, goal seek, optimiser, Monte Carlo, decisions. */
export const analysisEn = {
	'analysis.tab': 'Analysis'
} satisfies Record<string, string>;
