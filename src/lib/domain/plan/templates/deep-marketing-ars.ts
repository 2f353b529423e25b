/**
 * 深度营销 / ARS (区域滚动销售) area plan, zh-CN: every standard section with guidance in the
 * training vocabulary (DOMAIN.md) and a worked sample, a beer brand rolling out in one district.
 * The numbers are chosen so the plan passes the built-in `deep-marketing` standard: positive unit
 * contribution, profit above target, promotion budget equal to campaign costs, seasonality summing
 * to 1, one schedule row per marketing-mix section, dealer weights summing to 1.
 */
import { PLAN_FORMAT } from '../schema';
import type { Block, Plan, SectionKind } from '../types';
import { isoDate, section, table, variable } from './build';

const TIP = '> 写作提示:';

/** The ARS area plan for `year`. */
export function deepMarketingArsPlan(year: number): Plan {
	const d = (month: number, day: number) => isoDate(year, month, day);
	const s = (kind: SectionKind, text: string, blocks: Block[] = []) =>
		section(kind, 'zh-CN', text, blocks);
	return {
		format: PLAN_FORMAT,
		meta: {
			title: `${year}年松江区清爽啤酒区域滚动销售计划`,
			locale: 'zh-CN',
			currency: 'CNY',
			year,
			standards: ['deep-marketing']
		},
		sections: [
			s(
				'situation',
				`${TIP}了解现状——区域市场、产品、竞争、分销与宏观环境,数据要有出处(充足的数据支持)。\n\n` +
					'松江区常住人口约190万,啤酒年消费约4,200万瓶,夏季(6-8月)占全年四成。' +
					'我司铺货率约45%,低于两家领先竞品;核心经销商只有1家,终端网络中餐饮店与夜店覆盖薄弱。'
			),
			s(
				'swot',
				`${TIP}机会与威胁看外部,优势与劣势看内部;每个象限至少一条,并说明对策略的含义。`,
				[table('swot')]
			),
			s(
				'objectives',
				`${TIP}目标要清晰可衡量:指标、目标值、单位、期限,最好附基线。\n\n` +
					`${year}年在松江区做到区域销量第一(先易后难,先做透核心片区)。`,
				[table('objectives')]
			),
			s(
				'target',
				`${TIP}市场细分 → 选择目标市场(以主要消费群为重点)→ 定位,并写清与竞品的差距。\n\n` +
					'目标顾客为餐饮聚餐与夜宵人群;定位为"好喝不贵的本地清爽啤酒"。',
				[table('segments')]
			),
			s(
				'product',
				`${TIP}产品定位、产品组合、产品生命周期、新产品推广、品牌策略、包装策略。\n\n` +
					'主推500ml瓶装(餐饮渠道),上半年试销330ml罐装(零售/便利店、超市)。'
			),
			s(
				'price',
				`${TIP}定价须同时做到:对用户可接受、对渠道合理赢利、对对手有竞争力、对公司有利润。` +
					'输入行业加价规律、主要竞品价格、经销商报酬与消费者价格敏感性;做好盈利空间分析和价格战预案。\n\n' +
					'零售价5元,略低于竞品均价,以平价切入;经销商加价12%,终端零售店毛利28%。',
				[variable('price'), variable('unit_cost'), table('priceChain'), table('competitors')]
			),
			s(
				'channel',
				`${TIP}ARS四要素:区域市场、核心经销商、终端网络、客户顾问。核心经销商支持覆盖商流、信息流、物流、资金流。\n\n` +
					'选择2-3家经销商作为核心经销商(经销商评分见下表),由客户顾问协同覆盖终端零售店:' +
					'餐饮店、零售/便利店、超市、夜店、宾馆。终端按"市场-片区-线路-客户"8位编码,未访问客户为零。',
				[table('dealers'), table('accounts'), table('funnel')]
			),
			s(
				'promotion',
				`${TIP}对经销商:合作广告、销售竞赛、折扣奖励、开发支持;对终端:助销、培训、陈列、奖励。` +
					'前期侧重网络成员利益,后期侧重消费者利益。促销费用须列入营销预算。\n\n' +
					'春季铺市推广、夏季啤酒节、国庆聚餐季三次活动。',
				[table('campaigns')]
			),
			s(
				'budget',
				`${TIP}营销预算的财务分析:成本分析、销售分析、盈亏分析、平衡分析。固定、按件、按收入比例三类费用分开列。`,
				[table('budget'), table('seasonality')]
			),
			s(
				'schedule',
				`${TIP}把策略变成各部门看得懂的实施步骤:任务、负责人、起止日期、前后依赖。\n\n` +
					'先易后难,试制模版;提高增量,稳中推进。',
				[table('schedule')]
			),
			s(
				'control',
				`${TIP}定期对照KPI评估执行效果,发现偏差及时修正(实施控制与修正)。\n\n` +
					'每月复盘铺货率、动销率与费用率;每周检查终端拜访。',
				[table('kpis'), { type: 'checks' }]
			)
		],
		variables: [
			{ name: 'price', expr: '5', label: '零售价', unit: 'CNY', source: '2026年松江区终端价格普查' },
			{
				name: 'unit_cost',
				expr: '1.6',
				label: '单位变动成本',
				unit: 'CNY',
				source: '财务部2026年成本核算',
				distribution: { type: 'triangular', min: 1.5, mode: 1.6, max: 1.8 }
			},
			{
				name: 'fixed_costs',
				expr: '1800000',
				label: '固定成本(不含营销预算)',
				unit: 'CNY',
				source: '财务部年度预算'
			},
			{ name: 'market_size', expr: '42000000', label: '区域年消费量(瓶)', source: '2026年松江区市场普查' },
			{
				name: 'share',
				expr: '0.06',
				label: '目标市场份额',
				source: '营销目标',
				distribution: { type: 'pert', min: 0.045, mode: 0.06, max: 0.07 }
			},
			{ name: 'volume', expr: 'market_size * share', label: '预计销量(瓶)', source: '普查 × 份额目标' },
			{ name: 'target_profit', expr: '800000', label: '目标利润', unit: 'CNY', source: '公司年度目标' },
			{ name: 'reference_price', expr: '5.5', label: '顾客可接受价格', unit: 'CNY', source: '消费者访谈' }
		],
		data: {
			objectives: [
				{ metric: '销量', target: 2980000, unit: '瓶', deadline: d(12, 31), baseline: 2100000 },
				{ metric: '铺货率', target: 0.75, unit: '比例', deadline: d(9, 30), baseline: 0.45 },
				{ metric: '核心经销商', target: 3, unit: '家', deadline: d(3, 31), baseline: 1 }
			],
			swot: {
				strengths: ['本地品牌,口味清爽', '出厂价低,渠道利润空间大'],
				weaknesses: ['铺货率低', '客户顾问人手不足'],
				opportunities: ['夜宵经济增长', '竞品提价'],
				threats: ['全国品牌夏季促销力度大', '原材料价格上涨']
			},
			segments: [
				{ name: '餐饮聚餐人群', size: 380000, target: true },
				{ name: '夜宵与夜店人群', size: 120000, target: true },
				{ name: '家庭消费', size: 450000, target: false }
			],
			priceChain: [
				{ tier: '经销商', rate: 0.12, basis: 'markup', minRate: 0.08, rebate: 0.02 },
				{ tier: '终端零售店', rate: 0.28, basis: 'margin', minRate: 0.2 }
			],
			competitors: [
				{ name: '竞品A(全国品牌)', price: 5.5 },
				{ name: '竞品B(区域品牌)', price: 4.8 },
				{ name: '竞品C(进口)', price: 5.2 }
			],
			budget: [
				{ name: '春季铺市推广', category: 'promotion', kind: 'fixed', amount: 150000, month: 3 },
				{ name: '夏季啤酒节', category: 'promotion', kind: 'fixed', amount: 200000, month: 7 },
				{ name: '国庆聚餐季', category: 'promotion', kind: 'fixed', amount: 100000, month: 10 },
				{ name: '客户顾问团队', category: 'channel', kind: 'fixed', amount: 480000 },
				{ name: '配送补贴', category: 'channel', kind: 'per_unit', amount: 0.1 },
				{ name: '终端陈列奖励', category: 'channel', kind: 'percent_of_revenue', amount: 0.02 }
			],
			campaigns: [
				{ name: '春季铺市推广', cost: 150000, month: 3, liftUnits: 150000 },
				{ name: '夏季啤酒节', cost: 200000, month: 7, liftUnits: 220000 },
				{ name: '国庆聚餐季', cost: 100000, month: 10, liftUnits: 90000 }
			],
			seasonality: [0.04, 0.04, 0.06, 0.08, 0.1, 0.12, 0.14, 0.14, 0.1, 0.08, 0.05, 0.05],
			schedule: [
				{ id: 't1', task: '市场普查与终端编码', owner: '区域经理', start: d(1, 4), end: d(1, 22), section: 'channel', dependsOn: [] },
				{ id: 't2', task: '核心经销商评估与签约', owner: '客户顾问', start: d(1, 25), end: d(2, 19), section: 'channel', dependsOn: ['t1'] },
				{ id: 't3', task: '价格体系与经销商政策发布', owner: '市场部', start: d(2, 1), end: d(2, 26), section: 'price', dependsOn: ['t1'] },
				{ id: 't4', task: '330ml罐装试销', owner: '产品经理', start: d(3, 1), end: d(5, 31), section: 'product', dependsOn: [] },
				{ id: 't5', task: '春季铺市推广', owner: '市场部', start: d(3, 1), end: d(3, 31), section: 'promotion', dependsOn: ['t2', 't3'] },
				{ id: 't6', task: '夏季啤酒节', owner: '市场部', start: d(7, 1), end: d(7, 31), section: 'promotion', dependsOn: ['t5'] },
				{ id: 't7', task: '国庆聚餐季促销', owner: '客户顾问', start: d(10, 1), end: d(10, 15), section: 'promotion', dependsOn: ['t6'] },
				{ id: 't8', task: '月度复盘与修正', owner: '区域经理', start: d(2, 1), end: d(12, 31), section: 'control', dependsOn: ['t1'] }
			],
			dealers: {
				criteria: [
					{ name: '实力规模', weight: 0.3 },
					{ name: '信用', weight: 0.2 },
					{ name: '网络覆盖', weight: 0.2 },
					{ name: '人员素质', weight: 0.1 },
					{ name: '仓储配送', weight: 0.2 }
				],
				rows: [
					{ name: '经销商甲', scores: [5, 4, 4, 3, 4] },
					{ name: '经销商乙', scores: [4, 5, 3, 4, 3] },
					{ name: '经销商丙', scores: [3, 4, 5, 3, 4] }
				]
			},
			accounts: [
				{ name: '03-01-1-001 老街大排档(餐饮店)', value: 380000 },
				{ name: '03-01-2-004 联华超市(超市)', value: 300000 },
				{ name: '03-02-1-002 大学城便利店(零售/便利店)', value: 160000 },
				{ name: '03-02-3-007 星光酒吧(夜店)', value: 90000 },
				{ name: '03-03-1-003 新城宾馆(宾馆)', value: 45000 },
				{ name: '03-03-2-010 社区小卖部(零售/便利店)', value: 25000 }
			],
			funnel: [
				{ stage: '潜在客户跟踪', value: 600000, conversion: 0.5, months: 2 },
				{ stage: '方案洽谈', value: 300000, conversion: 0.7, months: 1 },
				{ stage: '签订合同', value: 150000, conversion: 0.9, months: 1 }
			],
			kpis: [
				{ name: '铺货率', metric: 'distribution', target: 0.75, frequency: 'monthly', owner: '区域经理' },
				{ name: '动销率', metric: 'sell_through', target: 0.6, frequency: 'weekly', owner: '客户顾问' },
				{ name: '费用率', metric: 'marketing_spend / revenue', target: 0.16, frequency: 'monthly', owner: '财务经理' },
				{ name: '终端拜访率', metric: 'visit_rate', target: 1, frequency: 'weekly', owner: '客户顾问' }
			]
		},
		scenarios: [
			{ name: '降价到4.5元', overrides: { price: '4.5' } },
			{ name: '单位成本上涨8%', overrides: { unit_cost: 'unit_cost * 1.08' } }
		]
	};
}
