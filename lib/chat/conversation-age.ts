/*
 * The sidebar's groups by when a conversation was last written to, as chat
 * apps show them: today, yesterday, the 7 and the 30 days before, then one
 * group a month. Days are the reader's own (local midnight), so "yesterday"
 * is the calendar's, across a change to or from summer time too.
 */

/**
 * "pinned" (the reader's pinned conversations, whatever their age), "today", "yesterday", "week" (the 7 days before
 * yesterday's end), "month" (the 30 days before now), or a month as "2026-10".
 */
export type AgeGroup = string;

/** Which group a conversation last written to at `updatedAt` is in, seen at `now`. */
export function ageGroup(updatedAt: number, now: number): AgeGroup {
  const today = new Date(now);
  const daysAgo = (days: number) => new Date(today.getFullYear(), today.getMonth(), today.getDate() - days).getTime();
  if (updatedAt >= daysAgo(0)) return "today";
  if (updatedAt >= daysAgo(1)) return "yesterday";
  if (updatedAt >= daysAgo(7)) return "week";
  if (updatedAt >= daysAgo(30)) return "month";
  const then = new Date(updatedAt);
  return `${then.getFullYear()}-${String(then.getMonth() + 1).padStart(2, "0")}`;
}

export interface ConversationGroup {
  group: AgeGroup;
  ids: string[];
}

const named = ["pinned", "today", "yesterday", "week", "month"];
/** Where a group goes: the named ones in their order, then the months, newest first. */
function rank(group: AgeGroup): number {
  const index = named.indexOf(group);
  return index >= 0 ? index : named.length + (9999 - Number(group.slice(0, 4))) * 12 + (12 - Number(group.slice(5)));
}

/**
 * The conversations in their groups, the pinned ones first, then the newest
 * group first, each keeping the list's order. The list is newest first
 * already, but a restored backup's conversations come below those that were
 * here, whatever their age: they join their group rather than make a second
 * "Today" lower down.
 */
export function groupByAge(ids: readonly string[], updatedAtOf: (id: string) => number, now: number, isPinned: (id: string) => boolean = () => false): ConversationGroup[] {
  const groups = new Map<AgeGroup, string[]>();
  for (const id of ids) {
    const group = isPinned(id) ? "pinned" : ageGroup(updatedAtOf(id), now);
    const members = groups.get(group);
    if (members) members.push(id);
    else groups.set(group, [id]);
  }
  return [...groups]
    .map(([group, members]) => ({ group, ids: members }))
    .sort((one, other) => rank(one.group) - rank(other.group));
}
