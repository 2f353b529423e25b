import { en, type MessageKey } from './en';
import type { Locale } from './locale';
import { zhCN } from './zh-CN';

/** Values substituted for `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

const CATALOGUES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = {
	en,
	'zh-CN': zhCN
};

/**
 * The message `key` in `locale`, with each `{name}` replaced by `params[name]`. A placeholder
 * without a matching parameter is left as written, so a missing value is visible, not blank.
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
	const message = CATALOGUES[locale][key];
	if (params === undefined) return message;
	return message.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
		const value = params[name];
		return value === undefined ? placeholder : String(value);
	});
}

/** The catalogue of `locale`, for tests and tools that list every message. */
export function messagesOf(locale: Locale): Readonly<Record<MessageKey, string>> {
	return CATALOGUES[locale];
}
