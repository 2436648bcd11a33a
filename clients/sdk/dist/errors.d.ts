import type { components } from "./generated/api.js";
export type ProblemDetails = components["schemas"]["ProblemDetails"];
export type ValidationProblemDetails = components["schemas"]["ValidationProblemDetails"];
/**
 * Every answer that is not a success, as one error: the service's RFC 9457 problem
 * (`application/problem+json`) with its members typed. `errors` is set on a 400 that names fields
 * (`file`, `description`, `limit`, ...); `traceId` is what to quote when reporting a problem.
 * An answer without a problem body (a 416, or a proxy's HTML page) still gives `status` and a
 * `detail` made from what was there.
 */
export declare class PersonaMediaError extends Error {
    readonly name = "PersonaMediaError";
    /** The HTTP status. */
    readonly status: number;
    /** A URI naming the kind of problem (for example the quota's own type on a 507). */
    readonly type: string | undefined;
    readonly title: string | undefined;
    /** What went wrong, for a human. */
    readonly detail: string;
    /** Messages keyed by the field's wire name, on a validation problem. */
    readonly errors: Readonly<Record<string, readonly string[]>> | undefined;
    readonly traceId: string | undefined;
    /** Seconds from `Retry-After` (429, 503), when the service sent one. */
    readonly retryAfter: number | undefined;
    /** The problem body as received, when there was one. */
    readonly problem: ProblemDetails | undefined;
    readonly response: Response;
    constructor(response: Response, body: unknown);
}
