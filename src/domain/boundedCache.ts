// The entries used last, at most `most` of them: for things costly to make and worth reusing
// whose keys come from outside, so that many keys cannot fill memory.
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly most: number) {}

  /** The entry for `key`, made by `make` when there is none; nothing is kept when `make` throws. */
  get(key: string, make: () => V): V {
    if (this.entries.has(key)) {
      const found = this.entries.get(key) as V;
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    const made = make();
    this.entries.set(key, made);
    if (this.entries.size > this.most) this.entries.delete(this.entries.keys().next().value as string);
    return made;
  }

  /** Forgets the entry for `key` if it is still `value`. */
  forget(key: string, value: V): void {
    if (this.entries.get(key) === value) this.entries.delete(key);
  }
}
