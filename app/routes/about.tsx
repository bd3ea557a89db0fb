import type { MetaFunction } from "@remix-run/node";
import { About } from "~/components/about";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "About");

export default About;
