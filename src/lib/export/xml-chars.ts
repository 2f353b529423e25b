/** Characters XML 1.0 cannot hold: C0 controls other than tab/newline/return, U+FFFE/FFFF, lone surrogates. */
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text without the characters that would make an Office file unreadable. */
export function stripInvalidXml(text: string): string {
	return text.replace(INVALID_XML, '');
}

/** Text for an XML attribute or element: invalid characters dropped, markup escaped. */
export function xmlText(text: string): string {
	return stripInvalidXml(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
