import { CodeText } from "@/components/compare/code-text";
import { TickTimingChart } from "@/components/compare/tick-timing-chart";
import type { CheckState, StreamHealthReport } from "@/lib/health/analyze-stream-health";
import { streamHealthAdvice, type Platform } from "@/lib/health/stream-health-advice";
import { cn } from "@/lib/ui/cn";

const marks: Record<CheckState, { symbol: string; label: string; className: string }> = {
  pass: { symbol: "✓", label: "passed", className: "text-emerald-700 dark:text-emerald-400" },
  warn: { symbol: "!", label: "warning", className: "text-amber-700 dark:text-amber-400" },
  fail: { symbol: "✗", label: "failed", className: "text-red-700 dark:text-red-400" },
};

const platforms: Platform[] = ["nginx", "Cloudflare", "Vercel"];

/** The verdict, the ticks as sent and as received, and each check with what to change where it did not pass. */
export function StreamHealthResult({ report }: { report: StreamHealthReport }) {
  const healthy = report.verdict === "healthy";
  return (
    <div className="flex flex-col gap-3" data-verdict={report.verdict}>
      <p
        role="status"
        className={cn(
          "rounded-lg px-3 py-2 text-sm font-medium",
          healthy ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100" : "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100",
        )}
      >
        {report.summary}
      </p>
      {report.ticks.length > 0 && <TickTimingChart ticks={report.ticks} />}
      <ul className="flex flex-col gap-2 text-sm">
        {report.checks.map((check) => {
          const mark = marks[check.state];
          const advice = check.state === "pass" ? undefined : streamHealthAdvice[check.id];
          return (
            <li key={check.id} data-check={check.id} data-state={check.state} className="flex gap-2">
              <span aria-label={mark.label} className={cn("w-4 shrink-0 text-center font-bold", mark.className)}>
                {mark.symbol}
              </span>
              <div className="min-w-0">
                <span className="font-medium text-slate-900 dark:text-slate-100">{check.title}.</span>{" "}
                <span className="text-slate-700 dark:text-slate-300">{check.detail}</span>
                {advice && (
                  <details open={check.state === "fail"} className="mt-1">
                    <summary className="cursor-pointer text-xs text-slate-600 dark:text-slate-400">What to change</summary>
                    <dl className="mt-1 grid gap-1 text-xs sm:grid-cols-[6rem_1fr]">
                      {platforms.map((platform) => (
                        <div key={platform} className="contents">
                          <dt className="font-medium text-slate-800 dark:text-slate-200">{platform}</dt>
                          <dd className="text-slate-700 dark:text-slate-300">
                            <CodeText text={advice[platform]} />
                          </dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
