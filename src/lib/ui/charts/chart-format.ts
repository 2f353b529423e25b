/**
 * Number formatting for chart ticks, labels, tooltips and tables, in the plan's locale: money and
 * counts compact (万/亿 in zh-CN), so axis ticks stay short and read the way the plan's readers
 * count. Everything goes through the domain formatter, so a chart never shows a figure differently
 * from the key-figures panel.
 */
import { formatNumber } from '$lib/domain/format';
import type { ChartContext } from './chart-spec';

/** Money in the plan's currency. */
export function money(value: number, ctx: ChartContext): string {
	return formatNumber(value, { locale: ctx.locale, style: 'money', currency: ctx.currency, compact: true });
}

/** Unit counts and other whole numbers. */
export function count(value: number, ctx: ChartContext): string {
	return formatNumber(value, { locale: ctx.locale, style: 'integer', compact: true });
}

/** A plain figure (scores, up to two decimals). */
export function plain(value: number, ctx: ChartContext): string {
	return formatNumber(value, { locale: ctx.locale, style: 'number', compact: true });
}

/** A share as a percent (0.25 → 25 %). */
export function percent(share: number, ctx: ChartContext): string {
	return formatNumber(share, { locale: ctx.locale, style: 'percent' });
}

/**
 * A tick callback formatting numeric ticks with `format`; category ticks (strings) pass through.
 * Chart.js hands ticks as `number | string`, hence the guard.
 */
export function ticks(format: (value: number, ctx: ChartContext) => string, ctx: ChartContext): (value: number | string) => string {
	return (value) => (typeof value === 'number' ? format(value, ctx) : value);
}

/** Days since 1970-01-01 of an ISO date `YYYY-MM-DD`, or null when it is not one. */
export function dayNumber(isoDate: string | undefined): number | null {
	const match = isoDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate) : null;
	if (!match) return null;
	const [, y, m, d] = match.map(Number) as [number, number, number, number];
	const ms = Date.UTC(y, m - 1, d);
	const back = new Date(ms);
	// Date.UTC rolls 2027-02-30 over to March; such a date is not a date.
	if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
	return ms / 86_400_000;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A day number as a short date in the plan's locale ("Mar 1" / "3月1日"); UTC, so no zone shifts it. */
export function shortDate(day: number, ctx: ChartContext): string {
	let f = dateFormats.get(ctx.locale);
	if (!f) {
		f = new Intl.DateTimeFormat(ctx.locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
		dateFormats.set(ctx.locale, f);
	}
	return f.format(new Date(Math.round(day) * 86_400_000));
}

/** A day number back as `YYYY-MM-DD`, for tables (unambiguous in both languages). */
export function isoDate(day: number): string {
	return new Date(Math.round(day) * 86_400_000).toISOString().slice(0, 10);
}
