import type { Database } from "../../db";
import type { EmailTokenPurpose } from "../../db/schema";

export async function insertEmailToken(
  db: Database,
  token: {
    tokenHash: string;
    purpose: EmailTokenPurpose;
    memberId: number;
    email: string;
    expiresAt: Date;
    pendingDisplayName?: string;
    pendingPasswordHash?: string | null;
  },
) {
  await db
    .insertInto("email_token")
    .values({
      token_hash: token.tokenHash,
      purpose: token.purpose,
      member_id: token.memberId,
      email: token.email,
      expires_at: token.expiresAt,
      pending_display_name: token.pendingDisplayName ?? null,
      pending_password_hash: token.pendingPasswordHash ?? null,
    })
    .execute();
}

/** Whether a link is still usable, without using it (the GET page that shows the button). */
export function findUsableEmailToken(db: Database, tokenHash: string, purpose: EmailTokenPurpose) {
  return db
    .selectFrom("email_token")
    .select(["id", "member_id", "email", "expires_at"])
    .where("token_hash", "=", tokenHash)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", new Date())
    .executeTakeFirst();
}

/**
 * Uses a link: one UPDATE that succeeds only for an unused, unexpired token, so two clicks racing
 * each other cannot both succeed.
 */
export function consumeEmailToken(db: Database, tokenHash: string, purpose: EmailTokenPurpose, options: { memberId?: number } = {}) {
  return db
    .updateTable("email_token")
    .set({ used_at: new Date() })
    .where("token_hash", "=", tokenHash)
    .where("purpose", "=", purpose)
    // A link meant for one account cannot be used up by another.
    .$if(options.memberId !== undefined, (qb) => qb.where("member_id", "=", options.memberId!))
    .where("used_at", "is", null)
    .where("expires_at", ">", new Date())
    .returning(["id", "member_id", "email", "pending_display_name", "pending_password_hash"])
    .executeTakeFirst();
}

/** A new link of one kind replaces older unused ones of that kind. */
export async function expireEmailTokens(db: Database, memberId: number, purpose: EmailTokenPurpose) {
  await db
    .updateTable("email_token")
    .set({ expires_at: new Date() })
    .where("member_id", "=", memberId)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .execute();
}
