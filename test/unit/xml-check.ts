// A strict well-formedness check for the XML the app writes: @xmldom/xmldom with every warning and error thrown
// (tags, attributes, entities), plus what xmldom 0.8 lets through, checked here by the XML 1.0 `Char` production:
// every character and every character reference must be one XML 1.0 allows.
import { DOMParser } from '@xmldom/xmldom';

const allowed = (n: number): boolean =>
  n === 0x9 ||
  n === 0xa ||
  n === 0xd ||
  (n >= 0x20 && n <= 0xd7ff) ||
  (n >= 0xe000 && n <= 0xfffd) ||
  (n >= 0x10000 && n <= 0x10ffff);

export function assertWellFormedXml(text: string): Document {
  for (const ch of text) {
    const n = ch.codePointAt(0) as number;
    // A lone surrogate iterates as itself (0xd800..0xdfff), outside every allowed range.
    if (!allowed(n)) throw new Error(`not well-formed: character U+${n.toString(16).padStart(4, '0')}`);
  }
  for (const m of text.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const code = m[1] as string;
    const n = code.startsWith('x') ? parseInt(code.slice(1), 16) : Number(code);
    if (!allowed(n)) throw new Error(`not well-formed: character reference ${m[0]}`);
  }
  const fail = (level: string) => (message: string) => {
    throw new Error(`not well-formed (${level}): ${message}`);
  };
  return new DOMParser({
    errorHandler: { warning: fail('warning'), error: fail('error'), fatalError: fail('fatal') },
  }).parseFromString(text, 'application/xml') as unknown as Document;
}
