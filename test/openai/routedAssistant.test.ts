import { describe, expect, it } from 'vitest';
import type { AssistantEngine } from '../../functions/domain/assistant/assistantEngine';
import type { AssistantReply } from '../../functions/domain/assistant/assistantReply';
import { isPlainRequest, RoutedAssistant } from '../../functions/domain/assistant/routedAssistant';
import type { TurnContext } from '../../functions/domain/assistant/turnContext';
import { understand } from '../../functions/domain/understanding/understand';
import { turn } from './fixtures';

const plain = (text: string) => isPlainRequest({ text, understanding: understand(text) });

class RecordingEngine implements AssistantEngine {
  readonly texts: string[] = [];
  constructor(private readonly engine: 'openai' | undefined) {}
  async resolves(_context: TurnContext): Promise<boolean> {
    return false;
  }
  async respond(context: TurnContext): Promise<AssistantReply> {
    this.texts.push(context.text);
    return {
      messages: [{ kind: 'text', body: context.text }],
      language: context.language,
      summary: context.text,
      intent: 'chat',
      productIds: [],
      ...(this.engine ? { engine: this.engine } : {}),
    };
  }
}

describe('isPlainRequest: what the offline assistant answers as well as the model', () => {
  it.each([
    'покажите диваны',
    'Здравствуйте! Ищу серый диван до 300 тысяч',
    'а ещё покажите стулья',
    'маған ақ кереует керек',
    'show me white beds under 200k',
    'привет',
    'что ты умеешь',
  ])('«%s» is plain', (text) => expect(plain(text)).toBe(true));

  it.each([
    'а он раскладывается?',
    'есть диваны с ящиком для белья?',
    'спасибо!',
    'позовите менеджера',
    'привет, подскажите, а доставка в Шымкент у вас есть и сколько стоит',
    'нужен диван в гостиную, у нас маленькая собака и двое детей, чтобы ткань не рвалась и легко мылась',
    'сообщите, когда диван подешевеет до 150 тысяч',
  ])('«%s» goes to the model', (text) => expect(plain(text)).toBe(false));
});

describe('RoutedAssistant', () => {
  it('answers plain requests offline and the rest with the model, counting the plain ones', async () => {
    const offline = new RecordingEngine(undefined);
    const model = new RecordingEngine('openai');
    let counted = 0;
    const routed = new RoutedAssistant({ plain: offline, model }, () => (counted += 1));

    const plainReply = await routed.respond(turn('покажите серые диваны'));
    const modelReply = await routed.respond(turn('а он раскладывается?'));

    expect(offline.texts).toEqual(['покажите серые диваны']);
    expect(model.texts).toEqual(['а он раскладывается?']);
    expect(plainReply.engine).toBe('offline');
    expect(modelReply.engine).toBe('openai');
    expect(counted).toBe(1);
  });
});

describe('RoutedAssistant with follow-ups', () => {
  it('keeps the follow-ups the offline assistant resolves with confidence off the model, and sends it the rest', async () => {
    const offline = new (class extends RecordingEngine {
      override async resolves(context: TurnContext): Promise<boolean> {
        return context.text !== 'а как вам погода?';
      }
    })(undefined);
    const model = new RecordingEngine('openai');
    const counted: string[] = [];
    const routed = new RoutedAssistant({ plain: offline, model }, (kind) => counted.push(kind), { followUps: true });

    await routed.respond(turn('покажите серые диваны'));
    await routed.respond(turn('а второй раскладывается?'));
    await routed.respond(turn('а как вам погода?'));

    expect(offline.texts).toEqual(['покажите серые диваны', 'а второй раскладывается?']);
    expect(model.texts).toEqual(['а как вам погода?']);
    expect(counted).toEqual(['plain', 'follow_up']);
  });

  it('asks nothing of the offline assistant when follow-up routing is off', async () => {
    const offline = new (class extends RecordingEngine {
      override async resolves(): Promise<boolean> {
        throw new Error('not asked with AI_ROUTING=plain');
      }
    })(undefined);
    const routed = new RoutedAssistant({ plain: offline, model: new RecordingEngine('openai') }, () => undefined);
    expect((await routed.respond(turn('а второй раскладывается?'))).engine).toBe('openai');
  });
});
