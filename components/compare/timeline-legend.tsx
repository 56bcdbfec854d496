import { laneStyle } from "@/components/compare/lane-style";
import { laneNames } from "@/lib/store/compare";
import { cn } from "@/lib/ui/cn";

/** What the chart's lines and marks mean: their swatches keep their colours in a contrast theme, as the chart does. */
export function TimelineLegend() {
  return (
    <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
      {laneNames.map((name) => (
        <li key={name} className="flex items-center gap-1.5">
          <span aria-hidden className={cn("inline-block h-0.5 w-4", laneStyle[name].dot)} />
          {laneStyle[name].title}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <span aria-hidden className="inline-block size-2 rounded-full bg-slate-500 forced-color-adjust-none" />
        first characters
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden className="inline-block size-2 bg-slate-500 forced-color-adjust-none" />
        whole answer
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden className="inline-block h-2 w-px bg-blue-600 dark:bg-blue-400 forced-color-adjust-none" />
        chunk arrived
      </li>
    </ul>
  );
}
