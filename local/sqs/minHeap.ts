/** A binary min-heap: the queue's visibility deadlines come out earliest first in O(log n). */
export class MinHeap<T> {
  private readonly items: T[] = [];

  constructor(private readonly isBefore: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let child = items.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.isBefore(items[child]!, items[parent]!)) break;
      this.swap(child, parent);
      child = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    let parent = 0;
    for (;;) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let first = parent;
      if (left < items.length && this.isBefore(items[left]!, items[first]!)) first = left;
      if (right < items.length && this.isBefore(items[right]!, items[first]!)) first = right;
      if (first === parent) return top;
      this.swap(parent, first);
      parent = first;
    }
  }

  private swap(i: number, j: number): void {
    const items = this.items;
    const held = items[i]!;
    items[i] = items[j]!;
    items[j] = held;
  }
}
