import * as z from "@/lib/chat/zod";

/** Limits on what one request may carry, beside the byte limit on the body. */
export const requestLimits = {
  maxMessages: 1_000,
  maxTotalCharacters: 400_000,
  maxModelIdLength: 200,
} as const;

export const chatRoleSchema = z.enum(["system", "user", "assistant"]);
export type ChatRole = z.infer<typeof chatRoleSchema>;

export const chatMessageSchema = z.object({
  role: chatRoleSchema,
  content: z.string(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** `POST /api/chat` body, per shared/PROTOCOL.md. Unknown fields are stripped. */
export const chatRequestSchema = z
  .object({
    messages: z
      .array(chatMessageSchema)
      .min(1, "at least one message is required")
      .max(requestLimits.maxMessages, `at most ${requestLimits.maxMessages} messages are accepted`),
    model: z.string().min(1).max(requestLimits.maxModelIdLength).optional(),
    stream: z.boolean().default(true),
    temperature: z.number().min(0).max(2).optional(),
    // Added to the protocol: how hard a reasoning model reasons (OpenAI's and Ollama's low, medium, high; some take
    // minimal, none or xhigh), passed on as the upstream's `reasoning_effort`.
    reasoning_effort: z.string().regex(/^[a-z]{1,16}$/, "a lowercase word such as low, medium or high").optional(),
    max_tokens: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
    resumable: z.boolean().default(false),
  })
  .superRefine((request, context) => {
    const lastIndex = request.messages.length - 1;
    const last = request.messages[lastIndex];
    if (last && last.role !== "user") {
      context.addIssue({
        code: "custom",
        path: ["messages", lastIndex, "role"],
        message: "the last message must come from the user",
      });
    }
    if (last && last.content.trim() === "") {
      context.addIssue({
        code: "custom",
        path: ["messages", lastIndex, "content"],
        message: "the last message must not be empty",
      });
    }
    const totalCharacters = request.messages.reduce((sum, message) => sum + message.content.length, 0);
    if (totalCharacters > requestLimits.maxTotalCharacters) {
      context.addIssue({
        code: "custom",
        path: ["messages"],
        message: `the messages hold ${totalCharacters} characters; at most ${requestLimits.maxTotalCharacters} are accepted`,
      });
    }
  });

export type ChatRequest = z.infer<typeof chatRequestSchema>;
/** What a client sends: defaults may be left out. */
export type ChatRequestInput = z.input<typeof chatRequestSchema>;

/** One line for people that names the first field at fault, e.g. `messages.0.role: ...`. */
export function describeSchemaError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "the request is not valid";
  const field = issue.path.length > 0 ? issue.path.join(".") : "body";
  return `${field}: ${issue.message}`;
}
