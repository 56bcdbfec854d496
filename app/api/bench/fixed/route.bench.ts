// Routed only in benchmark builds (`STREAMCHAT_BENCH=1`, see next.config.ts): what Next alone costs per request.
export { fixedPost as POST } from "@/bench/next-alone-routes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
