import type { CustomerErasure } from '../../privacy/customerErasure';
import type { MediaAnswers } from '../mediaAnswers';
import type { TapResponder } from '../tapResponder';
import type { Answerers } from './answerer';
import { audioAnswerer } from './audioAnswerer';
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
  };
}
