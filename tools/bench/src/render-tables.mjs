// The results as text: a fixed-width table for the terminal and a Markdown table for the README.

const COLUMNS = [
  { title: 'workload', value: (row) => row.workload, left: true },
  { title: 'target', value: (row) => row.target, left: true },
  { title: 'req/s', value: (row) => fixed(row.figures.requestsPerSecond, 0) },
  { title: 'p50 ms', value: (row) => fixed(row.figures.p50Ms, 2) },
  { title: 'p99 ms', value: (row) => fixed(row.figures.p99Ms, 2) },
  { title: 'rps/direct', value: (row) => (row.target === 'direct' ? '' : fixed(row.figures.rpsToDirect, 3)) },
  { title: 'rps/floor', value: (row) => (row.target === 'proxy' ? fixed(row.figures.rpsToFloor, 3) : '') },
  { title: 'c1 ms', value: (row) => fixed(row.figures.c1TotalP50Ms, 3) },
  { title: 'c1 +direct', value: (row) => (row.target === 'direct' ? '' : signed(row.figures.c1AddedToDirectMs)) },
  { title: 'c1 +floor', value: (row) => (row.target === 'proxy' ? signed(row.figures.c1AddedToFloorMs) : '') },
  { title: 'ttfb ms', value: (row) => fixed(row.figures.c1FirstByteP50Ms, 3) },
  { title: 'ttfb +direct', value: (row) => (row.target === 'direct' ? '' : signed(row.figures.c1FirstByteAddedToDirectMs)) },
  { title: 'ttfb +floor', value: (row) => (row.target === 'proxy' ? signed(row.figures.c1FirstByteAddedToFloorMs) : '') },
  { title: 'CPU %', value: (row) => fixed(row.figures.cpuPercent, 0) },
  { title: 'RSS MB', value: (row) => fixed(row.figures.peakRssMB, 0) },
  { title: 'worker %', value: (row) => fixed(row.figures.workerCpuPercent, 0), distributedOnly: true },
  { title: 'mock %', value: (row) => fixed(row.figures.mockCpuPercent, 0) },
  { title: 'lg %', value: (row) => fixed(row.figures.loadGeneratorCpuPercent, 0) },
  { title: 'other %', value: (row) => fixed(row.figures.otherCpuPercent, 0) },
  { title: 'fail', value: (row) => String(row.figures.failed) },
  { title: 'up/req', value: (row) => fixed(row.figures.upstreamHitsPerSent, 2) },
];

export const TABLE_LEGEND = [
  'req/s: 2xx per second, closed loop; p50/p99: latency of the whole response under load (stream: until [DONE]).',
  'rps/direct, rps/floor: req/s divided by that of direct / floor in the same round (median of rounds).',
  'c1: one connection, sequential requests after each load run, p50 of the whole response; ttfb: first body byte',
  '  (for a stream, the first SSE frame); +direct / +floor: added over direct / floor in the same round.',
  'CPU %: the target process (100 = one core); RSS MB: its peak resident set during the runs; worker %: the spend',
  '  worker during the proxy runs; mock %, lg % (load generator, this process), other % (everything else on the',
  '  machine: a noise gauge). fail: non-2xx + errors + timeouts; up/req: mock hits per request sent (1.00 = exactly once).',
].join('\n');

function fixed(value, digits) {
  return value == null ? '-' : Number(value).toFixed(digits);
}

function signed(value) {
  return value == null ? '-' : `${value >= 0 ? '+' : ''}${Number(value).toFixed(3)}`;
}

function tableRows(summary) {
  return Object.entries(summary).flatMap(([workload, byTarget]) => Object.entries(byTarget).map(([target, figures]) => ({ workload, target, figures })));
}

function visibleColumns(mode) {
  return COLUMNS.filter((column) => !column.distributedOnly || mode === 'distributed');
}

/** Fixed-width table for the terminal. */
export function renderTextTable(summary, { mode }) {
  const columns = visibleColumns(mode);
  const cells = [columns.map((column) => column.title), ...tableRows(summary).map((row) => columns.map((column) => column.value(row)))];
  const widths = columns.map((_, index) => Math.max(...cells.map((line) => line[index].length)));
  return cells.map((line) => line.map((cell, index) => (columns[index].left ? cell.padEnd(widths[index]) : cell.padStart(widths[index]))).join('  ')).join('\n');
}

/** Markdown table (for README.md and docs/performance.md). */
export function renderMarkdownTable(summary, { mode }) {
  const columns = visibleColumns(mode);
  const header = `| ${columns.map((column) => column.title).join(' | ')} |`;
  const rule = `| ${columns.map((column) => (column.left ? '---' : '---:')).join(' | ')} |`;
  const body = tableRows(summary).map((row) => `| ${columns.map((column) => column.value(row)).join(' | ')} |`);
  return [header, rule, ...body].join('\n');
}
