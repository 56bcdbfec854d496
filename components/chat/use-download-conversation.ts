"use client";

import { useChatStateReader } from "@/components/chat/chat-store-provider";
import { useMessageTexts } from "@/components/chat/use-message-texts";
import { useSettingsTexts } from "@/components/chat/use-settings-texts";
import { useTranslations } from "@/components/preferences/use-preferences";
import { conversationMarkdown, markdownFileName } from "@/lib/store/conversation-markdown";
import { downloadText } from "@/lib/ui/download-text";

/** A conversation's "Download as Markdown": the file, named after it, in the page's language. */
export function useDownloadConversation(conversationId: string): () => void {
  const t = useTranslations();
  const texts = useMessageTexts();
  const settingsText = useSettingsTexts();
  const readState = useChatStateReader();
  return () => {
    const { conversations, messages } = readState();
    const conversation = conversations[conversationId];
    if (!conversation) return;
    const labels = {
      untitled: t.page.newChat,
      you: texts.conversation.fileYou,
      assistant: texts.conversation.fileAssistant,
      systemPrompt: settingsText.systemPrompt,
      stopped: texts.stopped,
      reasoning: texts.reasoning,
    };
    downloadText(markdownFileName(conversation.title, t.page.newChat), conversationMarkdown(conversation, messages, labels), "text/markdown");
  };
}
