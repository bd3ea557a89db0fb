import { ActionEmail, P, Small } from "./components/action-email";

export interface AskForResponseProps {
  decisionMakerName: string;
  campaignTitle: string;
  demandTitle: string;
  /** What the campaign asks of them, in the organisers' words. */
  request: string;
  /** Set when a petition passing its threshold asked: its title and confirmed count then. */
  petition: { title: string; count: number; url: string; meeting: boolean } | null;
  respondUrl: string;
  /** When the link stops working, as a London date ("4 February 2027"). */
  expiresOn: string;
}

/**
 * The ask a decision maker receives, with a link to answer in their own words without an account.
 * The link opens a page with a form: opening it (or a mail scanner fetching it) changes nothing.
 */
export function AskForResponse({ decisionMakerName, campaignTitle, demandTitle, request, petition, respondUrl, expiresOn }: AskForResponseProps) {
  const heading = petition ? (petition.meeting ? `${petition.count.toLocaleString("en-GB")} people ask to meet you` : `${petition.count.toLocaleString("en-GB")} people ask for your response`) : `A request from the campaign “${campaignTitle}”`;
  return (
    <ActionEmail preview={heading} heading={heading} action={{ label: "Write your response", url: respondUrl }}>
      <P>Dear {decisionMakerName},</P>
      {petition ? (
        <P>
          The petition &ldquo;{petition.title}&rdquo; has passed {petition.count.toLocaleString("en-GB")} confirmed signatures. Its signers ask you{" "}
          {petition.meeting ? "to meet the campaign" : "for a public response"}. You can read it at {petition.url}.
        </P>
      ) : null}
      {request.split(/\n{2,}/).map((paragraph, i) => (
        <P key={i}>{paragraph}</P>
      ))}
      <P>
        The campaign &ldquo;{campaignTitle}&rdquo; works for the demand &ldquo;{demandTitle}&rdquo;, decided by the members of a coalition for social approaches to mental health.
      </P>
      <Small>
        Your response is published in your own words on the campaign&rsquo;s public page, with the date. The link works until {expiresOn}; you do not need an account. To answer another way, reply to
        the organisers and they will publish it with its source.
      </Small>
    </ActionEmail>
  );
}
AskForResponse.subject = (p: AskForResponseProps) =>
  p.petition ? `${p.petition.count.toLocaleString("en-GB")} signatures: ${p.petition.meeting ? "a request to meet" : "a request for your response"}` : `A request for your response: ${p.campaignTitle}`;
AskForResponse.PreviewProps = {
  decisionMakerName: "Minister for Mental Health",
  campaignTitle: "Crisis houses now",
  demandTitle: "A crisis house in every region",
  request: "Will you fund a peer-run crisis house in every region by 2028?",
  petition: { title: "Fund crisis houses", count: 10_000, url: "http://localhost:3000/petitions/fund-crisis-houses", meeting: false },
  respondUrl: "http://localhost:3000/respond/1.1.1790000000.0123456789abcdef0123456789abcdef",
  expiresOn: "4 February 2027",
} satisfies AskForResponseProps;
