import { describe, expect, it } from 'vitest';
import { parseXml, serializeXml } from '@/lib/xml/parse';
import { bool, createModel, flag, int, many, one, recordCoverage, size, str, xmlModel } from './model';

class Leaf extends xmlModel('TestLeaf', 'leaf', { name: str('@name') }) {}
class Thing extends xmlModel(
  'TestThing',
  'thing',
  {
    kind: str('@kind'),
    label: str('label'),
    count: int('nested/count/@n'),
    on: bool('switch/@state', 'on', 'off'),
    marked: flag('marked'),
    sizeKiB: size('size'),
    cellKiB: size('cell/@memory'),
    leaves: many(Leaf, 'leaves/leaf'),
    first: one(Leaf, 'first'),
  },
  { '': ['label', 'nested', 'switch', 'marked', 'size', 'cell', 'leaves', 'first'], nested: ['count'] },
) {}

const parse = (xml: string) => new Thing(parseXml(xml).documentElement);
const xmlOf = (t: Thing) => serializeXml(t.el!);

describe('xmlModel properties', () => {
  it('read attributes, text, numbers, yes/no, presence and sizes in KiB', () => {
    const t = parse(`<thing kind="k"><label>hi &amp; bye</label><nested><count n="3"/></nested><switch state="off"/><marked/>
      <size unit="MiB">2</size><cell memory="1" unit="GiB"/></thing>`);
    expect([t.kind, t.label, t.count, t.on, t.marked, t.sizeKiB, t.cellKiB]).toEqual(['k', 'hi & bye', 3, false, true, 2048, 1024 ** 2]);
    const empty = parse('<thing/>');
    expect([empty.kind, empty.label, empty.count, empty.on, empty.marked, empty.sizeKiB, empty.cellKiB]).toEqual([null, null, null, null, false, null, null]);
    expect(parse('<thing><nested><count n="x"/></nested><switch state="maybe"/><size>12</size></thing>')).toMatchObject({ count: null, on: null, sizeKiB: 12 });
  });

  it('create elements in the declared order whatever the order of the writes', () => {
    const t = parse('<thing/>');
    t.marked = true;
    t.sizeKiB = 512;
    t.count = 2;
    t.label = '<x>';
    t.on = true;
    expect(xmlOf(t)).toBe('<thing><label>&lt;x&gt;</label><nested><count n="2"/></nested><switch state="on"/><marked/><size unit="KiB">512</size></thing>');
  });

  it('leave unknown elements and attributes alone, and new ones after known earlier siblings', () => {
    const t = parse('<thing extra="1"><unknown a="b"/><size>4</size></thing>');
    t.label = 'L';
    t.cellKiB = 8;
    expect(xmlOf(t)).toBe('<thing extra="1"><unknown a="b"/><label>L</label><size>4</size><cell memory="8" unit="KiB"/></thing>');
  });

  it('remove what is set to null, and parents left empty', () => {
    const t = parse('<thing kind="k"><label>a</label><nested><count n="1"/></nested><marked/><cell memory="1" unit="KiB"/></thing>');
    t.kind = null;
    t.label = null;
    t.count = null;
    t.marked = false;
    t.cellKiB = null;
    expect(xmlOf(t)).toBe('<thing/>');
  });

  it('follow the indentation of the document they edit', () => {
    const t = parse('<thing>\n  <label>a</label>\n  <size>1</size>\n</thing>');
    t.count = 5;
    expect(t.leaves[0]).toBeUndefined(); // reading creates nothing
    t.label = null;
    expect(xmlOf(t)).toBe('<thing>\n  <nested>\n    <count n="5"/>\n  </nested>\n  <size>1</size>\n</thing>');
  });

  it('give views of optional children that create them on the first write', () => {
    const t = parse('<thing/>');
    const first = t.first;
    expect([first.exists, first.name]).toEqual([false, null]);
    first.name = 'f';
    expect(t.first.name).toBe('f');
    first.remove();
    expect(first.exists).toBe(false);
    first.name = 'again';
    expect(xmlOf(t)).toBe('<thing><first name="again"/></thing>');
  });

  it('add children built on their own, in their list and in order', () => {
    const t = parse('<thing><first/></thing>');
    const leaf = createModel(Leaf);
    leaf.name = 'a';
    const added = t.add(leaf);
    added.name = 'b';
    expect(t.leaves.map((l) => l.name)).toEqual(['b']);
    expect(xmlOf(t)).toBe('<thing><leaves><leaf name="b"/></leaves><first/></thing>');
    expect(() => t.add(createModel(Thing))).toThrow(/no list of thing/);
    t.leaves[0]!.remove();
    expect(xmlOf(t)).toBe('<thing><first/></thing>');
  });

  it('refuse assigning a child view', () => {
    expect(() => Object.assign(parse('<thing/>'), { first: null })).toThrow(/child element/);
  });

  it('record which properties were exercised', () => {
    const seen = new Set<string>();
    recordCoverage(seen);
    const t = parse('<thing kind="k"><marked/></thing>');
    void [t.kind, t.label, t.marked, t.leaves];
    t.count = 1;
    recordCoverage(null);
    void t.sizeKiB;
    expect([...seen].sort()).toEqual(['TestThing.count', 'TestThing.kind', 'TestThing.marked']);
  });
});
