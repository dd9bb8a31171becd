import { randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  CustomerProfile,
  CustomerRepository,
  CustomerSnapshot,
  MemoryEntry,
  SentMessageRecord,
} from '../../domain/conversation/ports';
import { LANGUAGES, type Language } from '../../domain/language';
import { NO_PREFERENCES, type Preferences } from '../../domain/preferences/preferences';
import { customerPk, isLive, MEMORY_PREFIX, memorySk, outboundSk, PROFILE_SK, ttlAfterDays } from './tableKeys';
import { writeAll } from './batchWrite';

export interface CustomerRetention {
  profileDays: number;
  memoryDays: number;
  outboundDays: number;
}

const RECENT_VIEWS_KEPT = 20;

function preferencesOf(value: unknown): Preferences {
  if (typeof value !== 'object' || value === null) return NO_PREFERENCES;
  const stored = value as Partial<Preferences>;
  return {
    colors: stored.colors ?? {},
    styles: stored.styles ?? {},
    categories: stored.categories ?? {},
    ...(typeof stored.budgetMin === 'number' ? { budgetMin: stored.budgetMin } : {}),
    ...(typeof stored.budgetMax === 'number' ? { budgetMax: stored.budgetMax } : {}),
  };
}

function languageOf(value: unknown): Language {
  return (LANGUAGES as readonly unknown[]).includes(value) ? (value as Language) : 'ru';
}

export class DynamoCustomerRepository implements CustomerRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly retention: CustomerRetention,
    private readonly now: () => number = Date.now,
  ) {}

  async load(waId: string, recentLimit: number): Promise<CustomerSnapshot> {
    const pk = customerPk(waId);
    const [profileResult, memoryResult] = await Promise.all([
      this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk, sk: PROFILE_SK } })),
      this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': pk, ':prefix': MEMORY_PREFIX },
          ScanIndexForward: false,
          Limit: recentLimit,
        }),
      ),
    ]);
    const now = this.now();
    const item = profileResult.Item;
    const recent = (memoryResult.Items ?? [])
      .filter((entry) => isLive(entry, now))
      .map((entry) => ({ role: entry.role, text: entry.text, at: entry.at }) as MemoryEntry)
      .reverse();
    if (item === undefined || !isLive(item, now)) return { recent };
    const profile: CustomerProfile = {
      waId,
      language: languageOf(item.language),
      firstSeenAt: Number(item.firstSeenAt ?? now),
      lastInboundAt: Number(item.lastInboundAt ?? 0),
      messageCount: Number(item.messageCount ?? 0),
      preferences: preferencesOf(item.preferences),
      recentViews: Array.isArray(item.recentViews) ? item.recentViews.map(String) : [],
      ...(typeof item.name === 'string' ? { name: item.name } : {}),
    };
    return { profile, recent };
  }

  async saveTurn(turn: { profile: CustomerProfile; memory: MemoryEntry[]; sent: SentMessageRecord[] }): Promise<void> {
    const { profile } = turn;
    const pk = customerPk(profile.waId);
    const now = this.now();
    const names: Record<string, string> = { '#language': 'language', '#ttl': 'ttl' };
    const values: Record<string, unknown> = {
      ':language': profile.language,
      ':firstSeenAt': profile.firstSeenAt,
      ':lastInboundAt': profile.lastInboundAt,
      ':messageCount': profile.messageCount,
      ':preferences': profile.preferences,
      ':recentViews': profile.recentViews.slice(0, RECENT_VIEWS_KEPT),
      ':ttl': ttlAfterDays(now, this.retention.profileDays),
    };
    const sets = [
      '#language = :language',
      'firstSeenAt = if_not_exists(firstSeenAt, :firstSeenAt)',
      'lastInboundAt = :lastInboundAt',
      'messageCount = :messageCount',
      'preferences = :preferences',
      'recentViews = :recentViews',
      '#ttl = :ttl',
    ];
    if (profile.name !== undefined) {
      names['#name'] = 'name';
      values[':name'] = profile.name;
      sets.push('#name = :name');
    }
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk, sk: PROFILE_SK },
        UpdateExpression: `SET ${sets.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    const memoryTtl = ttlAfterDays(now, this.retention.memoryDays);
    const outboundTtl = ttlAfterDays(now, this.retention.outboundDays);
    await writeAll(this.client, this.tableName, [
      ...turn.memory.map((entry) => ({
        pk,
        sk: memorySk(entry.at, randomUUID().slice(0, 8)),
        role: entry.role,
        text: entry.text,
        at: entry.at,
        ttl: memoryTtl,
      })),
      ...turn.sent.map((record) => ({
        pk,
        sk: outboundSk(record.messageId),
        kind: record.kind,
        sentAt: record.at,
        ttl: outboundTtl,
      })),
    ]);
  }
}
