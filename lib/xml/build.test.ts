import { describe, expect, it } from 'vitest';
import { fragment, insertInOrder, intoNamespace, removeElement, removeElementAndEmptyParents, withoutNamespace } from './build';
import { parseXml, serializeXml } from './parse';

const ORDER = ['a', 'b', 'c'];
const el = (xml: string) => parseXml(xml).documentElement!;
const make = (parent: ReturnType<typeof el>, name: string) => parent.ownerDocument!.createElement(name);
/** Inserts a new element of each name into `parent`, in turn. */
const insertNew = (parent: ReturnType<typeof el>, ...names: string[]) => {
  for (const name of names) insertInOrder(parent, make(parent, name), ORDER);
};

describe('insertInOrder', () => {
  it('puts a child after its own kind and before later kinds; unknown kinds go last', () => {
    const p = el('<p><a/><c/></p>');
    insertNew(p, 'b', 'a', 'z');
    expect(serializeXml(p)).toBe('<p><a/><a/><b/><c/><z/></p>');
  });

  it('takes the indentation of its siblings, or of its parent when it is the first child', () => {
    const p = el('<r>\n  <p>\n    <a/>\n    <c/>\n  </p>\n  <q/>\n</r>');
    const [pp, q] = [p.getElementsByTagName('p')[0]!, p.getElementsByTagName('q')[0]!];
    insertNew(pp, 'b', 'c');
    insertNew(q, 'a');
    expect(serializeXml(p)).toBe('<r>\n  <p>\n    <a/>\n    <b/>\n    <c/>\n    <c/>\n  </p>\n  <q>\n    <a/>\n  </q>\n</r>');
  });

  it('indents a subtree built without whitespace', () => {
    const p = el('<r>\n  <a/>\n</r>');
    const sub = fragment('b');
    sub.appendChild(sub.ownerDocument!.createElement('x'));
    insertInOrder(p, p.ownerDocument!.importNode(sub, true), ORDER);
    expect(serializeXml(p)).toBe('<r>\n  <a/>\n  <b>\n    <x/>\n  </b>\n</r>');
  });
});

describe('removeElement', () => {
  it('takes the line with it and leaves an emptied parent self-closing', () => {
    const p = el('<r>\n  <a>\n    <x/>\n  </a>\n  <b/>\n</r>');
    removeElement(p.getElementsByTagName('x')[0]!);
    removeElement(p.getElementsByTagName('b')[0]!);
    expect(serializeXml(p)).toBe('<r>\n  <a/>\n</r>');
  });

  it('can remove the ancestors it leaves empty, but not those with attributes or the root', () => {
    const p = el('<r><a k="1"><b><c/></b></a><d><e/></d></r>');
    removeElementAndEmptyParents(p.getElementsByTagName('c')[0]!);
    removeElementAndEmptyParents(p.getElementsByTagName('e')[0]!);
    expect(serializeXml(p)).toBe('<r><a k="1"/></r>');
  });
});

describe('namespaces of metadata elements', () => {
  const NS = 'https://example.test/ns/1';
  it('puts every element into a namespace under a prefix, and takes it off again', () => {
    const plain = parseXml('<a x="1"><b>t &amp; u</b><b/></a>').documentElement!;
    const inNs = intoNamespace(plain, 'p', NS);
    expect(serializeXml(inNs)).toBe(`<p:a x="1" xmlns:p="${NS}"><p:b>t &amp; u</p:b><p:b/></p:a>`);
    expect(inNs.namespaceURI).toBe(NS);
    expect(serializeXml(withoutNamespace(inNs))).toBe('<a x="1"><b>t &amp; u</b><b/></a>');
  });
});
