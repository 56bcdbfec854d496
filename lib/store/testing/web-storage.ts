/** Web Storage in memory, as one origin's tabs share it, counting its writes. */
export function webStorage(): Storage & { writes: number } {
  const items = new Map<string, string>();
  return {
    writes: 0,
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem(key, value) {
      this.writes += 1;
      items.set(key, value);
    },
    removeItem: (key) => void items.delete(key),
  };
}
