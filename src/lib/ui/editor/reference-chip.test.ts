import { describe, expect, it } from 'vitest';
import type { CellResult } from '$lib/domain/formula/errors';
import { formatNumber } from '$lib/domain/format';
import { translate } from '$lib/i18n';
import type { ReferenceSource } from '$lib/state/plan-view';
import { describeReference } from './reference-chip';

const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);

function source(results: Record<string, CellResult>, locale: 'en' | 'zh-CN' = 'en'): ReferenceSource {
	return {
		get: (name) => results[name],
		version: 0,
		computed: true,
		candidates: () => [],
		format: (_name, value) => formatNumber(value, { locale, style: 'integer', compact: true }),
		subscribe: () => () => {}
	};
}

describe('describeReference', () => {
	it('shows the formatted value with label and name in the title', () => {
		const view = describeReference('volume', source({ volume: { ok: true, value: 1615000 } }), t, '目标销量');
		expect(view).toEqual({ text: '1,615,000', title: '目标销量 (volume) — live value', state: 'ok' });
		expect(describeReference('volume', source({ volume: { ok: true, value: 1615000 } }, 'zh-CN'), t).text).toBe('161.5万');
	});

	it('says the value is being worked out before the first computation, without a number', () => {
		const view = describeReference('volume', { ...source({}), computed: false }, t);
		expect(view).toEqual({ text: '…', title: 'Working out “volume”…', state: 'pending' });
	});

	it('flags an unknown or deleted name without a number', () => {
		const view = describeReference('volume', source({}), t);
		expect(view.state).toBe('unknown');
		expect(view.text).toBe('⚠ volume');
		expect(view.title).toContain('volume');
		expect(describeReference('', source({}), t).state).toBe('unknown');
	});

	it('flags an error result with the translated reason', () => {
		const view = describeReference('profit', source({ profit: { ok: false, error: { kind: 'cycle', members: ['a', 'b'], message: 'x' } } }), t);
		expect(view).toEqual({ text: '⚠ profit', title: '“profit” has no value: Circular reference: a, b.', state: 'error' });
		expect(view.text).not.toMatch(/\d/);
	});
});
