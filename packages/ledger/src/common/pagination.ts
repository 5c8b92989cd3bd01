import { BadRequestError } from '@tollgate/core';

/** A page request, 1-based as in LiteLLM's list endpoints. */
export interface PageRequest {
  /** Page number, from 1. */
  page?: number;
  /** Rows per page. */
  pageSize?: number;
}

/** A checked page request with its SQL offset. */
export interface ResolvedPage {
  page: number;
  pageSize: number;
  offset: number;
}

/** Validates page and size (size capped at `maxPageSize`, LiteLLM allows 100) and computes the offset. */
export function resolvePage(request: PageRequest, defaults: { pageSize: number; maxPageSize?: number }): ResolvedPage {
  const page = request.page ?? 1;
  const pageSize = request.pageSize ?? defaults.pageSize;
  const maxPageSize = defaults.maxPageSize ?? 100;
  if (!Number.isInteger(page) || page < 1) throw new BadRequestError('page must be an integer ≥ 1', { param: 'page' });
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxPageSize) {
    throw new BadRequestError(`page size must be an integer between 1 and ${maxPageSize}`, { param: 'size' });
  }
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** Number of pages for a total (0 rows → 0 pages). */
export function totalPagesOf(total: number, pageSize: number): number {
  return Math.ceil(total / pageSize);
}

/** Sort direction of list endpoints. */
export type SortOrder = 'asc' | 'desc';
