/** Link safety lives in the domain, shared with the exporters and the print view. */
export { normalizeHref, safeHref } from '$lib/domain/format/href';
