/**
 * A bare WebSocket to the plan endpoint, for sending frames no Yjs client would send and observing
 * how the server closes the connection.
 */
import WebSocket from 'ws';

export interface RawSocket {
	socket: WebSocket;
	/** Binary frames received so far. */
	received: Uint8Array[];
	/** Resolves with the close code and reason. */
	closed: Promise<{ code: number; reason: string }>;
}

/** Opens a socket and waits for the server's first frame (its sync step 1: the plan is loaded). */
export async function openRawSocket(wsBase: string, planId: string, token: string): Promise<RawSocket> {
	const socket = new WebSocket(`${wsBase}/${planId}?token=${encodeURIComponent(token)}`);
	const received: Uint8Array[] = [];
	const closed = new Promise<{ code: number; reason: string }>((resolve) => {
		socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
	});
	socket.on('error', () => {}); // a refused frame may surface as EPIPE/ECONNRESET; 'close' tells the outcome
	await new Promise<void>((resolve, reject) => {
		socket.once('message', () => resolve());
		socket.once('close', (code) => reject(new Error(`closed with ${code} before the first message`)));
		socket.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
	});
	return { socket, received, closed };
}

/** The close code (and reason) a fresh socket to `url` gets, whatever it sends. */
export function closeOf(url: string): Promise<{ code: number; reason: string }> {
	const socket = new WebSocket(url);
	socket.on('error', () => {});
	return new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}
