import { describe, expect, it } from 'vitest';
import type { Chart } from 'chart.js';
import { arrowPath, ganttArrowsPlugin, type BarBox, type GanttArrowsOptions } from './gantt-arrows';

const bar = (start: number, end: number, y: number): BarBox => ({ base: start, x: end, y, height: 10 });

describe('arrowPath', () => {
	it('runs from the predecessor end to the successor start with one elbow', () => {
		expect(arrowPath(bar(10, 50, 20), bar(80, 120, 40))).toEqual([
			{ x: 50, y: 20 },
			{ x: 58, y: 20 },
			{ x: 58, y: 40 },
			{ x: 80, y: 40 }
		]);
	});

	it('loops back between the rows when the successor starts before the predecessor ends', () => {
		const path = arrowPath(bar(10, 50, 20), bar(30, 90, 40));
		expect(path[0]).toEqual({ x: 50, y: 20 });
		expect(path[path.length - 1]).toEqual({ x: 30, y: 40 });
		expect(path[2]?.y).toBe(30);
		// The last segment enters the bar from the left.
		expect((path[path.length - 2]?.x ?? Infinity) < 30).toBe(true);
	});
});

describe('ganttArrowsPlugin', () => {
	it('strokes one arrow per link, from bar end to bar start', () => {
		const calls: string[] = [];
		const g = new Proxy({} as Record<string, unknown>, {
			get: (_t, name: string) => (...args: number[]) => calls.push(`${name}(${args.join(',')})`),
			set: () => true
		});
		const elements = [bar(0, 40, 10), bar(60, 100, 30)].map((b) => ({ getProps: () => b }));
		const chart = { ctx: g, getDatasetMeta: () => ({ data: elements }) } as unknown as Chart;
		const options: GanttArrowsOptions = { links: [{ from: 0, to: 1 }, { from: 1, to: 7 }], color: '#000' };
		ganttArrowsPlugin.afterDatasetsDraw?.(chart, {}, options, false);
		expect(calls.filter((c) => c.startsWith('moveTo'))).toEqual(['moveTo(40,10)', 'moveTo(60,30)']);
		expect(calls).toContain('lineTo(60,30)');
		expect(calls.filter((c) => c === 'stroke()')).toHaveLength(1);
	});
});
