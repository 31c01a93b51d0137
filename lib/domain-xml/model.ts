import type { Element } from '@xmldom/xmldom';
import { fragment, insertInOrder, isEmptyElement, removeElement, removeElementAndEmptyParents, setText } from '@/lib/xml/build';
import { attr, child, children, parseRoot, serializeXml, text } from '@/lib/xml/parse';
import { toKiB } from './units';

// The engine under every model of lib/domain-xml, after virtinst's XMLProperty: a model is a view over one
// element, each property names a place in it ("driver/@type", "target/size", "readonly"), and reading or writing
// the property reads or writes that place. Nothing is copied out, so whatever libvirt wrote that no property
// names survives an edit untouched. Elements a property has to create go where the model's `order` says, so the
// output does not depend on the order of the assignments.

/** Child tag order per parent, keyed by the parent's path below the model's element ('' = the element itself). */
export type OrderMap = Readonly<Record<string, readonly string[]>>;

interface Place {
  steps: string[];
  attr: string | null;
}

function place(xpath: string): Place {
  const steps = xpath
    .replace(/^\.\/?/, '')
    .split('/')
    .filter(Boolean);
  const last = steps.at(-1);
  if (last?.startsWith('@')) return { steps: steps.slice(0, -1), attr: last.slice(1) };
  return { steps, attr: null };
}

function find(el: Element | null, steps: readonly string[]): Element | null {
  let cur = el;
  for (const s of steps) cur = child(cur, s);
  return cur;
}

// ---- properties ----

interface Codec<T> {
  decode(raw: string): T | null;
  encode(value: T): string;
}

/** text: an attribute or an element's text; flag: an element's presence; size: a number in its `unit`. */
type Shape = 'text' | 'flag' | 'size';

export interface ValueProp<T, S extends Shape = Shape> {
  readonly kind: 'value';
  readonly xpath: string;
  readonly shape: S;
  readonly codec: Codec<T>;
}

export interface ChildProp<M, K extends 'one' | 'many' = 'one' | 'many'> {
  readonly kind: K;
  readonly xpath: string;
  readonly model: ModelClass<M>;
}

export type AnyProp = ValueProp<unknown> | ChildProp<unknown>;
export type PropMap = Readonly<Record<string, AnyProp>>;

const asString: Codec<string> = { decode: (s) => s, encode: (s) => s };
const asInt: Codec<number> = {
  decode: (s) => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : null),
  encode: (n) => String(Math.trunc(n)),
};
const yesNo = (on: string, off: string): Codec<boolean> => ({
  decode: (s) => (s === on ? true : s === off ? false : null),
  encode: (b) => (b ? on : off),
});

/** An attribute ('driver/@type') or an element's text ('name'), as a string. */
export function str<T extends string = string>(xpath: string): ValueProp<T, 'text'> {
  return { kind: 'value', xpath, shape: 'text', codec: asString as Codec<T> };
}

export function int(xpath: string): ValueProp<number, 'text'> {
  return { kind: 'value', xpath, shape: 'text', codec: asInt };
}

/** yes/no (or on/off) as a boolean; absent is null. */
export function bool(xpath: string, on = 'yes', off = 'no'): ValueProp<boolean, 'text'> {
  return { kind: 'value', xpath, shape: 'text', codec: yesNo(on, off) };
}

/** An element whose presence is the value (<readonly/>). */
export function flag(xpath: string): ValueProp<boolean, 'flag'> {
  return { kind: 'value', xpath, shape: 'flag', codec: yesNo('', '') };
}

/**
 * A size with a unit beside it, as element text (<memory unit='MiB'>512</memory>) or an attribute
 * (<cell memory='512' unit='MiB'/>): read in KiB whatever the unit, written in KiB.
 */
export function size(xpath: string): ValueProp<number, 'size'> {
  return { kind: 'value', xpath, shape: 'size', codec: asInt };
}

export function one<M>(model: ModelClass<M>, xpath: string): ChildProp<M, 'one'> {
  return { kind: 'one', xpath, model };
}

export function many<M>(model: ModelClass<M>, xpath: string): ChildProp<M, 'many'> {
  return { kind: 'many', xpath, model };
}

type ValueOf<P> =
  P extends ValueProp<boolean, 'flag'>
    ? boolean
    : P extends ValueProp<infer T>
      ? T | null
      : P extends ChildProp<infer M, 'one'>
        ? M
        : P extends ChildProp<infer M, 'many'>
          ? readonly M[]
          : never;

/** Child properties are read-only (add and remove children through the model's methods). */
type ChildKeys<P extends PropMap> = { [K in keyof P]: P[K] extends ChildProp<unknown> ? K : never }[keyof P];
export type Values<P extends PropMap> = { -readonly [K in Exclude<keyof P, ChildKeys<P>>]: ValueOf<P[K]> } & {
  readonly [K in ChildKeys<P>]: ValueOf<P[K]>;
};

