import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod';
import { readBody } from '../apiGatewayEvent';
import type { TemplateCategoryStore } from '../../functions/domain/messaging/templateCategories';
import { TEMPLATE_CATEGORIES } from '../../functions/domain/messaging/templateCategory';
import type { TemplateRegistry } from '../graph/templateRegistry';

const TEMPLATES_PATH = '/sim/api/templates';
const CATEGORY_PATH = '/sim/api/templates/category';

const recategorizeSchema = z.object({
  name: z.string().min(1),
  language: z.string().min(1),
  category: z.enum(TEMPLATE_CATEGORIES),
  stage: z.enum(['notice', 'change', 'both']).default('both'),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

/**
 * The account's templates for the simulator and tests:
 * `GET /sim/api/templates` → each template as the stand-in keeps it (status,
 * Meta's category, rejection reason, its approved `body`, `headerText`,
 * `footer` and `quickReplies` labels) with `appCategory`, the category the app
 * recorded from Meta's webhooks (what its sends are routed by);
 * `POST /sim/api/templates/category {name, language, category, stage?}` plays
 * Meta's re-check of an approved template: the notice, then the change, each a
 * signed template_category_update webhook to /webhook.
 */
export function createTemplatesApi(registry: TemplateRegistry, store: TemplateCategoryStore) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === TEMPLATES_PATH && request.method === 'GET') {
      const templates = await Promise.all(
        registry.list().map(async ({ id, name, language, status, category, rejectedReason, correctCategory, submission }) => ({
          id,
          name,
          language,
          status,
          category,
          ...(rejectedReason === undefined ? {} : { rejectedReason }),
          ...(correctCategory === undefined ? {} : { correctCategory }),
          appCategory: (await store.get(name, language))?.category ?? null,
          // The words the customer reads: the simulator page fills the parameters into them.
          body: submission.body,
          ...(submission.headerText === undefined ? {} : { headerText: submission.headerText }),
          ...(submission.footer === undefined ? {} : { footer: submission.footer }),
          quickReplies: submission.quickReplies,
        })),
      );
      sendJson(response, 200, templates);
      return true;
    }
    if (path === CATEGORY_PATH && request.method === 'POST') {
      const parsed = recategorizeSchema.safeParse(parseJson((await readBody(request)).toString('utf8')));
      if (!parsed.success) {
        sendJson(response, 400, { error: parsed.error.issues[0]?.message ?? 'invalid' });
        return true;
      }
      const { name, language, category, stage } = parsed.data;
      if (registry.find(name, language) === undefined) {
        sendJson(response, 404, { error: `no template ${name}/${language}` });
        return true;
      }
      registry.recategorize(name, language, category, stage);
      sendJson(response, 200, { name, language, category, stage });
      return true;
    }
    return false;
  };
}
