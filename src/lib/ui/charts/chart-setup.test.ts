import { describe, expect, it } from 'vitest';
import { registerCharts } from './chart-setup';

describe('registerCharts', () => {
	it('registers what the specs use, once, and returns the Chart class', () => {
		const Chart = registerCharts();
		expect(registerCharts()).toBe(Chart);
		for (const id of ['bar', 'line']) expect(Chart.registry.controllers.get(id), id).toBeDefined();
		for (const id of ['category', 'linear']) expect(Chart.registry.scales.get(id), id).toBeDefined();
		for (const id of ['annotation', 'legend', 'tooltip']) expect(Chart.registry.plugins.get(id), id).toBeDefined();
		// Tree-shaken: chart types no spec draws stay out.
		expect(Chart.registry.controllers.get('doughnut')).toBeUndefined();
	});
});
