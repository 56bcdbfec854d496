import type { Locale } from "@/lib/i18n/locales";

/*
 * The settings dialog's texts (and the backup's), in every language. Not in
 * the page's dictionaries: the dialog is a chunk fetched when it first
 * opens, and its texts come with it rather than in every reader's first-load
 * JS (English's were some 400 bytes of it). The three languages together are
 * less than one round trip.
 */

const en = {
  title: "Conversation settings",
  systemPrompt: "System prompt",
  systemPromptPlaceholder: "e.g. Answer briefly, in plain English.",
  model: "Model",
  serverDefault: "Server default",
  temperature: (value: string) => `Temperature: ${value}`,
  modelDefault: "model default",
  modelDefaultOption: "Model default",
  reasoningEffort: "Reasoning effort",
  effort: { low: "low", medium: "medium", high: "high" },
  defaultTemperature: "Default temperature",
  useForNewChats: "Use these settings for new chats",
  newChatsStartSo: "New chats start with these settings.",
  allConversations: "All conversations",
  backupDownload: "Download a backup",
  backupRestore: "Restore a backup…",
  restored: (added: number, alreadyHere: number) =>
    `${added === 1 ? "1 conversation" : `${added} conversations`} added${alreadyHere === 0 ? "" : `; ${alreadyHere} ${alreadyHere === 1 ? "was" : "were"} here already`}.`,
  backupUnreadable: "This file is not a streamchat backup, or it is damaged: nothing was added.",
  shortcuts: "Keyboard shortcuts",
  shortcut: {
    newChat: "New chat",
    search: "Search conversations",
    conversations: "Close or open the conversations",
    message: "Go to the message box",
    editLast: "Edit your last question (in the empty message box)",
    stop: "Stop the answer",
    send: "Send",
    newLine: "New line",
  },
  done: "Done",
};

export type SettingsTexts = typeof en;

const ja: SettingsTexts = {
  title: "会話の設定",
  systemPrompt: "システムプロンプト",
  systemPromptPlaceholder: "例：簡潔に、わかりやすい日本語で答えてください。",
  model: "モデル",
  serverDefault: "サーバーの既定",
  temperature: (value) => `温度：${value}`,
  modelDefault: "モデルの既定値",
  modelDefaultOption: "モデルの既定値",
  reasoningEffort: "推論の深さ",
  effort: { low: "低", medium: "中", high: "高" },
  defaultTemperature: "温度を既定値に戻す",
  useForNewChats: "この設定を新しいチャットにも使う",
  newChatsStartSo: "新しいチャットはこの設定で始まります。",
  allConversations: "すべての会話",
  backupDownload: "バックアップをダウンロード",
  backupRestore: "バックアップから復元…",
  restored: (added, alreadyHere) => `${added} 件の会話を追加しました${alreadyHere === 0 ? "" : `（${alreadyHere} 件はすでにありました）`}。`,
  backupUnreadable: "このファイルは streamchat のバックアップではないか、壊れています。何も追加していません。",
  shortcuts: "キーボードショートカット",
  shortcut: {
    newChat: "新しいチャット",
    search: "会話を検索",
    conversations: "会話一覧を閉じる・開く",
    message: "メッセージ欄へ移動",
    editLast: "最後の質問を編集（空のメッセージ欄で）",
    stop: "回答を止める",
    send: "送信",
    newLine: "改行",
  },
  done: "完了",
};

const ko: SettingsTexts = {
  title: "대화 설정",
  systemPrompt: "시스템 프롬프트",
  systemPromptPlaceholder: "예: 쉬운 한국어로 짧게 답해 주세요.",
  model: "모델",
  serverDefault: "서버 기본값",
  temperature: (value) => `온도: ${value}`,
  modelDefault: "모델 기본값",
  modelDefaultOption: "모델 기본값",
  reasoningEffort: "추론 강도",
  effort: { low: "낮음", medium: "보통", high: "높음" },
  defaultTemperature: "온도 기본값으로",
  useForNewChats: "이 설정을 새 채팅에도 사용",
  newChatsStartSo: "새 채팅은 이 설정으로 시작합니다.",
  allConversations: "모든 대화",
  backupDownload: "백업 다운로드",
  backupRestore: "백업에서 복원…",
  restored: (added, alreadyHere) => `대화 ${added}개를 추가했습니다${alreadyHere === 0 ? "" : ` (${alreadyHere}개는 이미 있었습니다)`}.`,
  backupUnreadable: "이 파일은 streamchat 백업이 아니거나 손상되었습니다. 아무것도 추가하지 않았습니다.",
  shortcuts: "키보드 단축키",
  shortcut: {
    newChat: "새 채팅",
    search: "대화 검색",
    conversations: "대화 목록 닫기·열기",
    message: "메시지 입력란으로 이동",
    editLast: "마지막 질문 편집(빈 메시지 입력란에서)",
    stop: "답변 중지",
    send: "보내기",
    newLine: "줄 바꿈",
  },
  done: "완료",
};

export const settingsTexts: Record<Locale, SettingsTexts> = { en, ja, ko };
