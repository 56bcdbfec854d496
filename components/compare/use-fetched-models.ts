"use client";

import { useEffect, useState } from "react";
import { fetchModels, type ModelsInfo } from "@/lib/client/api-client";

/** `GET /api/models` for a page without the chat store (the chat keeps the list in its store). */
export function useFetchedModels(): ModelsInfo | undefined {
  const [models, setModels] = useState<ModelsInfo | undefined>();
  useEffect(() => {
    let current = true;
    fetchModels()
      .then((info) => current && setModels(info))
      // Without the list, runs use the server's default model.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  return models;
}
