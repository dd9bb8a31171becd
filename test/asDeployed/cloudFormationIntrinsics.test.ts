import { describe, expect, it } from 'vitest';
import { resolveIntrinsics, UnresolvableIntrinsicError } from '../../local/asDeployed/cloudFormationIntrinsics';

const parameters = {
  region: 'eu-central-1',
  accountId: '123456789012',
  stackName: 'ZetaAssistant-dev',
  partition: 'aws',
  urlSuffix: 'amazonaws.com',
};
const ids = {
  ref: (logicalId: string) =>
    ({ AppSecret: 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:AppSecret-Abc123Def456-XyZ987', Api: 'k3y9' })[logicalId] ??
    `${logicalId}-ref`,
  attribute: (logicalId: string, attribute: string) => `${logicalId}.${attribute}`,
};
const resolve = (value: unknown) => resolveIntrinsics(value, ids, parameters);

describe('CloudFormation intrinsics, as the stack uses them', () => {
  it("takes the secret's name out of its ARN as the functions' SECRETS_ID does (Select/Split/Join)", () => {
    const name = (index: number) => ({
      'Fn::Select': [index, { 'Fn::Split': ['-', { 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: 'AppSecret' }] }] }] }],
    });
    expect(resolve({ 'Fn::Join': ['-', [name(0), name(1)]] })).toBe('AppSecret-Abc123Def456');
  });

  it('builds URLs and ARNs from pseudo parameters, refs and attributes', () => {
    expect(
      resolve({
        'Fn::Join': ['', ['https://', { Ref: 'Api' }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/']],
      }),
    ).toBe('https://k3y9.execute-api.eu-central-1.amazonaws.com/');
    expect(resolve({ 'Fn::GetAtt': ['Queue', 'Arn'] })).toBe('Queue.Arn');
    expect(resolve({ 'Fn::Sub': 'cdk-assets-${AWS::AccountId}-${AWS::Region}/${Queue.Arn}' })).toBe(
      'cdk-assets-123456789012-eu-central-1/Queue.Arn',
    );
    expect(resolve({ Statement: [{ Resource: [{ Ref: 'Table' }] }] })).toEqual({ Statement: [{ Resource: ['Table-ref'] }] });
  });

  it('refuses what it does not model instead of guessing', () => {
    expect(() => resolve({ 'Fn::If': ['IsProd', 'a', 'b'] })).toThrow(UnresolvableIntrinsicError);
    expect(() => resolve({ 'Fn::Select': [3, ['a']] })).toThrow(UnresolvableIntrinsicError);
  });
});
