/**
 * A small element builder, so views read as the structure they draw. Strings
 * become text nodes (never HTML); rich text goes through `richText`, which
 * takes only what `formatWhatsAppText` produced.
 */

export type Child = Node | string | false | null | undefined;

type Listeners = Partial<{ [Event in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[Event]) => void }>;

/** Attribute values (`false` and `undefined` leave the attribute out), and `on` for event listeners. */
type Attributes = { on?: Listeners } & { [name: string]: string | number | boolean | undefined | Listeners };

export function h<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[Tag] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'on' || value === undefined || value === false || typeof value === 'object') continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [event, listener] of Object.entries(attributes.on ?? {})) {
    element.addEventListener(event, listener as EventListener);
  }
  append(element, children);
  return element;
}

export function append(parent: Element, children: Child[]): void {
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    parent.append(child);
  }
}

/** A container for HTML that `formatWhatsAppText` made safe. */
export function richText(className: string, safeHtml: string, tag: 'div' | 'span' = 'div'): HTMLElement {
  const element = h(tag, { class: className });
  element.innerHTML = safeHtml;
  return element;
}

export function byId<Kind extends HTMLElement = HTMLElement>(id: string): Kind {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`the page has no #${id}`);
  return element as Kind;
}
