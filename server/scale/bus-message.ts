/**
 * What planbook processes tell each other over the bus (Redis pub/sub), in lib0 binary:
 * varUint(kind) · varString(origin process) · kind-specific fields.
 *
 * - update: a plan's update as stored, with its per-plan seq (the store's gapless sequence), so a
 *   receiver knows which seqs it has and fetches what the bus dropped;
 * - awareness: presence of the sender's local clients (never stored);
 * - control: something every process must act on (a revoked link, changed roles, a deleted plan).
 *
 * Decoding is strict: the bus is ours, but a message that does not decode is dropped with a log
 * line, never applied.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;
const KIND_CONTROL = 2;

export type ControlMessage =
	| { action: 'close-token'; token: string; reason: string }
	| { action: 'reconnect-plans'; planIds: string[]; reason: string }
	| { action: 'plan-deleted'; planId: string };

export type BusMessage =
	| { kind: 'update'; origin: string; planId: string; seq: number; update: Uint8Array }
	| { kind: 'awareness'; origin: string; planId: string; update: Uint8Array }
	| { kind: 'control'; origin: string; control: ControlMessage };

export function encodeBusMessage(message: BusMessage): Uint8Array {
	const encoder = encoding.createEncoder();
	switch (message.kind) {
		case 'update':
			encoding.writeVarUint(encoder, KIND_UPDATE);
			encoding.writeVarString(encoder, message.origin);
			encoding.writeVarString(encoder, message.planId);
			encoding.writeVarUint(encoder, message.seq);
			encoding.writeVarUint8Array(encoder, message.update);
			break;
		case 'awareness':
			encoding.writeVarUint(encoder, KIND_AWARENESS);
			encoding.writeVarString(encoder, message.origin);
			encoding.writeVarString(encoder, message.planId);
			encoding.writeVarUint8Array(encoder, message.update);
			break;
		case 'control':
			encoding.writeVarUint(encoder, KIND_CONTROL);
			encoding.writeVarString(encoder, message.origin);
			encoding.writeVarString(encoder, JSON.stringify(message.control));
			break;
	}
	return encoding.toUint8Array(encoder);
}

/** A bus message that does not decode. */
export class BadBusMessageError extends Error {
	override readonly name = 'BadBusMessageError';
}

export function decodeBusMessage(bytes: Uint8Array): BusMessage {
	try {
		const decoder = decoding.createDecoder(bytes);
		const kind = decoding.readVarUint(decoder);
		const origin = decoding.readVarString(decoder);
		let message: BusMessage;
		if (kind === KIND_UPDATE) {
			const planId = decoding.readVarString(decoder);
			const seq = decoding.readVarUint(decoder);
			message = { kind: 'update', origin, planId, seq, update: decoding.readVarUint8Array(decoder) };
		} else if (kind === KIND_AWARENESS) {
			const planId = decoding.readVarString(decoder);
			message = { kind: 'awareness', origin, planId, update: decoding.readVarUint8Array(decoder) };
		} else if (kind === KIND_CONTROL) {
			message = { kind: 'control', origin, control: parseControl(decoding.readVarString(decoder)) };
		} else {
			throw new BadBusMessageError(`unknown bus message kind ${kind}`);
		}
		if (decoding.hasContent(decoder)) throw new BadBusMessageError('trailing bytes after a bus message');
		return message;
	} catch (error) {
		if (error instanceof BadBusMessageError) throw error;
		throw new BadBusMessageError(`bus message does not decode (${error instanceof Error ? error.message : String(error)})`);
	}
}

function parseControl(json: string): ControlMessage {
	const value = JSON.parse(json) as Partial<Record<string, unknown>>;
	const isStrings = (list: unknown): list is string[] => Array.isArray(list) && list.every((item) => typeof item === 'string');
	if (value.action === 'close-token' && typeof value.token === 'string' && typeof value.reason === 'string') {
		return { action: 'close-token', token: value.token, reason: value.reason };
	}
	if (value.action === 'reconnect-plans' && isStrings(value.planIds) && typeof value.reason === 'string') {
		return { action: 'reconnect-plans', planIds: value.planIds, reason: value.reason };
	}
	if (value.action === 'plan-deleted' && typeof value.planId === 'string') return { action: 'plan-deleted', planId: value.planId };
	throw new BadBusMessageError(`unknown control message ${json.slice(0, 80)}`);
}
