import express, { type Router } from 'express';
import { z } from 'zod';
import { BadRequestError, parseRequestBody } from '@tollgate/core';
import type { StoredResponseStore } from '@tollgate/ledger';
import { authOf } from '../../auth/authenticate-request.js';
import { responseNotFound, responseReaderOf } from './response-reader-of.js';

const idOfRequest = (request: express.Request) => String(request.params['responseId']);
const PATHS = (suffix: string) => [`/v1/responses/:responseId${suffix}`, `/responses/:responseId${suffix}`];

const inputItemsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  order: z.enum(['asc', 'desc']).default('desc'),
  after: z.string().min(1).optional(),
});

/**
 * Reading back stored responses: `GET /v1/responses/{id}`, `DELETE /v1/responses/{id}`,
 * `GET /v1/responses/{id}/input_items` and `POST /v1/responses/{id}/cancel`. A key sees only its own and its team's
 * responses: any other id is a 404, as for one that does not exist.
 */
export function createStoredResponseRoutes(options: { storedResponses: StoredResponseStore }): Router {
  const router = express.Router();
  const find = async (responseId: string, response: express.Response) => {
    const record = await options.storedResponses.get(responseId, responseReaderOf(authOf(response)));
    if (record === undefined) throw responseNotFound(responseId);
    return record;
  };

  router.get(PATHS(''), async (request, response) => {
    response.json((await find(idOfRequest(request), response)).response);
  });

  router.delete(PATHS(''), async (request, response) => {
    const responseId = idOfRequest(request);
    if (!(await options.storedResponses.delete(responseId, responseReaderOf(authOf(response))))) throw responseNotFound(responseId);
    response.json({ id: responseId, object: 'response.deleted', deleted: true });
  });

  router.get(PATHS('/input_items'), async (request, response) => {
    const record = await find(idOfRequest(request), response);
    const query = parseRequestBody(inputItemsQuerySchema, request.query);
    const ordered = query.order === 'asc' ? record.inputItems : [...record.inputItems].reverse();
    const idOf = (item: unknown) => (item as { id?: string }).id;
    const start = query.after === undefined ? 0 : ordered.findIndex((item) => idOf(item) === query.after) + 1;
    const data = ordered.slice(start, start + query.limit);
    response.json({
      object: 'list',
      data,
      first_id: data.length > 0 ? idOf(data[0]) : null,
      last_id: data.length > 0 ? idOf(data.at(-1)) : null,
      has_more: start + query.limit < ordered.length,
    });
  });

  // Only background responses can be cancelled (OpenAI); the gateway runs none, so a stored one has finished.
  router.post(PATHS('/cancel'), async (request, response) => {
    await find(idOfRequest(request), response);
    throw new BadRequestError('Only responses created with background=true can be cancelled.', { param: null, code: null });
  });

  return router;
}
