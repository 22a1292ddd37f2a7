/** Registers one endpoint of the contract table: authenticate, validate query and body, answer. */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Endpoint } from "../../shared/api/endpoints";
import type { Authenticator, Principal } from "../auth/authenticator";
import { ApiError } from "./api-error";
import { validate } from "./validate";
import { logAnswer } from "./request-log";

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface EndpointContext<E extends Endpoint> {
  principal: Principal | null;
  params: Record<string, string>;
  query: Output<E["query"]>;
  body: Output<E["body"]>;
  request: FastifyRequest;
}

export interface RegisterOptions {
  /** Serve the endpoint at another path (the benchmark's unauthenticated twin). */
  path?: string;
  /** Skip authentication: only for the benchmark's baseline route, never in normal service. */
  unauthenticated?: boolean;
}

export function registerEndpoint<E extends Endpoint>(
  app: FastifyInstance,
  auth: Authenticator,
  endpoint: E,
  handler: (ctx: EndpointContext<E>) => unknown,
  options: RegisterOptions = {},
): void {
  app.route({
    method: endpoint.method,
    url: options.path ?? endpoint.path,
    handler: async (request, reply) => {
      let principal: Principal | null = null;
      if (endpoint.auth !== "none" && !options.unauthenticated) {
        const found = auth.authenticate(request.headers.authorization, endpoint, {
          ip: request.ip,
          userAgent: request.headers["user-agent"] ?? "",
          method: endpoint.method,
        });
        // A cached key answers at once; awaiting it anyway would cost every request a microtask.
        principal = found instanceof Promise ? await found : found;
      }
      if (principal?.kind === "api_key") request.keyId = principal.key.id;
      const query = endpoint.query ? validate(endpoint.query, request.query ?? {}, "query") : assertEmptyQuery(request.query);
      let body: unknown = undefined;
      if (endpoint.body) {
        const raw = request.body === undefined && endpoint.bodyOptional ? {} : request.body;
        if (raw === undefined) throw new ApiError("invalid_request", "This request needs a JSON body.");
        body = validate(endpoint.body, raw, "body");
      }
      const answer = handler({
        principal,
        params: request.params as Record<string, string>,
        query: query as Output<E["query"]>,
        body: body as Output<E["body"]>,
        request,
      });
      const result = answer instanceof Promise ? await answer : answer;
      reply.code(endpoint.status);
      logAnswer(request, reply, endpoint.status);
      return endpoint.status === 204 ? reply.send() : result;
    },
  });
}

function assertEmptyQuery(query: unknown): undefined {
  const names = Object.keys((query as Record<string, unknown> | undefined) ?? {});
  if (names.length > 0) throw new ApiError("invalid_request", `Unknown query parameter${names.length > 1 ? "s" : ""}: ${names.join(", ")}.`);
  return undefined;
}
