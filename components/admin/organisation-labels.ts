/** The organisation admin's shared shape and labels (its form and merge form read them too). */
export type AdminOrganisation = {
  id: string;
  name: string;
  acronym: string | null;
  nameFr: string | null;
  acronymFr: string | null;
  kind: "eu" | "un" | "member_state" | "other";
  parentId: string | null;
  domains: string[];
  archived: boolean;
  version: number;
  /** Ids of this organisation and everything under it: not a possible parent or merge target. */
  subtree: string[];
  usage: { users: number; followUps: number; hostedMeetings: number; participations: number; children: number };
};

export const kinds = ["eu", "un", "member_state", "other"] as const satisfies readonly AdminOrganisation["kind"][];
export const orgLabel = (o: Pick<AdminOrganisation, "name" | "acronym">) => (o.acronym ? `${o.acronym} — ${o.name}` : o.name);
