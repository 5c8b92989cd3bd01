// The results as a fixed-width table.

const COLUMNS = [
  ['scenario', (row) => row.name],
  ['calls', (row) => String(row.calls)],
  ['out rows', (row) => String(row.outputRows)],
  ['query p50', (row) => row.query.median.toFixed(1)],
  ['query p95', (row) => row.query.p95.toFixed(1)],
  ['+json p50', (row) => row.total.median.toFixed(1)],
  ['+json p95', (row) => row.total.p95.toFixed(1)],
  ['< 100 ms', (row) => (row.target ? (row.total.p95 < 100 ? 'yes' : 'NO') : '(extra)')],
  ['check', (row) => row.check],
];

export function renderTable(rows) {
  const cells = rows.map((row) => COLUMNS.map(([, cell]) => cell(row)));
  const widths = COLUMNS.map(([title], index) => Math.max(title.length, ...cells.map((line) => line[index].length)));
  const line = (values) => values.map((value, index) => (index === 0 ? value.padEnd(widths[index]) : value.padStart(widths[index]))).join('  ');
  return [line(COLUMNS.map(([title]) => title)), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');
}

export const TABLE_LEGEND = `times in ms, warm, sequential; query = the ledger call the route makes; +json = with the LiteLLM serializer.
"< 100 ms" judges the p95 of query + serializer of the two target scenarios.`;
