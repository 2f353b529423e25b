/** The blank template: the 11 standard sections, empty, in the plan's language. */
import { PLAN_FORMAT } from '../schema';
import { STANDARD_SECTION_KINDS } from '../sections';
import type { Locale, Plan } from '../types';
import { section } from './build';

/** A plan with every standard section present but empty, no variables and no data. */
export function blankPlan(year: number, locale: Locale): Plan {
	return {
		format: PLAN_FORMAT,
		meta: {
			title: locale === 'zh-CN' ? `${year}年营销计划` : `Marketing plan ${year}`,
			locale,
			currency: locale === 'zh-CN' ? 'CNY' : 'USD',
			year,
			standards: ['deep-marketing']
		},
		sections: STANDARD_SECTION_KINDS.map((kind) => section(kind, locale, '')),
		variables: [],
		data: {},
		scenarios: []
	};
}
