import { describe, expect, it } from "vitest";
import { LOCAL_EVENT_TYPES } from "../../../core/audit";
import { APP_EVENT_LABELS } from "../../../renderer/src/features/audit/audit-text";

describe("the app's own audit events in words", () => {
  it("names every type the local audit log may record, and no other", () => {
    expect(Object.keys(APP_EVENT_LABELS).sort()).toEqual([...LOCAL_EVENT_TYPES].sort());
  });
});
