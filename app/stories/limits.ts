/**
 * The limits of a story's fields, shared by the form schemas (app/stories/forms.ts) and the fields
 * that state them before anyone types (app/components/story-fields.tsx), which must not load Zod.
 * The database's checks (db/migrations/2026-12-08_01_stories.ts) hold the same numbers.
 */
export const STORY_LIMITS = {
  title: 200,
  body: 20_000,
  easyRead: 10_000,
  contentNoteDetail: 200,
  demands: 10,
  firstName: 60,
  place: 60,
  campaigns: 50,
} as const;

/** How many open or adopted demands the form offers, newest first, and how many running campaigns. */
export const DEMAND_CHOICES = 100;
export const CAMPAIGN_CHOICES = 100;
