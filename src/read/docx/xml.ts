/**
 * A small, tolerant XML reader for WordprocessingML parts: elements with attributes, text with
 * entities decoded, CDATA; comments, processing instructions and doctype skipped. Element names
 * keep their prefix in `name` and drop it in `local`, since producers differ in prefixes.
 */

export interface XmlElement {
  name: string;
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

const localOf = (name: string) => name.slice(name.indexOf(':') + 1);

const ATTR = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Parses `xml` into a root element (a synthetic `#document` holding the top-level nodes). */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', local: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const text = xml.slice(i, textEnd);
      if (stack.length > 1) stack[stack.length - 1]!.children.push(decodeEntities(text));
    }
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      const text = xml.slice(lt + 9, end < 0 ? n : end);
      stack[stack.length - 1]!.children.push(text);
      i = end < 0 ? n : end + 3;
    } else if (xml[lt + 1] === '?' || xml[lt + 1] === '!') {
      const end = xml.indexOf('>', lt + 2);
      i = end < 0 ? n : end + 1;
    } else if (xml[lt + 1] === '/') {
      const end = xml.indexOf('>', lt + 2);
      const name = xml.slice(lt + 2, end < 0 ? n : end).trim();
      // Close up to the matching element; a stray end tag is ignored.
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at > 0) stack.length = at;
      i = end < 0 ? n : end + 1;
    } else {
      const end = findTagEnd(xml, lt + 1);
      const body = xml.slice(lt + 1, end);
      const selfClosing = body.endsWith('/');
      const inner = selfClosing ? body.slice(0, -1) : body;
      const m = /^[^\s/>]+/.exec(inner);
      const name = m ? m[0] : '';
      const attrs: Record<string, string> = {};
      ATTR.lastIndex = name.length;
      for (let a = ATTR.exec(inner); a; a = ATTR.exec(inner))
        attrs[a[1]!] = decodeEntities(a[3] ?? a[4] ?? '');
      const el: XmlElement = { name, local: localOf(name), attrs, children: [] };
      stack[stack.length - 1]!.children.push(el);
      if (!selfClosing) stack.push(el);
      i = end + 1;
    }
  }
  return root;
}

/** The `>` closing a start tag, skipping `>` inside quoted attribute values. */
function findTagEnd(xml: string, from: number): number {
  let quote = '';
  for (let i = from; i < xml.length; i++) {
    const c = xml[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return xml.length;
}

export function childElements(el: XmlElement, local?: string): XmlElement[] {
  return el.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (local === undefined || c.local === local),
  );
}

export function firstChild(el: XmlElement | undefined, local: string): XmlElement | undefined {
  return el ? childElements(el, local)[0] : undefined;
}

/** An attribute by local name (`w:val` and `val` alike). */
export function attr(el: XmlElement | undefined, local: string): string | undefined {
  if (!el) return undefined;
  for (const [k, v] of Object.entries(el.attrs)) if (localOf(k) === local) return v;
  return undefined;
}

/** The first descendant with this local name, depth first. */
export function findFirst(el: XmlElement, local: string): XmlElement | undefined {
  for (const c of childElements(el)) {
    if (c.local === local) return c;
    const d = findFirst(c, local);
    if (d) return d;
  }
  return undefined;
}
