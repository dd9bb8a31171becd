import type { ChatResponder } from '../../support/fakeOpenAiServer';
import type { Random } from '../../../scripts/seededRandom';

export interface FlakyModelOptions {
  random: Random;
  /** Share of chat requests answered with HTTP 500. */
  errorRate: number;
  /** Share never answered: the client's timeout, then the offline assistant, take over. */
  hangRate: number;
}

export interface FlakyModel {
  responder: ChatResponder;
  counts: { requests: number; errors: number; hangs: number };
}

/** A model that fails and hangs a share of requests and otherwise answers as `answer` does. */
export function flakyModel(answer: ChatResponder, options: FlakyModelOptions): FlakyModel {
  const counts = { requests: 0, errors: 0, hangs: 0 };
  const responder: ChatResponder = (request) => {
    counts.requests += 1;
    const draw = options.random();
    if (draw < options.errorRate) {
      counts.errors += 1;
      return { status: 500, body: { error: { message: 'The server had an error while processing your request.', type: 'server_error' } } };
    }
    if (draw < options.errorRate + options.hangRate) {
      counts.hangs += 1;
      return 'hang';
    }
    return answer(request);
  };
  return { responder, counts };
}
