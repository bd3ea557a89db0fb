import { z } from "zod";

/**
 * What Chorus reads from UK Parliament's public data, and nothing more: the answers of a
 * postcodes.io-compatible API (GET /postcodes/{postcode}) and of the Members API (constituency search
 * and a member's contact details). Pure: the HTTP clients are in app/services/representative-lookup.server.ts.
 * Anything that does not have the expected shape is "malformed", never a guess.
 */

export interface Constituency {
  /** The ONS (GSS) code, E14001322 and the like: names change at boundary reviews, codes with them. */
  code: string;
  name: string;
}

export interface Representative {
  memberId: number;
  name: string;
  party: string | null;
}

const PostcodeAnswer = z.object({
  result: z.object({
    parliamentary_constituency: z.string().trim().min(1),
    codes: z.object({ parliamentary_constituency: z.string().trim().min(1) }),
  }),
});

/** A postcode's Westminster constituency from GET /postcodes/{postcode}, or null when the answer is not that shape. */
export function parsePostcodeAnswer(json: unknown): Constituency | null {
  const parsed = PostcodeAnswer.safeParse(json);
  if (!parsed.success) return null;
  return { code: parsed.data.result.codes.parliamentary_constituency, name: parsed.data.result.parliamentary_constituency };
}

const Member = z.object({
  id: z.number().int().positive(),
  nameDisplayAs: z.string().trim().min(1),
  latestParty: z.object({ name: z.string() }).nullish(),
});

const ConstituencySearchAnswer = z.object({
  items: z.array(
    z.object({
      value: z.object({
        id: z.number(),
        name: z.string(),
        endDate: z.string().nullish(),
        currentRepresentation: z.object({ member: z.object({ value: Member }) }).nullish(),
      }),
    }),
  ),
});

const comparable = (name: string) => name.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();

/**
 * The current member for a constituency from GET /api/Location/Constituency/Search?searchText=NAME.
 * The search matches parts of names ("Leeds Central" finds "Leeds Central and Headingley") and old
 * constituencies too, so only a current constituency with exactly this name counts. The
 * representative is null when it has no current member (between a death or resignation and a
 * by-election) or no such constituency is listed.
 */
export function parseConstituencySearch(json: unknown, constituencyName: string): { ok: true; representative: Representative | null } | { ok: false } {
  const parsed = ConstituencySearchAnswer.safeParse(json);
  if (!parsed.success) return { ok: false };
  const wanted = comparable(constituencyName);
  const match = parsed.data.items.map((i) => i.value).find((c) => !c.endDate && comparable(c.name) === wanted);
  const member = match?.currentRepresentation?.member.value;
  if (!match) return { ok: true, representative: null };
  return { ok: true, representative: member ? { memberId: member.id, name: member.nameDisplayAs, party: member.latestParty?.name ?? null } : null };
}

const ContactAnswer = z.object({
  value: z.array(
    z.object({
      type: z.string().nullish(),
      isPreferred: z.boolean().nullish(),
      isWebAddress: z.boolean().nullish(),
      email: z.string().nullish(),
    }),
  ),
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The address a letter goes to, from GET /api/Members/{id}/Contact: the preferred contact's email,
 * else the Parliamentary office's (MPs' letters are read there), else any listed email. `email` null
 * when none is listed: the letter then goes to the directory instead.
 */
export function parseContactEmail(json: unknown): { ok: true; email: string | null } | { ok: false } {
  const parsed = ContactAnswer.safeParse(json);
  if (!parsed.success) return { ok: false };
  const withEmail = parsed.data.value.filter((c) => !c.isWebAddress && c.email && EMAIL.test(c.email.trim()));
  const chosen = withEmail.find((c) => c.isPreferred) ?? withEmail.find((c) => /parliament/i.test(c.type ?? "")) ?? withEmail[0];
  return { ok: true, email: chosen?.email?.trim() ?? null };
}
