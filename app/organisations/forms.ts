import { z } from "zod";
import { multiline } from "../utils/fields";

export const JoinRequestSchema = z.object({
  message: multiline(z.string().trim().max(500, { error: "Message must be 500 characters or fewer" }).optional().default("")),
});
