import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type MessageParams } from '$lib/i18n';
import { refusalText, retryText } from './connection-notice';

const inEnglish = (key: MessageKey, params?: MessageParams): string => translate('en', key, params);
const inChinese = (key: MessageKey, params?: MessageParams): string => translate('zh-CN', key, params);

describe('connection notices', () => {
	it('explain each refusal, in both languages', () => {
		const refused = (code: number) => ({ kind: 'refused' as const, code, reason: 'server reason' });
		expect(refusalText(refused(4413), inEnglish)).toMatch(/too large to send/);
		expect(refusalText(refused(4422), inEnglish)).toMatch(/largest size the server stores/);
		expect(refusalText(refused(4401), inEnglish)).toMatch(/link is not valid/);
		expect(refusalText(refused(4499), inEnglish)).toMatch(/code 4499/);
		expect(refusalText(refused(4422), inChinese)).toMatch(/最大容量/);
		expect(refusalText({ kind: 'saved' }, inEnglish)).toBeNull();
	});

	it('say why the client is retrying, and nothing for a plain network loss', () => {
		expect(retryText({ kind: 'offline', retry: 'server-busy' }, inEnglish)).toMatch(/server is busy/);
		expect(retryText({ kind: 'offline', retry: 'rate-limited' }, inChinese)).toMatch(/修改过多/);
		expect(retryText({ kind: 'offline' }, inEnglish)).toBeNull();
		expect(retryText({ kind: 'syncing' }, inEnglish)).toBeNull();
	});
});
