import { describe, expect, it } from 'vitest';
import { attributeOf, parseXmlElement } from './xml-fragment.js';
import { ExportReadError } from '../read-errors.js';

const at = (i: number) => i;

describe('parseXmlElement', () => {
  it('builds the tree with attributes, text, entities, CDATA and comments', () => {
    const root = parseXmlElement(`<a x="1" y='two &amp; "3"'><b>R&amp;D &lt;x&gt; &#233;&#x1F600;</b><!-- note --><c/><d><![CDATA[<raw & text>]]></d></a>`, at);
    expect(root.name).toBe('a');
    expect(root.attributes).toEqual(['x', '1', 'y', 'two & "3"']);
    expect(root.children.map((c) => c.name)).toEqual(['b', 'c', 'd']);
    expect(root.children[0]?.text).toBe('R&D <x> é😀');
    expect(root.children[2]?.text).toBe('<raw & text>');
  });

  it('normalises line ends as XML requires', () => {
    const root = parseXmlElement('<a t="x\r\ny\tz"><v>one\r\ntwo\rthree&#13;</v></a>', at);
    expect(attributeOf(root, 't')).toBe('x y z');
    expect(root.children[0]?.text).toBe('one\ntwo\nthree\r');
  });

  it.each([
    ['<a><b></a>', /<b> is closed by <\/a>/, 6],
    ['<a>', /<a> is never closed/, 3],
    ['<a></a><b/>', /second top-level element/, 7],
    ['<a>&nope;</a>', /undeclared entity/, 3],
    ['<a>&#0;</a>', /invalid character reference/, 3],
    ['<a b="1" b="2"/>', /appears twice/, 9],
    ['<a b="<"/>', /"<" inside the value/, 5],
    ['<a b/>', /has no value/, 4],
    ['<a><!DOCTYPE x></a>', /DOCTYPE/, 3],
    ['<a><!ENTITY x "y"></a>', /DOCTYPE or entities/, 3],
    ['<a>1 < 2</a>', /does not start a tag/, 5],
    ['text<a/>', /text outside an element/, 0],
    ['<a>x\u0000y</a>', /NUL character/, 4],
    // After CRLFs, which normalise to one character each, the offset is still where the text has it.
    ['<a>x\r\ny\r\n &bad;</a>', /undeclared entity/, 10],
    ['<a b="x\r\ny\r\n&bad;"/>', /undeclared entity/, 12],
  ])('rejects %s', (xml, message, offset) => {
    try {
      parseXmlElement(xml, at);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ExportReadError);
      expect((error as ExportReadError).message).toMatch(message);
      expect((error as ExportReadError).byteOffset).toBe(offset);
    }
  });

  it('skips elements the caller will not read, lexing them by the same rules as the rest', () => {
    const skipWhen = (element: { name: string }) => element.name === 'skip';
    const legal = '<a><skip x="1"><deep>t &amp; <![CDATA[</keep><b>]]><!-- </skip> --><?pi </skip>?><skip>in</skip ></deep ></skip><keep>k</keep></a>';
    const root = parseXmlElement(legal, at, { skipWhen });
    expect(root.children.map((c) => c.name)).toEqual(['keep']);
    expect(root.children[0]?.text).toBe('k');
    // What the skipped element holds must be as well-formed as anything read: an unknown entity, a stray tag.
    expect(() => parseXmlElement('<a><skip><deep>text &unknown;</deep></skip></a>', at, { skipWhen })).toThrow(/undeclared entity/);
    expect(() => parseXmlElement('<a><skip><deep><b></deep></skip></a>', at, { skipWhen })).toThrow(/<b> is closed by <\/deep>/);
    expect(() => parseXmlElement('<a><skip><d x="1" x="2"/></skip></a>', at, { skipWhen })).toThrow(/appears twice/);
  });

  it('decodes each value on its own, wherever the previous special character was', () => {
    const root = parseXmlElement('<a><b x="1&amp;2" y="3" z="4\t5"/><c w="&lt;" v="plain">t&amp;u</c><d>no entities</d ><e>x\r\ny</e></a >', at);
    const [b, c, d, e] = root.children;
    expect(b?.attributes).toEqual(['x', '1&2', 'y', '3', 'z', '4 5']);
    expect(c?.attributes).toEqual(['w', '<', 'v', 'plain']);
    expect([c?.text, d?.text, e?.text]).toEqual(['t&u', 'no entities', 'x\ny']);
  });

  it('keeps every name exact, however many distinct names share the name cache', () => {
    const names = Array.from({ length: 3000 }, (_, k) => `n${k.toString(36)}-${'x'.repeat(k % 7)}`);
    const root = parseXmlElement(`<root>${names.map((name) => `<${name} ${name}="${name}"></${name}>`).join('')}</root>`, at);
    expect(root.children.map((c) => c.name)).toEqual(names);
    expect(root.children.map((c) => attributeOf(c, c.name))).toEqual(names);
    expect(() => parseXmlElement('<root><abc></abd></root>', at)).toThrow(/<abc> is closed by <\/abd>/);
    expect(() => parseXmlElement('<root><abc></ab></root>', at)).toThrow(/<abc> is closed by <\/ab>/);
  });
});
