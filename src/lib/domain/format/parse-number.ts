/**
 * Reads a number the way people type it into a plan: grouped (`1,234.5`, `1 234`), as a percentage
 * (`12%` is the fraction 0.12, as the plan file stores rates), with a currency (`¥8`, `$8`, `CNY 8`,
 * `8元`), with a Chinese or English magnitude (`1.2万`, `3亿`, `5k`), negative (`-5`, `(5)` as
 * accountants write it), and in full-width characters from a Chinese IME (`１２３，４５６．７`).
 *
 * Both plan locales (en, zh-CN) write a comma for thousands and a dot for decimals, so `1,5` is
 * refused rather than guessed. Scaling is done on the decimal text (`1.1万` → `1.1e4`), never by
 * multiplying floats, so `1.1万` is exactly 11000 and `7%` exactly 0.07.
 */

/** Why an input is not a number: nothing typed, or text that is not a number. */
export type ParseNumberFailure = 'empty' | 'invalid';

export type ParseNumberResult = { ok: true; value: number } | { ok: false; reason: ParseNumberFailure };

export interface ParseNumberOptions {
	/** The plan's locale; both accept the same notation today, kept so a locale can differ later. */
	locale: 'en' | 'zh-CN';
}

/** Full-width (IME) forms and typographic variants folded to their ASCII meaning. */
const FOLD: Readonly<Record<string, string>> = {
	'，': ',',
	'。': '.',
	'．': '.',
	'％': '%',
	'－': '-',
	'−': '-',
	'＋': '+',
	'（': '(',
	'）': ')',
	'￥': '¥',
	'＄': '$',
	'\u3000': ' ',
	'\u00a0': ' ',
	'\u202f': ' ',
	'\u2009': ' ',
	'\u2007': ' '
};

/** Multipliers as powers of ten; longest spellings first so 百万 wins over 万. */
const MAGNITUDES: readonly (readonly [string, number])[] = [
	['万亿', 12],
	['千万', 7],
	['百万', 6],
	['亿', 8],
	['万', 4],
	['千', 3],
	['bn', 9],
	['k', 3],
	['m', 6]
];

/** Currency marks that may stand before or after the amount; they never change its value. */
const CURRENCY_PREFIX = /^(?:us\$|hk\$|rmb|cny|usd|eur|gbp|jpy|hkd|[¥$€£])\s*/;
const CURRENCY_SUFFIX = /\s*(?:rmb|cny|usd|eur|gbp|jpy|hkd|元|块|[¥$€£])$/;

/** Digits with optional comma grouping in threes, or plain digits; optional decimals and exponent. */
const NUMBER = /^(?:(\d{1,3}(?:,\d{3})+)|(\d*))(?:\.(\d*))?(?:e([+-]?\d+))?$/;

function fold(text: string): string {
	let out = '';
	for (const ch of text) {
		const code = ch.codePointAt(0) ?? 0;
		// Full-width digits and Latin letters U+FF10..U+FF5A map to ASCII by a fixed offset.
		if (code >= 0xff10 && code <= 0xff5a) out += String.fromCodePoint(code - 0xfee0);
		else out += FOLD[ch] ?? ch;
	}
	return out;
}

const invalid: ParseNumberResult = { ok: false, reason: 'invalid' };

/**
 * Parses user input into a finite number.
 * @returns the value, or why it is not one ('empty' for blank input, else 'invalid')
 */
export function parseNumberInput(text: string, _options: ParseNumberOptions): ParseNumberResult {
	let s = fold(text).trim().toLowerCase();
	if (s === '') return { ok: false, reason: 'empty' };

	let negative = false;
	if (s.startsWith('(') && s.endsWith(')')) {
		negative = true;
		s = s.slice(1, -1).trim();
	}
	const sign = (): boolean => {
		if (s.startsWith('-') || s.startsWith('+')) {
			if (negative && s.startsWith('-')) return false;
			negative = negative || s.startsWith('-');
			s = s.slice(1).trim();
		}
		return true;
	};
	if (!sign()) return invalid;

	let currency = false;
	const prefix = CURRENCY_PREFIX.exec(s);
	if (prefix) {
		currency = true;
		s = s.slice(prefix[0].length);
		// `¥-5` is as common as `-¥5`.
		if (!sign()) return invalid;
	}

	let exponent = 0;
	let percent = false;
	if (s.endsWith('%')) {
		percent = true;
		exponent -= 2;
		s = s.slice(0, -1).trimEnd();
	} else if (s.endsWith('‰')) {
		percent = true;
		exponent -= 3;
		s = s.slice(0, -1).trimEnd();
	}
	const suffix = CURRENCY_SUFFIX.exec(s);
	if (suffix && !percent) {
		if (currency) return invalid;
		currency = true;
		s = s.slice(0, suffix.index);
	}
	if (percent && currency) return invalid;
	if (!percent) {
		for (const [word, power] of MAGNITUDES) {
			// A Latin magnitude must follow a digit directly or after a space ("5k", "5 k"), never
			// end an exponent ("1e5m" is nonsense), hence the digit check.
			if (s.endsWith(word) && /[\d.]\s*$/.test(s.slice(0, -word.length))) {
				exponent += power;
				s = s.slice(0, -word.length).trimEnd();
				break;
			}
		}
	}

	// Spaces group thousands too ("1 234 567"); anything else left over is not a number.
	s = s.replace(/(\d) (?=\d{3}(?:\D|$))/g, '$1');
	const match = NUMBER.exec(s);
	if (!match) return invalid;
	const whole = (match[1] ?? match[2] ?? '').replace(/,/g, '');
	const fraction = match[3] ?? '';
	if (whole === '' && fraction === '') return invalid;
	const power = Number(match[4] ?? '0') + exponent;
	const value = Number(`${whole || '0'}.${fraction || '0'}e${power}`);
	if (!Number.isFinite(value)) return invalid;
	// -0 would print as "-0" in an input; a negated zero is still zero.
	return { ok: true, value: negative && value !== 0 ? -value : value };
}
