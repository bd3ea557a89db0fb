/** The lookup's outcome as the letter page says it: what was found, or why the directory answers instead. */
export function lookupMessage(lookup: { status: "found" | "unknown-postcode" | "unavailable" | "no-representative"; constituency: string | null } | null, postcode: string): { text: string; fallback: boolean } | null {
  if (!lookup) return null;
  const directory = "so your letter goes to the decision makers our directory lists for your area";
  switch (lookup.status) {
    case "found":
      return { text: `We found your MP from your postcode, through UK Parliament: you live in ${lookup.constituency}.`, fallback: false };
    case "unknown-postcode":
      return { text: `We could not find ${postcode} in the postcode register to look up your MP, ${directory}. Check your postcode if that looks wrong.`, fallback: true };
    case "no-representative":
      return { text: `UK Parliament lists no MP we can write to for ${lookup.constituency} just now, ${directory}.`, fallback: true };
    case "unavailable":
      return { text: `We could not look up your MP just now, ${directory}.`, fallback: true };
  }
}
