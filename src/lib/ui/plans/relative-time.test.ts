import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time';

const NOW = Date.UTC(2027, 5, 15, 12, 0, 0);

describe('relativeTime', () => {
	it('leaves the last minute to the caller', () => {
		expect(relativeTime(NOW - 30_000, NOW, 'en')).toBeNull();
		expect(relativeTime(NOW + 5_000, NOW, 'en')).toBeNull();
	});

	it('counts minutes, hours and days in the UI language', () => {
		expect(relativeTime(NOW - 5 * 60_000, NOW, 'en')).toBe('5 minutes ago');
		expect(relativeTime(NOW - 3 * 3_600_000, NOW, 'en')).toBe('3 hours ago');
		expect(relativeTime(NOW - 86_400_000, NOW, 'en')).toBe('yesterday');
		expect(relativeTime(NOW - 5 * 60_000, NOW, 'zh-CN')).toBe('5分钟前');
		expect(relativeTime(NOW - 86_400_000, NOW, 'zh-CN')).toBe('昨天');
	});

	it('shows a date after a week, with the year only when it differs', () => {
		expect(relativeTime(Date.UTC(2027, 0, 3, 12), NOW, 'en')).toBe('Jan 3');
		expect(relativeTime(Date.UTC(2026, 0, 3, 12), NOW, 'en')).toBe('Jan 3, 2026');
	});
});
