/**
 * A general marketing plan in English: every standard section with writing guidance and a worked
 * consumer-product sample (an insulated water bottle launched through retail partners). Demand
 * uses constant elasticity (DESIGN §5.2) rather than a fixed volume, to show the other input form.
 * The numbers pass the built-in `deep-marketing` standard, like the zh-CN ARS template.
 */
import { PLAN_FORMAT } from '../schema';
import type { Block, Plan, SectionKind } from '../types';
import { isoDate, section, table, variable } from './build';

const TIP = '> Writing tip:';

/** The consumer-product marketing plan for `year`. */
export function marketingPlan(year: number): Plan {
	const d = (month: number, day: number) => isoDate(year, month, day);
	const s = (kind: SectionKind, text: string, blocks: Block[] = []) =>
		section(kind, 'en', text, blocks);
	return {
		format: PLAN_FORMAT,
		meta: {
			title: `Trailhead bottle: marketing plan ${year}`,
			locale: 'en',
			currency: 'USD',
			year,
			standards: ['deep-marketing']
		},
		sections: [
			s(
				'situation',
				`${TIP} describe the market, the product, the competition, distribution and the wider ` +
					'environment, and say where each figure comes from.\n\n' +
					'About 2.4 million insulated bottles sell in our region each year, a third of them in ' +
					'outdoor and sports stores. We sell mainly online; our shelf presence is weak.'
			),
			s(
				'swot',
				`${TIP} opportunities and threats are external, strengths and weaknesses internal. Give at ` +
					'least one entry per quadrant and say what it means for the strategy.',
				[table('swot')]
			),
			s(
				'objectives',
				`${TIP} make every objective measurable: metric, target, unit and deadline, ideally with a ` +
					'baseline.\n\nBecome the second brand in outdoor retail within the year.',
				[table('objectives')]
			),
			s(
				'target',
				`${TIP} segment the market, choose the segments to serve (the main consumer group first) ` +
					'and state the positioning against competitors.\n\n' +
					'Target: commuters and weekend hikers. Positioning: premium insulation at a mid-market price.',
				[table('segments')]
			),
			s(
				'product',
				`${TIP} positioning, range, life-cycle stage, launch of new items, brand and packaging.\n\n` +
					'Launch the 750 ml bottle in four colours; test a 500 ml kids’ version in spring.'
			),
			s(
				'price',
				`${TIP} a price must be acceptable to buyers, give the channel a fair profit, compete with ` +
					'rivals and leave the company a profit. Record industry markups, competitor prices, ' +
					'dealer rewards and price sensitivity; prepare for a price war.\n\n' +
					'List price $34, between the store brand and the market leader; distributor markup 15 %, ' +
					'retailer margin 40 %.',
				[variable('price'), variable('elasticity'), table('priceChain'), table('competitors')]
			),
			s(
				'channel',
				`${TIP} name the partners of each tier, how they are chosen (weighted scoring) and supported ` +
					'(orders, information, logistics, payment terms), and the key accounts.\n\n' +
					'One national distributor supplies retailer partners: outdoor chains, sports stores and ' +
					'grocery; a corporate-gifting pipeline runs alongside.',
				[table('dealers'), table('accounts'), table('funnel')]
			),
			s(
				'promotion',
				`${TIP} plan promotions for trade partners (co-op advertising, contests, display rewards) ` +
					'and for consumers; every campaign cost belongs in the budget.\n\n' +
					'Spring launch, summer outdoor campaign and holiday gifting.',
				[table('campaigns')]
			),
			s(
				'budget',
				`${TIP} analyse costs, sales, profit and breakeven. Keep fixed, per-unit and ` +
					'percent-of-revenue lines apart.',
				[table('budget'), table('seasonality')]
			),
			s(
				'schedule',
				`${TIP} turn the strategy into tasks every department understands: task, owner, dates and ` +
					'dependencies, at least one for each of product, price, channel and promotion.',
				[table('schedule')]
			),
			s(
				'control',
				`${TIP} review the KPIs on a fixed rhythm and revise the plan when results drift.\n\n` +
					'Monthly review of distribution, sell-through and spend ratio.',
				[table('kpis'), { type: 'checks' }]
			)
		],
		variables: [
			{ name: 'price', expr: '34', label: 'List price', unit: 'USD', source: 'Pricing study, Q4' },
			{
				name: 'unit_cost',
				expr: '9.5',
				label: 'Unit variable cost',
				unit: 'USD',
				source: 'Supplier quote',
				distribution: { type: 'pert', min: 9, mode: 9.5, max: 10.5 }
			},
			{ name: 'fixed_costs', expr: '180000', label: 'Fixed costs (excl. budget)', unit: 'USD', source: 'Finance budget' },
			{ name: 'base_price', expr: '34', label: 'Price of the volume estimate', unit: 'USD', source: 'Pricing study, Q4' },
			{
				name: 'base_volume',
				expr: '70000',
				label: 'Units at the base price',
				source: 'Retailer pre-orders and online trend',
				distribution: { type: 'normal', mean: 70000, sd: 8000 }
			},
			{
				name: 'elasticity',
				expr: '-1.6',
				label: 'Price elasticity',
				source: 'Price test in online store',
				distribution: { type: 'triangular', min: -2, mode: -1.6, max: -1.2 }
			},
			{ name: 'market_size', expr: '2400000', label: 'Regional market (units)', source: 'Industry association report' },
			{ name: 'target_profit', expr: '150000', label: 'Target profit', unit: 'USD', source: 'Annual targets' },
			{ name: 'reference_price', expr: '36', label: 'Price buyers accept', unit: 'USD', source: 'Consumer survey' }
		],
		data: {
			objectives: [
				{ metric: 'Units sold', target: 121000, unit: 'units', deadline: d(12, 31), baseline: 82000 },
				{ metric: 'Store distribution', target: 0.6, unit: 'share of stores', deadline: d(9, 30), baseline: 0.35 },
				{ metric: 'Retail partners signed', target: 3, unit: 'partners', deadline: d(3, 31), baseline: 1 }
			],
			swot: {
				strengths: ['Best-in-test insulation', 'Loyal online customers'],
				weaknesses: ['Little shelf presence', 'Small sales team'],
				opportunities: ['Growth in hiking and cycling', 'Plastic-free policies at offices'],
				threats: ['Store brands at half the price', 'Steel price increases']
			},
			segments: [
				{ name: 'Commuters', size: 900000, target: true },
				{ name: 'Weekend hikers', size: 450000, target: true },
				{ name: 'Families with children', size: 700000, target: false }
			],
			priceChain: [
				{ tier: 'distributor', rate: 0.15, basis: 'markup', minRate: 0.1, rebate: 0.01 },
				{ tier: 'retailer', rate: 0.4, basis: 'margin', minRate: 0.3 }
			],
			competitors: [
				{ name: 'HydroPeak', price: 39 },
				{ name: 'StreamLine', price: 29 },
				{ name: 'Store brand', price: 24 }
			],
			budget: [
				{ name: 'Spring launch', category: 'promotion', kind: 'fixed', amount: 90000, month: 3 },
				{ name: 'Summer outdoor campaign', category: 'promotion', kind: 'fixed', amount: 120000, month: 6 },
				{ name: 'Holiday gifting', category: 'promotion', kind: 'fixed', amount: 80000, month: 11 },
				{ name: 'Retail merchandising team', category: 'channel', kind: 'fixed', amount: 110000 },
				{ name: 'Freight', category: 'channel', kind: 'per_unit', amount: 0.6 },
				{ name: 'Marketplace fees', category: 'channel', kind: 'percent_of_revenue', amount: 0.03 }
			],
			campaigns: [
				{ name: 'Spring launch', cost: 90000, month: 3, liftUnits: 15000 },
				{ name: 'Summer outdoor campaign', cost: 120000, month: 6, liftUnits: 22000 },
				{ name: 'Holiday gifting', cost: 80000, month: 11, liftUnits: 14000 }
			],
			seasonality: [0.05, 0.05, 0.08, 0.09, 0.1, 0.11, 0.11, 0.1, 0.07, 0.07, 0.08, 0.09],
			schedule: [
				{ id: 't1', task: 'Retail audit and market research', owner: 'Marketing manager', start: d(1, 4), end: d(1, 29), section: 'situation', dependsOn: [] },
				{ id: 't2', task: 'Score and sign retail partners', owner: 'Sales manager', start: d(2, 1), end: d(2, 26), section: 'channel', dependsOn: ['t1'] },
				{ id: 't3', task: 'Publish price list and trade terms', owner: 'Sales manager', start: d(2, 1), end: d(2, 12), section: 'price', dependsOn: ['t1'] },
				{ id: 't4', task: 'Final colours and packaging', owner: 'Product manager', start: d(1, 11), end: d(2, 19), section: 'product', dependsOn: [] },
				{ id: 't5', task: 'Spring launch campaign', owner: 'Marketing manager', start: d(3, 1), end: d(3, 31), section: 'promotion', dependsOn: ['t2', 't3', 't4'] },
				{ id: 't6', task: 'Summer outdoor campaign', owner: 'Marketing manager', start: d(6, 1), end: d(6, 30), section: 'promotion', dependsOn: ['t5'] },
				{ id: 't7', task: 'Holiday gifting campaign', owner: 'Key account lead', start: d(11, 1), end: d(12, 15), section: 'promotion', dependsOn: ['t6'] },
				{ id: 't8', task: 'Monthly KPI review', owner: 'Marketing manager', start: d(2, 1), end: d(12, 31), section: 'control', dependsOn: [] }
			],
			dealers: {
				criteria: [
					{ name: 'Reach', weight: 0.3 },
					{ name: 'Credit', weight: 0.2 },
					{ name: 'Shelf quality', weight: 0.2 },
					{ name: 'Staff', weight: 0.1 },
					{ name: 'Logistics', weight: 0.2 }
				],
				rows: [
					{ name: 'Outdoor Depot', scores: [5, 4, 4, 3, 4] },
					{ name: 'City Sports', scores: [4, 5, 3, 4, 3] },
					{ name: 'FreshMart', scores: [3, 4, 5, 3, 4] }
				]
			},
			accounts: [
				{ name: 'Outdoor Depot', value: 420000 },
				{ name: 'City Sports', value: 260000 },
				{ name: 'Online store', value: 210000 },
				{ name: 'FreshMart', value: 120000 },
				{ name: 'Campus shops', value: 60000 },
				{ name: 'Gift boutiques', value: 30000 }
			],
			funnel: [
				{ stage: 'Qualified lead', value: 80000, conversion: 0.4, months: 2 },
				{ stage: 'Proposal', value: 50000, conversion: 0.6, months: 1 },
				{ stage: 'Negotiation', value: 40000, conversion: 0.85, months: 1 }
			],
			kpis: [
				{ name: 'Store distribution', metric: 'distribution', target: 0.6, frequency: 'monthly', owner: 'Sales manager' },
				{ name: 'Sell-through', metric: 'sell_through', target: 0.7, frequency: 'weekly', owner: 'Category manager' },
				{ name: 'Spend ratio', metric: 'marketing_spend / revenue', target: 0.27, frequency: 'monthly', owner: 'Finance lead' },
				{ name: 'Repeat purchase', metric: 'repeat_rate', target: 0.2, frequency: 'quarterly', owner: 'CRM lead' }
			]
		},
		scenarios: [
			{ name: 'Price -10%', overrides: { price: 'price * 0.9' } },
			{ name: 'Unit cost +8%', overrides: { unit_cost: 'unit_cost * 1.08' } }
		]
	};
}
