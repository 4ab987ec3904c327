import { desksFor, homeOf, roundSectionsFor } from './menu';
import { ROLES } from './roles';

describe('role → menu', () => {
  it('shows each desk only to the roles that work there', () => {
    expect(desksFor('dispatcher').map((d) => d.key)).toEqual(['dispatch']);
    expect(desksFor('aftersales-lead').map((d) => d.key)).toEqual(['aftersales']);
    expect(desksFor('chef').map((d) => d.key)).toEqual(['procurement', 'kitchen']);
    expect(desksFor('ops-manager').map((d) => d.key)).toEqual([
      'procurement',
      'kitchen',
      'dispatch',
    ]);
    expect(desksFor('canteen').map((d) => d.key)).toEqual(['canteen']);
  });

  it('lands every staff role on a desk', () => {
    const deskless = ROLES.filter((r) => homeOf(r) === '/');
    expect(deskless).toEqual([]);
    expect(homeOf('canteen')).toBe('/canteen');
    expect(homeOf('driver')).toBe('/driver');
    expect(homeOf('buyer')).toBe('/procurement');
  });

  it('R-PROC-4, R-PROC-7: the round shows approval only to the ops-manager, receipt to the two signers', () => {
    expect(roundSectionsFor('ops-manager')).toContain('approval');
    expect(roundSectionsFor('cost-accountant')).not.toContain('approval');
    expect(roundSectionsFor('cost-accountant')).toContain('verification');
    expect(roundSectionsFor('chef')).toContain('receipt');
    expect(roundSectionsFor('warehouse')).toContain('receipt');
    expect(roundSectionsFor('buyer')).not.toContain('receipt');
    expect(roundSectionsFor('supplier')).toEqual(['quotes', 'purchase-orders', 'statement']);
  });
});
