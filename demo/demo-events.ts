import { addEventMeeting, addOutcome, createEvent, publishEvent, registerMember, saveNotes } from "../app/services/event.server";
import { answerDatePoll, openDatePoll } from "../app/services/event-date-poll.server";
import { listDateOptions } from "../app/models/event-date-poll.server";
import type { EventInput } from "../app/events/forms";
import type { Database } from "../db/index";

const DAY = 86_400_000;

/** A day `days` from today at hh:mm UK time (near enough for demo data: UTC, shifted in summer by the zone's offset). */
function at(days: number, hour: number, minute = 0) {
  const date = new Date(Date.now() + days * DAY);
  date.setUTCHours(hour, minute, 0, 0);
  return date;
}

const base = {
  accessNotes: null,
  joinUrl: null,
  region: null,
  timeZone: "Europe/London",
  capacity: null,
  visibility: "public",
  payment: null,
  travelExpenses: false,
  agenda: null,
  agendaEasyRead: null,
  address: null,
} satisfies Partial<EventInput>;

/**
 * Gatherings for the demo: an online members' assembly next month with people registered (one has
 * told the hosts about an access need), and a workshop held last month whose notes link to the
 * demand it shaped, and a training day still choosing its date (three times offered, a few answers).
 */
export async function seedDemoEvents(db: Database, people: { admin: number; priya: number; sam: number; tom: number; ruth: number; voters: number[]; voicesTogether: number }, demandId: number) {
  const admin = { id: people.admin, isAdmin: true, isModerator: false };
  const assemblyStart = at(30, 18);
  const assembly = await createEvent(db, admin, {
    ...base,
    host: "coalition",
    title: "Members' assembly: our priorities for next year",
    purpose: "Once a quarter the whole coalition meets to hear how campaigns are going and to agree what to push for next.\n\nEveryone's voice counts the same: people with lived experience lead each session.",
    audience: "All coalition members",
    kind: "assembly",
    format: "online",
    joinUrl: "https://meet.example.org/chorus-assembly",
    startsAt: assemblyStart,
    endsAt: new Date(assemblyStart.getTime() + 2 * 3_600_000),
    closesAt: new Date(assemblyStart.getTime() - 3_600_000),
    capacity: 100,
    visibility: "members",
    payment: 2500,
    agenda: "## Agenda\n\n1. Welcome and how we work together\n2. What the campaigns achieved this quarter\n3. Choosing next year's priorities\n4. Any other business",
    agendaEasyRead: "We meet online.\n\nWe hear about our campaigns.\n\nWe choose what to work on next year.",
    accessNotes: "Live captions and a British Sign Language interpreter. Breaks every 45 minutes. Cameras optional.",
  });
  if (!assembly.ok) throw new Error("demo assembly");
  await publishEvent(db, assembly.id);
  await registerMember(db, assembly.id, { id: people.sam }, { needs: ["captions", "breaks"], dietary: null, otherNeeds: null, expert: true, travel: false });
  for (const memberId of [people.priya, people.tom, people.ruth, ...people.voters.slice(6, 12)]) {
    await registerMember(db, assembly.id, { id: memberId }, { needs: [], dietary: null, otherNeeds: null, expert: false, travel: false });
  }

  const workshopStart = at(-30, 10, 30);
  const workshop = await createEvent(db, admin, {
    ...base,
    host: `organisation:${people.voicesTogether}`,
    title: "Drafting workshop: support after leaving hospital",
    purpose: "People who have been discharged from mental health wards, with social workers and housing officers, drafting what a good discharge looks like.",
    audience: "People with experience of discharge, carers and practitioners",
    kind: "workshop",
    format: "in_person",
    address: "Voices Together, Unit 4, Canal Street Community Centre, Manchester",
    region: "North West",
    startsAt: workshopStart,
    endsAt: new Date(workshopStart.getTime() + 4 * 3_600_000),
    closesAt: new Date(workshopStart.getTime() - DAY),
    capacity: 25,
    payment: 4000,
    travelExpenses: true,
  });
  if (!workshop.ok) throw new Error("demo workshop");
  await publishEvent(db, workshop.id);
  await saveNotes(db, workshop.id, {
    minutes: "## Decisions\n\n- Propose a demand that nobody leaves a ward without a safe, settled home to go to.\n- Ask councils to start planning housing on the day of admission.\n\n## Actions\n\n- Priya and Tom draft the demand's text for consultation.\n- Voices Together shares the notes with its members.",
    attendedCount: 18,
  });
  await addOutcome(db, workshop.id, { kind: "demand", id: demandId }, "Drafted at this workshop");

  // A date poll in progress: a draft with three times offered to every member, four answers so far.
  const options = [at(21, 10), at(24, 13), at(28, 10)].map((startsAt) => ({ startsAt, endsAt: new Date(startsAt.getTime() + 5 * 3_600_000) }));
  const training = await createEvent(db, admin, {
    ...base,
    host: "coalition",
    title: "Co-production training day",
    purpose: "A day for members new to co-production: how we share power in meetings, pay people for their expertise, and write demands together.",
    audience: "Members new to co-production, especially people with lived experience",
    kind: "workshop",
    format: "hybrid",
    address: "Friends Meeting House, 173 Euston Road, London",
    joinUrl: "https://meet.example.org/chorus-training",
    region: "London",
    startsAt: options[0]!.startsAt,
    endsAt: options[0]!.endsAt,
    closesAt: options[0]!.startsAt,
    capacity: 30,
    visibility: "members",
  });
  if (!training.ok) throw new Error("demo training day");
  const poll = await openDatePoll(db, admin, training.id, options);
  if (!poll.ok) throw new Error(`demo date poll: ${poll.reason}`);
  const offered = (await listDateOptions(db, training.id)).map((o) => Number(o.id));
  const said = (memberId: number, answers: Array<"yes" | "if_need_be" | "no">) => answerDatePoll(db, training.id, memberId, offered.map((optionId, i) => ({ optionId, answer: answers[i]! })));
  await said(people.sam, ["yes", "no", "if_need_be"]);
  await said(people.priya, ["yes", "yes", "no"]);
  await said(people.tom, ["if_need_be", "yes", "yes"]);
  await said(people.ruth, ["no", "yes", "yes"]);
}

