import { retryAfterMs } from "./retry.js";
/**
 * Every answer that is not a success, as one error: the service's RFC 9457 problem
 * (`application/problem+json`) with its members typed. `errors` is set on a 400 that names fields
 * (`file`, `description`, `limit`, ...); `traceId` is what to quote when reporting a problem.
 * An answer without a problem body (a 416, or a proxy's HTML page) still gives `status` and a
 * `detail` made from what was there.
 */
export class PersonaMediaError extends Error {
    name = "PersonaMediaError";
    /** The HTTP status. */
    status;
    /** A URI naming the kind of problem (for example the quota's own type on a 507). */
    type;
    title;
    /** What went wrong, for a human. */
    detail;
    /** Messages keyed by the field's wire name, on a validation problem. */
    errors;
    traceId;
    /** Seconds from `Retry-After` (429, 503), when the service sent one. */
    retryAfter;
    /** The problem body as received, when there was one. */
    problem;
    response;
    constructor(response, body) {
        const problem = isProblem(body) ? body : undefined;
        const detail = problem?.detail ?? (typeof body === "string" && body.trim() !== "" ? body.trim() : `${response.status} ${response.statusText}`.trim());
        super(`${response.status}: ${detail}`);
        this.status = response.status;
        this.type = problem?.type;
        this.title = problem?.title;
        this.detail = detail;
        this.errors = problem !== undefined && isValidation(problem) ? problem.errors : undefined;
        this.traceId = problem?.trace_id;
        const wait = retryAfterMs(response.headers.get("Retry-After"));
        this.retryAfter = wait === undefined ? undefined : Math.ceil(wait / 1000);
        this.problem = problem;
        this.response = response;
    }
}
function isProblem(body) {
    return typeof body === "object" && body !== null && "status" in body && typeof body.status === "number"
        && "detail" in body && typeof body.detail === "string";
}
function isValidation(problem) {
    return "errors" in problem && typeof problem.errors === "object" && problem.errors !== null;
}
//# sourceMappingURL=errors.js.map