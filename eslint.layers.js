// The layers of Chorus, checked on every import: each file may import only from the layers listed
// for its own, so code runs one way (routes -> services -> models -> db) and a wrong turn is a lint
// error, not a review comment. docs/architecture.md draws the same picture.
import path from "node:path";

const FEATURES = ["accountability", "admin", "campaigns", "demands", "events", "letters", "members", "notifications", "organisations", "petitions", "stories"];

/** The layer a repository path belongs to, or null for files outside the layers (configs). */
export function layerOf(file) {
  const p = file.split(path.sep).join("/");
  if (/\.test\.tsx?$/.test(p) || p.startsWith("tests/")) return "tests";
  if (p.startsWith("db/")) return "db";
  if (p.startsWith("emails/")) return "emails";
  if (p.startsWith("demo/")) return "demo";
  if (p.startsWith("scripts/")) return "scripts";
  if (!p.startsWith("app/")) return null;
  const inApp = p.slice(4);
  const top = inApp.split("/")[0];
  if (top === "utils") return "utils";
  if (top === "models") return "models";
  if (top === "services") return "services";
  if (top === "components") return "components";
  if (top === "http") return "http";
  if (top === "styles") return "styles";
  if (top === "routes" || /^(root|entry\.server|entry\.client)(\.tsx)?$/.test(inApp)) return "routes";
  if (/^(server|worker|start-check)(\.ts)?$/.test(inApp)) return "process";
  if (FEATURES.includes(top)) return /\.server(\.tsx?)?$/.test(inApp) ? "access" : "rules";
  return "app-other";
}

/** What each layer may import. "rules" are a feature's pure parts (forms, labels, domain rules), "access" its request guards. */
export const ALLOWED = {
  db: ["db"],
  emails: ["emails"],
  utils: ["utils", "db"],
  rules: ["rules", "utils", "db", "emails"],
  models: ["models", "rules", "utils", "db"],
  services: ["services", "models", "rules", "utils", "db", "emails"],
  access: ["access", "services", "models", "rules", "utils", "db"],
  components: ["components", "rules", "utils", "db"],
  http: ["http", "access", "services", "models", "rules", "utils", "db", "emails"],
  routes: ["routes", "components", "http", "access", "services", "models", "rules", "utils", "db", "emails", "styles"],
  process: ["process", "http", "services", "models", "rules", "utils", "db", "demo"],
  demo: ["demo", "services", "models", "rules", "utils", "db", "emails"],
  scripts: ["scripts", "services", "models", "rules", "utils", "db"],
  tests: null, // tests may import anything
};

function targetPath(spec, fromFile, root) {
  if (spec.startsWith("~/")) return path.join("app", spec.slice(2));
  if (spec.startsWith(".")) return path.relative(root, path.resolve(path.dirname(path.join(root, fromFile)), spec));
  return null; // a package
}

/** Kysely's query starters: a call to one of these outside app/models is a query in the wrong layer. */
const QUERY_STARTERS = new Set(["selectFrom", "insertInto", "updateTable", "deleteFrom", "selectNoFrom", "replaceInto", "mergeInto"]);

export const layersPlugin = {
  rules: {
    // Models own SQL: services open transactions and call model functions (executor first), so every
    // query is in app/models. Enabled in eslint.config.js for app/ outside models and tests.
    "models-own-sql": {
      meta: {
        type: "problem",
        schema: [],
        messages: {
          query: "{{what}}: queries live in app/models (models own SQL); call a model function, passing the executor (db or trx).",
        },
      },
      create(context) {
        const report = (node, what) => context.report({ node, messageId: "query", data: { what } });
        return {
          CallExpression(node) {
            const callee = node.callee;
            if (callee.type !== "MemberExpression") return;
            const name = callee.computed ? callee.property.type === "Literal" && callee.property.value : callee.property.type === "Identifier" && callee.property.name;
            if (typeof name === "string" && QUERY_STARTERS.has(name)) report(node, `.${name}()`);
          },
          TaggedTemplateExpression(node) {
            if (node.tag.type === "Identifier" && node.tag.name === "sql") report(node, "sql`…`");
          },
          ImportDeclaration(node) {
            if (node.source.value !== "kysely" || node.importKind === "type") return;
            for (const specifier of node.specifiers) {
              if (specifier.type === "ImportSpecifier" && specifier.imported.name === "sql" && specifier.importKind !== "type") report(specifier, 'import { sql } from "kysely"');
            }
          },
        };
      },
    },
    // A transaction is a use case: routes, the HTTP layer and access checks call a service for it.
    "transactions-in-services": {
      meta: { type: "problem", schema: [], messages: { use: "A transaction is a use case: put it in a service function (app/services) and call that." } },
      create(context) {
        const layer = layerOf(path.relative(context.cwd, context.filename));
        if (!["routes", "http", "access", "components"].includes(layer)) return {};
        return {
          CallExpression(node) {
            const callee = node.callee;
            if (callee.type === "MemberExpression" && !callee.computed && callee.property.name === "transaction") context.report({ node, messageId: "use" });
          },
        };
      },
    },
    imports: {
      meta: { type: "problem", schema: [], messages: { wrong: "{{from}} ({{fromLayer}}) may not import {{to}} ({{toLayer}}): {{fromLayer}} imports only {{allowed}}." } },
      create(context) {
        const root = context.cwd;
        const file = path.relative(root, context.filename);
        const fromLayer = layerOf(file);
        if (!fromLayer || !ALLOWED[fromLayer]) return {};
        const check = (node, source) => {
          if (!source || typeof source.value !== "string") return;
          const target = targetPath(source.value, file, root);
          if (target === null) return;
          const toLayer = layerOf(target);
          if (!toLayer || ALLOWED[fromLayer].includes(toLayer)) return;
          context.report({ node, messageId: "wrong", data: { from: file, fromLayer, to: target, toLayer, allowed: ALLOWED[fromLayer].join(", ") } });
        };
        return {
          ImportDeclaration: (node) => check(node, node.source),
          ExportNamedDeclaration: (node) => check(node, node.source),
          ExportAllDeclaration: (node) => check(node, node.source),
          ImportExpression: (node) => check(node, node.source),
        };
      },
    },
  },
};
