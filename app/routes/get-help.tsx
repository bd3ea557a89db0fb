import type { MetaFunction } from "@remix-run/node";
import { CrisisHelp } from "~/components/crisis-help";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Get help now");

export default function GetHelp() {
  return (
    <div className="prose">
      <h1>Get help now</h1>
      <p className="lead">If you are struggling or feel unsafe, you do not have to wait. These services are free and open now.</p>
      <CrisisHelp />
      <p>
        Chorus is a place for campaigning and deciding together. It is not a support service, and nobody monitors it around the clock.
      </p>
    </div>
  );
}
