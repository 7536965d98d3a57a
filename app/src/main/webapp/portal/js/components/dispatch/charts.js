import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

// uPlot (docs/portal.md) draws on a canvas and styles its own elements through the CSSOM, which the portal's CSP
// allows; its stylesheet is linked from the WebJar by the dashboard. Charts are sized to their box and follow it.

const COLORS = ['#0b5cad', '#1a7f37', '#b35900', '#8250df', '#cf222e'];

/** A chart that follows its box's width; `dispose()` when its element goes. */
function sized(element, options, data) {
  const width = () => Math.max(240, element.clientWidth);
  const chart = new uPlot({ ...options, width: width(), height: 220 }, data, element);
  const observer = new ResizeObserver(() => chart.setSize({ width: width(), height: 220 }));
  observer.observe(element);
  return { dispose: () => { observer.disconnect(); chart.destroy(); } };
}

/** Lines over dates: `days` ISO dates, `series` [{label, values}]. */
export function lineChart(element, days, series) {
  const xs = days.map(day => Date.parse(`${day}T12:00:00Z`) / 1000);
  return sized(element, {
    scales: { x: { time: true } },
    axes: [{}, { size: 40 }],
    legend: { live: false },
    series: [{}, ...series.map((s, i) => ({ label: s.label, stroke: COLORS[i], width: 2, points: { show: true } }))],
  }, [xs, ...series.map(s => s.values)]);
}

/** Bars, one per label. */
export function barChart(element, labels, values, label) {
  const xs = labels.map((_, i) => i);
  return sized(element, {
    scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
    axes: [{ splits: () => xs, values: (u, splits) => splits.map(i => labels[i] ?? '') }, { size: 40 }],
    legend: { show: false },
    series: [{}, { label, fill: `${COLORS[0]}cc`, stroke: COLORS[0], points: { show: false },
      paths: uPlot.paths.bars({ size: [0.6, 80] }) }],
  }, [xs, values]);
}
