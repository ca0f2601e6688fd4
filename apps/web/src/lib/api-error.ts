import type { FieldError } from "@bridgework/domain";

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  requestId?: string;
  errors?: FieldError[];
}

/** An RFC 9457 problem+json answer (or a network failure, status 0) as a throwable error. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly requestId: string | undefined;

  constructor(problem: ProblemBody) {
    super(problem.detail || problem.title);
    this.name = "ApiError";
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.requestId = problem.requestId;
  }

  /** The problem type's slug, e.g. `validation`, `rate-limited`, `link-expired`. */
  get slug(): string {
    return this.type.split("/").pop() ?? this.type;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

function isProblem(value: unknown): value is ProblemBody {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ProblemBody).status === "number" &&
    typeof (value as ProblemBody).title === "string"
  );
}

/** Reads a failed response into an ApiError, also when a proxy answered with HTML or nothing. */
export async function toApiError(res: Response): Promise<ApiError> {
  const contentType = res.headers.get("content-type") ?? "";
  if (contentType.includes("json")) {
    const body: unknown = await res.json().catch(() => null);
    if (isProblem(body)) return new ApiError({ ...body, detail: body.detail ?? "" });
  }
  return new ApiError({
    type: "about:blank",
    title: res.statusText || "Request failed",
    status: res.status,
    detail: `The server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ""}.`,
  });
}

export function networkError(cause: unknown): ApiError {
  const error = new ApiError({
    type: "network",
    title: "Network error",
    status: 0,
    detail: "Could not reach the server.",
  });
  (error as { cause?: unknown }).cause = cause;
  return error;
}
