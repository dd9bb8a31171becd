import type { Product } from '../catalog/product';
import type { PreferenceSignal } from '../preferences/preferences';
import type { ProductFilters } from './shoppingTools';
import type { TurnContext } from './turnContext';

/** A function the language model may call, described by JSON Schema (derived from a zod schema). */
export interface ToolDefinition {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export interface ToolOutcome {
  /** What the model reads back: JSON-serialisable, compact. */
  result: unknown;
  /** Products the customer should see; shown by the reply formatter with catalog prices. */
  products?: Product[];
  /** Preferences the customer stated, applied to their profile after the turn. */
  preferences?: PreferenceSignal[];
  /** What the call was for, for analytics (search, recommend, price_alert, manager…). */
  intent?: string;
  /** The model asked for a person: the conversation hands the customer off after this turn. */
  handoff?: boolean;
  /** The search the model ran: it becomes the conversation's current search, which follow-ups refine. */
  search?: ProductFilters;
}

export class UnknownToolError extends Error {
  override readonly name = 'UnknownToolError';
}

export class InvalidToolArgumentsError extends Error {
  override readonly name = 'InvalidToolArgumentsError';
}

/** The tools an engine can offer the model, and their execution against the domain. */
export interface Toolbox {
  readonly definitions: readonly ToolDefinition[];
  /** Throws UnknownToolError / InvalidToolArgumentsError for calls the model got wrong. */
  execute(name: string, args: unknown, context: TurnContext): Promise<ToolOutcome>;
}
