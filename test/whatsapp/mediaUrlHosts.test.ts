import { describe, expect, it } from 'vitest';
import { GraphClient } from '../../functions/adapters/whatsapp/graphClient';
import { UntrustedMediaUrlError } from '../../functions/adapters/whatsapp/graphErrors';

/**
 * Issue 17: the media URL Graph answers is downloaded with the access token.
 * A URL on any other host (a spoofed or compromised answer) must not receive
 * the token; Meta's own hosts and the configured Graph origin (the local
 * stand-in) do.
 */
function clientRecording(requests: Array<{ url: string; authorization: string | null }>) {
  return new GraphClient({
    baseUrl: 'https://graph.facebook.com',
    apiVersion: 'v26.0',
    accessToken: 'EAAG-secret-token',
    phoneNumberId: '100000000000001',
    retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    fetch: async (input, init) => {
      requests.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization') });
      return new Response('media bytes', { status: 200, headers: { 'content-type': 'image/jpeg' } });
    },
  });
}

describe('media downloads carry the access token only to Meta', () => {
  it.each([
    'https://attacker.example/collect',
    'https://lookaside.fbsbx.com.attacker.example/x',
    'http://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1',
    'https://user:pass@lookaside.fbsbx.com/x',
    'http://169.254.169.254/latest/meta-data/',
  ])('refuses %s without a request', async (url) => {
    const requests: Array<{ url: string; authorization: string | null }> = [];
    await expect(clientRecording(requests).downloadMedia(url)).rejects.toBeInstanceOf(UntrustedMediaUrlError);
    expect(requests).toEqual([]);
  });

  it.each(['https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1&ext=2', 'https://graph.facebook.com/v26.0/media/x'])(
    'downloads %s with the token',
    async (url) => {
      const requests: Array<{ url: string; authorization: string | null }> = [];
      const downloaded = await clientRecording(requests).downloadMedia(url);
      expect(downloaded.bytes.toString()).toBe('media bytes');
      expect(requests).toEqual([{ url, authorization: 'Bearer EAAG-secret-token' }]);
    },
  );
});
