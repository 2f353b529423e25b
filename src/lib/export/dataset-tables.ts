/**
 * The plan's data sets as report tables, in DESIGN §3 order, with the analyses people hand around
 * beside them: a dealer's weighted score and rank, an account's ABC class. Choice values (a
 * budget line's type, a KPI's frequency, a schedule row's section) read as the editor labels them.
 */
import { classifyAccounts } from '../domain/finance/abc';
import { scoreDealers } from '../domain/finance/dealers';
import { DATA_SET_NAMES, SECTION_TITLES } from '../domain/plan/sections';
import type { DataSetName, Plan } from '../domain/plan/types';
import type { MessageKey } from '../i18n';
import type { CellKind, ReportCell, ReportColumn, ReportTable } from './plan-report';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

const column = (label: string, kind: CellKind = 'text'): ReportColumn => ({ label, kind });
const opt = <V>(value: V | undefined): V | null => (value === undefined ? null : value);

const BUDGET_KIND: Record<string, MessageKey> = {
	fixed: 'editor.option.fixed',
	per_unit: 'editor.option.perUnit',
	percent_of_revenue: 'editor.option.percentOfRevenue'
};

/** One table per data set the plan has (an empty list still makes an empty table). */
export function dataSetTables(plan: Plan, t: T): ReportTable[] {
	const tables: ReportTable[] = [];
	for (const name of DATA_SET_NAMES) {
		const table = dataSetTable(plan, name, t);
		if (table) tables.push(table);
	}
	return tables;
}

function dataSetTable(plan: Plan, name: DataSetName, t: T): ReportTable | null {
	const data = plan.data;
	const title = t(`editor.dataSet.${name}`);
	const base = (columns: ReportColumn[], rows: ReportCell[][], cellKinds?: Record<string, CellKind>): ReportTable => ({
		id: name,
		title,
		columns,
		rows,
		...(cellKinds ? { cellKinds } : {})
	});
	switch (name) {
		case 'objectives':
			return data.objectives
				? base(
						[column(t('editor.col.metric')), column(t('editor.col.target'), 'number'), column(t('editor.col.unit')), column(t('editor.col.deadline')), column(t('editor.col.baseline'), 'number')],
						data.objectives.map((o) => [opt(o.metric), opt(o.target), opt(o.unit), opt(o.deadline), opt(o.baseline)])
					)
				: null;
		case 'swot': {
			const swot = data.swot;
			if (!swot) return null;
			const quadrants = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;
			return base(
				[column(t('export.col.quadrant')), column(t('export.col.item'))],
				quadrants.flatMap((q) => swot[q].map((item) => [t(`editor.swot.${q}`), item]))
			);
		}
		case 'segments':
			return data.segments
				? base(
						[column(t('editor.col.name')), column(t('editor.col.size'), 'number'), column(t('editor.col.targeted'))],
						data.segments.map((s) => [s.name, opt(s.size), s.target ? t('export.yes') : null])
					)
				: null;
		case 'priceChain':
			return data.priceChain
				? base(
						[column(t('editor.col.tier')), column(t('editor.col.rate'), 'percent'), column(t('editor.col.basis')), column(t('editor.col.minRate'), 'percent'), column(t('editor.col.rebate'), 'percent')],
						data.priceChain.map((p) => [p.tier, p.rate, t(p.basis === 'margin' ? 'editor.option.margin' : 'editor.option.markup'), opt(p.minRate), opt(p.rebate)])
					)
				: null;
		case 'competitors':
			return data.competitors
				? base([column(t('editor.col.name')), column(t('editor.col.price'), 'money')], data.competitors.map((c) => [c.name, c.price]))
				: null;
		case 'budget': {
			const budget = data.budget;
			if (!budget) return null;
			const cellKinds: Record<string, CellKind> = {};
			budget.forEach((b, row) => {
				if (b.kind === 'percent_of_revenue') cellKinds[`${row}:3`] = 'percent';
			});
			return base(
				[column(t('editor.col.name')), column(t('editor.col.category')), column(t('editor.col.costKind')), column(t('editor.col.amount'), 'money'), column(t('editor.col.month'), 'integer')],
				budget.map((b) => [b.name, b.category, t(BUDGET_KIND[b.kind] ?? 'editor.option.fixed'), b.amount, opt(b.month)]),
				cellKinds
			);
		}
		case 'campaigns':
			return data.campaigns
				? base(
						[column(t('editor.col.name')), column(t('editor.col.cost'), 'money'), column(t('editor.col.month'), 'integer'), column(t('editor.col.liftUnits'), 'integer')],
						data.campaigns.map((c) => [c.name, c.cost, opt(c.month), c.liftUnits])
					)
				: null;
		case 'seasonality':
			return data.seasonality
				? base([column(t('editor.col.month'), 'integer'), column(t('export.col.share'), 'percent')], data.seasonality.map((share, i) => [i + 1, share]))
				: null;
		case 'schedule':
			return data.schedule
				? base(
						[column(t('editor.col.id')), column(t('editor.col.task')), column(t('editor.col.owner')), column(t('editor.col.start')), column(t('editor.col.end')), column(t('editor.col.section')), column(t('editor.col.dependsOn'))],
						data.schedule.map((s) => [
							s.id,
							opt(s.task),
							opt(s.owner),
							opt(s.start),
							opt(s.end),
							s.section ? SECTION_TITLES[plan.meta.locale][s.section] : null,
							s.dependsOn.length > 0 ? s.dependsOn.join(', ') : null
						])
					)
				: null;
		case 'dealers': {
			const dealers = data.dealers;
			if (!dealers) return null;
			const scores = new Map(scoreDealers(dealers.criteria, dealers.rows).map((s) => [s.name, s]));
			return base(
				[
					column(t('editor.col.dealer')),
					...dealers.criteria.map((c) => column(t('export.col.criterion', { name: c.name, weight: `${Math.round(c.weight * 1000) / 10}%` }), 'number')),
					column(t('export.col.score'), 'number'),
					column(t('export.col.rank'), 'integer')
				],
				dealers.rows.map((r) => [r.name, ...r.scores, scores.get(r.name)?.score ?? null, scores.get(r.name)?.rank ?? null])
			);
		}
		case 'accounts': {
			const accounts = data.accounts;
			if (!accounts) return null;
			const classes = new Map(classifyAccounts(accounts).map((a) => [a.name, a]));
			return base(
				[column(t('editor.col.name')), column(t('editor.col.accountValue'), 'money'), column(t('export.col.abcClass')), column(t('export.col.cumulativeShare'), 'percent')],
				accounts.map((a) => [a.name, a.value, classes.get(a.name)?.class ?? null, classes.get(a.name)?.cumulative_share ?? null])
			);
		}
		case 'funnel':
			return data.funnel
				? base(
						[column(t('editor.col.stage')), column(t('editor.col.stageValue'), 'money'), column(t('editor.col.conversion'), 'percent'), column(t('editor.col.months'), 'number')],
						data.funnel.map((f) => [f.stage, f.value, f.conversion, f.months])
					)
				: null;
		case 'kpis':
			return data.kpis
				? base(
						[column(t('editor.col.name')), column(t('editor.col.metric')), column(t('editor.col.target'), 'number'), column(t('editor.col.frequency')), column(t('editor.col.owner'))],
						data.kpis.map((k) => [k.name, opt(k.metric), opt(k.target), k.frequency ? t(`editor.option.${k.frequency}`) : null, opt(k.owner)])
					)
				: null;
	}
}
