/**
 * "5 minutes ago" / "5分钟前" for the plan list, with Intl in the UI language. Older than a week
 * reads as a date, which is what people compare plans by.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A time relative to `now` (both in milliseconds), or null when it is under a minute old (the
 * caller shows its own "just now").
 */
export function relativeTime(then: number, now: number, locale: string): string | null {
	const age = Math.max(0, now - then);
	if (age < MINUTE) return null;
	const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
	if (age < HOUR) return rtf.format(-Math.floor(age / MINUTE), 'minute');
	if (age < DAY) return rtf.format(-Math.floor(age / HOUR), 'hour');
	if (age < 7 * DAY) return rtf.format(-Math.floor(age / DAY), 'day');
	const sameYear = new Date(then).getFullYear() === new Date(now).getFullYear();
	return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }) }).format(then);
}
