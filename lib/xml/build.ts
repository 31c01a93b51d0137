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

// Edits inside a document someone else wrote (libvirt's dumpxml is indented): a new element takes its place in a
// fixed order among its siblings and the indentation of its neighbours, and a removed one takes its line with it,
// so an edited definition reads like the original everywhere but where it changed.

const WS_LINE = /^[ \t]*\n[ \t\n]*$/;

function isWhitespace(n: { nodeType: number; nodeValue?: string | null } | null): boolean {
  return n !== null && n.nodeType === 3 && WS_LINE.test(n.nodeValue ?? '');
}

function firstElement(parent: Element): Element | null {
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) return n as Element;
  return null;
}

/** The line break + indentation a new child of `parent` gets, or null when the document is not indented. */
function childIndent(parent: Element, unit = '  '): string | null {
  const first = firstElement(parent);
  if (first) return isWhitespace(first.previousSibling) ? first.previousSibling!.nodeValue!.replace(/^[^\n]*\n*/, '\n') : null;
  const own = parent.previousSibling;
  if (!isWhitespace(own)) return null;
  return `\n${own!.nodeValue!.slice(own!.nodeValue!.lastIndexOf('\n') + 1)}${unit}`;
}

/**
 * Inserts `el` as a child of `parent` at its place in `order` (tag names): after the siblings of its own or an
 * earlier kind, before the first of a later kind. A tag not in `order` goes last.
 */
export function insertInOrder(parent: Element, el: Element, order: readonly string[] = []): Element {
  const rank = order.indexOf(el.tagName);
  let ref: Element | null = null;
  if (rank >= 0) {
    for (let n = parent.firstChild; n && !ref; n = n.nextSibling) {
      if (n.nodeType === 1 && order.indexOf((n as Element).tagName) > rank) ref = n as Element;
    }
  }
  const pad = childIndent(parent);
  const doc = parent.ownerDocument!;
  // A subtree built without whitespace takes the indentation of the place it goes to.
  if (pad !== null && firstElement(el) && !isWhitespace(el.firstChild)) indent(el, (pad.length - 1) / 2);
  if (ref) {
    parent.insertBefore(el, ref);
    if (pad !== null) parent.insertBefore(doc.createTextNode(pad), ref);
    return el;
  }
  const closing = isWhitespace(parent.lastChild) ? parent.lastChild : null;
  if (pad !== null && !firstElement(parent)) {
    parent.appendChild(doc.createTextNode(pad));
    parent.appendChild(el);
    parent.appendChild(doc.createTextNode(pad.slice(0, -2)));
    return el;
  }
  if (pad !== null) parent.insertBefore(doc.createTextNode(pad), closing);
  parent.insertBefore(el, closing);
  return el;
}

/** Removes an element with the line it stood on; a parent left with only whitespace becomes empty (<x/>). */
export function removeElement(el: Element): void {
  const parent = el.parentNode as Element | null;
  if (!parent || parent.nodeType !== 1) return;
  if (isWhitespace(el.previousSibling)) parent.removeChild(el.previousSibling!);
  parent.removeChild(el);
  if (!firstElement(parent) && [...childNodes(parent)].every((n) => isWhitespace(n))) {
    while (parent.firstChild) parent.removeChild(parent.firstChild);
  }
}

/** Removes an element, then each ancestor left with nothing in it (a <numa/> without cells is not valid). */
export function removeElementAndEmptyParents(el: Element): void {
  let parent = el.parentNode as Element | null;
  removeElement(el);
  while (parent && parent.nodeType === 1 && parent.parentNode?.nodeType === 1 && isEmptyElement(parent)) {
    const up = parent.parentNode as Element;
    removeElement(parent);
    parent = up;
  }
}

function* childNodes(el: Element) {
  for (let n = el.firstChild; n; n = n.nextSibling) yield n;
}

/** No attributes, no child elements, no text: nothing left to say. */
export function isEmptyElement(el: Element): boolean {
  return el.attributes.length === 0 && !firstElement(el) && (el.textContent ?? '').trim() === '';
}

const localOf = (el: Element): string => el.localName ?? el.tagName;

// Copies attributes (not namespace declarations), text and child elements, each child made by `make`.
function copyInto(from: Element, to: Element, make: (localName: string) => Element): void {
  for (const a of Array.from(from.attributes)) if (a.name !== 'xmlns' && !a.name.startsWith('xmlns:')) to.setAttribute(a.name, a.value);
  for (let n = from.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) copyInto(n as Element, to.appendChild(make(localOf(n as Element))) as Element, make);
    else if (n.nodeType === 3 || n.nodeType === 4) to.appendChild(to.ownerDocument!.createTextNode(n.nodeValue ?? ''));
  }
}

/**
 * A copy of `el` as its own document, each element renamed `prefix:localName` in `uri`: what libvirt's metadata call
 * does to the element it is given before keeping it in a domain.
 */
export function intoNamespace(el: Element, prefix: string, uri: string): Element {
  const root = new DOMImplementation().createDocument(uri, `${prefix}:${localOf(el)}`, null).documentElement!;
  copyInto(el, root, (local) => root.ownerDocument!.createElementNS(uri, `${prefix}:${local}`));
  return root;
}

/** A copy of `el` as its own document with every element by its local name, in no namespace (the reverse). */
export function withoutNamespace(el: Element): Element {
  const root = fragment(localOf(el));
  copyInto(el, root, (local) => root.ownerDocument!.createElement(local));
  return root;
}
