import templates from '../../../templates/message_templates.yaml';
import { parseTemplateDefinitions, TemplateCatalog, type TemplateDefinition } from './templateCatalog';

let catalog: TemplateCatalog | undefined;

/** The app's templates, from templates/message_templates.yaml (YAML turned into data at build or import). */
export function messageTemplates(): TemplateCatalog {
  // Validated when the Lambda bundle was built (lib/bundling/dataModules.ts): there, this condition is a constant.
  catalog ??= new TemplateCatalog(
    process.env.ZETA_BUNDLED_DATA === 'validated' ? (templates as TemplateDefinition[]) : parseTemplateDefinitions(templates),
  );
  return catalog;
}
