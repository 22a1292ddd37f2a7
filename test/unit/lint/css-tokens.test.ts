/**
 * Every colour of the renderer is a token of styles/base.css, which defines each for the light and
 * the dark theme: a colour written anywhere else would not follow the system's dark mode.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const stylesDir = path.resolve(import.meta.dirname, "../../../renderer/src/styles");
const COLOUR = /#[0-9a-fA-F]{3,8}\b|\brgba?\(|\bhsla?\(/;

describe("colours", () => {
  it("are written only in base.css, as tokens with a light and a dark value", () => {
    const found = fs
      .readdirSync(stylesDir)
      .filter((file) => file.endsWith(".css") && file !== "base.css")
      .flatMap((file) =>
        fs
          .readFileSync(path.join(stylesDir, file), "utf8")
          .split("\n")
          .flatMap((line, index) => (COLOUR.test(line.replace(/\/\*.*?\*\//g, "")) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
      );
    expect(found).toEqual([]);
  });
});
