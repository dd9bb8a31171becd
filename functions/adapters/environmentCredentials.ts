/**
 * Lambda hands a function its role's credentials in environment variables.
 * The Lambda bundles alias the AWS SDK's default credential chain
 * (`@aws-sdk/credential-provider-node`: SSO, profiles, STS web identity,
 * process, container and instance-metadata providers and the nested STS and
 * SSO clients they need) to this module (lib/lambdaBundling.ts): a third of
 * the webhook's bundle, and init time, for credentials Lambda never gives that
 * way. The CLI, `npm start` and the tests run the sources with the full chain.
 */
export { fromEnv as defaultProvider } from '@aws-sdk/credential-provider-env';
