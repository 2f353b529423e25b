/**
 * Monte Carlo samples as CSV, one row per trial, so anyone can audit a result in a spreadsheet:
 * the drawn inputs first, then the recorded outputs, full precision (no rounding), `.` decimals.
 */
export function samplesCsv(samples: Readonly<Record<string, ArrayLike<number>>>, columns: readonly string[]): string {
	const present = columns.filter((c) => samples[c] !== undefined);
	const rows = Math.min(...present.map((c) => (samples[c] as ArrayLike<number>).length));
	const lines = [['trial', ...present].join(',')];
	for (let t = 0; t < (Number.isFinite(rows) ? rows : 0); t++) {
		let line = String(t + 1);
		for (const c of present) {
			const v = (samples[c] as ArrayLike<number>)[t] as number;
			line += ',' + (Number.isFinite(v) ? String(v) : '');
		}
		lines.push(line);
	}
	return lines.join('\n') + '\n';
}
