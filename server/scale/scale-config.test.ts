import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { scaleOutFromEnv } from './scale-config';

describe('scaleOutFromEnv', () => {
	it('is the embedded default when nothing is set', () => {
		expect(scaleOutFromEnv({})).toEqual({ databaseUrl: undefined, redisUrl: undefined });
		expect(scaleOutFromEnv({ PLANBOOK_DATABASE_URL: ' ', PLANBOOK_REDIS_URL: '' })).toEqual({ databaseUrl: undefined, redisUrl: undefined });
	});

	it('reads both URLs', () => {
		const env = { PLANBOOK_DATABASE_URL: 'postgres://db:5432/planbook', PLANBOOK_REDIS_URL: 'redis://cache:6379' };
		expect(scaleOutFromEnv(env)).toEqual({ databaseUrl: 'postgres://db:5432/planbook', redisUrl: 'redis://cache:6379' });
	});

	it('reads the optional schema and channel prefix, checking their form', () => {
		const env = { PLANBOOK_DATABASE_URL: 'postgres://db/x', PLANBOOK_DATABASE_SCHEMA: 'planbook_eu', PLANBOOK_REDIS_URL: 'redis://c', PLANBOOK_REDIS_PREFIX: 'pb-eu' };
		expect(scaleOutFromEnv(env)).toMatchObject({ databaseSchema: 'planbook_eu', busPrefix: 'pb-eu' });
		expect(() => scaleOutFromEnv({ ...env, PLANBOOK_DATABASE_SCHEMA: 'Robert"; drop' })).toThrow(/PLANBOOK_DATABASE_SCHEMA must be/);
		expect(() => scaleOutFromEnv({ PLANBOOK_DATABASE_SCHEMA: 'x' })).toThrow(/needs PLANBOOK_DATABASE_URL/);
		expect(() => scaleOutFromEnv({ PLANBOOK_DATABASE_URL: 'postgres://db/x', PLANBOOK_REDIS_PREFIX: 'p' })).toThrow(/needs PLANBOOK_REDIS_URL/);
	});

	it('refuses Redis without PostgreSQL, and URLs of the wrong kind, naming the variable', () => {
		expect(() => scaleOutFromEnv({ PLANBOOK_REDIS_URL: 'redis://cache' })).toThrow(/PLANBOOK_REDIS_URL needs PLANBOOK_DATABASE_URL/);
		expect(() => scaleOutFromEnv({ PLANBOOK_DATABASE_URL: 'mysql://db' })).toThrow(ConfigError);
		expect(() => scaleOutFromEnv({ PLANBOOK_DATABASE_URL: 'not a url' })).toThrow(/PLANBOOK_DATABASE_URL is not a URL/);
		expect(() => scaleOutFromEnv({ PLANBOOK_DATABASE_URL: 'postgres://db', PLANBOOK_REDIS_URL: 'http://cache' })).toThrow(/PLANBOOK_REDIS_URL must start with redis:/);
	});
});
