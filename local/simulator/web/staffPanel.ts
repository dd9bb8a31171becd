import type { Customer } from './chatTypes';
import { h } from './dom';

export interface PanelContext {
  customer: Customer;
  /** Products the chat has offered (rows and buttons with `product:<id>`), newest first. */
  productsInChat(): Array<{ id: string; title: string }>;
}

/**
 * One block of the staff panel. A new block (alerts, handoff, costs…) is one
 * more of these in the list main.ts hands to the panel.
 */
export interface PanelSection {
  id: string;
  title: string;
  /** Drawn again after chat activity: the assistant may have stored something new. */
  refreshOnActivity: boolean;
  render(context: PanelContext): HTMLElement | Promise<HTMLElement>;
}

/** Chat lines come in bursts (a message, its statuses, the answer); one refresh per burst is enough. */
const REFRESH_AFTER_MS = 400;

/** The staff's side panel: a column of sections about the selected customer. */
export class StaffPanel {
  private context: PanelContext | undefined;
  private readonly bodies = new Map<string, HTMLElement>();
  private generation = 0;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    container: HTMLElement,
    private readonly sections: readonly PanelSection[],
  ) {
    container.replaceChildren(
      ...sections.map((section) => {
        const body = h('div', { class: 'panel-section__body' });
        this.bodies.set(section.id, body);
        return h(
          'section',
          { class: 'panel-section', 'data-section': section.id },
          h('h2', { class: 'panel-section__title' }, section.title),
          body,
        );
      }),
    );
  }

  show(context: PanelContext): void {
    this.context = context;
    this.generation += 1;
    for (const section of this.sections) void this.draw(section);
  }

  chatChanged(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      for (const section of this.sections) if (section.refreshOnActivity) void this.draw(section);
    }, REFRESH_AFTER_MS);
  }

  private async draw(section: PanelSection): Promise<void> {
    const context = this.context;
    const body = this.bodies.get(section.id);
    if (context === undefined || body === undefined) return;
    const generation = this.generation;
    let content: HTMLElement;
    try {
      content = await section.render(context);
    } catch (error) {
      content = h('p', { class: 'panel-error' }, `Не удалось загрузить: ${error instanceof Error ? error.message : String(error)}`);
    }
    // The customer changed while this was loading: the newer drawing wins.
    if (generation === this.generation) body.replaceChildren(content);
  }
}
