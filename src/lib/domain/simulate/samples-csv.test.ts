import { describe, expect, it } from 'vitest';
import { samplesCsv } from './samples-csv';

describe('samplesCsv', () => {
	it('writes one row per trial, inputs then outputs, full precision, blanks for non-finite values', () => {
		const csv = samplesCsv({ price: Float64Array.from([1.5, 2.25]), profit: Float64Array.from([0.1 + 0.2, NaN]) }, ['price', 'profit', 'absent']);
		expect(csv).toBe('trial,price,profit\n1,1.5,0.30000000000000004\n2,2.25,\n');
	});
});
