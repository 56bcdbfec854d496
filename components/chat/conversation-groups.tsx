"use client";

import { Fragment, useEffect, useId, useState } from "react";
import { useChatStore } from "@/components/chat/chat-store-provider";
import { ConversationItem } from "@/components/chat/conversation-item";
import { useMessageTexts } from "@/components/chat/use-message-texts";
import { useLocale } from "@/components/preferences/use-preferences";
import { groupByAge, type AgeGroup } from "@/lib/chat/conversation-age";
import type { Locale } from "@/lib/i18n/locales";
import type { MessageTexts } from "@/lib/i18n/message-texts";

function groupName(group: AgeGroup, texts: MessageTexts, locale: Locale): string {
  if (group in texts.groups) return texts.groups[group as keyof MessageTexts["groups"]];
  // A month: "November 2026", "2026年11月", "2026년 11월".
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "long" }).format(new Date(Number(group.slice(0, 4)), Number(group.slice(5)) - 1));
}

/** The time the groups are counted from: the page's opening, then each midnight (a conversation written to since is today's anyway). */
function useDayStart(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const date = new Date(now);
    const nextMidnight = new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime();
    const timer = setTimeout(() => setNow(Date.now()), nextMidnight - now);
    return () => clearTimeout(timer);
  }, [now]);
  return now;
}

/**
 * The conversation list when nothing is searched: the pinned ones under
 * Pinned, the others under headings by when each was last written to (Today,
 * Yesterday, Previous 7 days, Previous 30 days, then by month), each group a
 * list named by its heading. With the rows, a chunk of its own.
 */
export function ConversationGroups({ ids, onSelected }: { ids: readonly string[]; onSelected: () => void }) {
  // The conversations change when one is added to, renamed or set up: not with an answer's tokens.
  const conversations = useChatStore((state) => state.conversations);
  const texts = useMessageTexts();
  const locale = useLocale();
  const headingId = useId();
  const now = useDayStart();
  const groups = groupByAge(ids, (id) => conversations[id]?.updatedAt ?? 0, now, (id) => conversations[id]?.pinned === true);
  return groups.map(({ group, ids: members }) => (
    <Fragment key={group}>
      <h2 id={`${headingId}${group}`} className="px-3 pt-3 pb-1 text-xs font-medium text-slate-600 dark:text-slate-400">
        {groupName(group, texts, locale)}
      </h2>
      {/* Named by its heading: a screen reader says "Today, list, 3 items". */}
      <ul aria-labelledby={`${headingId}${group}`} className="space-y-0.5">
        {members.map((id) => (
          <ConversationItem key={id} id={id} onSelected={onSelected} />
        ))}
      </ul>
    </Fragment>
  ));
}
