import type { TemplateCatalog } from './templateCatalog';
import { TEMPLATE_CATEGORIES, type TemplateCategory } from './templateCategory';
import type { TemplateUpdate } from './templateUpdate';

/** The latest category Meta reported for one template × language. */
export interface KnownCategory {
  name: string;
  language: string;
  category: TemplateCategory;
  templateId: string;
  /** When Meta reported it (milliseconds): an older report never overwrites a newer one. */
  at: number;
}

/** Where the mapping lives (one item per template × language in the app table). */
export interface TemplateCategoryStore {
  get(name: string, language: string): Promise<KnownCategory | undefined>;
  /** Keeps the report unless a newer one is stored already. */
  put(known: KnownCategory): Promise<'applied' | 'stale'>;
}

export type TemplateUpdateOutcome = 'recorded' | 'stale' | 'announced' | 'status';

const isCategory = (value: string | undefined): value is TemplateCategory =>
  value !== undefined && (TEMPLATE_CATEGORIES as readonly string[]).includes(value);

/**
 * Each template's category as Meta last reported it, as Meta asks senders to
 * keep it ("Route template messages by category"): recorded from approvals and
 * completed category changes, never from an announcement; the file's declared
 * category until Meta has said anything. Marketing templates go through
 * /marketing_messages, everything else through /messages.
 */
export class TemplateCategories {
  private readonly cache = new Map<string, { category: TemplateCategory; until: number }>();

  constructor(
    private readonly deps: {
      store: TemplateCategoryStore;
      catalog: TemplateCatalog;
      now: () => number;
      /** How long a looked-up category is kept in memory (a warm Lambda sends many messages). */
      cacheMs: number;
    },
  ) {}

  async latest(name: string, language: string): Promise<TemplateCategory | undefined> {
    const key = `${name}/${language}`;
    const cached = this.cache.get(key);
    if (cached !== undefined && cached.until > this.deps.now()) return cached.category;
    const category = (await this.deps.store.get(name, language))?.category ?? this.deps.catalog.categoryOf(name);
    if (category !== undefined) this.cache.set(key, { category, until: this.deps.now() + this.deps.cacheMs });
    return category;
  }

  async apply(update: TemplateUpdate): Promise<TemplateUpdateOutcome> {
    const { name, language, templateId, at } = update;
    switch (update.kind) {
      case 'category_change_announced':
        return 'announced';
      case 'status':
        if (update.status !== 'APPROVED' || !isCategory(update.category)) return 'status';
        return this.record({ name, language, templateId, at, category: update.category });
      case 'category_changed':
        return this.record({ name, language, templateId, at, category: update.category });
    }
  }

  private async record(known: KnownCategory): Promise<TemplateUpdateOutcome> {
    const outcome = await this.deps.store.put(known);
    if (outcome === 'applied') this.cache.delete(`${known.name}/${known.language}`);
    return outcome === 'applied' ? 'recorded' : 'stale';
  }
}
