import type {
  BusinessMessage,
  ButtonInteractive,
  ListInteractive,
  LoggedMessage,
  MediaReference,
  TemplateBody,
  TemplateParameter,
} from './chatTypes';
import { approvedTemplate, fillParameters } from './accountTemplates';
import { append, h, richText, type Child } from './dom';
import { icon } from './icons';
import { clockTime } from './messageTime';
import { simApi, type AccountTemplate } from './simApiClient';
import { ticks } from './ticks';
import { formatWhatsAppText } from './whatsappFormatting';

/** What the customer can do with a message the business sent. */
export interface BusinessMessageActions {
  tapButton(button: { id: string; title: string }): void;
  tapTemplateButton(button: { payload: string; text: string }): void;
  openList(list: ListInteractive): void;
}

/**
 * A message from the business as WhatsApp draws it on the customer's phone:
 * a white bubble on the left, reply buttons under it, a list's button inside
 * it. Ticks show what WhatsApp reported to the business about the message.
 */
export function businessBubble(message: LoggedMessage, actions: BusinessMessageActions, quote?: HTMLElement): HTMLElement {
  const body = message.payload as BusinessMessage;
  const meta = h('div', { class: 'meta' }, h('time', {}, clockTime(message.timestamp)), ticks(message.status));
  const bubble = h('div', { class: `bubble bubble--business bubble--${body.type}` }, quote);
  const group = h('div', { class: 'bubble-group' }, bubble);

  switch (body.type) {
    case 'text':
      bubble.append(text(body.text.body), meta);
      break;
    case 'image':
      bubble.append(image(body.image, 'media'), ...(body.image.caption ? [text(body.image.caption)] : []), meta);
      break;
    case 'interactive':
      if (body.interactive.type === 'button') {
        append(bubble, [...buttonMessage(body.interactive), meta]);
        group.append(
          replyButtons(
            body.interactive.action.buttons.map((button) => button.reply),
            actions.tapButton,
          ),
        );
      } else {
        const list = body.interactive;
        // The time sits in the corner of the text, above the list's button.
        bubble.append(
          h('div', { class: 'bubble__content' }, ...listMessage(list), meta),
          listButton(list.action.button, () => actions.openList(list)),
        );
      }
      break;
    case 'template': {
      const template = templateView(body.template);
      append(bubble, [...template.content, meta]);
      if (template.quickReplies.length > 0) {
        group.append(
          replyButtons(template.quickReplies, (button) => actions.tapTemplateButton({ payload: button.id, text: button.title })),
        );
      }
      break;
    }
    default:
      bubble.append(h('div', { class: 'text text--unsupported' }, `[${(body as { type: string }).type}]`), meta);
  }
  return group;
}

const text = (value: string, className = 'text') => richText(className, formatWhatsAppText(value));

function mediaSource(media: MediaReference): string {
  return media.link ?? simApi.mediaUrl(media.id ?? '');
}

function image(media: MediaReference, className: string): HTMLElement {
  return h('img', { class: className, src: mediaSource(media), alt: '', loading: 'lazy' });
}

function buttonMessage(interactive: ButtonInteractive): Child[] {
  const { header, body, footer } = interactive;
  return [
    header?.type === 'image' && image(header.image, 'media header-image'),
    header?.type === 'text' && h('div', { class: 'header-text' }, header.text),
    text(body.text),
    footer && h('div', { class: 'footer' }, footer.text),
  ];
}

function listMessage(list: ListInteractive): Child[] {
  return [
    list.header && h('div', { class: 'header-text' }, list.header.text),
    text(list.body.text),
    list.footer && h('div', { class: 'footer' }, list.footer.text),
  ];
}

function listButton(label: string, open: () => void): HTMLElement {
  return h('button', { type: 'button', class: 'list-button', on: { click: open } }, icon('list'), label);
}

