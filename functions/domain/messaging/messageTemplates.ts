import templatesYaml from '../../../templates/message_templates.yaml';
import { TemplateCatalog } from './templateCatalog';

let catalog: TemplateCatalog | undefined;

/** The app's templates, parsed once per process from templates/message_templates.yaml. */
export function messageTemplates(): TemplateCatalog {
  catalog ??= TemplateCatalog.fromYaml(templatesYaml);
  return catalog;
}
