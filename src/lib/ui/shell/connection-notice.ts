/**
 * What the editor tells people about a connection the server closed: why it refused the plan for
 * good (a 44xx close: the client stopped), or why it is retrying (1013 busy, 4429 too fast: the
 * client backs off and reconnects by itself, and edits wait on this device meanwhile).
 */
import type { ConnectionStatus } from '$lib/collab/connection-status';
import { CLOSE } from '$lib/collab/protocol';
import type { Translate } from '../shared/translate-fn';

/** The banner text of a refusal, or null when the connection was not refused. */
export function refusalText(status: ConnectionStatus, t: Translate): string | null {
	if (status.kind !== 'refused') return null;
	switch (status.code) {
		case CLOSE.unauthorized:
			return t('plans.refused.unauthorized');
		case CLOSE.forbidden:
			return t('plans.refused.forbidden');
		case CLOSE.unknownPlan:
			return t('plans.refused.notFound');
		case CLOSE.tooLarge:
			return t('plans.refused.tooLarge');
		case CLOSE.docTooLarge:
			return t('plans.refused.docTooLarge');
		default:
			return t('plans.refused.other', { code: status.code });
	}
}

/** The notice while the client retries a connection the server closed for a passing reason. */
export function retryText(status: ConnectionStatus, t: Translate): string | null {
	if (status.kind !== 'offline' || !status.retry) return null;
	return t(status.retry === 'server-busy' ? 'plans.retry.serverBusy' : 'plans.retry.rateLimited');
}
