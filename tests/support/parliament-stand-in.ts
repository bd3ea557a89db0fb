import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for the two public APIs the representative lookup reads: postcodes.io
 * (GET /postcodes/{postcode}) and UK Parliament's Members API (constituency search and a member's
 * contact details), answering in their real shapes (trimmed to the fields around the ones Chorus
 * reads). Tests list the postcodes and constituencies it knows, switch a path to misbehave
 * ("hang" never answers, a status, or "malformed" JSON), and count the calls it received.
 */

export interface StandInConstituency {
  code: string;
  name: string;
  /** The Members API's constituency id. */
  id: number;
  member: { id: number; name: string; party: string; email: string | null } | null;
}

export type Misbehaviour = "hang" | "malformed" | number;

export function postcodeAnswer(postcode: string, c: { code: string; name: string }) {
  const outcode = postcode.split(" ")[0];
  return {
    status: 200,
    result: {
      postcode,
      quality: 1,
      eastings: 428520,
      northings: 435678,
      country: "England",
      nhs_ha: "Yorkshire and the Humber",
      longitude: -1.566,
      latitude: 53.817,
      european_electoral_region: "Yorkshire and The Humber",
      region: "Yorkshire and The Humber",
      outcode,
      incode: postcode.split(" ")[1],
      parliamentary_constituency: c.name,
      parliamentary_constituency_2024: c.name,
      admin_district: "Leeds",
      admin_ward: "Headingley & Hyde Park",
      codes: {
        admin_district: "E08000035",
        admin_county: "E99999999",
        admin_ward: "E05011385",
        parish: "E43000169",
        parliamentary_constituency: c.code,
        parliamentary_constituency_2024: c.code,
        ccg: "E38000225",
        nuts: "TLE42",
      },
    },
  };
}

export function constituencySearchAnswer(found: StandInConstituency[]) {
  return {
    items: found.map((c) => ({
      value: {
        id: c.id,
        name: c.name,
        startDate: "2024-07-04T00:00:00",
        endDate: null,
        currentRepresentation: c.member
          ? {
              member: {
                value: {
                  id: c.member.id,
                  nameListAs: c.member.name.split(" ").reverse().join(", "),
                  nameDisplayAs: c.member.name,
                  nameFullTitle: `${c.member.name} MP`,
                  nameAddressAs: null,
                  latestParty: { id: 15, name: c.member.party, abbreviation: c.member.party.slice(0, 3), backgroundColour: "d50000", foregroundColour: "ffffff", isLordsMainParty: true, isLordsSpiritualParty: false, governmentType: null, isIndependentParty: false },
                  gender: "F",
                  latestHouseMembership: { membershipFrom: c.name, membershipFromId: c.id, house: 1, membershipStartDate: "2024-07-04T00:00:00", membershipEndDate: null, membershipEndReason: null, membershipEndReasonNotes: null, membershipEndReasonId: null, membershipStatus: { statusIsActive: true, statusDescription: "Current Member", statusNotes: null, statusId: 0, status: 0, statusStartDate: "2024-07-05T00:00:00" } },
                  thumbnailUrl: `https://members-api.parliament.uk/api/Members/${c.member.id}/Thumbnail`,
                },
                links: [],
              },
              representation: { membershipFrom: c.name, membershipFromId: c.id, house: 1, membershipStartDate: "2024-07-04T00:00:00", membershipEndDate: null, membershipEndReason: null, membershipEndReasonNotes: null, membershipEndReasonId: null, membershipStatus: null },
            }
          : null,
        ongoingByElection: null,
      },
      links: [{ rel: "self", href: `/Location/Constituency/${c.id}`, method: "GET" }],
    })),
    totalResults: found.length,
    resultContext: "",
    skip: 0,
    take: 20,
    links: [],
  };
}

export function contactAnswer(email: string | null) {
  return {
    value: [
      { type: "Parliamentary office", typeDescription: "Parliamentary office", typeId: 1, isPreferred: false, isWebAddress: false, notes: null, line1: "House of Commons", line2: "London", line3: null, line4: null, line5: null, postcode: "SW1A 0AA", phone: "020 7219 3000", fax: null, email },
      { type: "Constituency office", typeDescription: "Constituency office", typeId: 4, isPreferred: false, isWebAddress: false, notes: null, line1: "1 High Street", line2: "Leeds", line3: null, line4: null, line5: null, postcode: "LS6 1AA", phone: null, fax: null, email: null },
      { type: "Website", typeDescription: "Website", typeId: 6, isPreferred: false, isWebAddress: true, notes: null, line1: "https://example.org", line2: null, line3: null, line4: null, line5: null, postcode: null, phone: null, fax: null, email: null },
    ],
    links: [],
  };
}

export async function startParliamentStandIn() {
  const postcodes = new Map<string, string>(); // postcode (no space, upper case) -> constituency code
  const constituencies = new Map<string, StandInConstituency>();
  const misbehave = new Map<"postcodes" | "search" | "contact", Misbehaviour>();
  const calls: string[] = [];
  const hanging = new Set<ServerResponse>();

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    calls.push(`${url.pathname}${url.search}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(body));
    };
    const answer = (which: "postcodes" | "search" | "contact", ok: () => void) => {
      const trouble = misbehave.get(which);
      if (trouble === "hang") return void hanging.add(res);
      if (trouble === "malformed") {
        res.writeHead(200, { "content-type": "application/json" });
        return void res.end('{"result": {"postcode": "LS6 1AN", "parliamentary_');
      }
      if (typeof trouble === "number") return send(trouble, { status: trouble, error: "Something went wrong" });
      ok();
    };

    const postcode = /^\/postcodes\/([^/]+)$/.exec(url.pathname);
    if (postcode) {
      return answer("postcodes", () => {
        const wanted = decodeURIComponent(postcode[1]!).replace(/\s+/g, "").toUpperCase();
        const code = postcodes.get(wanted);
        const c = code ? constituencies.get(code) : undefined;
        if (!c) return send(404, { status: 404, error: "Postcode not found" });
        send(200, postcodeAnswer(`${wanted.slice(0, -3)} ${wanted.slice(-3)}`, c));
      });
    }
    if (url.pathname === "/api/Location/Constituency/Search") {
      return answer("search", () => {
        const text = (url.searchParams.get("searchText") ?? "").toLowerCase();
        send(200, constituencySearchAnswer([...constituencies.values()].filter((c) => c.name.toLowerCase().includes(text))));
      });
    }
    const contact = /^\/api\/Members\/(\d+)\/Contact$/.exec(url.pathname);
    if (contact) {
      return answer("contact", () => {
        const c = [...constituencies.values()].find((x) => x.member?.id === Number(contact[1]));
        if (!c?.member) return send(404, { type: "https://tools.ietf.org/html/rfc7231#section-6.5.4", title: "Not Found", status: 404 });
        send(200, contactAnswer(c.member.email));
      });
    }
    send(404, { status: 404, error: "Resource not found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    calls,
    /** Lists a constituency and the postcodes in it. */
    add(c: StandInConstituency, ...inPostcodes: string[]) {
      constituencies.set(c.code, c);
      for (const p of inPostcodes) postcodes.set(p.replace(/\s+/g, "").toUpperCase(), c.code);
    },
    misbehave(which: "postcodes" | "search" | "contact", how: Misbehaviour | null) {
      if (how === null) misbehave.delete(which);
      else misbehave.set(which, how);
    },
    reset() {
      misbehave.clear();
      calls.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
