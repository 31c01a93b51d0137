import { DOMImplementation, type Document, type Element } from '@xmldom/xmldom';

// Building libvirt XML element by element: values go in as attributes and text nodes, escaped by the library.

export function newDocument(rootName: string): Document {
  return new DOMImplementation().createDocument(null, rootName, null);
}

/** Appends <name attrs>text</name> to parent; undefined attributes are left out. */
export function append(parent: Element, name: string, attrs: Record<string, string | number | undefined> = {}, body?: string | number): Element {
  const doc = parent.ownerDocument!;
  const el = doc.createElement(name);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, String(v));
  if (body !== undefined) el.appendChild(doc.createTextNode(String(body)));
  parent.appendChild(el);
  return el;
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
