import { requestLimits } from "@/lib/chat/request-limits";
import * as z from "@/lib/chat/zod";

export { requestLimits };

export const chatRoleSchema = z.enum(["system", "user", "assistant"]);
export type ChatRole = z.infer<typeof chatRoleSchema>;

/**
 * An image in a question, as Chat Completions takes it: only as a `data:` URL
 * (base64 PNG, JPEG, WebP or GIF). Added to the protocol. An address would
 * have the model's server fetch whatever a caller names; the page sends
 * images it has read and made smaller itself.
 */
const imageDataUrlPattern = /^data:image\/(?:png|jpeg|webp|gif);base64,[A-Za-z0-9+/]+={0,2}$/;
const imagePartSchema = z.object({
  type: z.literal("image_url"),
  image_url: z.object({
    url: z.string().regex(imageDataUrlPattern, "must be a data: URL of a base64 PNG, JPEG, WebP or GIF image"),
    detail: z.enum(["auto", "low", "high"]).optional(),
  }),
});
const textPartSchema = z.object({ type: z.literal("text"), text: z.string() });
export type ContentPart = z.infer<typeof textPartSchema> | z.infer<typeof imagePartSchema>;

const userMessageSchema = z.object({
  role: z.literal("user"),
  // Text, or (added to the protocol) text and images in order, as Chat Completions' content parts.
  content: z.union([z.string(), z.array(z.discriminatedUnion("type", [textPartSchema, imagePartSchema])).min(1, "must hold at least one part")], {
    error: "must be text, or an array of parts, each text or an image_url",
  }),
});
const otherMessageSchema = z.object({ role: z.enum(["system", "assistant"]), content: z.string() });
export const chatMessageSchema = z.discriminatedUnion("role", [userMessageSchema, otherMessageSchema]);
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** A message's text: its parts' texts one after another when it has parts. */
export function textOfContent(content: string | readonly ContentPart[]): string {
  return typeof content === "string" ? content : content.map((part) => (part.type === "text" ? part.text : "")).join("");
}

function imageCountOf(content: string | readonly ContentPart[]): number {
  return typeof content === "string" ? 0 : content.filter((part) => part.type === "image_url").length;
}

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
    if (last && textOfContent(last.content).trim() === "" && imageCountOf(last.content) === 0) {
      context.addIssue({
        code: "custom",
        path: ["messages", lastIndex, "content"],
        message: "the last message must not be empty",
      });
    }
    const images = request.messages.reduce((sum, message) => sum + imageCountOf(message.content), 0);
    if (images > requestLimits.maxImages) {
      context.addIssue({
        code: "custom",
        path: ["messages"],
        message: `the messages hold ${images} images; at most ${requestLimits.maxImages} are accepted`,
      });
    }
    // Images are limited by their number and by the body's size, not here.
    const totalCharacters = request.messages.reduce((sum, message) => sum + textOfContent(message.content).length, 0);
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