/**
 * A lobby day on the running campaign: the campaign's organisers run it, and three local events in
 * three regions sit under it, each with its own host and place, people registered, and meetings
 * booked with decision makers from the directory.
 */
export async function seedDemoLobbyDay(db: Database, people: { ruth: number; priya: number; voters: number[]; voicesTogether: number }, campaignId: number, targetIds: number[]) {
  const ruth = { id: people.ruth, isAdmin: false, isModerator: false };
  const priya = { id: people.priya, isAdmin: false, isModerator: false };
  const day = at(45, 9);
  const lobbyDay = await createEvent(db, ruth, {
    ...base,
    host: `campaign:${campaignId}`,
    title: "Crisis houses lobby day",
    purpose: "On one day, people with lived experience meet their MPs across the country to ask for a crisis house in every region.\n\nChoose the local meeting nearest you, or host one.",
    audience: "Anyone who has needed a crisis house or a place to go in a crisis, carers and supporters",
    kind: "lobby_day",
    format: "hybrid",
    address: "Local meetings across the country: see below",
    joinUrl: "https://meet.example.org/crisis-houses-lobby-day",
    startsAt: day,
    endsAt: new Date(day.getTime() + 8 * 3_600_000),
    closesAt: day,
  });
  if (!lobbyDay.ok) throw new Error("demo lobby day");
  await publishEvent(db, lobbyDay.id);
  const locals: Array<{ actor: typeof ruth; host: string; title: string; region: string; address: string; hour: number; capacity: number }> = [
    { actor: priya, host: `organisation:${people.voicesTogether}`, title: "Manchester: meet your MP about crisis houses", region: "North West", address: "Voices Together, Unit 4, Canal Street Community Centre, Manchester", hour: 10, capacity: 20 },
    { actor: ruth, host: `campaign:${campaignId}`, title: "Leeds: lobby day meeting at the Civic Hall", region: "Yorkshire and the Humber", address: "Committee Room 2, Leeds Civic Hall, Calverley Street, Leeds", hour: 11, capacity: 15 },
    { actor: ruth, host: `campaign:${campaignId}`, title: "Bristol: crisis houses lobby day", region: "South West", address: "The Trinity Centre, Trinity Road, Bristol (step-free entrance on the side)", hour: 13, capacity: 12 },
  ];
  for (const [i, local] of locals.entries()) {
    const start = new Date(day.getTime() + (local.hour - 9) * 3_600_000);
    const made = await createEvent(
      db,
      local.actor,
      { ...base, host: local.host, title: local.title, purpose: "We meet first to prepare together, then go to the MP's surgery as a group.", audience: "Anyone in the area, with or without experience of lobbying", kind: "meeting", format: "in_person", address: local.address, region: local.region, startsAt: start, endsAt: new Date(start.getTime() + 2 * 3_600_000), closesAt: start, capacity: local.capacity, accessNotes: "Step-free access throughout; a quiet room is available.", payment: 2500, travelExpenses: true },
      lobbyDay.id,
    );
    if (!made.ok) throw new Error(`demo local event: ${made.reason}`);
    await publishEvent(db, made.id);
    for (const voter of people.voters.slice(i * 4, i * 4 + 3 + i)) await registerMember(db, made.id, { id: voter }, { needs: [], dietary: null, otherNeeds: null, expert: false, travel: false });
    // Manchester and Leeds have meetings booked with decision makers; Bristol is still asking.
    for (const targetId of targetIds.slice(i, i + (i === 2 ? 0 : 1))) await addEventMeeting(db, local.actor, { id: made.id, parent_id: lobbyDay.id }, targetId);
  }
}
