"use client";

import { createContext, useContext } from "react";
import { useStore, type StoreApi } from "zustand";

/**
 * A React context for one page's zustand store (the zustand guide for the App
 * Router: a store made per page in a provider, never a module global), with
 * the hooks to read it. `name` is for the error a missing provider gives.
 */
export function createStoreContext<State>(name: string) {
  const Context = createContext<StoreApi<State> | null>(null);

  function useStoreApi(): StoreApi<State> {
    const store = useContext(Context);
    if (!store) throw new Error(`the ${name} store needs its provider above it`);
    return store;
  }

  /** Selects from the store; select narrowly, so that a component re-renders only when its slice changes. */
  function useSelector<T>(selector: (state: State) => T): T {
    return useStore(useStoreApi(), selector);
  }

  return { Provider: Context, useStoreApi, useSelector };
}
