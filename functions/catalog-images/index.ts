import { parseEnvironment } from '../config/environment';
import { buildCatalogImages } from './buildCatalogImages';

export const { handler } = buildCatalogImages(parseEnvironment());
