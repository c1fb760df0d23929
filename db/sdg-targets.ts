import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { sdgTargets } from "./schema";

/**
 * The SDG targets this world's work serves: all of Goal 16 and the targets of other goals that
 * drugs, crime, trafficking, corruption and terrorism touch. Texts are the official target texts
 * (the longest ones shortened where marked with …). Loaded on every start, so a new target here
 * reaches existing databases too.
 */
export const sdgTargetSeeds: [code: string, title: string][] = [
  ["3.5", "Strengthen the prevention and treatment of substance abuse, including narcotic drug abuse and harmful use of alcohol"],
  ["4.7", "Ensure that all learners acquire the knowledge and skills needed to promote sustainable development, including … a culture of peace and non-violence and global citizenship"],
  ["5.2", "Eliminate all forms of violence against all women and girls in the public and private spheres, including trafficking and sexual and other types of exploitation"],
  ["5.3", "Eliminate all harmful practices, such as child, early and forced marriage and female genital mutilation"],
  ["8.7", "Take immediate and effective measures to eradicate forced labour, end modern slavery and human trafficking and secure the prohibition and elimination of the worst forms of child labour, including recruitment and use of child soldiers …"],
  ["10.7", "Facilitate orderly, safe, regular and responsible migration and mobility of people, including through the implementation of planned and well-managed migration policies"],
  ["11.7", "Provide universal access to safe, inclusive and accessible, green and public spaces, in particular for women and children, older persons and persons with disabilities"],
  ["14.4", "Effectively regulate harvesting and end overfishing, illegal, unreported and unregulated fishing and destructive fishing practices …"],
  ["14.6", "Prohibit certain forms of fisheries subsidies which contribute to overcapacity and overfishing, eliminate subsidies that contribute to illegal, unreported and unregulated fishing …"],
  ["15.7", "Take urgent action to end poaching and trafficking of protected species of flora and fauna and address both demand and supply of illegal wildlife products"],
  ["15.c", "Enhance global support for efforts to combat poaching and trafficking of protected species, including by increasing the capacity of local communities to pursue sustainable livelihood opportunities"],
  ["16.1", "Significantly reduce all forms of violence and related death rates everywhere"],
  ["16.2", "End abuse, exploitation, trafficking and all forms of violence against and torture of children"],
  ["16.3", "Promote the rule of law at the national and international levels and ensure equal access to justice for all"],
  ["16.4", "Significantly reduce illicit financial and arms flows, strengthen the recovery and return of stolen assets and combat all forms of organized crime"],
  ["16.5", "Substantially reduce corruption and bribery in all their forms"],
  ["16.6", "Develop effective, accountable and transparent institutions at all levels"],
  ["16.7", "Ensure responsive, inclusive, participatory and representative decision-making at all levels"],
  ["16.8", "Broaden and strengthen the participation of developing countries in the institutions of global governance"],
  ["16.9", "Provide legal identity for all, including birth registration"],
  ["16.10", "Ensure public access to information and protect fundamental freedoms, in accordance with national legislation and international agreements"],
  ["16.a", "Strengthen relevant national institutions, including through international cooperation, for building capacity at all levels, in particular in developing countries, to prevent violence and combat terrorism and crime"],
  ["16.b", "Promote and enforce non-discriminatory laws and policies for sustainable development"],
  ["17.1", "Strengthen domestic resource mobilization, including through international support to developing countries, to improve domestic capacity for tax and other revenue collection"],
  ["17.9", "Enhance international support for implementing effective and targeted capacity-building in developing countries to support national plans to implement all the Sustainable Development Goals …"],
  ["17.14", "Enhance policy coherence for sustainable development"],
  ["17.17", "Encourage and promote effective public, public-private and civil society partnerships, building on the experience and resourcing strategies of partnerships"],
];

/** Inserts the targets above, or brings their texts up to date; targets already linked are never removed. */
export async function loadSdgTargets(db: Db) {
  await db
    .insert(sdgTargets)
    .values(sdgTargetSeeds.map(([code, title], i) => ({ code, title, goal: Number(code.split(".")[0]), sortOrder: i + 1 })))
    .onConflictDoUpdate({ target: sdgTargets.code, set: { title: sql`excluded.title`, goal: sql`excluded.goal`, sortOrder: sql`excluded.sort_order` } });
}
