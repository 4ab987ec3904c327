import { loadDeliveryConfig } from './delivery-config';

describe('loadDeliveryConfig', () => {
  it('R-DEL-5: the at-risk lead time defaults to 2 hours and is configurable', () => {
    expect(loadDeliveryConfig({}).AT_RISK_LEAD_MINUTES).toBe(120);
    expect(loadDeliveryConfig({ AT_RISK_LEAD_MINUTES: '45' }).AT_RISK_LEAD_MINUTES).toBe(45);
  });

  it('refuses a bad value, naming the variable', () => {
    expect(() => loadDeliveryConfig({ AT_RISK_LEAD_MINUTES: 'soon' })).toThrow(
      /AT_RISK_LEAD_MINUTES/,
    );
    expect(() => loadDeliveryConfig({ PROJECT_MANAGER_WEBHOOK_URL: 'not a url' })).toThrow(
      /PROJECT_MANAGER_WEBHOOK_URL/,
    );
  });
});
