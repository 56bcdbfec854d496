"use client";

import { useChatStore } from "@/components/chat/chat-store-provider";
import type { ModelsInfo } from "@/lib/client/api-client";

export type { ModelsInfo };

/** `GET /api/models`, as the store loaded it (once per page, and again after unlocking); undefined until then. */
export function useModels(): ModelsInfo | undefined {
  return useChatStore((state) => state.models);
}
