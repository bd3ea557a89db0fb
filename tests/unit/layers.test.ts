import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { ALLOWED, layerOf } from "../../eslint.layers.js";

/** The layer rule (eslint.layers.js) as ESLint runs it: it passes the tree and stops a wrong turn. */
const root = path.resolve(__dirname, "../..");
const eslint = new ESLint({ cwd: root });

async function problems(file: string, source: string, rule = "layers/imports") {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

describe("one-way layers", () => {
  it("places files in their layers", () => {
    expect(layerOf("app/routes/demands.$id.tsx")).toBe("routes");
    expect(layerOf("app/root.tsx")).toBe("routes");
    expect(layerOf("app/http/express-app.server.ts")).toBe("http");
    expect(layerOf("app/services/petition.server.ts")).toBe("services");
    expect(layerOf("app/models/petition.server.ts")).toBe("models");
    expect(layerOf("app/petitions/forms.ts")).toBe("rules");
    expect(layerOf("app/petitions/access.server.ts")).toBe("access");
    expect(layerOf("db/index.ts")).toBe("db");
    expect(layerOf("emails/letter-emails.tsx")).toBe("emails");
    expect(layerOf("app/utils/forms.test.ts")).toBe("tests");
  });

  it("never lets a lower layer import a higher one", () => {
    const order = ["db", "models", "services", "http"] as const;
    for (const [i, lower] of order.entries()) for (const higher of order.slice(i + 1)) expect(ALLOWED[lower]).not.toContain(higher);
    expect(ALLOWED.db).toEqual(["db"]);
    expect(ALLOWED.emails).toEqual(["emails"]);
  });

  it("reports a model importing a service, db importing app, and a service importing a route", async () => {
    expect(await problems("app/models/vote.server.ts", 'import { castVote } from "~/services/demand.server";\nexport const x = castVote;\n')).toEqual([
      expect.stringContaining("app/models/vote.server.ts (models) may not import app/services/demand.server (services)"),
    ]);
    expect(await problems("db/index.ts", 'import { logger } from "../app/utils/logger.server";\nexport const x = logger;\n')).toHaveLength(1);
    expect(await problems("app/services/demand.server.ts", 'import { loader } from "../routes/demands.$id";\nexport const x = loader;\n')).toHaveLength(1);
  });

  it("allows the imports the layers allow", async () => {
    expect(await problems("app/services/demand.server.ts", 'import { getDemand } from "~/models/demand.server";\nexport const x = getDemand;\n')).toEqual([]);
    expect(await problems("app/routes/demands.$id.tsx", 'import { castVote } from "~/services/demand.server";\nexport const x = castVote;\n')).toEqual([]);
  });

  it("keeps queries in models and transactions in services", async () => {
    const query = 'import { db } from "~/utils/db.server";\nexport const x = () => db.selectFrom("member").selectAll().execute();\n';
    expect(await problems("app/services/account.server.ts", query, "layers/models-own-sql")).toHaveLength(1);
    expect(await problems("app/routes/settings.tsx", query, "layers/models-own-sql")).toHaveLength(1);
    expect(await problems("app/models/member.server.ts", query, "layers/models-own-sql")).toEqual([]);
    const transaction = 'import { db } from "~/utils/db.server";\nexport const x = () => db.transaction().execute(async () => 1);\n';
    expect(await problems("app/routes/settings.tsx", transaction, "layers/transactions-in-services")).toHaveLength(1);
    expect(await problems("app/services/account.server.ts", transaction, "layers/transactions-in-services")).toEqual([]);
  });
});
