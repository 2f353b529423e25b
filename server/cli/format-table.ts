/** Readable tables for the CLI without --json, labelled and formatted in the plan's locale. */
import { FINANCE_OUTPUT_NAMES, type FinanceOutputName } from '../../src/lib/domain/finance/types.js';
import type { SimulateReport } from '../../src/lib/domain/model/report.js';
import type { Plan } from '../../src/lib/domain/plan/types.js';
import { translate, type Locale, type MessageKey } from '../../src/lib/i18n/index.js';

const RATIOS: ReadonlySet<string> = new Set(['contribution_margin_ratio', 'margin_of_safety']);

function formatter(locale: Locale) {
	const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
	const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
	return (name: string, v: number | null | undefined) =>
		v === null || v === undefined || !Number.isFinite(v) ? '—' : RATIOS.has(name) ? pct.format(v) : num.format(v);
}

/** Display width: CJK characters take two columns in a terminal. */
function width(s: string): number {
	let w = 0;
	for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
	return w;
}

function table(rows: string[][]): string {
	const widths: number[] = [];
	for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))));
	return rows
		.map((r) =>
			r.map((c, i) => (i === 0 ? c + ' '.repeat((widths[i] ?? 0) - width(c)) : ' '.repeat((widths[i] ?? 0) - width(c)) + c)).join('  ')
		)
		.join('\n');
}

const label = (locale: Locale, name: FinanceOutputName) => translate(locale, `finance.${name}` as MessageKey);

export function simulateTable(plan: Plan, report: SimulateReport): string {
	const locale = plan.meta.locale;
	const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
	const f = formatter(locale);
	const parts: string[] = [`${plan.meta.title} (${plan.meta.currency}, ${plan.meta.year})`, ''];
	const header = [t('cli.figure'), t('cli.base'), ...report.scenarios.map((s) => s.name)];
	parts.push(
		table([
			header,
			...FINANCE_OUTPUT_NAMES.map((n) => [label(locale, n), f(n, report.outputs[n]), ...report.scenarios.map((s) => f(n, s.outputs[n]))])
		])
	);
	parts.push('', t('cli.monthly'));
	parts.push(
		table([
			[t('cli.month'), t('finance.units'), t('finance.revenue'), t('finance.profit'), t('cli.cumulativeProfit')],
			...report.monthly.map((m) => [String(m.month), f('', m.units), f('', m.revenue), f('', m.profit), f('', m.cumulative_profit)])
		])
	);
	parts.push('', report.payback_month === null ? t('cli.paybackNone') : t('cli.payback', { month: report.payback_month }));
	if (report.campaigns.length > 0) {
		const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
		parts.push('', table([[t('cli.campaign'), t('cli.roi')], ...report.campaigns.map((c) => [c.name, c.roi === null ? '—' : pct.format(c.roi)])]));
	}
	return parts.join('\n') + '\n';
}

interface MonteCarloBody {
	trials: number;
	seed: number | string;
	outputs: Record<string, { mean: number; sd: number; p5: number; p50: number; p95: number } | null>;
	p_loss: number;
}

export function montecarloTable(plan: Plan, body: MonteCarloBody, uncertainCount: number): string {
	const locale = plan.meta.locale;
	const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
	const f = formatter(locale);
	const rows = [[t('cli.figure'), t('cli.mean'), t('cli.sd'), 'P5', 'P50', 'P95']];
	for (const n of FINANCE_OUTPUT_NAMES) {
		const s = body.outputs[n];
		rows.push([label(locale, n), f(n, s?.mean), f(n, s?.sd), f(n, s?.p5), f(n, s?.p50), f(n, s?.p95)]);
	}
	const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
	return [
		t('cli.montecarloHeading', { trials: body.trials, seed: String(body.seed), inputs: uncertainCount }),
		'',
		table(rows),
		'',
		t('cli.pLoss', { share: pct.format(body.p_loss) })
	].join('\n') + '\n';
}
