/**
 * The schedule as a Gantt chart: one floating bar per task from its start day to the end of its
 * end day, on a linear axis of day numbers (days since 1970-01-01, UTC) with ticks formatted back
 * to dates here, so no Chart.js date adapter (and its date library) is needed. Tasks missing a
 * date, or ending before they start, are left out of the chart and its table; dependency arrows
 * link only tasks that are drawn.
 */
import type { ScheduleRow } from '$lib/domain/plan/types';
import { count, dayNumber, isoDate, shortDate, ticks } from '../chart-format';
import type { ChartContext, ChartSpec } from '../chart-spec';
import { BASE_OPTIONS, COLORS, axisStyle, legend, withAlpha } from '../chart-theme';
import { ganttArrowsPlugin, type GanttLink } from '../gantt-arrows';

interface Task {
	row: ScheduleRow;
	label: string;
	start: number;
	/** Day after the last day: a task from the 1st to the 1st lasts one day. */
	end: number;
}

/** Tasks with a usable date range, in schedule order. */
function drawableTasks(schedule: readonly ScheduleRow[]): Task[] {
	return schedule.flatMap((row) => {
		const start = dayNumber(row.start);
		const last = dayNumber(row.end);
		if (start === null || last === null || last < start) return [];
		return [{ row, label: row.task?.trim() || row.id, start, end: last + 1 }];
	});
}

/** Tick spacing that gives roughly six to twelve labels over `span` days. */
function stepFor(span: number): number {
	return span <= 14 ? 1 : span <= 84 ? 7 : span <= 180 ? 14 : 28;
}

/** The Gantt chart, or null when no task has both dates. */
export function ganttChart(schedule: readonly ScheduleRow[], ctx: ChartContext): ChartSpec | null {
	const tasks = drawableTasks(schedule);
	if (tasks.length === 0) return null;
	const { t } = ctx;
	const indexById = new Map(tasks.map((task, i) => [task.row.id, i]));
	const links: GanttLink[] = tasks.flatMap((task, to) =>
		task.row.dependsOn.flatMap((id) => {
			const from = indexById.get(id);
			return from === undefined || from === to ? [] : [{ from, to }];
		})
	);
	const min = Math.min(...tasks.map((task) => task.start));
	const max = Math.max(...tasks.map((task) => task.end));
	const dates = (task: Task): string => `${isoDate(task.start)} – ${isoDate(task.end - 1)}`;

	return {
		id: 'gantt',
		title: t('charts.gantt.title'),
		config: {
			type: 'bar',
			data: {
				labels: tasks.map((task) => task.label),
				datasets: [
					{
						label: t('charts.gantt.duration'),
						data: tasks.map((task): [number, number] => [task.start, task.end]),
						backgroundColor: withAlpha(COLORS.revenue, 0.75),
						borderColor: COLORS.revenue,
						borderWidth: 1,
						borderSkipped: false,
						barPercentage: 0.6
					}
				]
			},
			plugins: [ganttArrowsPlugin],
			options: {
				...BASE_OPTIONS,
				indexAxis: 'y',
				scales: {
					x: {
						type: 'linear',
						min,
						max,
						...axisStyle(t('charts.gantt.date')),
						ticks: { color: COLORS.text, stepSize: stepFor(max - min), callback: ticks(shortDate, ctx) }
					},
					y: { type: 'category', ...axisStyle(t('charts.gantt.task')) }
				},
				plugins: {
					legend: legend(false),
					tooltip: {
						callbacks: {
							label: (item: { dataIndex: number }) => {
								const task = tasks[item.dataIndex];
								if (!task) return '';
								return task.row.owner ? `${dates(task)} · ${task.row.owner}` : dates(task);
							}
						}
					},
					ganttArrows: { links, color: COLORS.text }
				}
			}
		},
		table: {
			columns: [t('charts.gantt.task'), t('charts.gantt.owner'), t('charts.gantt.start'), t('charts.gantt.end'), t('charts.gantt.days'), t('charts.gantt.dependsOn')],
			rows: tasks.map((task) => [
				task.label,
				task.row.owner ?? '',
				isoDate(task.start),
				isoDate(task.end - 1),
				count(task.end - task.start, ctx),
				task.row.dependsOn.map((id) => tasks[indexById.get(id) ?? -1]?.label ?? id).join(', ')
			])
		}
	};
}
