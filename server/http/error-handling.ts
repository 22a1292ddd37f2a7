/** Turns any failure into the API's error shape: ours as they are, Fastify's as invalid_request, a database that is away as 503. */
import type { FastifyError, FastifyInstance } from "fastify";
import { isDatabaseUnavailable } from "../db/unavailable";
import { ApiError } from "./api-error";
import { logAnswer } from "./request-log";

export const MAX_BODY_BYTES = 1024 * 1024;
const RETRY_AFTER_SECONDS = 2;

export function registerErrorHandling(app: FastifyInstance, logError: (message: string, error: unknown) => void): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    const apiError = toApiError(error);
    if (apiError.status === 500) logError(`${request.method} ${request.routeOptions.url ?? "?"} failed`, error);
    if (apiError.status === 401) reply.header("www-authenticate", `Bearer error="invalid_token"`);
    if (apiError.status === 503) reply.header("retry-after", String(RETRY_AFTER_SECONDS));
    logAnswer(request, reply, apiError.status);
    reply.code(apiError.status).send(apiError.body());
  });
  app.setNotFoundHandler((request, reply) => {
    logAnswer(request, reply, 404);
    reply.code(404).send(new ApiError("not_found", `No endpoint ${request.method} ${request.url.split("?")[0]}.`).body());
  });
}

export function toApiError(error: FastifyError | ApiError): ApiError {
  if (error instanceof ApiError) return error;
  if (isDatabaseUnavailable(error)) return new ApiError("unavailable", "The workspace database is unavailable; try again shortly.");
  const status = error.statusCode ?? 500;
  if (status === 413) return new ApiError("invalid_request", `The body is larger than ${MAX_BODY_BYTES} bytes (1 MiB).`, { status: 413 });
  if (status === 415) return new ApiError("invalid_request", "The body must be JSON, sent with content-type: application/json.", { status: 415 });
  if (status >= 400 && status < 500) return new ApiError("invalid_request", error.message);
  return new ApiError("internal_error", "The server failed to answer this request.");
}
