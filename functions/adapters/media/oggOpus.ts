import type { AudioTools } from '../../domain/media/audioTools';

/**
 * What WhatsApp voice notes are: Opus in an OGG container. Their length is
 * in the container itself — the last page's granule position, in 48 kHz
 * samples, less the pre-skip the OpusHead header declares — so a note is
 * measured without running a decoder over a stranger's file, and goes to
 * speech-to-text as it is (the API takes OGG/Opus). Anything that is not a
 * well-formed single-stream OGG/Opus file is left to ffmpeg.
 */
export interface OggOpusSummary {
  durationSeconds: number;
  /** Audio packets, and how many of them are Opus's near-empty silence frames. */
  packets: number;
  silentPackets: number;
}

const CAPTURE = Buffer.from('OggS', 'latin1');
const OPUS_HEAD = Buffer.from('OpusHead', 'latin1');
const OPUS_TAGS = Buffer.from('OpusTags', 'latin1');
const PAGE_HEADER_BYTES = 27;
const OPUS_SAMPLE_RATE = 48_000;
/** A packet this small carries no sound: a TOC byte and a frame of comfort noise or digital silence. */
const SILENT_PACKET_BYTES = 3;
const FIRST_PAGE_FLAG = 0x02;
const LAST_PAGE_FLAG = 0x04;

interface Page {
  granule: bigint;
  serial: number;
  flags: number;
  packets: Buffer[];
  /** The page's last packet continues on the next page. */
  continues: boolean;
}

function readPage(bytes: Buffer, offset: number): { page: Page; next: number } | undefined {
  if (offset + PAGE_HEADER_BYTES > bytes.length || !bytes.subarray(offset, offset + 4).equals(CAPTURE) || bytes[offset + 4] !== 0) {
    return undefined;
  }
  const segments = bytes[offset + 26] as number;
  const tableEnd = offset + PAGE_HEADER_BYTES + segments;
  if (tableEnd > bytes.length) return undefined;
  const lacing = bytes.subarray(offset + PAGE_HEADER_BYTES, tableEnd);
  const bodyLength = lacing.reduce((sum, value) => sum + value, 0);
  if (tableEnd + bodyLength > bytes.length) return undefined;
  const packets: Buffer[] = [];
  let start = tableEnd;
  let length = 0;
  for (const value of lacing) {
    length += value;
    if (value < 255) {
      packets.push(bytes.subarray(start, start + length));
      start += length;
      length = 0;
    }
  }
  const continues = length > 0;
  if (continues) packets.push(bytes.subarray(start, start + length));
  return {
    page: {
      granule: bytes.readBigInt64LE(offset + 6),
      serial: bytes.readUInt32LE(offset + 14),
      flags: bytes[offset + 5] as number,
      packets,
      continues,
    },
    next: tableEnd + bodyLength,
  };
}

/** The note's length and how much of it is silence, or undefined when the bytes are not a plain OGG/Opus file. */
export function readOggOpus(input: Uint8Array): OggOpusSummary | undefined {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const pages: Page[] = [];
  for (let offset = 0; offset < bytes.length;) {
    const read = readPage(bytes, offset);
    if (read === undefined) return undefined;
    pages.push(read.page);
    offset = read.next;
  }
  const [first, second] = pages;
  const head = first?.packets[0];
  if (first === undefined || head === undefined || (first.flags & FIRST_PAGE_FLAG) === 0 || first.packets.length !== 1) return undefined;
  if (head.length < 19 || !head.subarray(0, 8).equals(OPUS_HEAD) || head[9] === 0 || head[18] !== 0) return undefined;
  if (!second?.packets[0]?.subarray(0, 8).equals(OPUS_TAGS)) return undefined;
  // One logical stream, begun once and ended at its last page: a chained or multiplexed file is ffmpeg's to read.
  if (pages.some((page, index) => page.serial !== first.serial || (index > 0 && (page.flags & FIRST_PAGE_FLAG) !== 0))) return undefined;
  if (pages.slice(0, -1).some((page) => (page.flags & LAST_PAGE_FLAG) !== 0)) return undefined;
  const preSkip = head.readUInt16LE(10);
  const audio = pages.slice(2);
  const last = audio.at(-1);
  if (last === undefined || last.granule < 0n) return undefined;
  const samples = Number(last.granule) - preSkip;
  if (!Number.isFinite(samples) || samples < 0) return undefined;
  // Packets split over pages are counted once, by their last piece: close enough for a share of silence.
  const packets = audio.flatMap((page) => (page.continues ? page.packets.slice(0, -1) : page.packets));
  return {
    durationSeconds: samples / OPUS_SAMPLE_RATE,
    packets: packets.length,
    silentPackets: packets.filter((packet) => packet.length <= SILENT_PACKET_BYTES).length,
  };
}

/** Nearly every packet a silence frame: a muted or empty recording, as ffmpeg's volumedetect would find. */
const SILENT_SHARE = 0.95;

/**
 * Audio tools that read OGG/Opus notes from their headers and hand only the
 * rare other formats (AMR, AAC, WAV, forwarded files) to ffmpeg: the decoder
 * of a years-old build never sees what most customers send.
 */
export function headerFirstAudioTools(ffmpeg: AudioTools): AudioTools {
  return {
    inspect: async (audio) => {
      const summary = readOggOpus(audio);
      if (summary === undefined) return ffmpeg.inspect(audio);
      const silent = summary.packets === 0 || summary.silentPackets / summary.packets >= SILENT_SHARE;
      return { format: 'ogg', durationSeconds: summary.durationSeconds, ...(silent ? { peakDecibels: Number.NEGATIVE_INFINITY } : {}) };
    },
    convert: (audio, to) => ffmpeg.convert(audio, to),
  };
}
