import { createMember, createOrganisation, seedDemoDemands } from "../tests/factories";
import type { Database } from "./index";
import type { DemoAccount } from "./seed";

/** The database counts as empty when no member exists. */
export async function isEmpty(db: Database) {
  const row = await db.selectFrom("member").select("id").limit(1).executeTakeFirst();
  return !row;
}

export const DEMO_PASSWORD = "chorus-demo-2026";

/**
 * A believable demo coalition: an admin, a moderator, members with each perspective (enough that
 * a breakdown by perspective shows groups of 5 or more), and three verified organisations plus one
 * waiting for verification.
 */
export async function seedDemoData(db: Database): Promise<DemoAccount[]> {
  const accounts = await seedPeople(db);
  await seedDemands(db);
  return accounts;
}

async function seedPeople(db: Database): Promise<DemoAccount[]> {
  return db.transaction().execute(async (trx) => {
    const password = DEMO_PASSWORD;
    await createMember(trx, { email: "admin@chorus.example", displayName: "Amara (coalition admin)", password, roles: ["admin"], perspectives: ["lived_experience", "researcher"] });
    await createMember(trx, { email: "moderator@chorus.example", displayName: "Joe (moderator)", password, roles: ["moderator"], perspectives: ["carer_family"] });
    const priya = await createMember(trx, { email: "priya@chorus.example", displayName: "Priya", password, perspectives: ["lived_experience"] });
    const tom = await createMember(trx, { email: "tom@chorus.example", displayName: "Tom (social worker)", password, perspectives: ["practitioner"] });
    const ruth = await createMember(trx, { email: "ruth@chorus.example", displayName: "Dr Ruth Okafor", password, perspectives: ["researcher", "practitioner"] });
    const sam = await createMember(trx, { email: "sam@chorus.example", displayName: "Sam", password, perspectives: ["supporter"] });

    // A wider membership so anonymous breakdowns have groups of 5 or more.
    const names = ["Aisha", "Ben", "Chloe", "Dev", "Ellie", "Farid", "Grace", "Hamza", "Isla", "Jamal", "Kofi", "Lena", "Marek", "Nia", "Owen", "Rosa", "Tariq", "Uma", "Wren", "Yusuf"];
    const cycle = ["lived_experience", "lived_experience", "carer_family", "practitioner", "supporter"] as const;
    const crowd = [];
    for (const [i, name] of names.entries()) {
      crowd.push(await createMember(trx, { email: `${name.toLowerCase()}@chorus.example`, displayName: name, password, perspectives: [cycle[i % cycle.length]!] }));
    }

    await createOrganisation(trx, {
      name: "Voices Together",
      kind: "service_user_led",
      description: "A user-led network of people with lived experience of mental distress, campaigning for support that starts from people's lives.",
      website: "https://voices-together.example",
      adminId: priya.id,
      members: [{ id: priya.id, listed: true }, { id: sam.id, listed: true }, { id: crowd[0]!.id }],
    });
    await createOrganisation(trx, {
      name: "Association of Social Workers in Mental Health",
      kind: "professional_body",
      description: "The professional body for social workers in mental health services.",
      adminId: tom.id,
      members: [{ id: tom.id, listed: true }, { id: crowd[3]!.id, listed: true }],
    });
    await createOrganisation(trx, {
      name: "Roots and Routes Trust",
      kind: "charity",
      description: "A charity working on housing, poverty and isolation as causes of mental distress.",
      adminId: ruth.id,
      members: [{ id: ruth.id, listed: true }],
    });
    await createOrganisation(trx, {
      name: "Community Psychology Research Group",
      kind: "academic",
      description: "University researchers studying the social determinants of mental health.",
      adminId: sam.id,
      verified: false,
    });
    return [
      { role: "coalition admin", email: "admin@chorus.example", password },
      { role: "moderator", email: "moderator@chorus.example", password },
      { role: "organisation admin", email: "priya@chorus.example", password },
      { role: "member", email: "sam@chorus.example", password },
    ];
  });
}

async function seedDemands(db: Database) {
  const id = async (email: string) => (await db.selectFrom("member").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
  const org = async (slug: string) => (await db.selectFrom("organisation").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
  const voters = await db.selectFrom("member").select("id").where("email", "like", "%@chorus.example").orderBy("id").execute();
  await seedDemoDemands(db, {
    admin: await id("admin@chorus.example"),
    priya: await id("priya@chorus.example"),
    sam: await id("sam@chorus.example"),
    tom: await id("tom@chorus.example"),
    ruth: await id("ruth@chorus.example"),
    voters: voters.map((v) => v.id),
    voicesTogether: await org("voices-together"),
    socialWorkers: await org("association-of-social-workers-in-mental-health"),
  });
}
