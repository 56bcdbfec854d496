"use client";

import { useTranslations } from "@/components/preferences/use-preferences";

/** The sidebar's search box. Escape empties it first (the drawer closes on the next one). */
export function ConversationSearchField({ query, onQuery }: { query: string; onQuery: (query: string) => void }) {
  const t = useTranslations();
  return (
    <div className="px-3 pb-2">
      <input
        type="search"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== "Escape" || query === "") return;
          event.preventDefault();
          event.stopPropagation();
          onQuery("");
        }}
        aria-label={t.sidebar.search}
        placeholder={t.sidebar.searchPlaceholder}
        autoComplete="off"
        className="w-full rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-100 dark:placeholder:text-slate-400"
      />
    </div>
  );
}
