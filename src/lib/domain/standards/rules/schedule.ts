/** S6 有条理的实施步骤 (orderly implementation) and the control section's KPIs. */
import { stronglyConnected } from '../../formula/scc.js';
import type { Rule } from '../types.js';
import { problem, text } from './helpers.js';

export const s6Rows: Rule = {
	id: 'S6.rows',
	item: 'S6',
	severity: 'error',
	hint: text('Every action needs a task, an owner, a start and an end date.', '每项行动都要有任务、负责人、开始和结束日期。'),
	check({ plan }) {
		return (plan.data.schedule ?? []).flatMap((r, row) => {
			const missing: [string, string][] = [];
			if (!r.task?.trim()) missing.push(['task', '任务']);
			if (!r.owner?.trim()) missing.push(['owner', '负责人']);
			if (!r.start) missing.push(['start', '开始日期']);
			if (!r.end) missing.push(['end', '结束日期']);
			if (missing.length > 0) {
				return [problem({ data: 'schedule', row }, `Row ${r.id} has no ${missing.map((m) => m[0]).join(', ')}.`, `步骤 ${r.id} 缺少${missing.map((m) => m[1]).join('、')}。`)];
			}
			if ((r.end as string) < (r.start as string)) {
				return [problem({ data: 'schedule', row }, `Row ${r.id} ends before it starts.`, `步骤 ${r.id} 的结束日期早于开始日期。`)];
			}
			return [];
		});
	}
};

export const s6Year: Rule = {
	id: 'S6.year',
	item: 'S6',
	severity: 'warning',
	hint: text('Keep the schedule within the plan year.', '实施步骤应安排在计划年度内。'),
	check({ plan }) {
		const year = String(plan.meta.year);
		return (plan.data.schedule ?? []).flatMap((r, row) =>
			[r.start, r.end].some((d) => d !== undefined && !d.startsWith(year))
				? [problem({ data: 'schedule', row }, `Row ${r.id} lies outside ${year}.`, `步骤 ${r.id} 不在 ${year} 年内。`)]
				: []
		);
	}
};

export const s6Deps: Rule = {
	id: 'S6.deps',
	item: 'S6',
	severity: 'error',
	hint: text('A step can only depend on existing steps, without loops, and starts after they end.', '前置步骤必须存在、不能循环依赖，且本步骤应在前置步骤结束后开始。'),
	check({ plan }) {
		const rows = plan.data.schedule ?? [];
		const byId = new Map(rows.map((r) => [r.id, r]));
		const out = rows.flatMap((r, row) =>
			r.dependsOn.flatMap((dep) => {
				const d = byId.get(dep);
				if (!d) return [problem({ data: 'schedule', row }, `Row ${r.id} depends on unknown row "${dep}".`, `步骤 ${r.id} 依赖不存在的步骤「${dep}」。`)];
				if (r.start && d.end && r.start < d.end) {
					return [problem({ data: 'schedule', row }, `Row ${r.id} starts (${r.start}) before ${dep} ends (${d.end}).`, `步骤 ${r.id}（${r.start} 开始）早于前置步骤 ${dep}（${d.end} 结束）。`)];
				}
				return [];
			})
		);
		const cycles = stronglyConnected(
			rows.map((r) => r.id),
			(id) => byId.get(id)?.dependsOn ?? [],
			(id) => byId.has(id)
		).filter((c) => c.length > 1 || (byId.get(c[0] as string)?.dependsOn.includes(c[0] as string) ?? false));
		for (const cycle of cycles) {
			const members = [...cycle].sort().join(', ');
			const row = rows.findIndex((r) => r.id === cycle[0]);
			out.push(problem({ data: 'schedule', row }, `Rows ${members} depend on each other in a loop.`, `步骤 ${members} 相互依赖，形成循环。`));
		}
		return out;
	}
};

export const s6Kpis: Rule = {
	id: 'S6.kpis',
	item: 'S6',
	severity: 'warning',
	hint: text('Control needs KPIs with an owner and a review frequency.', '实施控制需要有负责人和检查频率的关键指标（KPI）。'),
	check({ plan }) {
		if ((plan.data.kpis ?? []).some((k) => k.owner?.trim() && k.frequency)) return [];
		return [problem({ section: 'control' }, 'No KPI with an owner and a frequency.', '没有设定负责人和检查频率的KPI。')];
	}
};
