/**
 * The address a connection is counted against (PLANBOOK_MAX_CONNECTIONS_PER_ADDRESS). Directly
 * exposed, that is the socket's peer. Behind a load balancer or reverse proxy every socket comes
 * from the proxy, so `PLANBOOK_CLIENT_ADDRESS_HEADER` (e.g. `x-forwarded-for`) names the header the
 * proxy writes the client's address into; the last entry of that list is taken, because it is the
 * one the nearest proxy — the trusted one — appended (earlier entries are whatever the client sent).
 * Only set it when every connection does come through such a proxy: otherwise clients choose their
 * own address.
 */
import type { IncomingMessage } from 'node:http';
import { ConfigError } from './config';

export type ClientAddressOf = (req: IncomingMessage) => string;

export function clientAddressOf(header: string | undefined): ClientAddressOf {
	const name = header?.trim().toLowerCase();
	if (!name) return (req) => req.socket.remoteAddress ?? 'unknown';
	return (req) => {
		const raw = req.headers[name];
		const value = Array.isArray(raw) ? raw.at(-1) : raw;
		const last = value?.split(',').at(-1)?.trim();
		return last || (req.socket.remoteAddress ?? 'unknown');
	};
}

/** `PLANBOOK_CLIENT_ADDRESS_HEADER`, checked to be a header name. */
export function clientAddressHeaderFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
	const raw = env.PLANBOOK_CLIENT_ADDRESS_HEADER?.trim();
	if (!raw) return undefined;
	if (!/^[A-Za-z0-9-]{1,64}$/.test(raw)) throw new ConfigError(`PLANBOOK_CLIENT_ADDRESS_HEADER must be a header name such as x-forwarded-for, got "${raw}"`);
	return raw.toLowerCase();
}
