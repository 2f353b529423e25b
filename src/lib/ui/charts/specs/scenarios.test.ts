import { describe, expect, it } from 'vitest';
import { analyzePlan } from '$lib/domain/model/analysis';
import { parsePlanText } from '$lib/domain/plan/parse';
import { translate } from '$lib/i18n';
import { exampleText } from '$lib/test-data/examples';
import { scenariosChart } from './scenarios';

function analysisOf(name: string) {
	const parsed = parsePlanText(exampleText(name));
	if (!parsed.ok) throw new Error(name);
	return analyzePlan(parsed.plan);
}

const ctx = { locale: 'en' as const, currency: 'USD', t: (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('en', k, p) };

describe('scenariosChart', () => {
	it('puts revenue, contribution and profit of base and every scenario side by side', () => {
		const analysis = analysisOf('price-scenarios');
		const spec = scenariosChart(analysis.grid, ctx);
		expect(spec?.config.data.labels).toEqual(['Base plan', '-10%', '+10%']);
		const profit = spec?.config.data.datasets.find((d) => d.label === 'Profit');
		expect(profit?.data).toEqual(analysis.grid.columns.map((c) => c.values.profit));
		expect(spec?.table.rows).toHaveLength(3);
		expect(spec?.summary).toContain('Base plan');
	});

	it('is absent with nothing to compare', () => {
		expect(scenariosChart(analysisOf('breakeven-basic').grid, ctx)).toBeNull();
	});
});
