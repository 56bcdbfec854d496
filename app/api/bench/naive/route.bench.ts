// Routed only in benchmark builds (`STREAMCHAT_BENCH=1`, see next.config.ts): the naive baseline of `npm run bench`.
export { POST } from "@/bench/naive-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
