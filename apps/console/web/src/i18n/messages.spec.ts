import { DESKS } from '../lib/menu';
import { ROLES } from '../lib/roles';
import { en } from './en';
import { zhCN } from './zh-CN';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Record<string, string> {
  return Object.entries(tree).reduce<Record<string, string>>((all, [key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string'
      ? { ...all, [path]: value }
      : { ...all, ...leaves(value, path) };
  }, {});
}

describe('console messages (zh-CN first, en)', () => {
  const zh = leaves(zhCN);
  const english = leaves(en);

  it('has every message in both languages, none empty', () => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(zh).sort());
    expect(Object.entries(zh).filter(([, v]) => !v.trim())).toEqual([]);
    expect(Object.entries(english).filter(([, v]) => !v.trim())).toEqual([]);
  });

  it('names every role and desk with the business words of RULES.md', () => {
    for (const role of ROLES) expect(zh[`role.${role}`]).toBeTruthy();
    for (const desk of DESKS) expect(zh[`desk.${desk.key}`]).toBeTruthy();
    expect(zh['role.canteen']).toBe('营业点');
    expect(zh['role.supplier']).toBe('定点供应商');
    expect(zh['role.cost-accountant']).toBe('成本核算员');
    expect(zh['role.aftersales-lead']).toBe('售后服务组长');
  });

  it('writes Chinese in the Chinese messages', () => {
    const untranslated = Object.entries(zh).filter(([, v]) => !/[\u4e00-\u9fff]/.test(v));
    // the language switch names the other language in that language
    expect(untranslated.map(([k]) => k)).toEqual(['app.language']);
  });
});
