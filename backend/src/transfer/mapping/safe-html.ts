/**
 * Source notes are HTML written by anyone who could edit the source record. HubSpot shows rich-text
 * properties as HTML, so only a strict allow-list passes: formatting tags without attributes, and links
 * whose address is http(s) or mailto. Every other tag is dropped (its text kept), script-like elements
 * are dropped with their content, and any `<` that does not start an allowed tag is escaped.
 * No sanitizer library is installed (see the report); this is deliberately small and strict.
 */

const ALLOWED = new Set([
  'p',
  'br',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'strike',
  'sub',
  'sup',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'div',
  'span',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a',
]);
const VOID = new Set(['br', 'hr']);
/** Dropped with everything inside them. */
const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'noscript',
  'svg',
  'math',
  'title',
  'textarea',
  'xmp',
  'noembed',
  'noframes',
]);

const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s[^<>]*)?)\/?>/;
const COMMENT = /^<!--[\s\S]*?(?:-->|$)/;
const DECLARATION = /^<[!?][^<>]*>?/;
const HREF = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

const escapeText = (text: string): string => text.replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const escapeAttribute = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Entities decoded enough to see a link's real scheme (`&#106;avascript:` is javascript:). */
function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) =>
      String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff)),
    )
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Math.min(Number.parseInt(dec, 10), 0x10ffff)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;|&newline;/gi, '')
    .replace(/&amp;/gi, '&');
}

function safeHref(attributes: string): string | null {
  const match = HREF.exec(attributes);
  const raw = match?.[1] ?? match?.[2] ?? match?.[3];
  if (raw === undefined) return null;
  // Browsers ignore controls and spaces inside a scheme (`java\tscript:`): drop them before looking.
  const decoded = [...decodeEntities(raw)]
    .filter((char) => {
      const code = char.codePointAt(0) ?? 0;
      return code > 0x20 && (code < 0x7f || code > 0x9f);
    })
    .join('');
  return /^(https?:|mailto:)/i.test(decoded) ? decoded : null;
}

function closingIndex(html: string, from: number, name: string): number {
  const close = new RegExp(`</${name}\\s*>`, 'i').exec(html.slice(from));
  return close ? from + close.index + close[0].length : html.length;
}

export function safeHtml(html: string): string {
  let out = '';
  let index = 0;
  const open: string[] = [];
  while (index < html.length) {
    const next = html.indexOf('<', index);
    if (next < 0) {
      out += escapeText(html.slice(index));
      break;
    }
    out += escapeText(html.slice(index, next));
    const rest = html.slice(next);
    const comment = COMMENT.exec(rest) ?? (TAG.test(rest) ? null : DECLARATION.exec(rest));
    if (comment) {
      index = next + comment[0].length;
      continue;
    }
    const tag = TAG.exec(rest);
    if (!tag) {
      out += '&lt;';
      index = next + 1;
      continue;
    }
    const [whole, slash, rawName, attributes = ''] = tag;
    const name = (rawName as string).toLowerCase();
    index = next + whole.length;
    if (DROPPED_WITH_CONTENT.has(name)) {
      if (slash === '') index = closingIndex(html, index, name);
      continue;
    }
    if (!ALLOWED.has(name)) continue;
    if (slash === '/') {
      const at = open.lastIndexOf(name);
      if (at < 0) continue;
      // Close what was left open inside, so the output stays balanced.
      for (const inner of open.splice(at).reverse()) out += `</${inner}>`;
      continue;
    }
    if (VOID.has(name)) {
      out += `<${name}>`;
      continue;
    }
    if (name === 'a') {
      const href = safeHref(attributes);
      out += href === null ? '<a>' : `<a href="${escapeAttribute(href)}" rel="noopener noreferrer">`;
    } else out += `<${name}>`;
    open.push(name);
  }
  for (const name of open.reverse()) out += `</${name}>`;
  return out;
}
