/**
 * Web Storage in memory, as one origin's tabs share it, counting its writes.
 * With `quota`, a write that would make its keys and values longer than that
 * (in UTF-16 code units, as browsers count) is refused as browsers refuse it.
 */
export function webStorage({ quota = Infinity }: { quota?: number } = {}): Storage & { writes: number } {
  const items = new Map<string, string>();
  const used = () => [...items].reduce((sum, [key, value]) => sum + key.length + value.length, 0);
  return {
    writes: 0,
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem(key, value) {
      if (used() - (items.get(key)?.length ?? -key.length) + value.length > quota) {
        throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, "QuotaExceededError");
      }
      this.writes += 1;
      items.set(key, value);
    },
    removeItem: (key) => void items.delete(key),
  };
}
