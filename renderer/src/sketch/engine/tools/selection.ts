import type * as Y from 'yjs';
import { getObject, groupMembers } from '../../../../../shared/sketch/objects/objectEdits.js';
import { strokeGroupsMap } from '../../../../../shared/sketch/objects/objectLayout.js';
import type { ItemRef } from '../../../../../shared/sketch/objects/paintOrder.js';
import { objectKey, strokeKey } from '../sceneItem.js';

/** The key of an item reference in the scene. */
export function refKey(ref: ItemRef): string {
  return ref.type === 'stroke' ? strokeKey(ref.id) : objectKey(ref.id);
}

/** The group an item belongs to, if any. */
export function groupOf(doc: Y.Doc, ref: ItemRef): string | undefined {
  if (ref.type === 'stroke') {
    const group = strokeGroupsMap(doc).get(ref.id);
    return typeof group === 'string' ? group : undefined;
  }
  return getObject(doc, ref.id)?.groupId;
}

/** The items with their whole groups (selecting one member of a group selects the group). */
export function withGroups(doc: Y.Doc, refs: readonly ItemRef[]): ItemRef[] {
  const seen = new Map<string, ItemRef>();
  const groups = new Set<string>();
  for (const ref of refs) {
    seen.set(refKey(ref), ref);
    const group = groupOf(doc, ref);
    if (group !== undefined) {
      groups.add(group);
    }
  }
  for (const group of groups) {
    for (const member of groupMembers(doc, group)) {
      seen.set(refKey(member), member);
    }
  }
  return [...seen.values()];
}

/** The selected items, in the order they were selected. */
export class Selection {
  private items = new Map<string, ItemRef>();

  constructor(private readonly changed: () => void) {}

  get size(): number {
    return this.items.size;
  }

  refs(): ItemRef[] {
    return [...this.items.values()];
  }

  has(ref: ItemRef): boolean {
    return this.items.has(refKey(ref));
  }

  set(refs: readonly ItemRef[]): void {
    const next = new Map(refs.map((r) => [refKey(r), r]));
    if (next.size === this.items.size && [...next.keys()].every((k) => this.items.has(k))) {
      return;
    }
    this.items = next;
    this.changed();
  }

  add(refs: readonly ItemRef[]): void {
    this.set([...this.refs(), ...refs]);
  }

  remove(refs: readonly ItemRef[]): void {
    const drop = new Set(refs.map(refKey));
    this.set(this.refs().filter((r) => !drop.has(refKey(r))));
  }

  clear(): void {
    this.set([]);
  }

  /** Forgets items that left the document (deleted here or by someone else). */
  prune(exists: (ref: ItemRef) => boolean): void {
    const kept = this.refs().filter(exists);
    if (kept.length !== this.items.size) {
      this.set(kept);
    }
  }
}
