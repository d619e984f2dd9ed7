import { describe, expect, it } from 'vitest';
import { layoutText } from '../../src/read/text/index.js';
import { dropPageFurniture, isPageFurniture } from '../../src/segment/page-furniture.js';

describe('page furniture', () => {
  it('knows page numbers and form feeds, and nothing else', () => {
    for (const l of ['Halaman 1 dari 2', '\f', '- 3 -', 'Hal. 4', 'Page 5 of 9', ' halaman : 12 '])
      expect(isPageFurniture(l)).toBe(true);
    for (const l of ['Halaman kantor 2 lantai', '2', '2. Meningkatnya', 'Jumlah halaman 3'])
      expect(isPageFurniture(l)).toBe(false);
  });
  it('drops them from the lines, keeping the line count', () => {
    const text = ['Kepala Bidang', 'Halaman 1 dari 2', '- 3 -', '2. Meningkatnya'].join('\n');
    const lines = dropPageFurniture(layoutText(text).blocks).map((b) =>
      b.kind === 'line' ? b.text : 'table',
    );
    expect(lines).toEqual(['Kepala Bidang', '', '', '2. Meningkatnya']);
  });
});
