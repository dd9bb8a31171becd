import * as z from 'zod';
import facts from '../../../templates/prompts/storeFacts.json' with { type: 'json' };
import { LANGUAGES, type Language } from '../language';
import { storeTopicSchema, type StoreTopic } from './storeTopics';

const factSchema = z.object({
  topics: z.array(storeTopicSchema).min(1),
  ...(Object.fromEntries(LANGUAGES.map((language) => [language, z.string().min(1)])) as Record<Language, z.ZodString>),
});

const storeFactsSchema = z.object({
  title: z.string().min(1),
  intro: z.string().min(1),
  facts: z.array(factSchema).min(1),
});

export type StoreFact = z.infer<typeof factSchema>;

/** The store's facts, checked once when the module loads: a malformed file fails the cold start, not a customer's turn. */
export const STORE_FACTS = storeFactsSchema.parse(facts);

/** The facts as the language model reads them, at the end of its static system prompt. */
export const STORE_FACTS_PROMPT = [STORE_FACTS.title, STORE_FACTS.intro, ...STORE_FACTS.facts.map((fact) => `- ${fact.ru}`)].join('\n');

/** What the store says about a topic in the customer's language; undefined when its facts do not cover it (a person answers). */
export function storeFactAbout(topic: StoreTopic, language: Language): string | undefined {
  return STORE_FACTS.facts.find((fact) => fact.topics.includes(topic))?.[language];
}
