import { parseEnvironment } from '../config/environment';
import { buildAlertChecker } from './buildAlertChecker';

export const { handler } = buildAlertChecker(parseEnvironment());
