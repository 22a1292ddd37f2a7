import { describe, expect } from "vitest";
import { ENDPOINTS, RESOURCE_ENDPOINTS } from "../../../shared/api/endpoints";
import { eachDatabase, it } from "../../support/server-fixtures";

eachDatabase(() => {
  describe("OpenAPI document", () => {
    it("is served without a credential and lists every endpoint of the contract", async ({ ws }) => {
      const answer = await ws.call("GET", "/v1/openapi.json", { token: null });
      expect(answer.status).toBe(200);
      const doc = answer.body;
      expect(doc.openapi).toBe("3.1.0");
      const endpoints = [...Object.values(ENDPOINTS), ...Object.values(RESOURCE_ENDPOINTS).flatMap((group) => Object.values(group))];
      for (const endpoint of endpoints) {
        const path = endpoint.path.replace(/:(\w+)/g, "{$1}");
        expect(doc.paths[path]?.[endpoint.method.toLowerCase()], `${endpoint.method} ${path}`).toBeDefined();
      }
      expect(Object.values(doc.paths).flatMap((item) => Object.keys(item as object))).toHaveLength(endpoints.length);
      const create = doc.paths["/v1/api-keys"].post;
      expect(create.requestBody.content["application/json"].schema).toMatchObject({ additionalProperties: false, required: ["name", "scope"] });
      expect(create.responses["201"].content["application/json"].schema.properties.secret).toEqual({ type: "string" });
      const list = doc.paths["/v1/api-keys"].get.parameters.map((parameter: { name: string }) => parameter.name);
      expect(list).toEqual(["status", "limit", "cursor"]);
    });
  });
});
