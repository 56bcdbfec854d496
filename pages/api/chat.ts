import { handleChat } from "@/lib/server/chat-handler";

// A Pages API route, not a Route Handler: it gets Node's request and response,
// so the stream is written to the socket directly (lib/server/chat-handler.ts).
export const config = {
  // The body is read by the route, bounded by CHAT_MAX_BODY_BYTES, and the answer is a stream of any length.
  api: { bodyParser: false, responseLimit: false },
  // Seconds an answer may take on Vercel. 300 is the most every plan allows
  // with Fluid compute (Hobby's ceiling; Pro and Enterprise may raise it to 800).
  // A longer answer is cut there: the page keeps what arrived and says so.
  maxDuration: 300,
};

export default handleChat;
