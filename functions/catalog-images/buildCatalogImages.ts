import { publishMetrics } from '../observability/publishMetrics';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { storedProductListFromEnvironment } from '../adapters/catalog/storedProductList';
import { costAccountingFor } from '../composition/costAccountingFor';
import type { Environment } from '../config/environment';
import type { ProductSource } from '../domain/conversation/ports';
import { httpApiRequestUsage } from '../observability/invocationUsage';
import { createTelemetry, type Telemetry } from '../observability/telemetry';
import { createCatalogImagesHandler } from './catalogImagesHandler';

export interface CatalogImagesOverrides {
  /** The catalog's products (the local runtime's embedded catalog); in AWS they are read from its store. */
  catalog?: Pick<ProductSource, 'get'>;
}

/** The catalog pictures' composition root: the drawing handler, booked in the cost ledger like every function. */
export function buildCatalogImages(
  env: Environment,
  telemetry: Telemetry = createTelemetry('catalog-images'),
  overrides: CatalogImagesOverrides = {},
) {
  const catalog = overrides.catalog ?? storedProductListFromEnvironment(env, telemetry.logger);
  const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>(createCatalogImagesHandler(catalog))
    .use(publishMetrics(telemetry.metrics))
    .use(
      costAccountingFor<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>(env, telemetry, undefined, {
        functionName: 'catalog-images',
        memoryMb: 512,
        feature: 'catalog_images',
        invocationUsage: httpApiRequestUsage,
        // A picture nobody has (a scan of made-up names) drew nothing.
        rejected: ({ response }) => response?.statusCode === 404,
      }),
    );
  return { handler };
}
