import { describe, expect, it } from "vitest";
import { auditSentence } from "./audit-sentences";

const base = { detail: {}, actor_name: "Joe", member_name: null, organisation_name: null, demand_title: null };

describe("audit log sentences", () => {
  it("names who did what to whom, with the reason a moderator gave", () => {
    expect(auditSentence({ ...base, action: "comment.hide", demand_title: "Housing first", detail: { reason: "Names a member's diagnosis" } })).toBe(
      "Joe hid a comment on “Housing first”, because: “Names a member's diagnosis”.",
    );
    expect(auditSentence({ ...base, action: "role.granted", actor_name: "Amara", member_name: "Priya", detail: { role: "moderator" } })).toBe("Amara made Priya a moderator.");
    expect(auditSentence({ ...base, action: "organisation.remove", member_name: "Sam", organisation_name: "Voices Together" })).toBe("Joe removed Sam from Voices Together.");
  });

  it("says what a moderator decided on a story, never what the story or the reason said", () => {
    expect(auditSentence({ ...base, action: "story.published" })).toBe("Joe published a story.");
    expect(auditSentence({ ...base, action: "story.changes_requested" })).toBe("Joe asked the teller of a story to change something.");
    expect(auditSentence({ ...base, action: "story.declined" })).toBe("Joe declined a story.");
    expect(auditSentence({ ...base, action: "story.safeguarding" })).toBe("Joe passed a story to the safeguarding route.");
    expect(auditSentence({ ...base, action: "story.contact_viewed" })).toBe("Joe looked up how to contact the teller of a story held for safeguarding.");
  });

  it("still reads as a sentence when names are gone or the action is new", () => {
    expect(auditSentence({ ...base, action: "role.removed", actor_name: null, detail: { role: "admin" } })).toBe("Chorus removed a former member as an admin.");
    expect(auditSentence({ ...base, action: "member.deleted", actor_name: null })).toBe("A member deleted their account.");
    expect(auditSentence({ ...base, action: "campaign.launched" })).toBe("Joe: campaign.launched.");
  });
});
