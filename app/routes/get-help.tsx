import type { MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Get help now");

export default function GetHelp() {
  return (
    <div className="prose">
      <h1>Get help now</h1>
      <p className="lead">If you are struggling or feel unsafe, you do not have to wait. These services are free and open now.</p>
      <ul className="phone-list">
        <li>
          <strong>
            Call <a href="tel:999">999</a>
          </strong>
          <br />
          If you or someone else is in immediate danger, or has seriously hurt themselves.
        </li>
        <li>
          <strong>
            Call <a href="tel:111">NHS 111</a> and choose option 2
          </strong>
          <br />
          For urgent mental health help in England, any time of day or night.
        </li>
        <li>
          <strong>
            Call Samaritans on <a href="tel:116123">116 123</a>
          </strong>
          <br />
          Free, 24 hours a day, every day. Someone will listen, whatever you are going through.
        </li>
        <li>
          <strong>
            Text SHOUT to <a href="sms:85258?body=SHOUT">85258</a>
          </strong>
          <br />
          A free, confidential text service, 24 hours a day, if you would rather not talk.
        </li>
      </ul>
      <p>
        Chorus is a place for campaigning and deciding together. It is not a support service, and nobody monitors it around the clock.
      </p>
    </div>
  );
}
