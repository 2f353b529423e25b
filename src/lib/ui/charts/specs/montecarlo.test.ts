import { describe, expect, it } from 'vitest';
import { summarize } from '$lib/domain/simulate/stats';
import type { MonteCarloChartInput } from '../chart-spec';
import { binPosition, montecarloChart } from './montecarlo';
import { chartContext, dataOf, markerLineOf } from './spec-fixtures';

/** 1,000 evenly spread profits from −250,000 to 749,000: a quarter of them losses. */
function input(): MonteCarloChartInput {
	const samples = Array.from({ length: 1000 }, (_, i) => (i - 250) * 1000);
	const s = summarize(samples, { bins: 20 });
	return { histogram: s.histogram, mean: s.mean, p5: s.p5, p50: s.p50, p95: s.p95, pLoss: samples.filter((x) => x < 0).length / samples.length, trials: samples.length };
}

describe('montecarloChart', () => {
	const mc = input();
	const spec = montecarloChart(mc, chartContext('en'));

	it('states P(loss) and the trial count', () => {
		expect(spec?.summary).toBe('Probability of a loss: 25%, over 1,000 trials; mean profit $249,500.');
		expect(spec?.title).toBe('Profit risk (Monte Carlo)');
	});

	it('labels bars by bin centre and colours the bins below zero as losses', () => {
		if (!spec) throw new Error('no spec');
		const { min, binWidth, counts } = mc.histogram;
		expect(spec.config.data.labels).toHaveLength(counts.length);
		expect(spec.config.data.labels?.[0]).toBe('-$225,025');
		const loss = dataOf(spec, 'Loss');
		const gain = dataOf(spec, 'Profit');
		counts.forEach((c, i) => {
			const centre = min + binWidth * (i + 0.5);
			expect(centre < 0 ? loss[i] : gain[i]).toBe(c);
			expect(centre < 0 ? gain[i] : loss[i]).toBeNull();
		});
		expect(loss.filter((x) => x !== null)).toHaveLength(5);
	});

	it('puts the p5, p50 and p95 lines inside the bins holding those values', () => {
		if (!spec) throw new Error('no spec');
		const { min, binWidth } = mc.histogram;
		for (const [id, value] of [['p5', mc.p5], ['p50', mc.p50], ['p95', mc.p95]] as const) {
			const line = markerLineOf(spec, id);
			const bin = Math.floor((value - min) / binWidth);
			expect(line.scaleID).toBe('x');
			expect(Math.round(line.value as number)).toBe(bin);
			expect(line.value).toBeCloseTo((value - min) / binWidth - 0.5, 9);
		}
		expect(markerLineOf(spec, 'p50').label).toBe('Median $249,500');
	});

	it('tabulates one row per bin with the count and its share', () => {
		if (!spec) throw new Error('no spec');
		expect(spec.table.rows).toHaveLength(20);
		expect(spec.table.rows[0]).toEqual(['-$250,000 – -$200,050', '50', '5%']);
	});

	it('is null before a run or when no trial had a finite profit', () => {
		expect(montecarloChart(null, chartContext('en'))).toBeNull();
		const empty = summarize([Number.NaN]);
		expect(montecarloChart({ ...mc, histogram: empty.histogram }, chartContext('en'))).toBeNull();
	});
});

describe('binPosition', () => {
	it('clamps to the axis and puts everything at 0 for a single zero-width bin', () => {
		const h = { min: 0, max: 10, binWidth: 1, counts: new Array<number>(10).fill(1) };
		expect(binPosition(-5, h)).toBe(-0.5);
		expect(binPosition(50, h)).toBe(9.5);
		expect(binPosition(3.5, h)).toBe(3);
		expect(binPosition(7, { min: 7, max: 7, binWidth: 0, counts: [4] })).toBe(0);
	});
});
