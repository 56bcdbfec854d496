import type { Locale } from "@/lib/i18n/locales";

/*
 * What a message row says (its labels, actions, figures), and the
 * conversation list's group headings, in every language. Not in the page's dictionaries: the rows, and the markdown that
 * uses Copy, are chunks of their own, and their texts come with them rather
 * than in every reader's first-load JS. The dictionaries keep what the page
 * says before any row is there ("Thinking…", "Reconnecting…", which the
 * screen reader announcer says too).
 */

const en = {
  youSaid: "You said",
  assistantSaid: "Assistant said",
  reasoning: "Reasoning",
  thoughtFor: (seconds: string) => `Thought for ${seconds} s`,
  stopped: "Stopped.",
  cutOff: "The answer was cut off at the token limit.",
  contentFilter: "The provider’s content filter ended this answer.",
  copy: "Copy",
  copied: "Copied",
  copyFailed: "Copy failed",
  copyMessage: "Copy message",
  copyAnswer: "Copy answer",
  edit: "Edit",
  regenerate: "Regenerate",
  regenerateWith: "Regenerate with another model",
  readAloud: "Read aloud",
  stopReading: "Stop reading",
  continueAnswer: "Continue",
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
  openImage: (name: string) => `Open image ${name}`,
  closeImage: "Close image",
  imageNotStored: (name: string) => `Image “${name}” is no longer stored in this browser.`,
  groups: { today: "Today", yesterday: "Yesterday", week: "Previous 7 days", month: "Previous 30 days" },
};

export type MessageTexts = typeof en;

const ja: MessageTexts = {
  youSaid: "あなたのメッセージ",
  assistantSaid: "アシスタントの回答",
  reasoning: "推論",
  thoughtFor: (seconds) => `${seconds} 秒考えました`,
  stopped: "停止しました。",
  cutOff: "トークン数の上限に達したため、回答は途中で終わっています。",
  contentFilter: "プロバイダーのコンテンツフィルターにより回答が打ち切られました。",
  copy: "コピー",
  copied: "コピーしました",
  copyFailed: "コピーできませんでした",
  copyMessage: "メッセージをコピー",
  copyAnswer: "回答をコピー",
  edit: "編集",
  regenerate: "再生成",
  regenerateWith: "別のモデルで再生成",
  readAloud: "読み上げ",
  stopReading: "読み上げを止める",
  continueAnswer: "続きを生成",
  versions: "バージョン",
  previousVersion: "前のバージョン",
  nextVersion: "次のバージョン",
  editMessage: "メッセージを編集",
  cancel: "キャンセル",
  saveAndSend: "保存して送信",
  firstToken: (milliseconds) => `最初のトークンまで ${milliseconds} ms`,
  total: (seconds) => `合計 ${seconds} 秒`,
  tokens: (count) => `${count} トークン`,
  tokensPerSecond: (rate) => `${rate} トークン/秒`,
  openImage: (name) => `画像 ${name} を開く`,
  closeImage: "画像を閉じる",
  imageNotStored: (name) => `画像「${name}」はこのブラウザーにもう保存されていません。`,
  groups: { today: "今日", yesterday: "昨日", week: "過去 7 日間", month: "過去 30 日間" },
};

const ko: MessageTexts = {
  youSaid: "내 메시지",
  assistantSaid: "어시스턴트의 답변",
  reasoning: "추론",
  thoughtFor: (seconds) => `${seconds}초 동안 생각함`,
  stopped: "중지되었습니다.",
  cutOff: "토큰 한도에 도달해 답변이 중간에 끊겼습니다.",
  contentFilter: "제공업체의 콘텐츠 필터로 답변이 중단되었습니다.",
  copy: "복사",
  copied: "복사됨",
  copyFailed: "복사하지 못했습니다",
  copyMessage: "메시지 복사",
  copyAnswer: "답변 복사",
  edit: "수정",
  regenerate: "다시 생성",
  regenerateWith: "다른 모델로 다시 생성",
  readAloud: "소리 내어 읽기",
  stopReading: "읽기 멈추기",
  continueAnswer: "이어서 생성",
  versions: "버전",
  previousVersion: "이전 버전",
  nextVersion: "다음 버전",
  editMessage: "메시지 수정",
  cancel: "취소",
  saveAndSend: "저장 후 보내기",
  firstToken: (milliseconds) => `첫 토큰까지 ${milliseconds}ms`,
  total: (seconds) => `전체 ${seconds}초`,
  tokens: (count) => `${count}토큰`,
  tokensPerSecond: (rate) => `초당 ${rate}토큰`,
  openImage: (name) => `이미지 ${name} 열기`,
  closeImage: "이미지 닫기",
  imageNotStored: (name) => `이미지 ‘${name}’은(는) 이 브라우저에 더 이상 저장되어 있지 않습니다.`,
  groups: { today: "오늘", yesterday: "어제", week: "지난 7일", month: "지난 30일" },
};

export const messageTexts: Record<Locale, MessageTexts> = { en, ja, ko };
