/**
 * The WhatsApp simulator page (`/sim/`): a person plays a customer of ZETA.
 * Everything goes through the local contract under /sim/api/, so the chat
 * shows exactly what WhatsApp would have received and sent.
 */
import { loadAccountTemplates } from './accountTemplates';
import { ChatView } from './chatView';
import type { Customer, LoggedMessage, OutgoingCustomerMessage } from './chatTypes';
import { openChatStream } from './chatStream';
import { createComposer } from './composer';
import { CustomerList } from './customerList';
import { buttonReply, listReply, templateButtonReply, type Tapped } from './customerReplies';
import { CustomerStore, formatPhone } from './customerStore';
import { byId, h } from './dom';
import { createDrawers, NARROW } from './drawers';
import { icon, type IconName } from './icons';
import { openListSheet } from './listSheet';
import { priceSection } from './priceSection';
import { productsInChat } from './productsInChat';
import { profileSection } from './profileSection';
import { ReadReceipts } from './readReceipts';
import { simApi } from './simApiClient';
import { StaffPanel, type PanelSection } from './staffPanel';
import { createToast } from './toast';

/** The staff panel's sections, top to bottom. A new section is one more entry here. */
const PANEL_SECTIONS: readonly PanelSection[] = [profileSection, priceSection];

const chatElement = byId('chat');
const businessPhone = document.querySelector<HTMLMetaElement>('meta[name="business-phone"]')?.content ?? '';

for (const slot of document.querySelectorAll<HTMLElement>('[data-icon]')) {
  slot.replaceWith(icon(slot.dataset.icon as IconName, slot.dataset.iconClass));
}

const store = new CustomerStore();
const receipts = new ReadReceipts();
const panel = new StaffPanel(byId('panel-sections'), PANEL_SECTIONS);
const customerList = new CustomerList(byId('customers'), store, (customer) => openChat(customer));

const drawers = createDrawers(byId('app'));
const showProblem = createToast(byId('toast'));

// --- messages out ---

/** As the selected customer, with their WhatsApp profile name. */
async function send(message: OutgoingCustomerMessage): Promise<void> {
  await simApi.send({ ...message, name: store.selected().name });
}

const tapped = (message: LoggedMessage): Tapped => ({ messageId: message.id, businessPhone });
const from = () => store.selected().waId;

const chat = new ChatView(
  byId('messages'),
  {
    tapButton: (message, button) => send(buttonReply(from(), tapped(message), button)).catch(showProblem),
    tapTemplateButton: (message, button) => send(templateButtonReply(from(), tapped(message), button)).catch(showProblem),
    openList: (message, list) =>
      openListSheet(chatElement, list, (row) => send(listReply(from(), tapped(message), row)).catch(showProblem)),
    shown: (message) => receipts.shown(from(), message),
  },
  () =>
    h(
      'div',
      { class: 'notice' },
      'Это симулятор WhatsApp: ваши сообщения уходят в подписанный webhook, как от Meta, а ответы — ровно то, что получил бы WhatsApp. Попробуйте: «хочу серый диван до 300 тысяч».',
    ),
);

const composer = createComposer(byId('composer'), chatElement, {
  sendText: (text) => send({ from: from(), type: 'text', text: { body: text } }),
  async sendPhoto(photo, caption) {
    const { id } = await simApi.uploadMedia(photo);
    await send({ from: from(), type: 'image', image: { id, mime_type: photo.type, ...(caption ? { caption } : {}) } });
  },
  async sendAudio(audio, voice) {
    const { id } = await simApi.uploadMedia(audio);
    await send({ from: from(), type: 'audio', audio: { id, mime_type: audio.type, voice } });
  },
  failed: showProblem,
});

// --- the open chat ---

let closeStream: (() => void) | undefined;
const templatesReady = loadAccountTemplates().catch(() => undefined);

function openChat(customer: Customer): void {
  store.select(customer.waId);
  byId('chat-subtitle').textContent = `вы пишете как ${customer.name} · ${formatPhone(customer.waId)}`;
  customerList.render();
  drawers.open(undefined);
  closeStream?.();
  closeStream = undefined;
  chat.show([]);
  // Templates are drawn in their approved words: the chat waits for them (a moment, once per page).
  void templatesReady.then(() => {
    if (store.selected().waId !== customer.waId || closeStream !== undefined) return;
    closeStream = openChatStream(customer.waId, {
      onSnapshot: (messages) => chat.show(messages),
      onMessage: (message) => {
        chat.upsert(message);
        store.touch(customer.waId, message.timestamp);
        customerList.render();
        panel.chatChanged();
      },
      onConnectionChange: (connected) => (byId('connection').hidden = connected),
    });
  });
  panel.show({ customer, productsInChat: () => productsInChat(chat.messages()) });
  if (!NARROW.matches) composer.focus();
}

/** Chats the server has that this page has not seen (another tab, a test, curl). */
async function refreshCustomers(): Promise<void> {
  store.mergeServer(await simApi.customers());
  customerList.render();
}

window.addEventListener('focus', () => void refreshCustomers().catch(() => undefined));
// The customer chosen last time may be one only the server knows: ask it first.
void refreshCustomers()
  .catch(() => undefined)
  .finally(() => openChat(store.selected()));
