/** What the synthesized template says about throughput: the settings behind each ceiling of the capacity report. */
export interface StackCapacitySettings {
  /** The consumer's SQS event source. */
  consumerBatchSize: number;
  consumerMaxConcurrency: number;
  consumerTimeoutMs: number;
  /** High-throughput FIFO (throughput and deduplication per message group). */
  queueHighThroughput: boolean;
  /** The HTTP API's throttle on Meta's POST /webhook (the route's own, else the stage's), requests/s; undefined when none is set. */
  webhookRouteRps: number | undefined;
  /** Reserved concurrency per function service name, where set. */
  reservedConcurrency: Record<string, number>;
}

type Resource = { Type: string; Properties?: Record<string, unknown> };
type RouteSettings = { ThrottlingRateLimit?: number };

function single(resources: Resource[], type: string): Resource {
  const found = resources.filter((resource) => resource.Type === type);
  if (found.length !== 1) throw new Error(`expected one ${type} in the template, found ${found.length}`);
  return found[0] as Resource;
}

export function stackCapacitySettings(template: { Resources: Record<string, Resource> }): StackCapacitySettings {
  const resources = Object.values(template.Resources);
  const mapping = single(resources, 'AWS::Lambda::EventSourceMapping').Properties ?? {};
  const functions = resources.filter((resource) => resource.Type === 'AWS::Lambda::Function');
  const serviceOf = (fn: Resource) =>
    String(((fn.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {}).POWERTOOLS_SERVICE_NAME);
  const consumer = functions.find((fn) => serviceOf(fn) === 'consumer');
  const queues = resources.filter((resource) => resource.Type === 'AWS::SQS::Queue' && resource.Properties?.FifoQueue === true);
  const stage = single(resources, 'AWS::ApiGatewayV2::Stage').Properties ?? {};
  const routeSettings = (stage.RouteSettings ?? {}) as Record<string, RouteSettings>;
  const defaultRoute = (stage.DefaultRouteSettings ?? {}) as RouteSettings;
  return {
    consumerBatchSize: Number(mapping.BatchSize ?? 10),
    consumerMaxConcurrency: Number((mapping.ScalingConfig as { MaximumConcurrency?: number } | undefined)?.MaximumConcurrency ?? 1_000),
    consumerTimeoutMs: Number(consumer?.Properties?.Timeout ?? 3) * 1_000,
    queueHighThroughput:
      queues.length > 0 &&
      queues.every(
        (queue) => queue.Properties?.FifoThroughputLimit === 'perMessageGroupId' && queue.Properties?.DeduplicationScope === 'messageGroup',
      ),
    webhookRouteRps: routeSettings['POST /webhook']?.ThrottlingRateLimit ?? defaultRoute.ThrottlingRateLimit,
    reservedConcurrency: Object.fromEntries(
      functions.flatMap((fn) =>
        typeof fn.Properties?.ReservedConcurrentExecutions === 'number'
          ? [[serviceOf(fn), fn.Properties.ReservedConcurrentExecutions]]
          : [],
      ),
    ),
  };
}
