import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart } from "./bar-chart";
import { CHART_HEIGHT } from "./chart-layout";

const words = { one: "confirmed signature", other: "confirmed signatures" };
const days = (length: number) => Array.from({ length }, (_, i) => ({ date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10), count: (i % 9) + 1 }));

/** The chart as the server sends it. */
const render = (points: Array<{ date: string; count: number }>) =>
  renderToStaticMarkup(<BarChart title="Confirmed signatures by day" points={points} period="day" words={words} column="Signatures" />);
const count = (html: string, pattern: RegExp) => html.match(new RegExp(pattern, "g"))?.length ?? 0;
/** The outer SVG's opening tag, whose attributes make it an image with a name. */
const outerSvg = (html: string) => html.match(/<svg [^>]*role="img"[^>]*>/)?.[0] ?? "";

describe("BarChart", () => {
  it.each([2, 7, 30, 365])("draws %i days as an image named by a summary, at a fixed height, with the numbers in a table", (n) => {
    const html = render(days(n));
    const svg = outerSvg(html);
    expect(svg).toMatch(/aria-label="Confirmed signatures by day, [^"]*2026: [\d,]+ in all, most on [^"]+"/);
    expect(svg).toContain(`height="${CHART_HEIGHT}"`);
    expect(CHART_HEIGHT).toBeLessThan(400);
    // Sized by attributes, never a style (the CSP forbids inline styles), and no viewBox to scale its text with its width.
    expect(html).not.toContain("style=");
    expect(svg).not.toContain("viewBox");
    expect(count(html, /<svg /)).toBe(2);
    expect(count(html, /class="chart__bar"/)).toBe(n);
    expect(count(html, /class="chart__date"/)).toBeGreaterThan(0);
    expect(count(html, /class="chart__date"/)).toBeLessThanOrEqual(5);
    expect(count(html, /class="chart__scale"/)).toBeGreaterThan(1);
    expect(html).toContain('<h3 class="chart__title">Confirmed signatures by day</h3>');
    expect(count(html, /<tr>/)).toBe(n + 1);
  });

  it("says one day of data as a number, with no chart", () => {
    const html = render([{ date: "2026-03-02", count: 5 }]);
    expect(html).not.toContain("<svg");
    expect(html).toContain('<p class="chart__sentence">5 confirmed signatures, all on 2 March 2026.</p>');
  });

  it("says there is nothing yet when there is no data, with no chart or table", () => {
    const html = render([]);
    expect(html).not.toContain("<svg");
    expect(html).not.toContain("<table");
    expect(html).toContain('<p class="chart__sentence">No confirmed signatures yet.</p>');
  });
});