function replyButtons(buttons: Array<{ id: string; title: string }>, tap: (button: { id: string; title: string }) => void): HTMLElement {
  return h(
    'div',
    { class: 'reply-buttons' },
    ...buttons.map((button) =>
      h(
        'button',
        { type: 'button', class: 'reply-button', 'data-reply-id': button.id, on: { click: () => tap(button) } },
        icon('reply'),
        button.title,
      ),
    ),
  );
}

/** A parameter as the customer would read it in the filled-in template. */
function parameterText(parameter: TemplateParameter): string {
  return (
    parameter.text ??
    parameter.currency?.fallback_value ??
    parameter.date_time?.fallback_value ??
    parameter.payload ??
    `[${parameter.type}]`
  );
}

/**
 * The template's text lives in the WhatsApp Business Account, not in the send
 * request: the page shows the approved words with the parameters filled in,
 * and the quick replies with their approved labels, each carrying the payload
 * the send gave its index — what the customer's phone shows.
 */
function templateView(template: TemplateBody): { content: Child[]; quickReplies: Array<{ id: string; title: string }> } {
  const approved = approvedTemplate(template.name, template.language.code);
  return approved === undefined ? unknownTemplateView(template) : approvedTemplateView(template, approved);
}

function approvedTemplateView(template: TemplateBody, approved: AccountTemplate) {
  const components = template.components ?? [];
  const parametersOf = (type: 'header' | 'body') =>
    components.filter((component) => component.type === type).flatMap((component) => component.parameters);
  const headerParameters = parametersOf('header');
  const headerImage = headerParameters.find((parameter) => parameter.image !== undefined)?.image;
  const headerText = approved.headerText && fillParameters(approved.headerText, headerParameters.map(parameterText));
  const content: Child[] = [
    headerImage && image(headerImage, 'media header-image'),
    headerText && h('div', { class: 'header-text' }, headerText),
    text(fillParameters(approved.body, parametersOf('body').map(parameterText))),
    approved.footer && h('div', { class: 'footer' }, approved.footer),
  ];
  const quickReplies = components
    .filter((component) => component.type === 'button' && component.sub_type === 'quick_reply')
    .flatMap((button) => {
      const payload = button.parameters.find((parameter) => parameter.payload !== undefined)?.payload;
      const title = approved.quickReplies[Number(button.index ?? 0)];
      return payload === undefined ? [] : [{ id: payload, title: title ?? payload }];
    });
  return { content, quickReplies };
}

/** A template the account does not hold (a test's own): its name, language and the values sent. */
function unknownTemplateView(template: TemplateBody): { content: Child[]; quickReplies: Array<{ id: string; title: string }> } {
  const components = template.components ?? [];
  const header = components.find((component) => component.type === 'header');
  const bodyParameters = components.filter((component) => component.type === 'body').flatMap((component) => component.parameters);
  const headerImage = header?.parameters.find((parameter) => parameter.image !== undefined)?.image;
  const headerText = header?.parameters.find((parameter) => parameter.type === 'text');
  const buttons = components.filter((component) => component.type === 'button');

  const content: Child[] = [
    headerImage && image(headerImage, 'media header-image'),
    h('div', { class: 'template-label' }, `Шаблон «${template.name}» · ${template.language.code}`),
    headerText && h('div', { class: 'header-text' }, parameterText(headerText)),
    bodyParameters.length > 0 &&
      h(
        'ol',
        { class: 'template-params' },
        ...bodyParameters.map((parameter, index) =>
          h(
            'li',
            {},
            h('span', { class: 'template-params__name' }, parameter.parameter_name ?? `{{${index + 1}}}`),
            ' ',
            parameterText(parameter),
          ),
        ),
      ),
    ...buttons
      .filter((button) => button.sub_type === 'url')
      .map((button) => h('div', { class: 'template-link' }, icon('openLink'), button.parameters.map(parameterText).join(' '))),
  ];
  const quickReplies = buttons
    .filter((button) => button.sub_type === 'quick_reply')
    .flatMap((button) => button.parameters.filter((parameter) => parameter.payload !== undefined))
    .map((parameter) => ({ id: parameter.payload as string, title: parameter.payload as string }));
  return { content, quickReplies };
}
