import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Mail has one path, checked on the syntax tree (comments and names that merely mention email do
 * not count; a call or a query does):
 * - member mail goes through app/services/notifications.server.ts; only the mail pipeline itself and
 *   the services that write to people who are not members (petition signers; letter writers and
 *   decision makers) call queueEmail/queueEmails;
 * - the `email` table is written only by app/models/email.server.ts, whether by the query builder
 *   (insertInto/updateTable/deleteFrom("email")) or by raw SQL text.
 */
const root = path.resolve(__dirname, "../..");
const MAY_QUEUE = new Set(["app/services/email.server.ts", "app/services/notifications.server.ts", "app/services/petition.server.ts", "app/services/letter.server.ts"]);
const MAY_WRITE_TABLE = new Set(["app/models/email.server.ts"]);
const WRITES_EMAIL_SQL = /\b(insert\s+into|update|delete\s+from)\s+"?email"?(\s|\(|$)/i;

function mailPathProblems(file: string, source: string): string[] {
  const problems: string[] = [];
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const where = (node: ts.Node) => `${file}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
      if ((name === "queueEmail" || name === "queueEmails") && !MAY_QUEUE.has(file)) problems.push(`${where(node)} queues mail itself (${name})`);
      const first = node.arguments[0];
      if (["insertInto", "updateTable", "deleteFrom"].includes(name) && first && ts.isStringLiteralLike(first) && /^email(\s|$)/.test(first.text) && !MAY_WRITE_TABLE.has(file)) {
        problems.push(`${where(node)} writes the email table (${name})`);
      }
    }
    const text = ts.isStringLiteralLike(node) ? node.text : ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" ") : null;
    if (text !== null && WRITES_EMAIL_SQL.test(text) && !MAY_WRITE_TABLE.has(file)) problems.push(`${where(node)} writes the email table in SQL`);
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return problems;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("the one way mail is sent", () => {
  it("no other file queues mail or writes the email table", () => {
    const problems = sourceFiles(path.join(root, "app")).flatMap((full) => mailPathProblems(path.relative(root, full), readFileSync(full, "utf8")));
    expect(problems).toEqual([]);
  });

  it("the check can fail: it sees direct calls, query-builder writes and raw SQL, and not mere mentions", () => {
    const file = "app/services/demand.server.ts";
    expect(mailPathProblems(file, "await queueEmail(trx, { template: 'X' });")).toHaveLength(1);
    expect(mailPathProblems(file, "await mail.queueEmails<'X'>(trx, 'X', []);")).toHaveLength(1);
    expect(mailPathProblems(file, "await trx.insertInto('email').values({}).execute();")).toHaveLength(1);
    expect(mailPathProblems(file, "await sql`insert into email (template) values (${t})`.execute(db);")).toHaveLength(1);
    expect(mailPathProblems(file, "await sql`update email set status = 'sent' where id = ${id}`.execute(db);")).toHaveLength(1);
    expect(mailPathProblems(file, "// insert into email here\nconst note = 'we email members'; await trx.insertInto('email_token').values({}).execute();")).toEqual([]);
    expect(mailPathProblems("app/models/email.server.ts", "await trx.insertInto('email').values({}).execute();")).toEqual([]);
  });
});
