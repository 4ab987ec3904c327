import { scoreSurvey, validateSurvey, type SurveyAnswers } from './survey';

const aSurvey = (overrides: Partial<SurveyAnswers> = {}): SurveyAnswers => ({
  attitude: 'very-satisfied',
  skill: 'satisfied',
  'arrival-time': 'satisfied',
  'keeping-promises': 'very-satisfied',
  ...overrides,
});

describe('follow-up survey', () => {
  it('R-AS-15: four items on four levels add up to 4–16', () => {
    expect(scoreSurvey(aSurvey()).total).toBe(14);
    expect(
      scoreSurvey(
        aSurvey({
          attitude: 'very-dissatisfied',
          skill: 'very-dissatisfied',
          'arrival-time': 'very-dissatisfied',
          'keeping-promises': 'very-dissatisfied',
        }),
      ).total,
    ).toBe(4);
  });

  it('R-AS-15: a good survey opens no complaint', () => {
    expect(scoreSurvey(aSurvey()).complaint).toBeNull();
  });

  it('R-AS-15: a low score opens a service complaint for the worst item', () => {
    const score = scoreSurvey(
      aSurvey({ skill: 'dissatisfied', 'arrival-time': 'very-dissatisfied' }),
    );
    expect(score.lowItems).toEqual(['skill', 'arrival-time']);
    expect(score.complaint).toMatchObject({ category: 'service', cause: 'late-delivery' });
    expect(score.complaint?.description).toContain('arrival-time very-dissatisfied');
  });

  it('R-AS-15: a survey missing an item or with an unknown level is refused naming the item', () => {
    expect(() =>
      validateSurvey({ attitude: 'good', skill: 'satisfied', 'arrival-time': 'satisfied' }),
    ).toThrow(
      expect.objectContaining({
        code: 'FOLLOW_UP.SURVEY_INCOMPLETE',
        fields: [
          expect.objectContaining({ field: 'attitude' }),
          expect.objectContaining({ field: 'keeping-promises' }),
        ],
      }),
    );
  });
});
