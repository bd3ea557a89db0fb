import { createElement, type ReactElement } from "react";
import { TestEmail, type TestEmailProps } from "./test-email";

/**
 * Every email Chorus sends, by name. Queued emails store the name and props; the worker renders
 * them at send time, so a template fix reaches mail that is still waiting in the queue.
 */
export interface EmailTemplate<P> {
  render: (props: P) => ReactElement;
  subject: (props: P) => string;
}

function template<P extends object>(component: ((props: P) => ReactElement) & { subject: (props: P) => string }): EmailTemplate<P> {
  return { render: (props) => createElement(component, props), subject: component.subject };
}

export const emailTemplates = {
  TestEmail: template<TestEmailProps>(TestEmail),
};

export type EmailTemplateName = keyof typeof emailTemplates;
export type EmailTemplateProps<N extends EmailTemplateName> = (typeof emailTemplates)[N] extends EmailTemplate<infer P> ? P : never;
