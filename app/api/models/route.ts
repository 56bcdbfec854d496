import { providerFromEnvironment } from "@/lib/providers/provider-from-environment";

export const dynamic = "force-dynamic";

/** The models the page may offer. `provider` is added to the protocol so the page can say when the demo answers. */
export function GET(): Response {
  const { defaultModel, models, kind } = providerFromEnvironment();
  return Response.json({ default: defaultModel, models, provider: kind });
}
