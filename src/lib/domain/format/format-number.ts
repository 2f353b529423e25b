/**
 * Numbers for people, in the plan's locale, with Intl. Compact notation follows how each language
 * reads large figures: Chinese plans count in 万 (1e4) and 亿 (1e8) ("销量 161.5万件"), while English
 * plans keep the full grouped figure ("1,615,000"), since "1.6M" drops digits a budget owner cares
 * about. So `compact` changes only zh-CN output, and only from 1万 upwards.
 */

/** Locales a plan is written in (DESIGN §3 meta.locale). */
export type FormatLocale = 'en' | 'zh-CN';

/** number: up to 2 decimals; integer: whole; money: the plan's currency; percent: a fraction × 100. */
export type NumberStyle = 'number' | 'integer' | 'money' | 'percent';

export interface FormatNumberOptions {
	locale: FormatLocale;
	style: NumberStyle;
	/** ISO 4217 code for `money` (the plan's meta.currency); ignored by other styles. */
	currency?: string;
	/** Use 万/亿 for large counts and money in zh-CN; no effect in en or for percentages. */
	compact?: boolean;
}

/** What is shown for a figure that has no value (e.g. breakeven with no contribution). */
export const NO_VALUE = '—';

const WAN = 1e4;
const YI = 1e8;

// Formatters are costly to build and a plan shows hundreds of figures; the cache only memoises
// pure constructor calls, so it holds no state a test could observe.
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: FormatLocale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = locale + JSON.stringify(options);
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.NumberFormat(locale, options);
		formatters.set(key, f);
	}
	return f;
}

/** Intl options for the plain (not compact) rendering of `value` in `style`. */
function plainOptions(value: number, style: NumberStyle, currency: string): Intl.NumberFormatOptions {
	const magnitude = Math.abs(value);
	switch (style) {
		case 'integer':
			return { maximumFractionDigits: 0 };
		case 'percent':
			return { style: 'percent', maximumFractionDigits: 1 };
		case 'money':
			// Cents matter on a unit price, not on a budget of millions.
			return magnitude >= 1000
				? { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }
				: { style: 'currency', currency };
		default:
			return { maximumFractionDigits: magnitude < 1 ? 4 : 2 };
	}
}

/** The value scaled to 万 or 亿 with its unit, or null when it is below 1万. */
function chineseScale(value: number): { scaled: number; unit: string; digits: number } | null {
	const magnitude = Math.abs(value);
	if (magnitude < WAN) return null;
	if (magnitude < YI) {
		const scaled = Math.round((value / WAN) * 10) / 10;
		// 99,999,999 rounds to 10000万, which a reader expects as 1亿.
		if (Math.abs(scaled) < WAN) return { scaled, unit: '万', digits: 1 };
	}
	return { scaled: Math.round((value / YI) * 100) / 100, unit: '亿', digits: 2 };
}

/**
 * Formats a finite number for display; non-finite input shows as {@link NO_VALUE}.
 * @example formatNumber(1615000, { locale: 'zh-CN', style: 'integer', compact: true }) // "161.5万"
 */
export function formatNumber(value: number, options: FormatNumberOptions): string {
	if (!Number.isFinite(value)) return NO_VALUE;
	const { locale, style } = options;
	const currency = options.currency ?? 'CNY';
	const v = Object.is(value, -0) ? 0 : value;
	if (options.compact && locale === 'zh-CN' && style !== 'percent') {
		const scale = chineseScale(v);
		if (scale) {
			const base: Intl.NumberFormatOptions = { maximumFractionDigits: scale.digits, useGrouping: false };
			const f = formatter(locale, style === 'money' ? { ...base, style: 'currency', currency, minimumFractionDigits: 0 } : base);
			return f.format(scale.scaled) + scale.unit;
		}
	}
	const text = formatter(locale, plainOptions(v, style, currency)).format(v);
	// A tiny negative that rounds to zero would print as "-0" or "-¥0.00".
	return /^-[^1-9]*$/.test(text) ? text.slice(1) : text;
}
