import { Button, Form, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { weekDates } from '../../lib/time';

/** Which dish is served on which day and meal of the week. */
export function OfferingsEditor({ week, dishIds }: { week: string; dishIds: string[] }) {
  const { t } = useTranslation();
  const dates = weekDates(week);
  return (
    <Form.List name="offerings">
      {(rows, { add, remove }) => (
        <Space orientation="vertical">
          {rows.map(({ key, name }) => (
            <Space key={key} align="baseline" data-testid="offering">
              <Form.Item name={[name, 'date']} rules={[{ required: true }]}>
                <Select
                  style={{ width: 140 }}
                  aria-label={t('kitchen.date')}
                  options={dates.map((d) => ({ value: d, label: d }))}
                />
              </Form.Item>
              <Form.Item name={[name, 'meal']} rules={[{ required: true }]}>
                <Select
                  style={{ width: 100 }}
                  aria-label={t('kitchen.meal')}
                  options={(['breakfast', 'lunch', 'dinner'] as const).map((m) => ({
                    value: m,
                    label: t(`kitchen.${m}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name={[name, 'dishId']} rules={[{ required: true }]}>
                <Select
                  style={{ width: 180 }}
                  aria-label={t('kitchen.dishes')}
                  options={dishIds.map((d) => ({ value: d, label: d }))}
                />
              </Form.Item>
              <Button onClick={() => remove(name)}>{t('common.remove')}</Button>
            </Space>
          ))}
          <Button onClick={() => add({ date: dates[0], meal: 'lunch' })} data-testid="add-offering">
            {t('common.add')} {t('kitchen.offerings')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
