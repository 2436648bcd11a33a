/**
 * Tries a request again only where that is safe: a 429 or a 503 (the service changed nothing;
 * `Retry-After` says when to come back) for any method, and a network failure (no answer at all)
 * for GET and HEAD only, since a POST, PUT or DELETE that got no answer may have been carried out.
 * Waits `Retry-After` when the answer has one, else an exponential backoff with jitter; an aborted
 * signal ends the wait at once.
 */
export function retrying(fetcher, options = {}) {
    const retries = options.retries ?? 2;
    const baseDelayMs = options.baseDelayMs ?? 500;
    const maxDelayMs = options.maxDelayMs ?? 10_000;
    const backoff = (attempt) => Math.min(maxDelayMs, baseDelayMs * 2 ** attempt * (0.5 + Math.random() / 2));
    return async (request) => {
        const safe = request.method === "GET" || request.method === "HEAD";
        for (let attempt = 0;; attempt++) {
            const last = attempt >= retries;
            // A body can be read once: each try but the last sends a copy.
            const sent = last ? request : request.clone();
            let response;
            try {
                response = await fetcher(sent);
            }
            catch (error) {
                if (last || !safe || request.signal.aborted) {
                    throw error;
                }
                await sleep(backoff(attempt), request.signal);
                continue;
            }
            if (!last && (response.status === 429 || response.status === 503)) {
                const wait = retryAfterMs(response.headers.get("Retry-After")) ?? backoff(attempt);
                if (wait <= maxDelayMs) {
                    await response.body?.cancel();
                    await sleep(wait, request.signal);
                    continue;
                }
            }
            return response;
        }
    };
}
/** Retry-After as delta-seconds or an HTTP date, in milliseconds from now. */
export function retryAfterMs(value) {
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
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal.aborted) {
            reject(signal.reason);
            return;
        }
        const timer = setTimeout(() => {
            signal.removeEventListener("abort", abort);
            resolve();
        }, ms);
        const abort = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        signal.addEventListener("abort", abort, { once: true });
    });
}
//# sourceMappingURL=retry.js.map