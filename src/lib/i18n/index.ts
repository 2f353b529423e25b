export { en, type MessageKey } from './en';
export { zhCN } from './zh-CN';
export { DEFAULT_LOCALE, LOCALES, detectLocale, isLocale, type Locale } from './locale';
export { messagesOf, translate, type MessageParams } from './translate';
