import { describe, expect, it } from 'vitest';
import { SeqTracker } from './seq-tracker';

describe('SeqTracker', () => {
	it('advances over contiguous seqs and remembers early ones as a gap', () => {
		const tracker = new SeqTracker(3);
		tracker.add(4);
		expect(tracker.watermark).toBe(4);
		tracker.add(6);
		tracker.add(7);
		expect(tracker.watermark).toBe(4);
		expect(tracker.hasGap).toBe(true);
		expect(tracker.has(6)).toBe(true);
		expect(tracker.has(5)).toBe(false);
		tracker.add(5);
		expect(tracker.watermark).toBe(7);
		expect(tracker.hasGap).toBe(false);
	});

	it('jumps to what a catch-up read and keeps what lies beyond it', () => {
		const tracker = new SeqTracker(0);
		tracker.add(3);
		tracker.add(9);
		tracker.advanceTo(5);
		expect(tracker.watermark).toBe(5);
		expect(tracker.has(9)).toBe(true);
		expect(tracker.hasGap).toBe(true);
		tracker.advanceTo(8);
		expect(tracker.watermark).toBe(9);
		expect(tracker.hasGap).toBe(false);
		tracker.advanceTo(2);
		expect(tracker.watermark).toBe(9);
		tracker.add(1);
		expect(tracker.hasGap).toBe(false);
	});
});
