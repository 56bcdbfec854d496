import type { Messages } from "@/lib/i18n/messages-en";

/** 한국어: as a Korean product would say it, not word for word. */
export const ko: Messages = {
  page: {
    compare: "비교",
    skipToMessage: "메시지 입력란으로 이동",
    newChat: "새 채팅",
    conversations: "대화 목록",
    openConversations: "대화 목록 열기",
    closeConversations: "대화 목록 닫기",
    settings: "설정",
    language: "언어 (Language)",
    theme: "테마",
    themeSystem: "시스템",
    themeLight: "라이트",
    themeDark: "다크",
  },
  sidebar: {
    newChat: "새 채팅",
    clearAll: "모든 대화 삭제",
    confirmClearAll: "모든 대화를 삭제할까요? 삭제한 대화는 되돌릴 수 없습니다.",
    search: "대화 검색",
    searchPlaceholder: "검색",
    found: (count) => `대화 ${count}개를 찾았습니다`,
    noMatch: "일치하는 대화가 없습니다.",
  },
  composer: {
    placeholder: "메시지를 입력하세요",
    send: "보내기",
    stop: "중지",
    streamResponses: "스트리밍으로 표시",
    hint: "Enter로 보내기 · Shift+Enter로 줄바꿈",
    attach: "파일이나 이미지 첨부",
  },
  log: {
    label: "대화",
    empty: "무엇이든 물어보세요. 답변은 작성되는 대로 바로 표시됩니다.",
    jumpToLatest: "최신 메시지로 이동",
    answerFinished: "답변이 완료되었습니다.",
    answerStopped: "답변을 중지했습니다.",
  },
  message: {
    thinking: "생각하는 중…",
    reconnecting: "연결이 끊겼습니다. 답변을 이어 받기 위해 다시 연결하는 중…",
  },
  access: {
    heading: "비공개 채팅입니다",
    explanation: "받은 액세스 코드를 입력하세요. 보내려던 메시지는 보관되었다가 잠금 해제 후 전송됩니다.",
    placeholder: "액세스 코드",
    unlock: "잠금 해제",
    lock: "잠그기(로그아웃)",
  },
};
