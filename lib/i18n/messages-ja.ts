import type { Messages } from "@/lib/i18n/messages-en";

/** 日本語: as a Japanese product would say it, not word for word. */
export const ja: Messages = {
  page: {
    compare: "比較",
    skipToMessage: "メッセージ入力欄へ移動",
    newChat: "新しいチャット",
    conversations: "会話一覧",
    openConversations: "会話一覧を開く",
    closeConversations: "会話一覧を閉じる",
    settings: "設定",
    language: "言語 (Language)",
    theme: "テーマ",
    themeSystem: "システム",
    themeLight: "ライト",
    themeDark: "ダーク",
  },
  sidebar: {
    newChat: "新しいチャット",
    clearAll: "すべての会話を削除",
    confirmClearAll: "すべての会話を削除しますか？この操作は取り消せません。",
    search: "会話を検索",
    searchPlaceholder: "検索",
    found: (count) => `${count} 件の会話が見つかりました`,
    noMatch: "一致する会話はありません。",
  },
  composer: {
    placeholder: "メッセージを入力",
    send: "送信",
    stop: "停止",
    streamResponses: "ストリーミング表示",
    hint: "Enter で送信 · Shift+Enter で改行",
    attach: "ファイルや画像を添付",
  },
  log: {
    label: "会話",
    empty: "何でも聞いてください。回答は書かれたそばから表示されます。",
    jumpToLatest: "最新のメッセージへ",
    answerFinished: "回答が完了しました。",
    answerStopped: "回答を停止しました。",
  },
  message: {
    thinking: "考え中…",
    reconnecting: "接続が切れました。回答の続きを受け取るため再接続しています…",
  },
  access: {
    heading: "このチャットは非公開です",
    explanation: "受け取ったアクセスコードを入力してください。入力中のメッセージは保持され、ロック解除後に送信されます。",
    placeholder: "アクセスコード",
    unlock: "ロック解除",
    lock: "ロックする（サインアウト）",
  },
};
