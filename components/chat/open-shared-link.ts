import { readShareFragment } from "@/lib/chat/share-link";
import type { ChatStore } from "@/lib/store/chat";
import { withSharedConversation } from "@/lib/store/shared-conversation";

/**
 * Takes in the conversation the page's address carries (`/#share=…`, see
 * lib/chat/share-link.ts), once the saved chats are read: it is added as
 * this browser's own and shown, with a notice saying so (or that the link
 * could not be read). The address goes back to the page's own, so a reload
 * shows the copy rather than read the link again, and the link does not
 * stay in the tab's history. A chunk: most visits carry no link.
 */
export async function openSharedLink(store: ChatStore): Promise<void> {
  const fragment = location.hash;
  const shared = await readShareFragment(fragment);
  history.replaceState(history.state, "", `${location.pathname}${location.search}`);
  if (!shared) {
    store.setState({ notice: "shared_link_unreadable" });
    return;
  }
  store.setState((state) => ({ ...withSharedConversation(state, shared, fragment, Date.now()), notice: "shared_conversation_added" }));
}
