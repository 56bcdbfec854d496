/**
 * The page's texts in English: the source of the keys. Japanese and Korean
 * are typed `Messages`, so a key missing or added there fails to compile.
 * Protocol accessible names (Message, Send, Stop, Stream responses) are not
 * here: they stay English in every language (../shared/PROTOCOL.md).
 */
export const en = {
  page: {
    compare: "Compare",
    skipToMessage: "Skip to the message box",
    newChat: "New chat",
    conversations: "Conversations",
    openConversations: "Open conversations",
    closeConversations: "Close conversations",
    settings: "Settings",
    language: "Language",
    theme: "Theme",
    themeSystem: "System",
    themeLight: "Light",
    themeDark: "Dark",
  },
  sidebar: {
    newChat: "New chat",
    clearAll: "Clear all conversations",
    confirmClearAll: "Delete every conversation? This cannot be undone.",
    conversationTitle: "Conversation title",
    save: "Save",
    rename: "Rename",
    delete: "Delete",
    renameConversation: (title: string) => `Rename “${title}”`,
    deleteConversation: (title: string) => `Delete “${title}”`,
    confirmDelete: (title: string) => `Delete “${title}”?`,
    download: "Download",
    downloadConversation: (title: string) => `Download “${title}” as Markdown`,
    fileYou: "You",
    fileAssistant: "Assistant",
    search: "Search conversations",
    searchPlaceholder: "Search",
    found: (count: number) => (count === 1 ? "1 conversation found" : `${count} conversations found`),
    noMatch: "No conversation matches.",
    answering: "answering",
  },
  composer: {
    placeholder: "Message",
    send: "Send",
    stop: "Stop",
    streamResponses: "Stream responses",
    hint: "Enter to send · Shift+Enter for a new line",
  },
  log: {
    label: "Conversation",
    empty: "Ask anything. The answer appears as it is written.",
    jumpToLatest: "Jump to latest",
    answerFinished: "The answer is complete.",
    answerStopped: "The answer was stopped.",
  },
  message: {
    youSaid: "You said",
    assistantSaid: "Assistant said",
    thinking: "Thinking…",
    reasoning: "Reasoning",
    thoughtFor: (seconds: string) => `Thought for ${seconds} s`,
    stopped: "Stopped.",
    reconnecting: "Connection lost. Reconnecting to go on with the answer…",
    cutOff: "The answer was cut off at the token limit.",
    contentFilter: "The provider’s content filter ended this answer.",
    copy: "Copy",
    copied: "Copied",
    copyFailed: "Copy failed",
    copyMessage: "Copy message",
    copyAnswer: "Copy answer",
    edit: "Edit",
    regenerate: "Regenerate",
    versions: "Versions",
    previousVersion: "Previous version",
    nextVersion: "Next version",
    editMessage: "Edit message",
    cancel: "Cancel",
    saveAndSend: "Save and send",
    firstToken: (milliseconds: string) => `first token ${milliseconds} ms`,
    total: (seconds: string) => `total ${seconds} s`,
    tokens: (count: string) => `${count} tokens`,
    tokensPerSecond: (rate: string) => `${rate} tokens/s`,
  },
  error: {
    retryingWillNotHelp: "Retrying will not help.",
    tryAgain: "Try again",
    tryAgainIn: (seconds: number) => `Try again in ${seconds} s`,
    networkError: "Could not reach the server. Check your connection and try again.",
    connectionLost: "The connection to the server was lost before the answer was complete.",
    badResponse: "The server did not answer with a stream.",
    httpStatus: (status: string) => `The server answered with HTTP ${status}. Try again.`,
    pageError: "Something went wrong in the page. Try again.",
    answerGone: "The rest of this answer is no longer available on the server. The text above is what arrived; try again to ask anew.",
    reconnectFailed: "Could not reconnect to the server to finish this answer. Check your connection, then try again.",
    // English pages show the server's own words (the protocol's, often more precise); other languages say it in theirs.
    server: {} as ServerErrorTexts,
  },
  access: {
    heading: "This chat is private",
    explanation: "Enter the access code you were given. Your message is kept and sent once you are in.",
    placeholder: "Access code",
    unlock: "Unlock",
    lock: "Lock (sign out)",
  },

  notice: {
    demoModelBefore: "The ",
    demoModel: "offline demo model",
    demoModelAfter: " is answering. To use a real model, set ",
    demoModelEnd: " and restart the server.",
    savedChatsUnreadable: "Your saved conversations could not be read, so the chat started afresh.",
    savedChatsFull: "This browser has no room left to save your conversations, so new messages are not being saved. Delete conversations you no longer need, and saving starts again.",
    dismiss: "Dismiss",
  },
};

/** The shape every language fills: the same keys, the same parameters. */
export type Messages = typeof en;

/** The server's error codes a reader meets; `upstream_refused` is `upstream_error` that retrying will not help. */
export type ServerErrorCode =
  | "rate_limited"
  | "auth_failed"
  | "upstream_unavailable"
  | "upstream_error"
  | "upstream_refused"
  | "timeout"
  | "overloaded"
  | "internal"
  | "payload_too_large"
  | "unauthorized"
  // An upstream's refusal's `reason`s (lib/server/upstream-refusal.ts).
  | "context_length_exceeded"
  | "model_not_found"
  | "unsupported_setting";
export type ServerErrorTexts = Partial<Record<ServerErrorCode, string>>;
