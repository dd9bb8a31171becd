import { describe, expect, it } from 'vitest';
import { MAX_SEGMENT_TEXT_CHARS, segmentTurn } from '../../functions/domain/conversation/turn';
import { understand } from '../../functions/domain/understanding/understand';
import type { InboundMessage } from '../../functions/domain/whatsapp/inboundMessage';

/** Issue 17: a burst of long texts was joined into one request, and reading its prices took about a second at 41k characters. */
describe('a burst of long texts', () => {
  const long = (index: number): InboundMessage => ({
    id: `wamid.long${index}`,
    timestamp: 1_700_000_000_000 + index,
    content: { kind: 'text', text: `хочу диван за 200 000 ₸, 150 тысяч, 1,5 млн, 99 990 тг ${'и ещё '.repeat(560)}`.slice(0, 4_000) },
  });

  it('is read as requests of at most one WhatsApp message each, every message kept', () => {
    const messages = Array.from({ length: 11 }, (_, index) => long(index));
    const segments = segmentTurn(messages);
    expect(segments.every((segment) => segment.content.kind === 'text' && segment.content.text.length <= MAX_SEGMENT_TEXT_CHARS)).toBe(
      true,
    );
    expect(segments.flatMap((segment) => segment.messageIds)).toEqual(messages.map((message) => message.id));
  });

  it('short texts of a burst are still one request', () => {
    const said = ['хочу диван', 'серый', 'до 300к'].map((text, index) => ({
      id: `m${index}`,
      timestamp: index,
      content: { kind: 'text' as const, text },
    }));
    expect(segmentTurn(said)).toEqual([{ content: { kind: 'text', text: 'хочу диван\nсерый\nдо 300к' }, messageIds: ['m0', 'm1', 'm2'] }]);
  });

  it('a single text past the cap is read up to it', () => {
    const [segment] = segmentTurn([{ id: 'huge', timestamp: 1, content: { kind: 'text', text: 'диван '.repeat(10_000) } }]);
    const text = segment?.content.kind === 'text' ? segment.content.text : '';
    expect(text.length).toBeLessThanOrEqual(MAX_SEGMENT_TEXT_CHARS);
    expect(understand(text).category).toBe('sofa');
  });
});
