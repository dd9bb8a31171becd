import { embeddedCatalog } from '../adapters/catalog/catalogFromEnvironment';
import { createCatalogImagesHandler } from './catalogImagesHandler';

export const handler = createCatalogImagesHandler(embeddedCatalog());
