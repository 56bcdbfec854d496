"use client";

import { useEffect, useState } from "react";
import type { ModelOption, ProviderKind } from "@/lib/providers/provider";

export interface ModelsInfo {
  default: string;
  models: ModelOption[];
  provider?: ProviderKind;
}

let request: Promise<ModelsInfo | undefined> | undefined;

/** `GET /api/models`, asked once per page and shared by every component that needs it. */
export function useModels(): ModelsInfo | undefined {
  const [models, setModels] = useState<ModelsInfo | undefined>();
  useEffect(() => {
    let current = true;
    request ??= fetch("/api/models")
      .then((response) => (response.ok ? (response.json() as Promise<ModelsInfo>) : undefined))
      // Without the list the chat still works, on the server's default model.
      .catch(() => undefined);
    void request.then((info) => {
      if (current) setModels(info);
    });
    return () => {
      current = false;
    };
  }, []);
  return models;
}
