import { z } from "zod";
import { DisplayNameField, EmailField, requiredCheckbox } from "../utils/fields";
import { NewPasswordSchema } from "./password-rules";

// The account forms' schemas: kept out of the route modules so the pages do not ship Zod to the browser.

export const PasswordSignInSchema = z.object({
  email: EmailField,
  password: z.string({ error: "Enter your password" }).min(1, { error: "Enter your password" }).max(128, { error: "Password must be 128 characters or fewer" }),
});

export const LinkSignInSchema = z.object({ "link-email": EmailField });

export const JoinSchema = z.object({
  email: EmailField,
  displayName: DisplayNameField,
  password: z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(NewPasswordSchema.nullable()),
  adult: requiredCheckbox("Confirm that you are 18 or over"),
  terms: requiredCheckbox("Agree to the terms and privacy notice to join"),
});

export const ForgotPasswordSchema = z.object({ email: EmailField });

export const ResetPasswordSchema = z.object({ password: NewPasswordSchema });
