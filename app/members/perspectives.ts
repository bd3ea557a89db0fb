import { PERSPECTIVES, type Perspective } from "../../db/schema";

export { PERSPECTIVES, type Perspective };

export const PERSPECTIVE_LABELS: Record<Perspective, { label: string; hint: string }> = {
  lived_experience: { label: "Lived experience", hint: "You have experienced mental distress yourself." },
  carer_family: { label: "Carer or family member", hint: "You support someone close to you who experiences mental distress." },
  practitioner: { label: "Practitioner", hint: "You work in mental health, social work, psychology or a related field." },
  researcher: { label: "Researcher", hint: "You research mental health or its social causes." },
  supporter: { label: "Supporter", hint: "You support the coalition's aims." },
};
