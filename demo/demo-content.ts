/**
 * The demo coalition's demands: each with its own summary, full text and easy-read version, written
 * as a social-approaches coalition would write them, so the demo reads like the real thing and a
 * search finds only the demands it should.
 */
export const DEMO_DEMANDS = {
  peerSupport: {
    title: "Peer support workers in every A&E",
    summary: "Every emergency department should have peer support workers with lived experience on every shift.",
    topics: ["services"],
    body: `## What we want

Every emergency department in England should have trained peer support workers, people with their own experience of mental distress, on every shift, day and night.

## Why

People in crisis often wait many hours in A&E with nobody to talk to. Someone who has been there can listen, explain what happens next and help people be heard.

## What this means in practice

NHS trusts fund paid peer support roles in every emergency department, with proper training, supervision and pay.`,
    easyRead: "When people go to A&E in a crisis, they often wait a long time alone. We want people who have been through a crisis themselves to work in every A&E. They can listen and help.",
  },
  housingFirst: {
    title: "Housing first for people leaving mental health wards",
    summary: "No one should be discharged from a mental health ward to the street, a hostel or a sofa. Housing must be planned from admission.",
    topics: ["housing", "services"],
    body: `## What we want

Everyone leaving a mental health ward should have a safe, settled home to go to.

## Why

Discharge to no fixed address undoes the work of recovery and leads to readmission [1].

## What this means in practice

Councils and NHS trusts plan housing from the day someone is admitted, not the day they leave.`,
    easyRead: "Some people leave hospital with nowhere safe to live. That makes them more likely to become unwell again. We want councils and hospitals to plan a home for each person from the day they arrive.",
  },
  sanctions: {
    title: "End benefit sanctions for people in mental distress",
    summary: "Sanctions push people into crisis. Stop sanctioning anyone with a mental health condition and review past sanctions.",
    topics: ["poverty_income", "rights_law"],
    body: `## What we want

The Department for Work and Pensions should stop applying benefit sanctions to anyone with a mental health condition, and review every such sanction of the last five years.

## Why

Losing income for weeks at a time causes debt, hunger and fear. Research with claimants links sanctions to worse mental health, and there is little evidence they help anyone into work.

## What this means in practice

Work coaches offer support instead of penalties. People wrongly sanctioned are repaid, with an apology.`,
    easyRead: "Sometimes the benefits office stops paying people money as a punishment. This is called a sanction. It makes people poorer and more unwell. We want sanctions to stop for people with mental health problems, and people who lost money unfairly to be paid back.",
  },
  crisisHouses: {
    title: "Fund community crisis houses in every region",
    summary: "Crisis houses run with people who have been there are safer and more humane than hospital admission for many people.",
    topics: ["services", "isolation_community"],
    body: `## What we want

Every region should have at least one community crisis house: a small, homely place to stay for a few days or weeks in a crisis, as an alternative to a hospital ward.

## Why

Many people say a crisis house helped them more than a ward did: they kept their routines, their friends could visit, and they were treated as a guest, not a patient. Crisis houses also cost less than a hospital bed.

## What this means in practice

Integrated care boards fund crisis houses with long-term contracts, co-designed and staffed with people who have lived experience.`,
    easyRead: "A crisis house is a small, friendly home where you can stay for a short time when you are in a mental health crisis. It is an alternative to going into hospital. We want one in every part of the country.",
  },
  tribunals: {
    title: "Replace tribunal hearings with community panels",
    summary: "Mental health tribunals should be replaced by panels of trained community members with lived experience.",
    topics: ["rights_law"],
    body: `## What we want

Decisions about whether someone stays detained under the Mental Health Act should be made by panels that include trained community members with lived experience, not only lawyers and doctors.

## Why

Tribunals can feel like a court case against the person detained. People tell us they did not feel listened to, and did not understand the decision.

## What this means in practice

A pilot of community panels in two regions, evaluated with the people who go through them.`,
    easyRead: "When someone is kept in hospital under the Mental Health Act, they can ask a tribunal to let them go. Tribunals can feel like a court. We suggested panels that include people who have been detained themselves.",
  },
  wellbeingApp: {
    title: "A national wellbeing app",
    summary: "A single app for everyone's mental wellbeing, run by the NHS, free at the point of use.",
    topics: ["services"],
    body: `## What we want

An NHS app that offers self-help courses, mood tracking and a directory of local support, free for everyone.

## Why

Many people look for help on their phones first.

## What this means in practice

NHS England commissions one app instead of many.`,
    easyRead: "We suggested a free NHS phone app to help people look after their mental health. We have withdrawn this idea.",
  },
  advocacy: {
    title: "Independent advocacy for everyone detained",
    summary: "Everyone detained under the Mental Health Act should be offered an independent advocate, automatically, within a day.",
    topics: ["rights_law", "services"],
    body: `## What we want

Everyone detained under the Mental Health Act is offered an independent mental health advocate within 24 hours, without having to ask.

## Why

Many people never hear that they have a right to an advocate, or are too unwell to ask. Black people, who are detained far more often, are the least likely to get one.

## What this means in practice

Wards refer everyone to the advocacy service on admission (an "opt-out" system), and advocacy services are funded for it.`,
    easyRead: "When someone is kept in hospital under the Mental Health Act, an advocate can help them have a say. Many people never get one. We want everyone to be offered an advocate within a day, without having to ask.",
  },
  outOfArea: {
    title: "End out-of-area placements",
    summary: "Nobody should be sent hundreds of miles from home for a mental health bed. Fund local beds and community alternatives.",
    topics: ["services", "isolation_community"],
    body: `## What we want

An end to sending people out of their area for mental health care, within three years.

## Why

Being sent far away cuts people off from family, friends and the services that will support them when they leave. It makes recovery slower and costs more.

## What this means in practice

Every area publishes its out-of-area placements each month and funds local crisis and inpatient alternatives.`,
    easyRead: "Sometimes people who need a hospital bed are sent far from home. This cuts them off from family and friends. We want everyone to be cared for near home.",
  },
  welfareRights: {
    title: "Welfare rights advice in every mental health team",
    summary: "Money worries drive mental distress. Every community mental health team should have a welfare rights adviser.",
    topics: ["poverty_income", "services"],
    body: `## What we want

A welfare rights adviser in every community mental health team, so people get help with benefits, debt and housing where they already get support.

## Why

Debt and benefit problems are among the most common causes of crisis. Advice in the same place as care means people actually get it.

## What this means in practice

NHS trusts and councils jointly fund advisers, with advice offered at every first appointment.`,
    easyRead: "Worries about money can make people unwell. We want an adviser in every mental health team who can help with benefits and debt.",
  },
} as const;

