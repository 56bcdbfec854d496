"use client";

import { Suspense } from "react";
import { lazyComponent } from "@/components/lazy-component";
import { useChatStore } from "@/components/chat/chat-store-provider";

// Most pages never ask for a code: the form is a chunk of its own, fetched when the server first wants one.
const AccessCodeForm = lazyComponent(() => import("@/components/chat/access-code-form").then((module) => module.AccessCodeForm));

/** The access code form (components/chat/access-code-form.tsx), shown while the server wants a code. */
export function AccessForm() {
  const accessRequired = useChatStore((state) => state.accessRequired);
  if (!accessRequired) return null;
  return (
    <Suspense fallback={null}>
      <AccessCodeForm />
    </Suspense>
  );
}
