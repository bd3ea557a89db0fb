import { z } from "zod";

// A short list of the most used passwords (from public breach corpora), checked case-insensitively.
const COMMON_PASSWORDS = new Set(
  `123456 123456789 12345678 password qwerty123 qwerty 1q2w3e4r 111111 1234567890 12345 1234567 password1 password123
  iloveyou 000000 123123 abc123 qwertyuiop 654321 123321 666666 987654321 123qwe 1qaz2wsx 555555 zxcvbnm 7777777
  dragon monkey letmein football baseball welcome welcome1 sunshine princess master shadow superman michael
  trustno1 passw0rd starwars whatever freedom charlie jennifer hunter2 computer liverpool chelsea arsenal
  qwerty12 asdfghjk asdfasdf 11111111 88888888 12341234 00000000 abcd1234 aa123456 changeme secret123 admin123
  administrator mentalhealth chorus123 password12 iloveyou1 football1 baseball1 q1w2e3r4 1234qwer qazwsxedc`
    .split(/\s+/)
    .filter(Boolean),
);

export function isCommonPassword(password: string) {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

/** 8 to 128 characters, not a well-known password. Shared by join, reset and change. */
export const NewPasswordSchema = z
  .string({ message: "Enter a password" })
  .min(8, { message: "Password must be 8 characters or more" })
  .max(128, { message: "Password must be 128 characters or fewer" })
  .refine((p) => !isCommonPassword(p), { message: "That password is too common. Choose one that is harder to guess" });
