/** The most pages {@link listAllPages} reads (100 rows each): a bound, so one request cannot read a whole table. */
const MAX_PAGES = 100;

/**
 * Every row of a paged store listing, for responses that LiteLLM returns unpaged (`/team/list`, `/customer/list`,
 * the keys of `/user/info`). Stops after {@link MAX_PAGES} pages.
 */
export async function listAllPages<Row>(readPage: (page: number) => Promise<{ rows: Row[]; totalPages: number }>): Promise<Row[]> {
  const rows: Row[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const result = await readPage(page);
    rows.push(...result.rows);
    if (page >= result.totalPages) break;
  }
  return rows;
}
