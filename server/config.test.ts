import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_LIMITS, limitsFromEnv, sqliteSynchronousFromEnv } from './config';

describe('limitsFromEnv', () => {
	it('uses the defaults for unset or empty variables', () => {
		expect(limitsFromEnv({})).toEqual(DEFAULT_LIMITS);
		expect(limitsFromEnv({ PLANBOOK_IDLE_UNLOAD_MS: ' ' })).toEqual(DEFAULT_LIMITS);
	});

	it('reads whole numbers, and 0 only for the message rate', () => {
		const limits = limitsFromEnv({ PLANBOOK_IDLE_UNLOAD_MS: '5000', PLANBOOK_MAX_FRAME_BYTES: '1024', PLANBOOK_MAX_MESSAGES_PER_SECOND: '0' });
		expect(limits).toMatchObject({ idleUnloadMs: 5000, maxFrameBytes: 1024, messagesPerSecond: 0 });
		expect(() => limitsFromEnv({ PLANBOOK_MAX_FRAME_BYTES: '0' })).toThrow(ConfigError);
	});

	it('reads the document, connection and presence limits', () => {
		const limits = limitsFromEnv({
			PLANBOOK_MAX_DOC_BYTES: '1048576',
			PLANBOOK_MAX_CONNECTIONS_PER_ADDRESS: '500',
			PLANBOOK_MAX_LOADED_DOCS: '10',
			PLANBOOK_MAX_AWARENESS_PER_SECOND: '0',
			PLANBOOK_AWARENESS_BURST: '5'
		});
		expect(limits).toMatchObject({ maxDocBytes: 1_048_576, maxConnectionsPerAddress: 500, maxLoadedDocs: 10, awarenessPerSecond: 0, awarenessBurst: 5 });
		expect(() => limitsFromEnv({ PLANBOOK_MAX_LOADED_DOCS: '0' })).toThrow(/PLANBOOK_MAX_LOADED_DOCS/);
		expect(() => limitsFromEnv({ PLANBOOK_MAX_CONNECTIONS_PER_ADDRESS: '-1' })).toThrow(ConfigError);
	});

	it('has defaults that let a large plan and a classroom behind one address in', () => {
		expect(DEFAULT_LIMITS.maxDocBytes).toBeGreaterThan(4 * DEFAULT_LIMITS.maxFrameBytes);
		expect(DEFAULT_LIMITS.maxConnectionsPerAddress).toBeGreaterThanOrEqual(150);
		expect(DEFAULT_LIMITS.awarenessBurst).toBeGreaterThanOrEqual(DEFAULT_LIMITS.awarenessPerSecond);
	});

	it('names the variable of a bad value', () => {
		expect(() => limitsFromEnv({ PLANBOOK_COMPACT_EVERY: 'lots' })).toThrow(/PLANBOOK_COMPACT_EVERY .*"lots"/);
		expect(() => limitsFromEnv({ PLANBOOK_IDLE_UNLOAD_MS: '1.5' })).toThrow(/PLANBOOK_IDLE_UNLOAD_MS/);
	});
});

describe('sqliteSynchronousFromEnv', () => {
	it('accepts NORMAL (default) and FULL, case-insensitively', () => {
		expect(sqliteSynchronousFromEnv({})).toBe('NORMAL');
		expect(sqliteSynchronousFromEnv({ PLANBOOK_SQLITE_SYNCHRONOUS: 'full' })).toBe('FULL');
		expect(() => sqliteSynchronousFromEnv({ PLANBOOK_SQLITE_SYNCHRONOUS: 'OFF' })).toThrow(ConfigError);
	});
});
