/** The plan the components bench starts from: a little of everything the editors show. */
export const BENCH_PLAN = {
	format: 'planbook.plan/v1',
	meta: { title: 'Bench', locale: 'en', currency: 'CNY', year: 2027, standards: [] },
	sections: [{ kind: 'situation', title: 'Situation', text: 'We plan to sell {volume} units at **{price}** each.', blocks: [] }],
	variables: [
		{ name: 'price', expr: '128', label: '零售价', unit: 'CNY', source: '2026 price survey' },
		{ name: 'volume', expr: '1615000', label: '目标销量' },
		{ name: 'unit_cost', expr: '80', label: 'Unit cost', unit: 'CNY', distribution: { type: 'triangular', min: 72, mode: 80, max: 90 } },
		{ name: 'gross', expr: '(price - unit_cost) * volume', label: 'Gross margin', unit: 'CNY' }
	],
	data: {
		budget: [
			{ name: 'TV', category: 'promotion', kind: 'fixed', amount: 600000, month: 3 },
			{ name: 'Freight', category: 'channel', kind: 'per_unit', amount: 1.5 },
			{ name: 'Commission', category: 'channel', kind: 'percent_of_revenue', amount: 0.03 }
		],
		seasonality: [0.06, 0.06, 0.08, 0.08, 0.08, 0.1, 0.08, 0.08, 0.09, 0.1, 0.09, 0.1],
		swot: { strengths: ['Strong brand in the region'], weaknesses: [], opportunities: ['New retail channel'], threats: [] },
		dealers: {
			criteria: [
				{ name: '实力', weight: 0.5 },
				{ name: '信用', weight: 0.5 }
			],
			rows: [{ name: '经销商A', scores: [5, 4] }]
		}
	}
};
