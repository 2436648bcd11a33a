/** When a request is tried again, and how long to wait in between. */
export interface RetryOptions {
  /** Tries after the first; 0 turns retrying off. Default 2. */
  retries?: number;
  /** The first wait when the answer names none, in milliseconds; it doubles each time (with jitter). Default 500. */
  baseDelayMs?: number;
  /** The longest wait; a Retry-After longer than this is not waited for, the answer is returned. Default 10 000. */
  maxDelayMs?: number;
}

export type Fetch = (input: Request) => Promise<Response>;

/**
 * Tries a request again only where that is safe: a 429 or a 503 (the service changed nothing;
 * `Retry-After` says when to come back) for any method, and a network failure (no answer at all)
 * for GET and HEAD, and for a request with an `Idempotency-Key` (the service answers its replay
 * with the first answer), since any other POST, PUT or DELETE that got no answer may have been carried out.
 * Waits `Retry-After` when the answer has one, else an exponential backoff with jitter; an aborted
 * signal ends the wait at once.
 */
export function retrying(fetcher: Fetch, options: RetryOptions = {}): Fetch {
  // A body can be read once: each try but the last sends a copy.
  return (request) => retryLoop((last) => fetcher(last ? request : request.clone()), request, options);
}

/**
 * The tries of one request, as `retrying` makes them: `attempt` sends it once more each time it is
 * called (told whether this is the last try), and the answer that ends the tries is returned.
 */
export async function retryLoop(
  attempt: (last: boolean) => Promise<Response>,
  request: { method: string; signal?: AbortSignal | null | undefined; headers?: Headers },
  options: RetryOptions = {},
): Promise<Response> {
  const retries = options.retries ?? 2;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  const backoff = (tries: number): number => Math.min(maxDelayMs, baseDelayMs * 2 ** tries * (0.5 + Math.random() / 2));
  // An Idempotency-Key makes a POST safe to send again: the service answers a replay with the first answer.
  const safe = request.method === "GET" || request.method === "HEAD" || request.headers?.has("Idempotency-Key") === true;
  const signal = request.signal ?? undefined;
  for (let tries = 0; ; tries++) {
    const last = tries >= retries;
    let response: Response;
    try {
      response = await attempt(last);
    } catch (error) {
      if (last || !safe || signal?.aborted === true) {
        throw error;
      }
      await sleep(backoff(tries), signal);
      continue;
    }
    if (!last && (response.status === 429 || response.status === 503)) {
      const wait = retryAfterMs(response.headers.get("Retry-After")) ?? backoff(tries);
      if (wait <= maxDelayMs) {
        await response.body?.cancel();
        await sleep(wait, signal);
        continue;
      }
    }
    return response;
  }
}

/** Retry-After as delta-seconds or an HTTP date, in milliseconds from now. */
export function retryAfterMs(value: string | null): number | undefined {
  if (value === null || value.trim() === "") {
    return undefined;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds * 1000);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal === undefined) {
      setTimeout(resolve, ms);
      return;
    }
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", abort);
      resolve();
    }, ms);
    const abort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", abort, { once: true });
  });
}
