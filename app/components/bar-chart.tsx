import { CountTable } from "./count-table";
import {
  barLayout,
  CHART_HEIGHT,
  chartWidthEm,
  dateLabels,
  formatCount,
  gutterEm,
  labelPlacement,
  planChart,
  PLOT_HEIGHT,
  PLOT_TOP,
  valueTicks,
  type Noun,
  type Period,
  type Point,
} from "./chart-layout";
import { formatCalendarDate } from "~/utils/london-time";

const percent = (share: number) => `${(share * 100).toFixed(3)}%`;

/**
 * Counts by day or by week, as bars: every chart in Chorus is this one, so they all read the same way.
 *
 * The SVG has a fixed height and no viewBox, so its text is drawn at its own size whatever the width:
 * widths and places across are percentages of the drawing, heights are pixels, and the value scale sits
 * in the element's padding (the stylesheet's gutter). The bars alone are drawn in a nested SVG that
 * stretches sideways only. Everything is sized by attributes: the CSP allows no inline styles.
 *
 * One period of data is said in a sentence (its number is all there is to see) and none in a shorter
 * one, never an empty chart or a single slab. A chart has the same numbers in a table beside it; the
 * chart itself is an image named by a summary of what it shows.
 */
export function BarChart({ title, points, period, words, column }: { title: string; points: ReadonlyArray<Point>; period: Period; words: Noun; column: string }) {
  const plan = planChart(points, period, title, words);
  return (
    <div className="chart">
      <h3 className="chart__title">{title}</h3>
      {plan.kind === "chart" ? (
        <div className="chart__body">
          <div className="chart__drawing">
            <Bars series={plan.series} period={period} label={plan.label} />
            {plan.shortened ? <p className="chart__note">The chart shows the latest year; the table has every {period}.</p> : null}
          </div>
          <Numbers title={title} points={points} period={period} column={column} />
        </div>
      ) : (
        <p className="chart__sentence">{plan.sentence}</p>
      )}
    </div>
  );
}

function Numbers({ title, points, period, column }: { title: string; points: ReadonlyArray<Point>; period: Period; column: string }) {
  return (
    <div className="chart__numbers">
      <CountTable
        caption={title}
        hideCaption
        heading={period === "day" ? "Day" : "Week beginning"}
        unit={column}
        rows={points.filter((p) => p.count > 0).map((p) => ({ key: p.date, label: formatCalendarDate(p.date), count: p.count }))}
      />
    </div>
  );
}

function Bars({ series, period, label }: { series: Point[]; period: Period; label: string }) {
  const n = series.length;
  const ticks = valueTicks(Math.max(...series.map((p) => p.count)));
  const top = ticks.at(-1)!;
  const gutter = gutterEm(ticks);
  const y = (value: number) => PLOT_TOP + PLOT_HEIGHT - (value / top) * PLOT_HEIGHT;
  const bar = barLayout(n);
  return (
    <svg
      className={`chart__svg chart__svg--gutter-${gutter}`}
      width={`${chartWidthEm(n, gutter)}em`}
      height={CHART_HEIGHT}
      role="img"
      aria-label={label}
      focusable="false"
    >
      <g className="chart__grid">
        {ticks.map((t) => (
          <g key={t}>
            {t > 0 ? <line x1="0" x2="100%" y1={y(t)} y2={y(t)} /> : null}
            <text className="chart__scale" x="0" dx="-0.5em" y={y(t)} dy="0.35em" textAnchor="end">
              {formatCount(t)}
            </text>
          </g>
        ))}
      </g>
      <svg x="0" y={PLOT_TOP} width="100%" height={PLOT_HEIGHT} viewBox={`0 0 ${n} ${PLOT_HEIGHT}`} preserveAspectRatio="none">
        {series.map((p, i) => {
          if (p.count === 0) return null;
          // However small a count, its bar stays visible above the axis.
          const height = Math.max(1.5, (p.count / top) * PLOT_HEIGHT);
          return <rect key={p.date} className="chart__bar" x={i + bar.offset} width={bar.width} y={PLOT_HEIGHT - height} height={height} />;
        })}
      </svg>
      <line className="chart__axis" x1="0" x2="100%" y1={y(0)} y2={y(0)} />
      {dateLabels(
        series.map((p) => p.date),
        period,
      ).map(({ index, text }) => {
        const place = labelPlacement(index, n);
        return (
          <text key={series[index]!.date} className="chart__date" x={percent(place.at)} y={PLOT_TOP + PLOT_HEIGHT + 20} textAnchor={place.anchor}>
            {text}
          </text>
        );
      })}
    </svg>
  );
}
