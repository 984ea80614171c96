/**
 * A `fetch` for the chat's transport whose abort waits until the server has begun its response.
 *
 * Stop (or Escape) pressed within milliseconds of sending would otherwise cancel a request the
 * server may not have read yet: nothing would be stored, and after a reload the question would be
 * gone. Once the response has begun, the server holds the question, and when the request then goes
 * away it stores the turn with what there is, marked stopped. A server that does not answer within
 * `graceMs` of the stop is given up on, so a stop always ends.
 */
export function stopOnceAnswered(graceMs = 5_000, base: typeof fetch = globalThis.fetch): typeof fetch {
  return (input, init) => {
    const stopSignal = init?.signal;
    if (!stopSignal) return base(input, init);
    const request = new AbortController();
    let answered = false;
    let giveUp: ReturnType<typeof setTimeout> | undefined;
    const abort = () => {
      clearTimeout(giveUp);
      request.abort(stopSignal.reason);
    };
    const onStop = () => {
      if (answered) abort();
      else giveUp = setTimeout(abort, graceMs);
    };
    if (stopSignal.aborted) onStop();
    else stopSignal.addEventListener("abort", onStop, { once: true });
    return base(input, { ...init, signal: request.signal }).then(
      (response) => {
        answered = true;
        if (stopSignal.aborted) abort();
        return response;
      },
      (error: unknown) => {
        clearTimeout(giveUp);
        stopSignal.removeEventListener("abort", onStop);
        throw error;
      },
    );
  };
}
