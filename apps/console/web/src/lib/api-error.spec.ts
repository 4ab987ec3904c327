import { fieldPath, toApiError, toFormErrors } from './api-error';

describe('service error → form', () => {
  const incomplete = toApiError(422, {
    statusCode: 422,
    code: 'SURVEY.INCOMPLETE',
    message: 'every ingredient needs three sources',
    fields: [
      { field: 'observations.TOFU', reason: 'needs 3 sources, has 0' },
      { field: 'lines[0].price', reason: 'not the approved price 33.00' },
    ],
  });

  it('reads the error body, and anything else', () => {
    expect(incomplete).toMatchObject({ status: 422, code: 'SURVEY.INCOMPLETE' });
    expect(incomplete.fields).toHaveLength(2);
    expect(toApiError(502, 'Bad Gateway')).toMatchObject({
      code: 'HTTP.502',
      message: 'Bad Gateway',
    });
    expect(toApiError(400, { message: ['a must be a string', 'b too'] }).message).toBe(
      'a must be a string; b too',
    );
  });

  it('splits a field into antd name path', () => {
    expect(fieldPath('lines[0].price')).toEqual(['lines', 0, 'price']);
    expect(fieldPath('observations.TOFU')).toEqual(['observations', 'TOFU']);
    expect(fieldPath('week')).toEqual(['week']);
  });

  it('puts each problem next to its field, and the rest into the general message', () => {
    expect(toFormErrors(incomplete, ['lines'])).toEqual({
      fields: [{ name: ['lines', 0, 'price'], errors: ['not the approved price 33.00'] }],
      general: 'every ingredient needs three sources — observations.TOFU: needs 3 sources, has 0',
    });
    expect(toFormErrors(incomplete, ['lines', 'observations'])).toEqual({
      fields: [
        { name: ['observations', 'TOFU'], errors: ['needs 3 sources, has 0'] },
        { name: ['lines', 0, 'price'], errors: ['not the approved price 33.00'] },
      ],
      general: undefined,
    });
    expect(
      toFormErrors(incomplete, ['obs'], { 'observations.TOFU': 'obs.TOFU' }).fields[0].name,
    ).toEqual(['obs', 'TOFU']);
  });

  it('R-PROC-4, R-PROC-7: recognises separation-of-duties refusals', () => {
    expect(toApiError(403, { code: 'SURVEY.SEPARATION_OF_DUTIES' }).separationOfDuties).toBe(true);
    expect(toApiError(403, { code: 'RECEIPT.SAME_SIGNATORY' }).separationOfDuties).toBe(true);
    expect(toApiError(403, { code: 'AUTH.ROLE_NOT_ALLOWED' }).separationOfDuties).toBe(false);
  });
});
