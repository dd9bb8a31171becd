/** What an invocation's cost is made of, one line each on finance's report. */
export const COST_COMPONENTS = ['lambda', 'apiGateway', 'sqs', 'dynamodb', 's3', 'scheduler', 'openai', 'whatsapp'] as const;
export type CostComponent = (typeof COST_COMPONENTS)[number];

/** USD per component. */
export type Costs = Record<CostComponent, number>;

export function noCosts(): Costs {
  return { lambda: 0, apiGateway: 0, sqs: 0, dynamodb: 0, s3: 0, scheduler: 0, openai: 0, whatsapp: 0 };
}
