/**
 * A small SVG line chart for the benchmarks (no plotting dependency): panels side by side, a
 * logarithmic x axis, a linear y axis, one line per series and an optional goal line per panel.
 */
export interface Series {
  name: string;
  points: [number, number][];
  dashed?: boolean;
}

export interface Panel {
  title: string;
  series: Series[];
  goal?: { value: number; label: string };
  /** Its own y range instead of the one all panels share (for panels of different magnitudes). */
  ownScale?: boolean;
}

const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function lineChartSvg(panels: Panel[], axes: { x: string; y: string; xScale?: "log" | "linear"; yMax?: number }): string {
  const log = (axes.xScale ?? "log") === "log";
  const width = 460;
  const height = 320;
  const margin = { left: 56, right: 12, top: 28, bottom: 44 };
  const legendHeight = 18 * Math.max(...panels.map((p) => p.series.length));
  const all = panels.flatMap((p) => p.series.flatMap((s) => s.points));
  const xs = all.map(([x]) => (log ? Math.log10(x) : x));
  const [xMin, xMax] = log ? [Math.floor(Math.min(...xs)), Math.ceil(Math.max(...xs))] : [0, niceCeiling(Math.max(...xs))];
  const topOf = (points: [number, number][], goals: number[]) => axes.yMax ?? niceCeiling(Math.max(...points.map(([, y]) => y), ...goals) * 1.1);
  const sharedTop = topOf(all, panels.map((p) => p.goal?.value ?? 0));
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const px = (x: number) => margin.left + (((log ? Math.log10(x) : x) - xMin) / Math.max(1, xMax - xMin)) * plotW;
  // A decade per tick on a log axis, quarters on a linear one.
  const xTicks = log ? Array.from({ length: xMax - xMin + 1 }, (_, e) => 10 ** (xMin + e)) : [0, 1, 2, 3, 4].map((t) => (xMax * t) / 4);
  const parts: string[] = [];
  panels.forEach((panel, i) => {
    const yMax = panel.ownScale ? topOf(panel.series.flatMap((s) => s.points), [panel.goal?.value ?? 0]) : sharedTop;
    const py = (y: number) => margin.top + plotH - (y / yMax) * plotH;
    const g: string[] = [`<g transform="translate(${i * width},0)">`];
    g.push(`<text x="${margin.left + plotW / 2}" y="18" text-anchor="middle" font-weight="bold">${escape(panel.title)}</text>`);
    for (const tick of xTicks) {
      const x = px(tick);
      g.push(`<line x1="${x}" y1="${margin.top}" x2="${x}" y2="${margin.top + plotH}" stroke="#eee"/>`,
        `<text x="${x}" y="${margin.top + plotH + 16}" text-anchor="middle">${tick.toLocaleString("en")}</text>`);
    }
    for (let t = 0; t <= 4; t++) {
      const y = py((yMax * t) / 4);
      g.push(`<line x1="${margin.left}" y1="${y}" x2="${margin.left + plotW}" y2="${y}" stroke="#eee"/>`,
        `<text x="${margin.left - 6}" y="${y + 4}" text-anchor="end">${Math.round((yMax * t) / 4)}</text>`);
    }
    g.push(`<text x="${margin.left + plotW / 2}" y="${height - 8}" text-anchor="middle">${escape(axes.x)}</text>`,
      `<text transform="translate(14,${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escape(axes.y)}</text>`);
    if (panel.goal) {
      const y = py(panel.goal.value);
      g.push(`<line x1="${margin.left}" y1="${y}" x2="${margin.left + plotW}" y2="${y}" stroke="#000" stroke-dasharray="2,3"/>`,
        `<text x="${margin.left + plotW - 4}" y="${y - 4}" text-anchor="end">${escape(panel.goal.label)}</text>`);
    }
    panel.series.forEach((series, s) => {
      const color = COLORS[s % COLORS.length];
      const points = [...series.points].sort((a, b) => a[0] - b[0]);
      const dash = series.dashed ? ` stroke-dasharray="6,3"` : "";
      g.push(`<polyline fill="none" stroke="${color}" stroke-width="2"${dash} points="${points.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(" ")}"/>`);
      for (const [x, y] of points) g.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3" fill="${color}"/>`);
      const ly = height + 14 + s * 18;
      g.push(`<line x1="${margin.left}" y1="${ly - 4}" x2="${margin.left + 24}" y2="${ly - 4}" stroke="${color}" stroke-width="2"${dash}/>`,
        `<text x="${margin.left + 30}" y="${ly}">${escape(series.name)}</text>`);
    });
    g.push("</g>");
    parts.push(g.join("\n"));
  });
  const totalW = width * panels.length;
  const totalH = height + legendHeight + 10;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${totalW}" height="${totalH}" viewBox="0 0 ${totalW} ${totalH}" font-family="sans-serif" font-size="11">
<rect width="100%" height="100%" fill="#fff"/>
${parts.join("\n")}
</svg>
`;
}

/** 1, 2 or 5 times a power of ten, at least `value`. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(value, 1)));
  return ([1, 2, 5, 10].map((m) => m * power).find((v) => v >= value) ?? 10 * power);
}
