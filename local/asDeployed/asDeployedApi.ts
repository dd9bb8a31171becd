import type { IncomingMessage, ServerResponse } from 'node:http';
import { LAMBDA_ENTRIES, type LambdaName } from '../../lib/lambdaBundling';
import type { AsDeployedOptions, AsDeployedStack } from './asDeployedStack';
import { ENVIRONMENT_MAPPINGS } from './asDeployedStack';

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

function isLambdaName(name: string): name is LambdaName {
  return name in LAMBDA_ENTRIES;
}

/**
 * Read-only views of the deployed stack for tests and whoever runs it:
 * `GET /sim/api/aws/calls` (every AWS call the functions made and IAM's
 * decision), `/sim/api/aws/functions` (each function's environment, role and
 * environments started) and `/sim/api/aws/logs?function=<name>` (its log lines).
 */
export async function serveAsDeployedApi(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  stack: AsDeployedStack,
  options: AsDeployedOptions,
): Promise<boolean> {
  if (!path.startsWith('/sim/api/aws/')) return false;
  if (request.method !== 'GET') {
    sendJson(response, 405, { error: 'GET only' });
    return true;
  }
  const url = new URL(request.url ?? '/', 'http://localhost');
  switch (path) {
    case '/sim/api/aws/calls':
      sendJson(response, 200, { calls: stack.authorizer.calls(), denied: stack.authorizer.denied() });
      return true;
    case '/sim/api/aws/functions': {
      const stats = stack.stats();
      sendJson(response, 200, {
        assembly: options.assemblyDirectory,
        stackName: stack.deployment.stackName,
        region: stack.deployment.region,
        mappings: ENVIRONMENT_MAPPINGS,
        functions: Object.fromEntries(
          Object.values(stack.functions).map((fn) => [
            fn.name,
            {
              functionName: fn.functionName,
              role: fn.role.arn,
              environment: fn.environment,
              timeoutMs: fn.timeoutMs,
              memoryMb: fn.memoryMb,
              ...stats[fn.name],
            },
          ]),
        ),
      });
      return true;
    }
    case '/sim/api/aws/logs': {
      const name = url.searchParams.get('function') ?? '';
      if (!isLambdaName(name)) {
        sendJson(response, 400, { error: `function must be one of ${Object.keys(LAMBDA_ENTRIES).join(', ')}` });
        return true;
      }
      sendJson(response, 200, { lines: stack.functionLogs(name) });
      return true;
    }
    default:
      sendJson(response, 404, { error: 'not found' });
      return true;
  }
}
