/**
 * Makes `controller` abort (with the same reason) when `parent` aborts, at once if it already has. Returns the
 * function that undoes the link; call it when the work `controller` guards is over, so a long-lived parent does not
 * collect listeners. Per call this costs one listener, where `AbortSignal.any` allocates a composite signal and
 * weak references: it is what the request path uses.
 */
export function followAbort(parent: AbortSignal | undefined, controller: AbortController): () => void {
  if (parent === undefined) return noop;
  if (parent.aborted) {
    controller.abort(parent.reason);
    return noop;
  }
  const onAbort = (): void => controller.abort(parent.reason);
  parent.addEventListener('abort', onAbort, { once: true });
  return () => parent.removeEventListener('abort', onAbort);
}

function noop(): void {}
