/** What version 1 of the page saved in localStorage: one conversation, its last answer cut off by a reload mid-stream. */
export const version1SavedChat = {
  state: {
    messageIds: ["u1", "a1"],
    messages: {
      u1: { id: "u1", role: "user", content: "Hello from version 1", status: "done" },
      a1: { id: "a1", role: "assistant", content: "Half an ans", status: "streaming" },
    },
    streamResponses: false,
  },
  version: 1,
};
