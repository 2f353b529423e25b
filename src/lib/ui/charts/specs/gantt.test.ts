import { describe, expect, it } from 'vitest';
import type { ScheduleRow } from '$lib/domain/plan/types';
import { dayNumber } from '../chart-format';
import { ganttArrowsPlugin } from '../gantt-arrows';
import { ganttChart } from './gantt';
import { chartContext, contextOf, dataOf, exampleAnalysis, examplePlan } from './spec-fixtures';

describe('ganttChart', () => {
	const ctx = contextOf(examplePlan('deep-marketing-ars'));
	const schedule = exampleAnalysis('deep-marketing-ars').schedule;
	const spec = ganttChart(schedule, ctx);

	it('draws each task from its start day to the end of its end day', () => {
		if (!spec) throw new Error('no spec');
		expect(spec.config.data.labels).toEqual(schedule.map((r) => r.task));
		const bars = dataOf(spec, '任务') as [number, number][];
		expect(bars[0]).toEqual([dayNumber('2027-01-04'), (dayNumber('2027-01-29') ?? 0) + 1]);
		expect(bars).toHaveLength(schedule.length);
		expect(spec.config.options?.scales?.x).toMatchObject({ type: 'linear', min: dayNumber('2027-01-04'), max: (dayNumber('2027-05-31') ?? 0) + 1 });
	});

	it('formats day-number ticks back to dates', () => {
		const x = spec?.config.options?.scales?.x;
		const callback = x?.ticks && 'callback' in x.ticks ? x.ticks.callback : undefined;
		if (typeof callback !== 'function') throw new Error('no tick callback');
		const day = dayNumber('2027-03-01') ?? 0;
		expect(callback.call(undefined as never, day, 0, [])).toBe('3月1日');
		expect(ganttChart(schedule, chartContext('en'))?.config.options?.scales?.x?.ticks).toBeDefined();
	});

	it('links each task to its predecessors for the arrow plugin', () => {
		if (!spec) throw new Error('no spec');
		expect(spec.config.plugins).toContain(ganttArrowsPlugin);
		const links = spec.config.options?.plugins?.ganttArrows?.links;
		// t2 follows t1, t5 follows t2.
		expect(links).toEqual([
			{ from: 0, to: 1 },
			{ from: 1, to: 4 }
		]);
		expect(spec.table.rows[4]?.[5]).toBe('核心经销商评估与签约');
	});

	it('skips rows without both dates, and links only drawn tasks', () => {
		const rows: ScheduleRow[] = [
			{ id: 'a', task: 'A', start: '2027-01-01', end: '2027-01-10', dependsOn: [] },
			{ id: 'b', task: 'B', start: '2027-01-05', dependsOn: ['a'] },
			{ id: 'c', start: '2027-01-11', end: '2027-01-12', dependsOn: ['b', 'a'] },
			{ id: 'd', task: 'D', start: '2027-02-30', end: '2027-03-02', dependsOn: [] },
			{ id: 'e', task: 'E', start: '2027-03-02', end: '2027-03-01', dependsOn: [] }
		];
		const sparse = ganttChart(rows, chartContext('en'));
		expect(sparse?.config.data.labels).toEqual(['A', 'c']);
		expect(sparse?.config.options?.plugins?.ganttArrows?.links).toEqual([{ from: 0, to: 1 }]);
		expect(sparse?.table.rows).toEqual([
			['A', '', '2027-01-01', '2027-01-10', '10', ''],
			['c', '', '2027-01-11', '2027-01-12', '2', 'b, A']
		]);
		expect(ganttChart([rows[1] as ScheduleRow], chartContext('en'))).toBeNull();
		expect(ganttChart([], chartContext('en'))).toBeNull();
	});
});
