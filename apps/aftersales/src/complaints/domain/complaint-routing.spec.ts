import { routeComplaint, type RoutingInput } from './complaint-routing';

const leads = {
  kitchen: 'chef-lead',
  'warehouse-transport': 'wh-lead',
  delivery: 'dispatch-lead',
  management: 'gm',
  aftersales: 'as-lead',
};
const route = (overrides: Partial<RoutingInput>) =>
  routeComplaint({
    category: 'quality',
    cause: 'food-quality',
    departmentLeads: leads,
    ...overrides,
  });

describe('complaint routing', () => {
  it('R-AS-3: food quality goes to the kitchen and its lead', () => {
    expect(route({})).toEqual({ department: 'kitchen', responsibleStaffId: 'chef-lead' });
  });

  it('R-AS-3: packaging damaged or spoiled in transit goes to warehouse and transport', () => {
    expect(route({ cause: 'packaging-damaged' }).department).toBe('warehouse-transport');
    expect(route({ cause: 'spoiled-in-transit' }).department).toBe('warehouse-transport');
  });

  it('R-AS-3: late or missing delivery goes to delivery', () => {
    expect(route({ category: 'service', cause: 'late-delivery' })).toEqual({
      department: 'delivery',
      responsibleStaffId: 'dispatch-lead',
    });
    expect(route({ category: 'service', cause: 'missing-delivery' }).department).toBe('delivery');
  });

  it("R-AS-3: staff attitude goes to the staff member's department", () => {
    expect(
      route({
        category: 'service',
        cause: 'staff-attitude',
        subjectStaff: { staffId: 'driver-3', department: 'delivery' },
      }).department,
    ).toBe('delivery');
    expect(route({ category: 'service', cause: 'staff-attitude' }).department).toBe('aftersales');
  });

  it('R-AS-3: contract disputes go to management', () => {
    expect(route({ category: 'service', cause: 'contract-dispute' }).department).toBe('management');
  });

  it('R-AS-3: a department without a lead is routed without a responsible person', () => {
    expect(route({ departmentLeads: {} })).toEqual({ department: 'kitchen' });
  });
});
