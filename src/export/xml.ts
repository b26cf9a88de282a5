// Text for XML 1.0 documents (GEXF, GraphML, and the charts' SVG): markup characters escaped, and the characters
// XML 1.0 cannot carry at all (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF; lone surrogates) replaced by
// U+FFFD and counted, so a document is well-formed whatever Hub text it holds, and the writer can say what it
// changed. Tab, LF and CR are written as character references: a parser would otherwise fold them into spaces in
// attribute values (and CR into LF in text), and the value would not read back as written.

const INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const MARKUP = /[&<>"'\t\n\r\u0085\u2028\u2029]/g;
// Any character either rule below may touch.
// eslint-disable-next-line no-control-regex
const SPECIAL = /[\u0000-\u001f&<>"'\u0085\u2028\u2029\ud800-\udfff\ufffe\uffff]/;
const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
  // Line ends to XML 1.1 (and to xmldom, which reads them so in 1.0 too): as references they read back as written.
  '\u0085': '&#133;',
  '\u2028': '&#8232;',
  '\u2029': '&#8233;',
};
const REPLACEMENT = '\ufffd';

/** Escapes text for one document and counts the characters it had to replace. */
export class XmlText {
  replaced = 0;

  /** The value as attribute or element text. */
  escape(value: string | number): string {
    if (typeof value === 'number') return String(value);
    // Most Hub text needs nothing: one test, then the text as it is.
    if (!SPECIAL.test(value)) return value;
    let text = value;
    INVALID.lastIndex = 0;
    if (INVALID.test(text))
      text = text.replace(INVALID, () => {
        this.replaced++;
        return REPLACEMENT;
      });
    MARKUP.lastIndex = 0;
    return MARKUP.test(text) ? text.replace(MARKUP, (c) => ENTITY[c] as string) : text;
  }

  /** What the writer changed, in words, or null when nothing. */
  report(format: string): string | null {
    return this.replaced === 0
      ? null
      : `${format}: ${this.replaced} character${this.replaced === 1 ? '' : 's'} that XML cannot carry (control ` +
          'characters, U+FFFE/U+FFFF, lone surrogates) replaced by U+FFFD';
  }
}

/** Replaces, in a finished XML document (an SVG from a renderer, say), the characters XML cannot carry. */
export function wellFormedXml(document: string): { text: string; replaced: number } {
  let replaced = 0;
  const text = document.replace(INVALID, () => {
    replaced++;
    return REPLACEMENT;
  });
  // Character references to such characters (`&#1;`) are as ill-formed as the characters themselves.
  const fixed = text.replace(/&#(x[0-9a-fA-F]+|[0-9]+);/g, (ref, code: string) => {
    const n = code.startsWith('x') ? parseInt(code.slice(1), 16) : Number(code);
    const ok =
      n === 9 ||
      n === 10 ||
      n === 13 ||
      (n >= 0x20 && n <= 0xd7ff) ||
      (n >= 0xe000 && n <= 0xfffd) ||
      (n >= 0x10000 && n <= 0x10ffff);
    if (ok) return ref;
    replaced++;
    return REPLACEMENT;
  });
  return { text: fixed, replaced };
}
