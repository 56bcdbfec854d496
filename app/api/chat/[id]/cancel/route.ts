import { guardApi } from "@/lib/server/access";
import { ChatError } from "@/lib/server/chat-error";
import { chatServer } from "@/lib/server/chat-server";
import { errorResponse, methodNotAllowed } from "@/lib/server/error-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Ends a streaming answer wherever it is generated (protocol v1.1): its
 * upstream is aborted, every reader gets `finish: cancelled`. 204 also when it
 * had already ended; 404 when the id is unknown. The page's Stop calls this,
 * because on some hosts a browser's abort never reaches the function.
 */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    await guardApi(request);
    const { id } = await context.params;
    const result = await chatServer().shared.cancels.cancel(id);
    if (result === "unknown") throw new ChatError("not_found", "There is no answer with this id (it may have ended long ago).");
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}

const allowed = ["POST"] as const;
export const GET = () => methodNotAllowed(allowed);
