import type { Locale } from "@/lib/i18n/locales";

/*
 * The notices above the chat, in every language: the demo model answering,
 * saved chats unreadable or out of room. Not in the page's dictionaries: the
 * notices are a chunk, fetched only when one of them shows.
 */

const en = {
  demoModelBefore: "The ",
  demoModel: "offline demo model",
  demoModelAfter: " is answering. To use a real model, set ",
  demoModelEnd: " and restart the server.",
  savedChatsUnreadable: "Your saved conversations could not be read, so the chat started afresh.",
  savedChatsNotLoaded:
    "Your saved conversations could not be loaded: the connection may have dropped. They are still in this browser, and reloading the page shows them. Until then, nothing in this tab is saved.",
  savedChatsFull:
    "This browser has no room left to save your conversations, so new messages are not being saved. Delete conversations you no longer need, and saving starts again.",
  sharedConversationAdded: "This conversation was shared with you as a link. It is yours now, kept in this browser: what you ask in it stays here.",
  sharedLinkUnreadable: "This shared link could not be read: it may have been cut short when it was copied. Ask for it again.",
  dismiss: "Dismiss",
};

export type NoticeTexts = typeof en;

const ja: NoticeTexts = {
  demoModelBefore: "現在は",
  demoModel: "オフラインのデモモデル",
  demoModelAfter: "が回答しています。実際のモデルを使うには ",
  demoModelEnd: " を設定してサーバーを再起動してください。",
  savedChatsUnreadable: "保存された会話を読み込めなかったため、新しい状態で始めました。",
  savedChatsNotLoaded:
    "保存された会話を読み込めませんでした。接続が切れた可能性があります。会話はこのブラウザーに残っており、ページを再読み込みすると表示されます。それまで、このタブでの内容は保存されません。",
  savedChatsFull: "このブラウザには会話を保存する空き容量がないため、新しいメッセージは保存されていません。不要な会話を削除すると、保存が再開されます。",
  sharedConversationAdded: "リンクで共有された会話です。このブラウザーに保存されたあなたの会話になりました。ここで質問した内容はこのブラウザーに残ります。",
  sharedLinkUnreadable: "この共有リンクを読み取れませんでした。コピーの際に途中で切れた可能性があります。もう一度送ってもらってください。",
  dismiss: "閉じる",
};

const ko: NoticeTexts = {
  demoModelBefore: "지금은 ",
  demoModel: "오프라인 데모 모델",
  demoModelAfter: "이 답변하고 있습니다. 실제 모델을 사용하려면 ",
  demoModelEnd: "를 설정하고 서버를 다시 시작하세요.",
  savedChatsUnreadable: "저장된 대화를 읽을 수 없어 새로 시작했습니다.",
  savedChatsNotLoaded:
    "저장된 대화를 불러오지 못했습니다. 연결이 끊겼을 수 있습니다. 대화는 이 브라우저에 그대로 있으며, 페이지를 새로 고치면 다시 표시됩니다. 그때까지 이 탭의 내용은 저장되지 않습니다.",
  savedChatsFull: "이 브라우저에 대화를 저장할 공간이 없어 새 메시지가 저장되지 않고 있습니다. 필요 없는 대화를 삭제하면 다시 저장됩니다.",
  sharedConversationAdded: "링크로 공유된 대화입니다. 이제 이 브라우저에 저장된 내 대화가 되었습니다. 여기서 묻는 내용은 이 브라우저에 남습니다.",
  sharedLinkUnreadable: "이 공유 링크를 읽을 수 없습니다. 복사할 때 일부가 잘렸을 수 있습니다. 다시 보내 달라고 요청하세요.",
  dismiss: "닫기",
};

export const noticeTexts: Record<Locale, NoticeTexts> = { en, ja, ko };
