import templates from '../../../templates/message_templates.yaml';
import { bundledData } from '../../config/bundledData';
import { parseTemplateDefinitions, TemplateCatalog } from './templateCatalog';

let catalog: TemplateCatalog | undefined;

/** The app's templates, from templates/message_templates.yaml (YAML turned into data at build or import). */
export function messageTemplates(): TemplateCatalog {
  catalog ??= new TemplateCatalog(bundledData(templates, parseTemplateDefinitions));
  return catalog;
}
