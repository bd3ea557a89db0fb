import { formatCalendarDate } from "~/utils/london-time";
import { CountTable } from "./count-table";

/**
 * A bar per period (a week, a day), drawn as SVG sized by attributes (the CSP allows no inline styles), hidden from
 * screen readers, with the same numbers in a table under it for everyone.
 */
export function WeekChart({ weeks, label, unit, period = "Week beginning" }: { weeks: Array<{ week: string; count: number }>; label: string; unit: string; period?: string }) {
  if (weeks.length === 0) return <p>Nothing to chart yet.</p>;
  const max = Math.max(...weeks.map((w) => w.count), 1);
  const barWidth = 24;
  const gap = 8;
  const height = 120;
  const width = weeks.length * (barWidth + gap) + gap;
  return (
    <figure className="section">
      <svg className="chart" viewBox={`0 0 ${width} ${height + 20}`} aria-hidden="true" focusable="false">
        <line className="chart__axis" x1="0" y1={height} x2={width} y2={height} />
        {weeks.map((w, i) => {
          const h = Math.max(2, Math.round((w.count / max) * (height - 10)));
          const x = gap + i * (barWidth + gap);
          return (
            <g key={w.week}>
              <rect className="chart__bar" x={x} y={height - h} width={barWidth} height={h} rx="2" />
              <text className="chart__label" x={x + barWidth / 2} y={height + 14} textAnchor="middle">
                {w.count}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <CountTable caption={label} heading={period} unit={unit} rows={weeks.map((w) => ({ key: w.week, label: formatCalendarDate(w.week), count: w.count }))} />
      </figcaption>
    </figure>
  );
}
