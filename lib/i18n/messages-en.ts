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
    search: "Search conversations",
    searchPlaceholder: "Search",
    found: (count: number) => (count === 1 ? "1 conversation found" : `${count} conversations found`),
    noMatch: "No conversation matches.",
  },
  composer: {
    placeholder: "Message",
    send: "Send",
    stop: "Stop",
    streamResponses: "Stream responses",
    hint: "Enter to send · Shift+Enter for a new line",
    attach: "Attach a file or an image",
  },
  log: {
    label: "Conversation",
    empty: "Ask anything. The answer appears as it is written.",
    jumpToLatest: "Jump to latest",
    answerFinished: "The answer is complete.",
    answerStopped: "The answer was stopped.",
  },
  message: {
    thinking: "Thinking…",
    reconnecting: "Connection lost. Reconnecting to go on with the answer…",
  },
  access: {
    heading: "This chat is private",
    explanation: "Enter the access code you were given. Your message is kept and sent once you are in.",
    placeholder: "Access code",
    unlock: "Unlock",
    lock: "Lock (sign out)",
  },
};

/** The shape every language fills: the same keys, the same parameters. */
export type Messages = typeof en;
