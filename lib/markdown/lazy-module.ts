/** What a chunk of its own gives once it has arrived: loaded at most once for the page, its waiters told. */
export interface LazyModule<Value> {
  /** Loads it (once); undefined when the chunk could not be fetched, and the next call tries again. */
  load(): Promise<Value | undefined>;
  /** The value once loaded: a snapshot for useSyncExternalStore. */
  loaded(): Value | undefined;
  /** Called once, when it has loaded. */
  subscribe(listener: () => void): () => void;
}

export function lazyModule<Value>(importValue: () => Promise<Value>): LazyModule<Value> {
  let loaded: Value | undefined;
  let loading: Promise<Value | undefined> | undefined;
  const listeners = new Set<() => void>();
  return {
    load() {
      loading ??= importValue().then(
        (value) => {
          loaded = value;
          for (const listener of listeners) listener();
          return value;
        },
        () => {
          loading = undefined;
          return undefined;
        },
      );
      return loading;
    },
    loaded: () => loaded,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