/** The demo's campaigns: one running (with updates and milestones) and one won. */
export const DEMO_CAMPAIGNS = {
  crisisHouses: {
    title: "Crisis houses in every region by 2028",
    pitch: "A crisis should not mean a hospital ward far from home. Crisis houses run with people who have been there work: we want one in every region.",
    ask: "Integrated care boards should commission at least one community crisis house in every region by 2028, co-designed and staffed with people with lived experience, on contracts of five years or more.",
    target: "Integrated care board chairs, and the Minister for Care",
  },
  advocacy: {
    title: "Advocacy as of right",
    pitch: "Nobody detained should have to ask for an advocate. We campaigned for an opt-out system, and it is coming.",
    ask: "Make referral to an independent mental health advocate automatic for everyone detained, and fund advocacy services to meet it.",
    target: "The Department of Health and Social Care, and MPs on the Mental Health Bill committee",
  },
} as const;

/** The running campaign's open petition. */
export const DEMO_PETITION = {
  title: "A crisis house in every region",
  ask: "Fund at least one community crisis house in every region of England by 2028.",
  why: "A mental health crisis should not mean a locked ward far from home. Crisis houses, run with people who have been there, keep people close to the people who care about them and cost less than a hospital bed.\n\n- Fewer readmissions\n- Less time far from home\n- Support from people who understand",
  addressedTo: "Integrated care board chairs and the Minister for Care",
  goal: 10000,
};

/** Fictional decision makers (example.org addresses) covering a few postcode areas. */
export const DEMO_TARGETS = [
  { name: "Alex Rivers MP", role: "mp", body: "House of Commons", email: "alex.rivers.mp@example.org", areas: "LS6 LS16 LS17" },
  { name: "Jo Malik MP", role: "mp", body: "House of Commons", email: "jo.malik.mp@example.org", areas: "LS1 LS2 LS3 LS4 LS5 LS7 LS8 LS9" },
  { name: "Sam Okafor MP", role: "mp", body: "House of Commons", email: "sam.okafor.mp@example.org", areas: "M" },
  { name: "Dana Hughes MP", role: "mp", body: "House of Commons", email: "dana.hughes.mp@example.org", areas: "BS3 BS4 BS13 BS14" },
  { name: "Councillor Hannah Price", role: "councillor", body: "Leeds City Council", email: "hannah.price.cllr@example.org", areas: "LS6" },
  { name: "Minister for Care", role: "minister", body: "Department of Health and Social Care", email: "minister.care@example.org", areas: "everywhere" },
  { name: "NHS West Yorkshire Integrated Care Board", role: "health_body", body: "NHS West Yorkshire", email: "west-yorkshire.icb@example.org", areas: "BD HD HX LS WF" },
] as const;

