import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { deliverEmail, outboxTransport, queueEmail, renderEmail, type EmailTransport } from "../../app/services/email.server";
import { getOutboxMessage, listOutboxMessages } from "../../app/models/email.server";
import { JOBS } from "../../app/services/jobs.server";
import { sql } from "kysely";

async function jobsFor(emailId: number) {
  const { rows } = await sql<{ id: string }>`select id from pgboss.job where name = ${JOBS.sendEmail} and (data->>'emailId')::bigint = ${emailId}`.execute(db);
  return rows;
}

const props = { recipientName: "Ada", message: "The pipeline works." };

describe("queueEmail", () => {
  it("writes the email and its job in the caller's transaction", async () => {
    const id = await db.transaction().execute((trx) => queueEmail(trx, { template: "TestEmail", to: " Ada@Example.org ", props }));
    expect(id).not.toBeNull();
    const email = await db.selectFrom("email").selectAll().where("id", "=", id!).executeTakeFirstOrThrow();
    expect(email.status).toBe("queued");
    expect(email.to_address).toBe("ada@example.org");
    expect(await jobsFor(id!)).toHaveLength(1);
  });

  it("leaves neither email nor job behind when the transaction rolls back", async () => {
    let queuedId: number | null = null;
    await expect(
      db.transaction().execute(async (trx) => {
        queuedId = await queueEmail(trx, { template: "TestEmail", to: "rollback@example.org", props });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(queuedId).not.toBeNull();
    expect(await db.selectFrom("email").select("id").where("to_address", "=", "rollback@example.org").execute()).toHaveLength(0);
    expect(await jobsFor(queuedId!)).toHaveLength(0);
  });

  it("queues a message once per idempotency key", async () => {
    const first = await queueEmail(db, { template: "TestEmail", to: "once@example.org", props, idempotencyKey: "welcome:once" });
    const second = await queueEmail(db, { template: "TestEmail", to: "once@example.org", props, idempotencyKey: "welcome:once" });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    expect(await db.selectFrom("email").select("id").where("idempotency_key", "=", "welcome:once").execute()).toHaveLength(1);
  });
});

describe("deliverEmail to the development outbox", () => {
  it("stores the rendered HTML and plain text, marks the email sent and clears its props", async () => {
    const id = (await queueEmail(db, { template: "TestEmail", to: "outbox@example.org", props }))!;
    await deliverEmail(db, id, outboxTransport(db));
    const [listed] = await listOutboxMessages(db, { to: "outbox@example.org" });
    const message = await getOutboxMessage(db, listed!.id);
    expect(message?.subject).toBe("A test message from Chorus");
    expect(message?.html).toContain("<html");
    expect(message?.html).toContain("The pipeline works.");
    expect(message?.text).toContain("The pipeline works.");
    expect(message?.text).not.toContain("<");
    const email = await db.selectFrom("email").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(email.status).toBe("sent");
    expect(email.props).toBeNull();
    expect(email.attempts).toBe(1);
  });

  it("is safe to run twice for the same email (a retried job sends once)", async () => {
    const id = (await queueEmail(db, { template: "TestEmail", to: "twice@example.org", props }))!;
    let deliveries = 0;
    const counting: EmailTransport = {
      name: "counting",
      async deliver(message, key, emailId) {
        deliveries++;
        return outboxTransport(db).deliver(message, key, emailId);
      },
    };
    await deliverEmail(db, id, counting);
    await deliverEmail(db, id, counting);
    expect(deliveries).toBe(1);
    expect(await listOutboxMessages(db, { to: "twice@example.org" })).toHaveLength(1);
  });

  it("records a transient failure, keeps the email queued and rethrows so the job retries", async () => {
    const id = (await queueEmail(db, { template: "TestEmail", to: "flaky@example.org", props }))!;
    const failing: EmailTransport = {
      name: "failing",
      deliver: async () => {
        throw new Error("provider down");
      },
    };
    await expect(deliverEmail(db, id, failing)).rejects.toThrow("provider down");
    const email = await db.selectFrom("email").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(email.status).toBe("queued");
    expect(email.attempts).toBe(1);
    expect(email.last_error).toBe("provider down");
  });

  it("pages the outbox newest first by id", async () => {
    for (let i = 0; i < 3; i++) {
      const id = (await queueEmail(db, { template: "TestEmail", to: "pages@example.org", props }))!;
      await deliverEmail(db, id, outboxTransport(db));
    }
    const first = await listOutboxMessages(db, { to: "pages@example.org", limit: 2 });
    const second = await listOutboxMessages(db, { to: "pages@example.org", limit: 2, before: first[1]!.id });
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(1);
    expect(first[0]!.id).toBeGreaterThan(first[1]!.id);
    expect(second[0]!.id).toBeLessThan(first[1]!.id);
  });
});

describe("rendered emails", () => {
  it("carry a viewport meta, so phones show them at their own width rather than 980 px shrunk down", async () => {
    for (const rendered of [await renderEmail("TestEmail", props), await renderEmail("OrganisationDeclined", { organisationName: "Voices", reason: "No website.", url: "https://chorus.example/guidelines" })]) {
      expect(rendered.html).toMatch(/<meta name="viewport" content="width=device-width, initial-scale=1"\/?>/);
    }
  });

  it("put the signature's confirm button before the link that takes it back, in HTML and plain text", async () => {
    const rendered = await renderEmail("ConfirmSignature", {
      petitionTitle: "Crisis houses",
      confirmUrl: "https://chorus.example/petitions/p/confirm/CONFIRM-TOKEN",
      withdrawUrl: "https://chorus.example/petitions/p/withdraw/WITHDRAW-TOKEN",
      days: 14,
    });
    for (const body of [rendered.html, rendered.text]) {
      const confirm = body.indexOf("CONFIRM-TOKEN");
      const withdraw = body.indexOf("WITHDRAW-TOKEN");
      expect(confirm).toBeGreaterThan(-1);
      expect(withdraw).toBeGreaterThan(confirm);
    }
    expect(rendered.html.indexOf("Confirm my signature")).toBeLessThan(rendered.html.indexOf("take your signature back"));
  });
});
