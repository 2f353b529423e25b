/**
 * Reading what a client sends and writing what the server sends, in y-websocket's framing:
 * varUint(message type) · payload. Sync payloads follow y-protocols/sync: varUint(step) ·
 * varUint8Array(state vector | update).
 *
 * The server reads sync messages itself instead of calling `syncProtocol.readSyncMessage`, because
 * that function applies an update to the doc at once, and planbook must store an update before
 * anything else sees it. Parsing is strict: anything that does not decode is a MalformedMessageError,
 * which closes that one socket with 4400.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SAVED, MESSAGE_SYNC } from '../../src/lib/collab/protocol';

export type ClientMessage =
	| { kind: 'sync-step-1'; stateVector: Uint8Array }
	/** Sync step 2 (reply to our step 1) and incremental updates are handled alike. */
	| { kind: 'update'; update: Uint8Array }
	| { kind: 'awareness'; update: Uint8Array }
	| { kind: 'query-awareness' };

/** A frame that is not a well-formed client message; the message says what was wrong. */
export class MalformedMessageError extends Error {
	override readonly name = 'MalformedMessageError';
}

/**
 * Parses one binary frame from a client. Returned byte arrays are copies, so they stay valid after
 * the socket reuses its buffers (updates are stored asynchronously).
 */
export function parseClientMessage(frame: Uint8Array): ClientMessage {
	const decoder = decoding.createDecoder(frame);
	const type = read(() => decoding.readVarUint(decoder), 'message type');
	switch (type) {
		case MESSAGE_SYNC:
			return parseSync(decoder);
		case MESSAGE_AWARENESS:
			return { kind: 'awareness', update: read(() => decoding.readVarUint8Array(decoder), 'awareness update').slice() };
		case MESSAGE_QUERY_AWARENESS:
			return { kind: 'query-awareness' };
		case MESSAGE_AUTH:
		case MESSAGE_SAVED:
			throw new MalformedMessageError(`message type ${type} is sent by the server only`);
		default:
			throw new MalformedMessageError(`unknown message type ${type}`);
	}
}

function parseSync(decoder: decoding.Decoder): ClientMessage {
	const step = read(() => decoding.readVarUint(decoder), 'sync message type');
	const payload = read(() => decoding.readVarUint8Array(decoder), 'sync payload').slice();
	switch (step) {
		case syncProtocol.messageYjsSyncStep1:
			// Decoding now means a bad state vector never reaches encodeStateAsUpdate.
			read(() => Y.decodeStateVector(payload), 'state vector');
			return { kind: 'sync-step-1', stateVector: payload };
		case syncProtocol.messageYjsSyncStep2:
		case syncProtocol.messageYjsUpdate:
			return { kind: 'update', update: payload };
		default:
			throw new MalformedMessageError(`unknown sync message type ${step}`);
	}
}

/** Runs a lib0 read, turning its RangeErrors and friends into a MalformedMessageError. */
function read<T>(reader: () => T, what: string): T {
	try {
		return reader();
	} catch (error) {
		throw new MalformedMessageError(`${what} does not decode (${error instanceof Error ? error.message : String(error)})`);
	}
}

/** Server → client: our state vector, asking for what we miss (sent when a socket opens). */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep1(encoder, doc);
	return encoding.toUint8Array(encoder);
}

/** Server → client: everything the client's state vector does not cover. */
export function encodeSyncStep2(doc: Y.Doc, clientStateVector: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep2(encoder, doc, clientStateVector);
	return encoding.toUint8Array(encoder);
}

/** Server → client: an update another client made (already stored). */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

/** Server → client: the awareness states of `clients`. */
export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: readonly number[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [...clients]));
	return encoding.toUint8Array(encoder);
}