// ---- coverage (the golden test asks that every property is exercised) ----

let coverage: Set<string> | null = null;

/** Records "Model.property" for every property read with a non-default value or written, until called with null. */
export function recordCoverage(into: Set<string> | null): void {
  coverage = into;
}

const registry: ModelClass<XmlModel>[] = [];

/** Every model class declared so far, for the coverage check. */
export function declaredModels(): readonly ModelClass<XmlModel>[] {
  return registry;
}

// ---- models ----

/** How a view of an optional child finds its element, and creates it on the first write. */
export interface Locator {
  find(): Element | null;
  create(): Element;
}

export interface ModelClass<M> {
  new (el: Element | null, locate?: Locator): M;
  readonly modelName: string;
  readonly tag: string;
  readonly props: PropMap;
  readonly order: OrderMap;
  readonly namespaces: Readonly<Record<string, string>>;
}

/** A view over one element. The element may not exist yet: reading gives defaults, the first write creates it. */
export class XmlModel {
  #el: Element | null;
  readonly #locate: Locator | null;

  constructor(el: Element | null, locate?: Locator) {
    this.#el = el;
    this.#locate = locate ?? null;
  }

  /** The element, or null while it does not exist (a view of an optional child looks for it again each time). */
  get el(): Element | null {
    if (this.#locate && !this.#el?.parentNode) this.#el = this.#locate.find();
    return this.#el;
  }

  /** The element, created where it belongs if it does not exist yet. */
  element(): Element {
    const el = this.el;
    if (el) return el;
    if (!this.#locate) throw new Error(`This <${this.meta().tag}> is not part of a document.`);
    this.#el = this.#locate.create();
    return this.#el;
  }

  get exists(): boolean {
    return this.el !== null;
  }

  /** The element as a document of its own, e.g. device XML for attach/update calls. */
  toXml(): string {
    return serializeXml(this.element());
  }

  /** Removes the element (and its line) from the document, with parents it leaves empty. */
  remove(): void {
    const el = this.el;
    if (el) removeElementAndEmptyParents(el);
  }

  protected meta(): ModelClass<XmlModel> {
    return this.constructor as ModelClass<XmlModel>;
  }

  /** Finds or creates the element at `steps` below this model's element, each one in its place. */
  protected ensurePath(steps: readonly string[]): Element {
    const { order, namespaces } = this.meta();
    let cur = this.element();
    steps.forEach((s, i) => {
      let next = child(cur, s);
      if (!next) {
        const prefix = s.includes(':') ? s.slice(0, s.indexOf(':')) : null;
        const ns = prefix ? namespaces[prefix] : undefined;
        next = ns ? cur.ownerDocument!.createElementNS(ns, s) : cur.ownerDocument!.createElement(s);
        insertInOrder(cur, next, order[steps.slice(0, i).join('/')] ?? []);
      }
      cur = next;
    });
    return cur;
  }

  /** Removes the elements along `steps` from the innermost outwards while they have nothing left in them. */
  protected prune(steps: readonly string[]): void {
    for (let i = steps.length; i > 0; i--) {
      const el = find(this.el, steps.slice(0, i));
      if (!el || !isEmptyElement(el)) return;
      removeElement(el);
    }
  }

  /** Removes the element at `xpath` (e.g. 'source') with everything in it. */
  protected drop(xpath: string): void {
    const { steps } = place(xpath);
    const el = find(this.el, steps);
    if (!el) return;
    removeElement(el);
    this.prune(steps.slice(0, -1));
  }

  readValue<T>(p: ValueProp<T>): T | boolean | null {
    const { steps, attr: a } = place(p.xpath);
    const el = find(this.el, steps);
    if (p.shape === 'flag') return el !== null;
    if (!el) return null;
    if (p.shape === 'size') {
      const raw = a ? attr(el, a) : text(el);
      const value = Number(raw);
      return raw === null || raw.trim() === '' || !Number.isFinite(value) ? null : (toKiB(value, attr(el, 'unit')) as T);
    }
    const raw = a ? attr(el, a) : text(el);
    return raw === null ? null : p.codec.decode(raw);
  }

  writeValue<T>(p: ValueProp<T>, value: T | boolean | null): void {
    const { steps, attr: a } = place(p.xpath);
    if (p.shape === 'flag') {
      const el = find(this.el, steps);
      if (value && !el) this.ensurePath(steps);
      if (!value && el) {
        removeElement(el);
        this.prune(steps.slice(0, -1));
      }
      return;
    }
    if (value === null || value === undefined) {
      const el = find(this.el, steps);
      if (!el) return;
      if (a) {
        el.removeAttribute(a);
        if (p.shape === 'size') el.removeAttribute('unit');
      } else if (steps.length) removeElement(el);
      else setText(el, '');
      this.prune(a ? steps : steps.slice(0, -1));
      return;
    }
    const el = this.ensurePath(steps);
    if (p.shape === 'size') {
      if (a) el.setAttribute(a, String(Math.round(value as number)));
      else setText(el, Math.round(value as number));
      el.setAttribute('unit', 'KiB');
    } else if (a) el.setAttribute(a, p.codec.encode(value as T));
    else setText(el, p.codec.encode(value as T));
  }

  /** For the accessors of `one` properties: the view of the child, whether or not it exists yet. */
  readChild<M>(p: ChildProp<M>): M {
    const { steps } = place(p.xpath);
    return new p.model(find(this.el, steps), { find: () => find(this.el, steps), create: () => this.ensurePath(steps) });
  }

  /** For the accessors of `many` properties. */
  readChildren<M>(p: ChildProp<M>): M[] {
    const { steps } = place(p.xpath);
    const parent = find(this.el, steps.slice(0, -1));
    return children(parent, steps.at(-1)!).map((el) => new p.model(el));
  }

  /**
   * Adds a child model created on its own (Disk.create(), a fragment) to the list property that holds its class,
   * in its place, and returns the view of the added element.
   */
  add<M extends XmlModel>(item: M): M {
    const cls = item.constructor as ModelClass<M>;
    const entry = Object.values(this.meta().props).find((p): p is ChildProp<M> => p.kind === 'many' && p.model === cls);
    if (!entry) throw new Error(`A ${this.meta().tag} has no list of ${cls.tag}.`);
    const { steps } = place(entry.xpath);
    const parentSteps = steps.slice(0, -1);
    const parent = this.ensurePath(parentSteps);
    const src = item.element();
    const el = src.ownerDocument === parent.ownerDocument && !src.parentNode ? src : parent.ownerDocument!.importNode(src, true);
    insertInOrder(parent, el, this.meta().order[parentSteps.join('/')] ?? []);
    if (coverage) coverage.add(`${this.meta().modelName}.${Object.entries(this.meta().props).find(([, p]) => p === entry)![0]}`);
    return new cls(el);
  }
}

/** What a property reads as when its input says nothing: null, false for a flag, no children, a missing child. */
function isDefault(p: AnyProp, v: unknown): boolean {
  if (p.kind === 'value') return v === null || (p.shape === 'flag' && v === false);
  return p.kind === 'many' ? (v as unknown[]).length === 0 : !(v as XmlModel).exists;
}

/**
 * Declares a model class: `modelName` for messages and coverage, the element `tag`, its properties and the order
 * of the children it may create. Extend the result to add methods.
 */
export function xmlModel<P extends PropMap>(modelName: string, tag: string, props: P, order: OrderMap = {}, namespaces: Readonly<Record<string, string>> = {}) {
  const Base = class extends XmlModel {
    static readonly modelName = modelName;
    static readonly tag = tag;
    static readonly props: PropMap = props;
    static readonly order = order;
    static readonly namespaces = namespaces;
  };
  for (const [key, p] of Object.entries(props)) {
    Object.defineProperty(Base.prototype, key, {
      configurable: true,
      get(this: XmlModel) {
        const value = p.kind === 'value' ? this.readValue(p) : p.kind === 'one' ? this.readChild(p) : this.readChildren(p);
        if (coverage && !isDefault(p, value)) coverage.add(`${modelName}.${key}`);
        return value;
      },
      set(this: XmlModel, value: unknown) {
        if (p.kind !== 'value') throw new Error(`${modelName}.${key} is a child element: change it through its own properties.`);
        if (coverage) coverage.add(`${modelName}.${key}`);
        this.writeValue(p, value);
      },
    });
  }
  registry.push(Base);
  return Base as unknown as {
    new (el: Element | null, locate?: Locator): XmlModel & Values<P>;
    readonly modelName: string;
    readonly tag: string;
    readonly props: P;
    readonly order: OrderMap;
    readonly namespaces: Readonly<Record<string, string>>;
  };
}

/**
 * A new, detached element for a model, with `init`'s properties set in their order: build it, then add it to a
 * domain or send its toXml() to libvirt.
 */
export function createModel<M extends object>(cls: ModelClass<M>, init: Partial<M> = {}): M {
  const model = new cls(fragment(cls.tag));
  Object.assign(model, init);
  return model;
}

/** The model over the root of a parsed document (an attach/update fragment). */
export function parseModel<M>(cls: ModelClass<M>, xml: string): M {
  return new cls(parseRoot(xml, cls.tag));
}

/** A detached copy of a model's element, to edit and hand to libvirt without touching the original. */
export function cloneModel<M extends XmlModel>(item: M): M {
  const cls = item.constructor as ModelClass<M>;
  return parseModel(cls, item.toXml());
}
