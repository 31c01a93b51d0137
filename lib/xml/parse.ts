import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';

export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError';
}

/** Parses XML strictly: any error (not only fatal ones) is a syntax error with xmldom's position message. */
export function parseXml(text: string): Document {
  let doc: Document;
  try {
    doc = new DOMParser({
      onError(level, message) {
        if (level !== 'warning') throw new XmlSyntaxError(message.replace(/\s+/g, ' ').trim());
      },
    }).parseFromString(text, 'text/xml');
  } catch (err) {
    throw new XmlSyntaxError(`The XML is not well-formed: ${(err as Error).message.replace(/^\[xmldom [^\]]*\]\s*/, '')}`);
  }
  if (!doc.documentElement) throw new XmlSyntaxError('The XML is empty.');
  return doc;
}

/** Parses a document that must be one kind of element (a pool, a volume, a snapshot, ...) and returns its root. */
export function parseRoot(text: string, tag: string): Element {
  const root = parseXml(text).documentElement!;
  if (root.tagName !== tag) throw new Error(`Expected a <${tag}> element, not <${root.tagName}>.`);
  return root;
}

export function serializeXml(node: Document | Element): string {
  return new XMLSerializer().serializeToString(node);
}

/** Child elements named `name` ('*': every child element). */
export function children(el: Element | null | undefined, name: string): Element[] {
  if (!el) return [];
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (name === '*' || (n as Element).tagName === name)) out.push(n as Element);
  }
  return out;
}

export function child(el: Element | null | undefined, name: string): Element | null {
  return children(el, name)[0] ?? null;
}

/** Follows a path of child names, e.g. path(root, 'os', 'type'). */
export function path(el: Element | null | undefined, ...names: string[]): Element | null {
  let cur: Element | null = el ?? null;
  for (const n of names) cur = child(cur, n);
  return cur;
}

export function text(el: Element | null | undefined): string | null {
  return el ? (el.textContent ?? '').trim() : null;
}

export function attr(el: Element | null | undefined, name: string): string | null {
  return el && el.hasAttribute(name) ? el.getAttribute(name) : null;
}
