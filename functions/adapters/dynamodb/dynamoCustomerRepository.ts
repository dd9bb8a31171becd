import { randomBytes } from 'node:crypto';
import { GetCommand, paginateQuery, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dialogueStateFrom } from '../../domain/dialogue/dialogueState';
import type { HandoffState } from '../../domain/handoff/handoff';
import type {
  CustomerLocation,
  CustomerProfile,
  CustomerRepository,
  CustomerSnapshot,
  MemoryEntry,
  SentMessageRecord,
} from '../../domain/conversation/ports';
import { LANGUAGES, type Language } from '../../domain/language';
import { NO_PREFERENCES, type Preferences } from '../../domain/preferences/preferences';
import { customerPk, isLive, MEMORY_PREFIX, memorySk, outboundSk, PROFILE_SK, ttlAfterDays } from './tableKeys';
import { deleteAll, writeAll } from './batchWrite';
import { isConditionalCheckFailure } from './conditionalCheck';
import { TABLE_SCHEMA } from './tableSchema';

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

/** What we sent, kept for its delivery ticks, its billing and a template re-send if WhatsApp refuses it (131047). */
function outboundItem(waId: string, record: SentMessageRecord, ttl: number): Record<string, unknown> {
  return {
    pk: customerPk(waId),
    sk: outboundSk(record.messageId),
    kind: record.kind,
    sentAt: record.at,
    ttl,
    ...(record.template ? { template: record.template } : {}),
    ...(record.summary ? { summary: record.summary } : {}),
    ...(record.language ? { language: record.language } : {}),
  };
}

function locationOf(value: unknown): CustomerLocation | undefined {
  if (typeof value !== 'object' || value === null || typeof (value as CustomerLocation).at !== 'number') return undefined;
  const stored = value as Partial<CustomerLocation>;
  return {
    at: Number(stored.at),
    ...(typeof stored.latitude === 'number' ? { latitude: stored.latitude } : {}),
    ...(typeof stored.longitude === 'number' ? { longitude: stored.longitude } : {}),
    ...(typeof stored.name === 'string' ? { name: stored.name } : {}),
    ...(typeof stored.address === 'string' ? { address: stored.address } : {}),
  };
}

