import type { CustomerErasure } from '../../privacy/customerErasure';
import type { Showroom } from '../../showrooms/showrooms';
import type { MediaAnswers } from '../mediaAnswers';
import type { TapResponder } from '../tapResponder';
import type { Answerers } from './answerer';
import { audioAnswerer } from './audioAnswerer';
import { callPermissionAnswerer } from './callPermissionAnswerer';
import { contactsAnswerer } from './contactsAnswerer';
import { editAnswerer } from './editAnswerer';
import { flowReplyAnswerer } from './flowReplyAnswerer';
import { locationAnswerer } from './locationAnswerer';
import { orderAnswerer, type OrderDependencies } from './orderAnswerer';
import { otherMediaAnswerer } from './otherMediaAnswerer';
import { revokeAnswerer } from './revokeAnswerer';
import { unreadableAnswerer } from './unreadableAnswerer';
import { imageAnswerer } from './imageAnswerer';
import { reactionAnswerer } from './reactionAnswerer';
import { replyAnswerer } from './replyAnswerer';
import { systemAnswerer } from './systemAnswerer';
import { textAnswerer } from './textAnswerer';
import { unsupportedAnswerer } from './unsupportedAnswerer';
import { welcomeAnswerer } from './welcomeAnswerer';

export interface AnswererDependencies {
  taps: TapResponder;
  media: MediaAnswers;
  erasure: CustomerErasure;
  orders: OrderDependencies;
  showrooms: readonly Showroom[];
}

/** The registry: one answerer per kind of inbound message. */
export function createAnswerers(deps: AnswererDependencies): Answerers {
  return {
    text: textAnswerer,
    audio: audioAnswerer(deps.media),
    image: imageAnswerer(deps.media),
    reply: replyAnswerer(deps.taps, deps.erasure),
    welcome: welcomeAnswerer,
    reaction: reactionAnswerer,
    system: systemAnswerer,
    unsupported: unsupportedAnswerer,
    unreadable: unreadableAnswerer,
    order: orderAnswerer(deps.orders),
    location: locationAnswerer(deps.showrooms),
    edit: editAnswerer,
    revoke: revokeAnswerer,
    flow_reply: flowReplyAnswerer,
    call_permission: callPermissionAnswerer,
    other_media: otherMediaAnswerer,
    contacts: contactsAnswerer,
  };
}
