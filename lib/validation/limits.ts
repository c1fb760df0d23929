/**
 * The longest text each field takes, in one place: the zod schemas use these (so client and server
 * agree), and the forms set them as the inputs' maxLength with a count near the end.
 */
export const limits = {
  title: 300,
  followUpDescription: 20_000,
  comment: 10_000,
  meetingLocation: 200,
  meetingSummary: 50_000,
  agendaNotes: 50_000,
  outcomeText: 10_000,
  name: 200,
  acronym: 30,
  description: 2000,
} as const;
