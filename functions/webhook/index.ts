import { parseEnvironment } from '../config/environment';
import { buildWebhook } from './buildWebhook';

export const { handler } = buildWebhook(parseEnvironment());
