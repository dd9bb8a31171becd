import { parseEnvironment } from '../config/environment';
import { buildConsumer } from './buildConsumer';

export const { handler } = buildConsumer(parseEnvironment());
