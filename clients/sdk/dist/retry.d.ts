/** When a request is tried again, and how long to wait in between. */
export interface RetryOptions {
    /** Tries after the first; 0 turns retrying off. Default 2. */
    retries?: number;
    /** The first wait when the answer names none, in milliseconds; it doubles each time (with jitter). Default 500. */
    baseDelayMs?: number;
    /** The longest wait; a Retry-After longer than this is not waited for, the answer is returned. Default 10 000. */
    maxDelayMs?: number;
}
type Fetch = (input: Request) => Promise<Response>;
/**
 * Tries a request again only where that is safe: a 429 or a 503 (the service changed nothing;
 * `Retry-After` says when to come back) for any method, and a network failure (no answer at all)
 * for GET and HEAD only, since a POST, PUT or DELETE that got no answer may have been carried out.
 * Waits `Retry-After` when the answer has one, else an exponential backoff with jitter; an aborted
 * signal ends the wait at once.
 */
export declare function retrying(fetcher: Fetch, options?: RetryOptions): Fetch;
/** Retry-After as delta-seconds or an HTTP date, in milliseconds from now. */
export declare function retryAfterMs(value: string | null): number | undefined;
export {};
