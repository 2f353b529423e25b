/**
 * Sales funnel (DESIGN §5.10), after the CRM practice in the training material: an opportunity in
 * stage i still has to pass every later stage, so its win probability is the product of the
 * conversions from i to the end, and it closes after the remaining stages' months.
 */
export interface FunnelStageInput {
	stage: string;
	value: number;
	conversion: number;
	months: number;
}

export interface FunnelResult {
	expected_value: number;
	stages: { stage: string; win_probability: number; close_month: number }[];
}

export function analyzeFunnel(stages: readonly FunnelStageInput[]): FunnelResult {
	const out: FunnelResult['stages'] = new Array(stages.length);
	let probability = 1;
	let months = 0;
	let expected = 0;
	for (let i = stages.length - 1; i >= 0; i--) {
		const s = stages[i] as FunnelStageInput;
		probability *= s.conversion;
		months += s.months;
		expected += s.value * probability;
		out[i] = { stage: s.stage, win_probability: probability, close_month: months };
	}
	return { expected_value: expected, stages: out };
}