export const DEMO_LETTER_CAMPAIGN = {
  title: "Write to your MP about crisis houses",
  ask: "Back a community crisis house in every region, and ask the Minister for Care to fund them.",
  talkingPoints:
    "A crisis house costs less per night than a hospital bed\nPeople stay close to home, family and friends\nThey are run with people who have been through a crisis themselves\nFewer people are readmitted after a crisis house stay",
  suggestedSubject: "A crisis house for our area",
  guidance: "What would a calm, local place to go in a crisis have meant to you or someone you love? A sentence or two about your own experience matters more than facts and figures.",
};

/** Demo writers' own words: each different, as real letters are. */
export const DEMO_LETTERS = [
  { name: "Aisha Khan", postcode: "LS6 1AN", personal: "Last winter my sister spent two nights in A&E because there was no bed anywhere near Leeds. She was sent to a ward ninety miles away, and none of us could visit. A crisis house here would have kept her close to the people who love her." },
  { name: "Ben Taylor", postcode: "M1 2AB", personal: "I have used a crisis house twice. Both times I was home within a week, back at work within a month. The staff had been through it themselves and I did not feel like a problem to be managed. Every region deserves one." },
  { name: "Chloe Evans", postcode: "LS7 3CD", personal: "As a social worker I see people turned away from wards every week. The only alternative we can offer is a phone number. A crisis house would give my clients somewhere safe to go that is not a police cell or a corridor." },
  { name: "Dev Patel", postcode: "BS3 4EF", personal: "My dad was detained under the Mental Health Act after a crisis that a few quiet days and someone to talk to might have eased. He still talks about how frightening the ward was. Please help make sure other families have a gentler choice." },
] as const;

/**
 * Evidence behind two demos (fictional bodies, example.org links): the housing demand's text cites
 * its first source as [1], a member's survey the authors accepted, and one suggestion still waiting
 * for them; the crisis-houses demand carries the inquiry and research its campaign rests on.
 */
export const DEMO_SOURCES = {
  housingStudy: {
    title: "Leaving hospital with nowhere to go: following 400 discharges for a year",
    author: "Northern Housing and Health Research Network",
    year: 2022,
    url: "https://example.org/research/leaving-hospital",
    finding: "People discharged with no settled home were twice as likely to be back on a ward within a year.",
    kind: "research",
  },
  housingSurvey: {
    title: "What made home feel safe: a survey of 212 people after discharge",
    author: "Voices Together",
    year: 2024,
    url: null,
    finding: "Most said a home they had chosen, near people they knew, mattered more than how soon they moved in.",
    kind: "lived_experience_survey",
  },
  housingStatistics: {
    title: "Discharges from mental health wards to no fixed address, by NHS trust",
    author: "Demo Health Statistics Office",
    year: 2023,
    url: "https://example.org/statistics/discharges",
    finding: "About one discharge in twenty was recorded as to no fixed address, with wide differences between trusts.",
    kind: "official_statistics",
  },
  crisisInquiry: {
    title: "Inquiry into crisis care outside hospital",
    author: "The Crisis Care Commission",
    year: 2021,
    url: "https://example.org/inquiry/crisis-care",
    finding: "Crisis houses run with people with lived experience cut admissions and were preferred by those who used them.",
    kind: "inquiry",
  },
  crisisResearch: {
    title: "Costs of crisis houses compared with acute admission",
    author: "University of Demo Health Economics Unit",
    year: 2020,
    url: null,
    finding: "A night in a crisis house cost about a third of a night on an acute ward.",
    kind: "research",
  },
} as const;

/**
 * Members' stories, one at each consent level a reader meets: public and quotable on the running
 * campaign's demand, members only, "Someone in Leeds", "A member of Voices Together", one folded
 * behind a content note, one with an easy read version; one still waiting for review and one its
 * teller withdrew. Written for the demo: no real person's story.
 */
