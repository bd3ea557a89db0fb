import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type * as Router from "@remix-run/router";
import { describe, expect, it } from "vitest";

// The server uses @remix-run/router's CommonJS build, patched (patches/) to compile each route pattern once.
const require = createRequire(import.meta.url);
const routerPath = require.resolve("@remix-run/router");
const { matchPath, matchRoutes } = require("@remix-run/router") as typeof Router;

describe("route matching with compiled patterns cached", () => {
  it("is the patched build", () => {
    expect(readFileSync(routerPath, "utf8")).toContain("Chorus patch");
  });

  it("matches exactly as before, the second time from the cache, keeping end and case apart", () => {
    for (let i = 0; i < 2; i++) {
      expect(matchPath({ path: "/demands/:id" }, "/demands/5")?.params).toEqual({ id: "5" });
      expect(matchPath({ path: "/demands/:id" }, "/demands/5/edit")).toBeNull();
      expect(matchPath({ path: "/demands/:id", end: false }, "/demands/5/edit")?.params).toEqual({ id: "5" });
      expect(matchPath({ path: "/Demands", caseSensitive: true }, "/demands")).toBeNull();
      expect(matchPath({ path: "/Demands" }, "/demands")).not.toBeNull();
      expect(matchPath({ path: "/campaigns/:id" }, "/campaigns/7")?.params).toEqual({ id: "7" });
    }
  });

  it("flattens and ranks each route tree once, and ranks as before", () => {
    const tree = [
      { id: "root", path: "/", children: [
        { id: "demands", path: "demands" },
        { id: "demand", path: "demands/:id" },
        { id: "new", path: "demands/new" },
        { id: "splat", path: "*" },
      ] },
    ];
    for (let i = 0; i < 2; i++) {
      expect(matchRoutes(tree, "/demands/new")?.map((m) => m.route.id)).toEqual(["root", "new"]);
      expect(matchRoutes(tree, "/demands/7")?.map((m) => m.params.id)).toEqual(["7", "7"]);
      expect(matchRoutes(tree, "/elsewhere")?.map((m) => m.route.id)).toEqual(["root", "splat"]);
    }
    // Another tree is its own: nothing leaks between trees.
    const other = [{ id: "only", path: "/only" }];
    expect(matchRoutes(other, "/demands/new")).toBeNull();
    expect(matchRoutes(other, "/only")?.map((m) => m.route.id)).toEqual(["only"]);
  });
});
