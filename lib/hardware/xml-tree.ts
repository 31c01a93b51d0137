import type { Document, Element } from '@xmldom/xmldom';
import { DOMImplementation } from '@xmldom/xmldom';
import { child, children, parseXml, serializeXml } from '@/lib/xml/parse';

// A small typed builder over xmldom for device fragments and edits of a parsed definition: values always go
// in as attributes or text nodes (escaped by the library), never spliced into strings.

export type Attrs = Record<string, string | number | undefined | null>;

export function fragment(rootName: string, attrs: Attrs = {}): Element {
  const doc = new DOMImplementation().createDocument(null, rootName, null);
  const root = doc.documentElement!;
  setAttrs(root, attrs);
  return root;
}

export function setAttrs(el: Element, attrs: Attrs): Element {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    if (v === null) el.removeAttribute(k);
    else el.setAttribute(k, String(v));
  }
  return el;
}

/** Appends <name attrs>body</name>; undefined/null attributes are left out. */
export function add(parent: Element, name: string, attrs: Attrs = {}, body?: string | number): Element {
  const doc = parent.ownerDocument!;
  const el = doc.createElement(name);
  setAttrs(el, attrs);
  if (body !== undefined) el.appendChild(doc.createTextNode(String(body)));
  parent.appendChild(el);
  return el;
}

/** The first child `name`, created (appended, or before `before` when given) if missing. */
export function ensure(parent: Element, name: string, before?: string[]): Element {
  const found = child(parent, name);
  if (found) return found;
  const doc = parent.ownerDocument!;
  const el = doc.createElement(name);
  const next = before?.map((b) => child(parent, b)).find((e) => e !== null) ?? null;
  if (next) parent.insertBefore(el, next);
  else parent.appendChild(el);
  return el;
}

export function removeChildren(parent: Element | null, name: string): void {
  for (const c of children(parent, name)) parent!.removeChild(c);
}

export function setText(el: Element, value: string | number): void {
  while (el.firstChild) el.removeChild(el.firstChild);
  el.appendChild(el.ownerDocument!.createTextNode(String(value)));
}

/** A detached deep copy of an element as its own document root, for device XML handed to libvirt. */
export function cloneAsFragment(el: Element): Element {
  const doc: Document = parseXml(serializeXml(el));
  return doc.documentElement!;
}

export function toXml(el: Element | Document): string {
  return serializeXml(el);
}

