"use server";

import { z } from "zod";
import { toMeetingOption } from "@/app/(app)/board/board-data";
import { listMeetingOptions } from "@/db/queries/meetings";
import { listActivePeople } from "@/db/queries/users";
import { authedAction } from "@/server/actions";
import { readerLocale } from "@/lib/i18n/locale";

/**
 * Everyone one can name as an owner. Pages with an owner choice (the board's filter, a meeting's
 * quick-add row) send only the viewer's organisation's people and load the rest with this after
 * the page: thousands of <option>s weigh more than the page itself.
 */
export const listPeopleAction = authedAction(z.object({}), async (_input, { db }) => listActivePeople(db));

/** The meetings the viewer may see, for the filters' meeting choice (loaded when "More filters" opens). */
export const listMeetingOptionsAction = authedAction(z.object({}), async (_input, { db, viewer }) => (await listMeetingOptions(db, viewer)).map((m) => toMeetingOption(m, readerLocale(viewer))));
