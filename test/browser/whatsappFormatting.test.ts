import { describe, expect, it } from 'vitest';
import { formatWhatsAppText } from '../../local/simulator/web/whatsappFormatting';

describe('WhatsApp text formatting on the simulator page', () => {
  it('draws *bold*, _italic_, ~strike~ and ```monospace``` as WhatsApp does', () => {
    expect(formatWhatsAppText('*Диван «Осло»* _велюр_ ~229 990 ₸~ ```SOF-001```')).toBe(
      '<strong>Диван «Осло»</strong> <em>велюр</em> <s>229 990 ₸</s> <code class="mono">SOF-001</code>',
    );
    expect(formatWhatsAppText('Цена: *178 000 ₸*')).toBe('Цена: <strong>178 000 ₸</strong>');
  });

  it('leaves markers inside words, around spaces and inside code as they are', () => {
    expect(formatWhatsAppText('snake_case_name')).toBe('snake_case_name');
    expect(formatWhatsAppText('2 * 3 * 4')).toBe('2 * 3 * 4');
    expect(formatWhatsAppText('`*not bold*`')).toBe('<code class="inline-code">*not bold*</code>');
  });

  it('escapes HTML, so a message can never inject markup', () => {
    expect(formatWhatsAppText('<img src=x onerror=alert(1)> & "quotes"')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;',
    );
    expect(formatWhatsAppText('*<b>*')).toBe('<strong>&lt;b&gt;</strong>');
    expect(formatWhatsAppText('```<script>```')).toBe('<code class="mono">&lt;script&gt;</code>');
  });

  it('makes links clickable, without the full stop after them', () => {
    expect(formatWhatsAppText('Каталог: https://zeta.kz/catalog?a=1&b=2.')).toBe(
      'Каталог: <a href="https://zeta.kz/catalog?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">https://zeta.kz/catalog?a=1&amp;b=2</a>.',
    );
  });
});
