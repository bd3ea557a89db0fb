import type { ContentNoteCategory, StoryAudience, StoryNameChoice, StoryStatus } from "../../db/schema";

export type { ContentNoteCategory, StoryAudience, StoryNameChoice, StoryStatus };

/**
 * Content-note categories: a teller ticks what their story touches, a reader can hide any of them (a
 * remembered setting), a moderator can choose which of them they review. A fixed list so those three
 * always mean the same thing; "other" carries the teller's own few words.
 */
export const CONTENT_NOTES: Record<ContentNoteCategory, string> = {
  suicide: "Suicide or suicidal feelings",
  self_harm: "Self-harm",
  abuse: "Abuse or violence",
  sexual_violence: "Sexual violence",
  restraint: "Restraint, seclusion or detention",
  eating: "Eating difficulties",
  substances: "Drugs or alcohol",
  bereavement: "Bereavement",
  discrimination: "Racism or other discrimination",
  other: "Something else",
};
export const CONTENT_NOTE_CATEGORIES = Object.keys(CONTENT_NOTES) as ContentNoteCategory[];
export const isContentNoteCategory = (value: string): value is ContentNoteCategory => Object.hasOwn(CONTENT_NOTES, value);

export const AUDIENCES: Record<StoryAudience, { label: string; hint: string }> = {
  public: { label: "Anyone", hint: "Anyone can read it, including people who are not members." },
  members: { label: "Members only", hint: "Only people signed in to Chorus can read it." },
  organisers: { label: "Organisers of the campaigns I choose", hint: "Only the organisers of the campaigns you name can read it, to understand why their campaign matters." },
};

export const NAME_CHOICES: Record<StoryNameChoice, string> = {
  display_name: "My display name",
  first_name: "A first name I give",
  organisation: "“A member of” one of my organisations",
  place: "“Someone in” a place I give",
  anonymous: "Anonymous",
};

export const STORY_STATUSES: Record<StoryStatus, { label: string; meaning: string }> = {
  waiting: { label: "Waiting for review", meaning: "A moderator reads every story before it is published. You will get an email when they have." },
  changes_requested: { label: "Changes asked for", meaning: "A moderator asked you to change something before it is published. Their reason is below." },
  published: { label: "Published", meaning: "People you chose can read it." },
  declined: { label: "Not published", meaning: "A moderator decided not to publish it. Their reason is below." },
  safeguarding: { label: "Held while we check you are safe", meaning: "Something in your story made us worry about someone's safety. It is not published; a member of our safeguarding team may contact you." },
  withdrawn: { label: "Withdrawn", meaning: "You withdrew it. Nobody else can read it, and it is left out of anything delivered from now on." },
};
