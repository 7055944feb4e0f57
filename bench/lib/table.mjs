/** The results as a plain-text table (for the terminal) and as Markdown (for docs/benchmarks.md). */

const HEADERS = ['benchmark', 'ours (min–max)', 'baseline (min–max)', 'unit', 'ratio', 'target'];

function cells(result) {
  const withRange = (value, range) =>
    range ? `${format(value)} (${format(range[0])}–${format(range[1])})` : format(value);
  return [
    result.name,
    withRange(result.ours, result.oursRange),
    // Measurements without a counterpart (the checks) have no baseline and no ratio.
    result.baseline === null ? '' : withRange(result.baseline, result.baselineRange),
    result.unit,
    result.ratio === null ? '' : result.ratio.toFixed(3),
    result.target === undefined ? '' : `>= ${result.target} ${result.met ? 'met' : 'MISSED'}`,
  ];
}

function format(value) {
  const digits = Math.abs(value) < 1 ? 3 : 2;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

export function textTable(results) {
  const rows = [HEADERS, ...results.map(cells)];
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((cols) => cols[column].length)));
  const line = (cols) => cols.map((cell, column) => cell.padEnd(widths[column])).join('  ');
  return [
    line(rows[0]),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n');
}

export function markdownTable(results) {
  const line = (cols) => `| ${cols.join(' | ')} |`;
  return [
    line(HEADERS),
    line(HEADERS.map((_, column) => (column === 0 || column === 3 ? '---' : '---:'))),
    ...results.map((result) => line(cells(result))),
  ].join('\n');
}
