import { textReply } from '../../assistant/offlineAssistant';
import { categoryMenu } from '../../replies/categoryMenu';
import { botText } from '../../texts/botTexts';
import type { Answerer } from './answerer';

/**
 * Video, documents and stickers: a caption is read like typed text; without
 * one the customer hears, once per turn, what works instead (a sticker is a
 * nudge, answered with the catalog's sections).
 */
export const otherMediaAnswerer: Answerer<'other_media'> = async (content, turn) => {
  const caption = content.caption?.trim();
  if (caption) return turn.answerText(caption);
  if (!turn.firstTime('other_media')) return undefined;
  const { language } = turn;
  const body = botText(language, `media.${content.mediaType}`);
  if (content.mediaType === 'sticker') return { ...textReply(body, language, 'sticker'), messages: [categoryMenu(language, body)] };
  return textReply(body, language, content.mediaType);
};
