import type { StoryAudience, StoryNameChoice, StoryStatus } from "./labels";

/** Who is looking: nobody (signed out), or a member and the campaigns they organise. */
export interface StoryViewer {
  memberId: number | null;
  /** Campaign ids this member organises (only needed for stories shown to named campaigns' organisers). */
  organiserOf: readonly number[];
}

export interface StoryAccess {
  status: StoryStatus;
  audience: StoryAudience;
  tellerId: number | null;
  audienceCampaignIds: readonly number[];
}

/**
 * Whether this viewer may read this story on an ordinary page. The one rule, mirrored in SQL by
 * readableStories() in app/models/story.server.ts (a test checks they agree): the teller always reads
 * their own; anyone else only a published story whose audience includes them. Moderators read stories
 * waiting for review on the moderation pages only, never through this rule.
 */
export function canReadStory(story: StoryAccess, viewer: StoryViewer): boolean {
  if (viewer.memberId !== null && story.tellerId === viewer.memberId) return true;
  if (story.status !== "published") return false;
  if (story.audience === "public") return true;
  if (viewer.memberId === null) return false;
  if (story.audience === "members") return true;
  return story.audienceCampaignIds.some((id) => viewer.organiserOf.includes(id));
}

export interface StoryNameParts {
  nameChoice: StoryNameChoice;
  displayName: string | null;
  firstName: string | null;
  organisationName: string | null;
  place: string | null;
}

/** The name a story is shown under, exactly as its teller chose; anything missing falls back to anonymous. */
export function tellerName(parts: StoryNameParts): string {
  switch (parts.nameChoice) {
    case "display_name":
      return parts.displayName ?? "Anonymous";
    case "first_name":
      return parts.firstName ?? "Anonymous";
    case "organisation":
      return parts.organisationName ? `A member of ${parts.organisationName}` : "Anonymous";
    case "place":
      return parts.place ? `Someone in ${parts.place}` : "Anonymous";
    case "anonymous":
      return "Anonymous";
  }
}
