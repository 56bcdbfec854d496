"use client";

import { useEffect, useState } from "react";

interface ModelsResponse {
  default: string;
  provider?: string;
}

/** Says which model answers, and plainly when it is the offline demo model. */
export function ProviderNotice() {
  const [models, setModels] = useState<ModelsResponse | undefined>();
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/models", { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<ModelsResponse>) : undefined))
      .then(setModels)
      .catch(() => undefined); // The notice is optional; the chat works without it.
    return () => controller.abort();
  }, []);
  if (!models) return null;
  if (models.provider !== "demo") {
    return <span className="truncate text-sm text-slate-500 dark:text-slate-400">{models.default}</span>;
  }
  return (
    <p role="note" className="rounded-lg bg-amber-100 px-3 py-1.5 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
      The <strong>offline demo model</strong> is answering. To use a real model, set <code className="font-mono">OPENAI_API_KEY</code> and restart the server.
    </p>
  );
}