export const DEMO_STORIES = {
  crisisHouse: {
    title: "A crisis house gave me somewhere to be instead of a ward",
    body: "The third time things fell apart, the crisis team offered me a bed in a crisis house instead of hospital.\n\nIt was an ordinary house on an ordinary street. Two of the staff had been through crisis themselves. I could keep my phone, see my sister, and walk to the shop. **Nobody locked a door behind me.**\n\nI stayed nine days. I have not been back in hospital since, and that was four years ago.",
    topics: ["services"],
  },
  membersOnly: {
    title: "Back on the ward within a month",
    body: "I was discharged on a Friday afternoon with a bag of medication and a leaflet about a hostel.\n\nThe hostel had no room until Monday. I spent the weekend on a friend's sofa, then in the hostel, where I did not sleep for a week. Three weeks later I was back on the same ward, in the same bed.\n\nIf someone had asked me where I was going to live on the day I arrived, this would not have happened.",
    topics: ["housing", "services"],
  },
  leeds: {
    title: "Sanctioned for missing an appointment I was in hospital for",
    body: "My Universal Credit was stopped for four weeks because I missed a work coach appointment. I missed it because I was an inpatient.\n\nBy the time the sanction was overturned I had rent arrears, and the letters about the arrears made everything worse. The money came back. The sleep and the trust did not.",
    topics: ["poverty_income", "rights_law"],
  },
  organisation: {
    title: "What our peer group does on a Tuesday night",
    body: "Every Tuesday about fifteen of us meet in the back room of a community centre. There is tea, there is a lot of talking, and sometimes there is nothing to say at all, which is fine.\n\nSeveral of us found somewhere to live, or a benefits adviser, through someone in that room. No service referred us there.",
    topics: ["isolation_community"],
  },
  contentNote: {
    title: "Held down on my first night",
    body: "On my first night in hospital I was frightened and I would not take the medication. Four staff held me face down on the floor.\n\nI had not hurt anyone. I was asking what the tablets were. Nobody explained, and nobody spoke to me about it afterwards.\n\nAn advocate would have asked the question I could not get out. That is why I want advocacy offered to everyone, not only to those who know to ask.",
    contentNotes: ["restraint"],
    topics: ["rights_law", "services"],
  },
  easyRead: {
    title: "Finding a home after hospital took a year",
    body: "When I left hospital I went to a bed and breakfast, then a hostel, then another hostel. It took a year to get a flat of my own.\n\nIn that year I moved five times. Each time I had to register with a new GP and explain everything again.",
    easyRead: "I left hospital. I had no home.\n\nI lived in five places in one year.\n\nEach time I had to see a new doctor.\n\nNow I have my own flat. It helps me stay well.",
    topics: ["housing"],
  },
  waiting: {
    title: "Waiting for a flat near my family",
    body: "I have been on the housing list for two years. The flats I am offered are across the city from my children, and I would lose the support I have.",
    topics: ["housing"],
  },
  withdrawn: {
    title: "A story its teller withdrew",
    body: "This story was published and then withdrawn by the person who told it. Nobody but them can read it now.",
    topics: ["other"],
  },
} as const;

/** What the demo campaigns asked decision makers, and what they answered. */
export const DEMO_ASKS = {
  // The crisis house petition asks the minister for a response at 20 confirmed signatures (25 sign),
  // and for a meeting at 10,000.
  petitionThresholds: { responseThreshold: 20, meetingThreshold: 10_000 },
  petitionSigners: 25,
  ministerMeeting: {
    request: "Fund a community crisis house, run with people who have been through a crisis, in each of England's nine regions by 2028, and publish the costings by region.",
    response:
      "Thank you for meeting my advisers and for the costings by region.\n\nI can commit to funding crisis houses in **three of the nine regions** this financial year: the North East, Yorkshire and the Humber, and the South West. Each will be co-designed with people with lived experience.\n\nI cannot yet commit to the other six regions. I will review them after the spending round and write to the campaign with the outcome.",
    progress: "The minister agreed to fund 3 of 9 regions; 2 have opened.",
  },
  boardLetter: {
    request: "Commission a community crisis house in West Yorkshire, run with people with lived experience, and publish a plan with dates by the end of March.",
  },
  advocacy: {
    request: "Amend the Mental Health Bill so that everyone detained is offered an independent advocate automatically (opt-out, not opt-in).",
    response:
      "I am pleased to confirm that the government will table an amendment to the Mental Health Bill so that independent mental health advocacy is offered automatically to everyone detained, unless they decline it.\n\nI thank the campaign, and everyone who signed and wrote, for making the case so clearly.",
    committed: "The government committed to an opt-out advocacy amendment to the Mental Health Bill.",
    delivered: "The amendment passed: everyone detained is now offered an advocate automatically.",
  },
} as const;
