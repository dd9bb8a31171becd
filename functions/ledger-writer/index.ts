import { parseEnvironment } from '../config/environment';
import { buildLedgerWriter } from './buildLedgerWriter';

export const { handler } = buildLedgerWriter(parseEnvironment());
