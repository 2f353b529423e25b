import type { MessageKey, MessageParams } from '$lib/i18n';

/**
 * The UI's message lookup, `LocaleState.t`, as plain .ts modules receive it: they stay free of
 * Svelte context and are tested with `translate` bound to a locale.
 */
export type Translate = (key: MessageKey, params?: MessageParams) => string;
