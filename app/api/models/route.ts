import { offeredModels } from "@/lib/providers/offered-models";
import { providerFromEnvironment } from "@/lib/providers/provider-from-environment";
import { guardApi } from "@/lib/server/access";
import { chatServer } from "@/lib/server/chat-server";
import { errorResponse } from "@/lib/server/error-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The models the page may offer. Added to the protocol: `provider`, so the
 * page can say when the demo answers, `access`, so it offers to lock again
 * only where access codes are in use, and `max_body_bytes`, so it sends as
 * many earlier images as this server takes.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    await guardApi(request);
    const provider = providerFromEnvironment();
    const { config } = chatServer();
    const access = config.access.codes.length > 0 ? "codes" : "open";
    return Response.json({ default: provider.defaultModel, models: await offeredModels(provider), provider: provider.kind, access, max_body_bytes: config.maxBodyBytes });
  } catch (error) {
    return errorResponse(error);
  }
}