function isHandoff(value: unknown): value is HandoffState {
  return typeof value === 'object' && value !== null && typeof (value as HandoffState).until === 'number';
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
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
    const recent = (memoryResult.Items ?? [])
      .filter((entry) => isLive(entry, now))
      .map((entry) => ({ role: entry.role, text: entry.text, at: entry.at }) as MemoryEntry)
      .reverse();
    const profile = this.profileOf(waId, profileResult.Item);
    return profile === undefined ? { recent } : { profile, recent };
  }

  async profile(waId: string): Promise<CustomerProfile | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: customerPk(waId), sk: PROFILE_SK } }));
    return this.profileOf(waId, result.Item);
  }

  async recordSent(waId: string, sent: readonly SentMessageRecord[]): Promise<void> {
    const ttl = ttlAfterDays(this.now(), this.retention.outboundDays);
    await writeAll(
      this.client,
      this.tableName,
      sent.map((record) => outboundItem(waId, record, ttl)),
    );
  }

  async setOptedOut(waId: string, optedOut: boolean): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: customerPk(waId), sk: PROFILE_SK },
        UpdateExpression: 'SET optedOut = :optedOut, optedOutChangedAt = :now, #ttl = if_not_exists(#ttl, :ttl)',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: {
          ':optedOut': optedOut,
          ':now': this.now(),
          ':ttl': ttlAfterDays(this.now(), this.retention.profileDays),
        },
      }),
    );
  }

  async markFollowUpMoved(waId: string, at: number): Promise<void> {
    await this.client
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: customerPk(waId), sk: PROFILE_SK },
          UpdateExpression: 'SET followUpMovedAt = :at',
          // Only a customer who is there: an erasure between the turn and now must not bring a profile back.
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at },
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionalCheckFailure(error)) throw error;
      });
  }

  async setHandoff(waId: string, handoff: HandoffState | undefined): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: customerPk(waId), sk: PROFILE_SK },
        ...(handoff === undefined
          ? { UpdateExpression: 'REMOVE handoff' }
          : {
              UpdateExpression: 'SET handoff = :handoff, #ttl = if_not_exists(#ttl, :ttl)',
              ExpressionAttributeNames: { '#ttl': 'ttl' },
              ExpressionAttributeValues: { ':handoff': handoff, ':ttl': ttlAfterDays(this.now(), this.retention.profileDays) },
            }),
      }),
    );
  }

  async eraseCustomer(waId: string): Promise<number> {
    let erased = 0;
    for await (const items of this.partitionPages(waId, 'pk, sk')) {
      const keys = items.map((item) => ({ pk: item.pk, sk: item.sk }));
      await deleteAll(this.client, this.tableName, keys);
      erased += keys.length;
    }
    return erased;
  }

  /**
   * Every item of the customer's partition goes under the new key: profile,
   * memory, alerts (with the index key that finds them), orders, sent
   * messages, counters. An item the new key already has is kept, except the
   * profile, which is joined: what the customer told us lives in the old one,
   * and an opt-out on either side stays an opt-out.
   */
  async moveCustomer(fromWaId: string, toWaId: string): Promise<number> {
    if (fromWaId === toWaId) return 0;
    let moved = 0;
    const { sortKey: indexSortKey } = TABLE_SCHEMA.byProductIndex;
    for await (const items of this.partitionPages(fromWaId)) {
      for (const item of items) {
        const copy: Record<string, unknown> = { ...item, pk: customerPk(toWaId) };
        if (item.waId === fromWaId) copy.waId = toWaId;
        if (item[indexSortKey] === customerPk(fromWaId)) copy[indexSortKey] = customerPk(toWaId);
        if (item.sk === PROFILE_SK) await this.joinProfile(copy, toWaId);
        else await this.putIfAbsent(copy);
      }
      await deleteAll(
        this.client,
        this.tableName,
        items.map((item) => ({ pk: item.pk, sk: item.sk })),
      );
      moved += items.length;
    }
    return moved;
  }

  private async putIfAbsent(item: Record<string, unknown>): Promise<void> {
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
    } catch (error) {
      if (!isConditionalCheckFailure(error)) throw error;
    }
  }

  /** The customer wrote from the new identifier before WhatsApp told us of the change: both profiles make one. */
  private async joinProfile(moved: Record<string, unknown>, toWaId: string): Promise<void> {
    const existing = (
      await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: customerPk(toWaId), sk: PROFILE_SK } }))
    ).Item;
    const joined =
      existing === undefined
        ? moved
        : {
            ...moved,
            lastInboundAt: Math.max(Number(moved.lastInboundAt ?? 0), Number(existing.lastInboundAt ?? 0)),
            messageCount: Number(moved.messageCount ?? 0) + Number(existing.messageCount ?? 0),
            optedOut: moved.optedOut === true || existing.optedOut === true,
            ...(existing.phone === undefined ? {} : { phone: existing.phone }),
            ...(existing.userId === undefined ? {} : { userId: existing.userId }),
          };
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: joined }));
  }

  private async *partitionPages(waId: string, projection?: string): AsyncGenerator<Array<Record<string, unknown>>> {
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': customerPk(waId) },
        ...(projection === undefined ? {} : { ProjectionExpression: projection }),
      },
    );
    for await (const page of pages) yield page.Items ?? [];
  }

  private profileOf(waId: string, item: Record<string, unknown> | undefined): CustomerProfile | undefined {
    const now = this.now();
    if (item === undefined || !isLive(item, now)) return undefined;
    const location = locationOf(item.location);
    return {
      waId,
      language: languageOf(item.language),
      firstSeenAt: Number(item.firstSeenAt ?? now),
      lastInboundAt: Number(item.lastInboundAt ?? 0),
      messageCount: Number(item.messageCount ?? 0),
      preferences: preferencesOf(item.preferences),
      recentViews: stringsOf(item.recentViews),
      lastShown: stringsOf(item.lastShown),
      optedOut: item.optedOut === true,
      misunderstandings: Number(item.misunderstandings ?? 0),
      ...(item.dialogue !== undefined ? { dialogue: dialogueStateFrom(item.dialogue) } : {}),
      ...(isHandoff(item.handoff) ? { handoff: item.handoff } : {}),
      ...(typeof item.name === 'string' ? { name: item.name } : {}),
      ...(typeof item.phone === 'string' ? { phone: item.phone } : {}),
      ...(typeof item.userId === 'string' ? { userId: item.userId } : {}),
      ...(typeof item.username === 'string' ? { username: item.username } : {}),
      ...(location ? { location } : {}),
      ...(typeof item.followUpMovedAt === 'number' ? { followUpMovedAt: item.followUpMovedAt } : {}),
    };
  }

  async saveTurn(turn: { turnId: string; profile: CustomerProfile; memory: MemoryEntry[] }): Promise<void> {
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
      ':lastShown': profile.lastShown.slice(0, 10),
      ':misunderstandings': profile.misunderstandings,
      ':ttl': ttlAfterDays(now, this.retention.profileDays),
      ':ledgerSalt': randomBytes(16).toString('hex'),
    };
    const sets = [
      // The cost ledger's pseudonym comes from it (dynamoLedgerPseudonyms): erased with the profile, it links no row to anyone.
      'ledgerSalt = if_not_exists(ledgerSalt, :ledgerSalt)',
      '#language = :language',
      'firstSeenAt = if_not_exists(firstSeenAt, :firstSeenAt)',
      'lastInboundAt = :lastInboundAt',
      'messageCount = :messageCount',
      'preferences = :preferences',
      'recentViews = :recentViews',
      'lastShown = :lastShown',
      'misunderstandings = :misunderstandings',
      '#ttl = :ttl',
    ];
    // The identifiers and names WhatsApp gave: each kept once known, never erased by a message that lacks it.
    for (const field of ['name', 'phone', 'userId', 'username'] as const) {
      if (profile[field] === undefined) continue;
      names[`#${field}`] = field;
      values[`:${field}`] = profile[field];
      sets.push(`#${field} = :${field}`);
    }
    if (profile.location !== undefined) {
      names['#location'] = 'location';
      values[':location'] = profile.location;
      sets.push('#location = :location');
    }
    if (profile.dialogue !== undefined) {
      values[':dialogue'] = profile.dialogue;
      sets.push('dialogue = :dialogue');
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
    await writeAll(
      this.client,
      this.tableName,
      turn.memory.map((entry) => ({
        pk,
        sk: memorySk(entry.at, turn.turnId),
        role: entry.role,
        text: entry.text,
        at: entry.at,
        ttl: memoryTtl,
      })),
    );
  }
}
