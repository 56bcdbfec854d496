/**
 * The turn sent after an answer that ended early (cut off at the token
 * limit, stopped, broken off) to have the model go on with it: Chat
 * Completions has no portable way to make a model extend its own last
 * message (vLLM's `continue_final_message`, DeepSeek's `prefix` are each
 * one server's), but every model follows an instruction. Never shown: the
 * page adds what the model writes to the answer it continues. The demo
 * model and the mock upstream know it, to continue their own answers.
 */
export const continueInstruction =
  "Continue your last answer exactly where it stopped, even in the middle of a word or a sentence. Do not repeat anything from it, and do not say that you are continuing.";
