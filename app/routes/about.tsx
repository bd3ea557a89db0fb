import type { MetaFunction } from "@remix-run/node";
import { About } from "~/components/about";

export const meta: MetaFunction = () => [{ title: "About Chorus" }];

export default About;
