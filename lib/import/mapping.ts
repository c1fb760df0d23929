import { followUpStatuses } from "@/db/enums";

/**
 * How the columns of someone's spreadsheet become a follow-up's fields: guessed from the headers
 * in English and French, editable on the page, and sent with the import as JSON. Client-safe (the
 * import page guesses the same way before anything is sent).
 */
export const importFields = ["reference", "title", "owner", "ownerOrganisation", "dueOn", "status", "priorityArea", "meeting", "priority", "comments"] as const;
export type ImportField = (typeof importFields)[number];

export const importFieldLabels: Record<ImportField, string> = {
  reference: "Reference (makes re-imports find their rows)",
  title: "Follow-up (title)",
  owner: "Responsible (person or organisation)",
  ownerOrganisation: "Owner organisation",
  dueOn: "Due date",
  status: "Status",
  priorityArea: "Priority area",
  meeting: "Meeting",
  priority: "Priority",
  comments: "Comments (description)",
};

/** Lower case, no accents, words separated by single spaces. */
export function normalise(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9@.]+/g, " ")
    .trim();
}

/** Header words per field, best first; an exact match anywhere beats a partial one. */
const synonyms: Record<ImportField, string[]> = {
  reference: ["ref", "reference", "ref no", "no", "n", "n o", "number", "numero", "id", "action no", "item"],
  title: ["follow up", "action", "action point", "action points", "suivi", "suivi a donner", "title", "titre", "decision", "recommendation", "recommandation", "task", "tache", "activity", "activite"],
  owner: ["responsible", "responsable", "owner", "lead", "assigned to", "responsible person", "point focal", "focal point", "qui"],
  ownerOrganisation: ["owner organisation", "owner organization", "organisation", "organization", "entity", "entite", "responsible organisation", "agency", "agence"],
  dueOn: ["due", "due date", "deadline", "echeance", "date limite", "delai", "date d echeance", "target date", "by when", "timeline", "calendrier"],
  status: ["status", "statut", "etat", "state", "progress", "avancement"],
  priorityArea: ["priority area", "domaine prioritaire", "domaine", "area", "thematic area", "theme", "thematique", "axe", "pillar", "pilier"],
  meeting: ["meeting", "reunion", "session", "source"],
  priority: ["priority", "priorite", "urgency", "urgence"],
  comments: ["comments", "comment", "observations", "observation", "remarks", "remarques", "notes", "description", "progress", "avancement", "commentaires"],
};

export type ColumnMapping = Partial<Record<ImportField, string>>;

/** The mapping a person would choose for these headers, most of the time. */
export function guessMapping(headers: string[]): ColumnMapping {
  const norm = headers.map(normalise);
  const taken = new Set<number>();
  const mapping: ColumnMapping = {};
  const order: ImportField[] = ["title", "ownerOrganisation", "owner", "dueOn", "status", "priorityArea", "priority", "meeting", "reference", "comments"];
  for (const pass of ["exact", "partial"] as const) {
    for (const field of order) {
      if (mapping[field]) continue;
      for (const word of synonyms[field]) {
        const i = norm.findIndex((h, j) => !taken.has(j) && (pass === "exact" ? h === word : word.length > 3 && (h.startsWith(`${word} `) || h.endsWith(` ${word}`))));
        if (i >= 0) {
          mapping[field] = headers[i];
          taken.add(i);
          break;
        }
      }
    }
  }
  return mapping;
}

type Status = (typeof followUpStatuses)[number];

/** Words other trackers use for our statuses; the page shows this map and lets a person change it. */
export const defaultStatusMap: Record<string, Status> = {
  open: "open", ouvert: "open", new: "open", nouveau: "open", "not started": "open", "non commence": "open", "to do": "open", todo: "open", "a faire": "open", planned: "open", prevu: "open", pending: "open", "en attente": "open",
  "in progress": "in_progress", ongoing: "in_progress", "en cours": "in_progress", started: "in_progress", underway: "in_progress", "partially implemented": "in_progress", "partiellement realise": "in_progress", "in_progress": "in_progress",
  blocked: "blocked", bloque: "blocked", "on hold": "blocked", suspended: "blocked", suspendu: "blocked", delayed: "blocked", "en suspens": "blocked",
  done: "done", completed: "done", complete: "done", realise: "done", acheve: "done", termine: "done", closed: "done", clos: "done", implemented: "done", "mis en oeuvre": "done", fait: "done",
  cancelled: "cancelled", canceled: "cancelled", annule: "cancelled", dropped: "cancelled", abandonne: "cancelled", withdrawn: "cancelled",
};

/** A status word, ours or someone else's ("Ongoing", "Réalisé", "Done (overdue)" from our own export). */
export function mapStatus(raw: string, custom: Record<string, string> = {}): Status | null {
  const word = normalise(raw.replace(/\((overdue|en retard)\)\s*$/i, ""));
  if (!word) return "open";
  for (const [k, v] of Object.entries(custom)) if (normalise(k) === word && (followUpStatuses as readonly string[]).includes(v)) return v as Status;
  return defaultStatusMap[word] ?? null;
}

const priorities: Record<string, "low" | "normal" | "high"> = {
  low: "low", faible: "low", basse: "low", "": "normal", normal: "normal", normale: "normal", medium: "normal", moyenne: "normal", high: "high", haute: "high", elevee: "high", urgent: "high",
};
export const mapPriority = (raw: string) => priorities[normalise(raw)] ?? null;

const months: Record<string, number> = {
  jan: 1, january: 1, janvier: 1, feb: 2, february: 2, fevrier: 2, fev: 2, mar: 3, march: 3, mars: 3, apr: 4, april: 4, avril: 4, avr: 4, may: 5, mai: 5, jun: 6, june: 6, juin: 6,
  jul: 7, july: 7, juillet: 7, juil: 7, aug: 8, august: 8, aout: 8, sep: 9, sept: 9, september: 9, septembre: 9, oct: 10, october: 10, octobre: 10, nov: 11, november: 11, novembre: 11,
  dec: 12, december: 12, decembre: 12,
};

function iso(y: number, m: number, d: number): string | null {
  if (y < 100) y += 2000;
  const s = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const date = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === s && y >= 1900 && y <= 2999 ? s : null;
}

/**
 * A due date as spreadsheets write it: 2027-06-30, 30/06/2027, 30.06.2027, 30-06-27, "30 June 2027",
 * "30 juin 2027", or Excel's day number. Day before month, as in Europe and the UN (a US
 * month-first date with a day above 12 is refused rather than guessed).
 */
export function parseDate(raw: string): string | null {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(s);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (m) return iso(+m[3]!, +m[2]!, +m[1]!);
  m = /^(\d{1,2})(?:er)? ([a-z]{3,9})\.? (\d{4})$/.exec(normalise(s));
  if (m && months[m[2]!]) return iso(+m[3]!, months[m[2]!]!, +m[1]!);
  m = /^([a-z]{3,9}) (\d{1,2}) (\d{4})$/.exec(normalise(s));
  if (m && months[m[1]!]) return iso(+m[3]!, months[m[1]!]!, +m[2]!);
  if (/^\d{5}$/.test(s)) {
    // Excel's serial day (1900 system): 1 = 1900-01-01, with its fictitious 29 February 1900.
    const d = new Date(Date.UTC(1899, 11, 30) + Number(s) * 86_400_000);
    return d.toISOString().slice(0, 10);
  }
  return null;
}
