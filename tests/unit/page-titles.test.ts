import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Every page has its own <title>, built one way: each route module that renders a page (has a
 * default export) exports `meta`, and its meta calls pageTitle (app/utils/meta.ts), which orders
 * the parts, adds "Chorus" and begins "Error: " after a refused submit. Checked on the syntax tree.
 * Resource routes (no default export: CSV, JSON, health) have no title and are left alone.
 */
const root = path.resolve(__dirname, "../..");
const routesDir = path.join(root, "app/routes");

/** Remix's route modules: each file in app/routes, and route.tsx inside a route's folder. */
function routeModules(): string[] {
  return readdirSync(routesDir).flatMap((name) => {
    const full = path.join(routesDir, name);
    if (statSync(full).isDirectory()) return readdirSync(full).filter((inner) => /^route\.tsx?$/.test(inner)).map((inner) => path.join(full, inner));
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function titleProblems(file: string, source: string): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
  let rendersPage = false;
  let meta: ts.Node | undefined;
  for (const statement of tree.statements) {
    if (ts.isExportAssignment(statement) && !statement.isExportEquals) rendersPage = true;
    if (isDefault(statement)) rendersPage = true;
    if (ts.isFunctionDeclaration(statement) && exported(statement) && statement.name?.text === "meta") meta = statement;
    if (ts.isVariableStatement(statement) && exported(statement)) {
      const declaration = statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === "meta");
      if (declaration) meta = declaration;
    }
  }
  if (!rendersPage) return [];
  if (!meta) return [`${file} renders a page but exports no meta`];
  let callsPageTitle = false;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "pageTitle") callsPageTitle = true;
    ts.forEachChild(node, visit);
  };
  visit(meta);
  return callsPageTitle ? [] : [`${file} sets its title without pageTitle`];
}

describe("page titles", () => {
  it("every route that renders a page exports meta, and its title comes from pageTitle", () => {
    const modules = routeModules();
    expect(modules.length).toBeGreaterThan(50);
    const problems = modules.flatMap((full) => titleProblems(path.relative(root, full), readFileSync(full, "utf8")));
    expect(problems).toEqual([]);
  });

  it("the check can fail: a page without meta, or with a hand-written title, is named; resource routes are not", () => {
    const file = "app/routes/example.tsx";
    expect(titleProblems(file, "export default function Page() { return null; }")).toEqual([`${file} renders a page but exports no meta`]);
    expect(titleProblems(file, 'export const meta = () => [{ title: "Example – Chorus" }];\nexport default function Page() { return null; }')).toEqual([`${file} sets its title without pageTitle`]);
    expect(titleProblems(file, 'export function meta(args) { return pageTitle(args, "Example"); }\nfunction Page() { return null; }\nexport default Page;')).toEqual([]);
    expect(titleProblems("app/routes/example.ts", "export async function loader() { return new Response('ok'); }")).toEqual([]);
  });
});
