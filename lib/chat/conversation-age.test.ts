import { describe, expect, test } from "vitest";
import { ageGroup, groupByAge } from "@/lib/chat/conversation-age";

// Local time, as the page sees it: 5 December 2026, 10:00.
const now = new Date(2026, 11, 5, 10, 0).getTime();
const at = (month: number, day: number, hour = 12, year = 2026) => new Date(year, month - 1, day, hour).getTime();

describe("ageGroup", () => {
  test("today from midnight, yesterday the calendar's, then the 7 and the 30 days before, then by month", () => {
    expect(ageGroup(at(12, 5, 0), now)).toBe("today");
    expect(ageGroup(at(12, 4, 23), now)).toBe("yesterday");
    expect(ageGroup(at(12, 4, 0), now)).toBe("yesterday");
    expect(ageGroup(at(12, 3, 23), now)).toBe("week");
    expect(ageGroup(at(11, 28, 0), now)).toBe("week");
    expect(ageGroup(at(11, 27, 23), now)).toBe("month");
    expect(ageGroup(at(11, 5, 0), now)).toBe("month");
    expect(ageGroup(at(11, 4, 23), now)).toBe("2026-11");
    expect(ageGroup(at(2, 1, 12, 2025), now)).toBe("2025-02");
  });
});

describe("groupByAge", () => {
  test("groups newest first, months newest first, each keeping the list's order; a conversation restored below its elders joins its group", () => {
    const updated: Record<string, number> = {
      new: at(12, 5, 9),
      older: at(12, 1),
      lastYear: at(12, 24, 12, 2025),
      august: at(8, 2),
      restoredToday: at(12, 5, 8),
      september: at(9, 30),
    };
    const ids = ["new", "older", "lastYear", "august", "restoredToday", "september"];
    expect(groupByAge(ids, (id) => updated[id] ?? 0, now)).toEqual([
      { group: "today", ids: ["new", "restoredToday"] },
      { group: "week", ids: ["older"] },
      { group: "2026-09", ids: ["september"] },
      { group: "2026-08", ids: ["august"] },
      { group: "2025-12", ids: ["lastYear"] },
    ]);
  });

  test("pinned conversations come first, under Pinned, in the list's order whatever their age; the others keep their groups", () => {
    const updated: Record<string, number> = { today: at(12, 5, 9), pinnedToday: at(12, 5, 8), august: at(8, 2), pinnedLastYear: at(1, 3, 12, 2025) };
    const pinned = new Set(["pinnedLastYear", "pinnedToday"]);
    const ids = ["today", "pinnedToday", "august", "pinnedLastYear"];
    expect(groupByAge(ids, (id) => updated[id] ?? 0, now, (id) => pinned.has(id))).toEqual([
      { group: "pinned", ids: ["pinnedToday", "pinnedLastYear"] },
      { group: "today", ids: ["today"] },
      { group: "2026-08", ids: ["august"] },
    ]);
  });

  test("no conversations, no groups", () => {
    expect(groupByAge([], () => 0, now)).toEqual([]);
  });
});
