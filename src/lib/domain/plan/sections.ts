/**
 * Section kinds and data-set names of the plan file format (DESIGN §3), with their display titles.
 * The order of SECTION_KINDS is the order of the standard plan structure taught in training
 * (营销计划的标准与保障: 系统、完整的结构), so new plans and the outline list sections in it.
 */
import type { DataSetName, Locale, SectionKind } from './types';

/** The 11 standard section kinds, in plan order. */
export const STANDARD_SECTION_KINDS = [
	'situation',
	'swot',
	'objectives',
	'target',
	'product',
	'price',
	'channel',
	'promotion',
	'budget',
	'schedule',
	'control'
] as const;

/** Every section kind: the standard ones in plan order, then `custom`. */
export const SECTION_KINDS = [...STANDARD_SECTION_KINDS, 'custom'] as const;

/** Locales a plan can be written in. */
export const LOCALES = ['zh-CN', 'en'] as const;

/** Names of the plan's data sets (keys of `data`), in the order their home sections appear. */
export const DATA_SET_NAMES = [
	'objectives',
	'swot',
	'segments',
	'priceChain',
	'competitors',
	'budget',
	'campaigns',
	'seasonality',
	'schedule',
	'dealers',
	'accounts',
	'funnel',
	'kpis'
] as const;

/** Default section titles, as the training material names them (zh-CN) and their English form. */
export const SECTION_TITLES: Readonly<Record<Locale, Readonly<Record<SectionKind, string>>>> = {
	'zh-CN': {
		situation: '现状分析',
		swot: 'SWOT分析',
		objectives: '营销目标',
		target: '目标市场与定位',
		product: '产品策略',
		price: '价格策略',
		channel: '渠道策略',
		promotion: '促销策略',
		budget: '营销预算',
		schedule: '实施步骤',
		control: '实施控制与修正',
		custom: '自定义'
	},
	en: {
		situation: 'Situation',
		swot: 'SWOT',
		objectives: 'Objectives',
		target: 'Target market & positioning',
		product: 'Product',
		price: 'Price',
		channel: 'Channel',
		promotion: 'Promotion',
		budget: 'Budget',
		schedule: 'Implementation schedule',
		control: 'Control',
		custom: 'Custom'
	}
};

/**
 * The section a data set belongs to: its table is shown there, and the standards count the data
 * towards that section (S1.sections: "has text or data").
 */
export const DATA_SET_HOME: Readonly<Record<DataSetName, SectionKind>> = {
	objectives: 'objectives',
	swot: 'swot',
	segments: 'target',
	priceChain: 'price',
	competitors: 'price',
	budget: 'budget',
	campaigns: 'promotion',
	seasonality: 'budget',
	schedule: 'schedule',
	dealers: 'channel',
	accounts: 'channel',
	funnel: 'channel',
	kpis: 'control'
};

