/** Ids of the elements that focus is sent to from elsewhere on the page (and the skip link's target). */
export const composerMessageId = "message";
export const newChatButtonId = "new-chat";
