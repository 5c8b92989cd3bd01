import { followAbort } from './follow-abort.js';

describe('followAbort', () => {
  it("aborts the controller with the parent's reason", () => {
    const parent = new AbortController();
    const child = new AbortController();
    followAbort(parent.signal, child);
    expect(child.signal.aborted).toBe(false);
    parent.abort(new Error('client left'));
    expect(child.signal.aborted).toBe(true);
    expect(child.signal.reason).toEqual(new Error('client left'));
  });

  it('aborts at once when the parent already has', () => {
    const parent = new AbortController();
    parent.abort('gone');
    const child = new AbortController();
    followAbort(parent.signal, child);
    expect(child.signal.reason).toBe('gone');
  });

  it('stops following once unlinked, and leaves the parent alone when the child aborts', () => {
    const parent = new AbortController();
    const child = new AbortController();
    const unlink = followAbort(parent.signal, child);
    unlink();
    parent.abort();
    expect(child.signal.aborted).toBe(false);

    const other = new AbortController();
    const second = new AbortController();
    followAbort(other.signal, second);
    second.abort();
    expect(other.signal.aborted).toBe(false);
  });

  it('does nothing without a parent', () => {
    const child = new AbortController();
    followAbort(undefined, child)();
    expect(child.signal.aborted).toBe(false);
  });
});
