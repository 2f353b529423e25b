import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressHeaderFromEnv, clientAddressOf } from './client-address';
import { ConfigError } from './config';

function request(remoteAddress: string, headers: IncomingMessage['headers'] = {}): IncomingMessage {
	return { socket: { remoteAddress }, headers } as unknown as IncomingMessage;
}

describe('clientAddressOf', () => {
	it('is the socket peer by default, whatever headers say', () => {
		expect(clientAddressOf(undefined)(request('10.0.0.9', { 'x-forwarded-for': '1.2.3.4' }))).toBe('10.0.0.9');
	});

	it('behind a proxy, takes the last address of the configured header (the one the proxy added)', () => {
		const of = clientAddressOf('X-Forwarded-For');
		expect(of(request('10.0.0.1', { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }))).toBe('203.0.113.7');
		expect(of(request('10.0.0.1', { 'x-forwarded-for': '198.51.100.2' }))).toBe('198.51.100.2');
		expect(of(request('10.0.0.1'))).toBe('10.0.0.1');
	});

	it('checks the header name', () => {
		expect(clientAddressHeaderFromEnv({ PLANBOOK_CLIENT_ADDRESS_HEADER: 'X-Real-IP' })).toBe('x-real-ip');
		expect(clientAddressHeaderFromEnv({})).toBeUndefined();
		expect(() => clientAddressHeaderFromEnv({ PLANBOOK_CLIENT_ADDRESS_HEADER: 'x forwarded' })).toThrow(ConfigError);
	});
});
