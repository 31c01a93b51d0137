import { DOMImplementation, type Document, type Element } from '@xmldom/xmldom';
import { child, children, parseXml, serializeXml } from './parse';

// Building and editing libvirt XML element by element: values go in as attributes and text nodes, escaped by
// the library, never spliced into strings.

/** Attribute values; undefined is left out, null removes an attribute that is there. */
export type Attrs = Record<string, string | number | undefined | null>;

export function newDocument(rootName: string): Document {
  return new DOMImplementation().createDocument(null, rootName, null);
}

/** The root element of a new document, e.g. a device fragment for an attach call. */
export function fragment(rootName: string, attrs: Attrs = {}): Element {
  return setAttrs(newDocument(rootName).documentElement!, attrs);
}

export function setAttrs(el: Element, attrs: Attrs): Element {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    if (v === null) el.removeAttribute(k);
    else el.setAttribute(k, String(v));
  }
  return el;
}

/** Appends <name attrs>body</name> to parent. */
export function append(parent: Element, name: string, attrs: Attrs = {}, body?: string | number): Element {
  const doc = parent.ownerDocument!;
  const el = setAttrs(doc.createElement(name), attrs);
  if (body !== undefined) el.appendChild(doc.createTextNode(String(body)));
  parent.appendChild(el);
  return el;
}

/** The first child `name`, created (appended, or before the first of `before` present) if missing. */
export function ensure(parent: Element, name: string, before?: string[]): Element {
  const found = child(parent, name);
  if (found) return found;
  const el = parent.ownerDocument!.createElement(name);
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
  return parseXml(serializeXml(el)).documentElement!;
}

/**
 * Indents a document built without whitespace, so a person can read and edit it (the review step). Only
 * elements whose children are all elements get line breaks; text content is never touched.
 */
export function indent(el: Element, depth = 0, unit = '  '): void {
  const kids: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) return;
    kids.push(n as Element);
  }
  if (!kids.length) return;
  const doc = el.ownerDocument!;
  for (const k of kids) {
    el.insertBefore(doc.createTextNode(`\n${unit.repeat(depth + 1)}`), k);
    indent(k, depth + 1, unit);
  }
  el.appendChild(doc.createTextNode(`\n${unit.repeat(depth)}`));
}
