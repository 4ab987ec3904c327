import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { procurementApi, type Observation, type Survey } from '../../api/procurement';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';
import { normaliseYuanInput } from '../../lib/money';

interface Values {
  observations: (Omit<Observation, 'price'> & { price: string })[];
}

/** The buyer's price observations: save, then submit the report. */
export function ObservationsEditor({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const invalidate = [['survey', survey.week]];
  const save = useAction(
    (v: Values) =>
      procurementApi.saveObservations(
        survey.week,
        v.observations.map((o) => ({ ...o, price: normaliseYuanInput(o.price) ?? o.price })),
      ),
    { form, fields: ['observations'], invalidate },
  );
  const submit = useAction(() => procurementApi.submitSurvey(survey.week), {
    form,
    fields: [],
    invalidate,
  });
  return (
    <Form
      form={form}
      onFinish={save.run}
      initialValues={{ observations: survey.observations.length ? survey.observations : [] }}
    >
      <Form.List name="observations">
        {(items, { add, remove }) => (
          <>
            {items.map(({ key, name }) => (
              <Space key={key} align="baseline" wrap data-testid="observation-row">
                <Form.Item name={[name, 'sku']} rules={[{ required: true }]}>
                  <Select
                    style={{ width: 150 }}
                    placeholder={t('proc.sku')}
                    options={survey.requiredSkus.map((s) => ({ value: s, label: s }))}
                  />
                </Form.Item>
                <Form.Item name={[name, 'sourceName']} rules={[{ required: true }]}>
                  <Input placeholder={t('proc.source')} aria-label={t('proc.source')} />
                </Form.Item>
                <Form.Item name={[name, 'contactName']} rules={[{ required: true }]}>
                  <Input placeholder={t('proc.contactName')} aria-label={t('proc.contactName')} />
                </Form.Item>
                <Form.Item name={[name, 'contactPhone']} rules={[{ required: true }]}>
                  <Input placeholder={t('proc.contactPhone')} aria-label={t('proc.contactPhone')} />
                </Form.Item>
                <Form.Item name={[name, 'price']} rules={[{ required: true }]}>
                  <Input
                    placeholder={t('proc.price')}
                    aria-label={t('proc.price')}
                    style={{ width: 110 }}
                  />
                </Form.Item>
                <Form.Item name={[name, 'priceUnitQuantity']} rules={[{ required: true }]}>
                  <InputNumber placeholder={t('proc.per')} aria-label={t('proc.per')} min={1} />
                </Form.Item>
                <Button onClick={() => remove(name)}>{t('common.remove')}</Button>
              </Space>
            ))}
            <Form.Item>
              <Button
                data-testid="add-observation"
                onClick={() => add({ sku: survey.requiredSkus[0], priceUnitQuantity: 1000 })}
              >
                {t('common.add')}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <Space>
        <Button htmlType="submit" loading={save.pending} data-testid="save-observations">
          {t('common.save')}
        </Button>
        <Button
          type="primary"
          onClick={() => submit.run(undefined)}
          loading={submit.pending}
          data-testid="submit-survey"
        >
          {t('proc.submitSurvey')}
        </Button>
      </Space>
      <ActionError error={save.error} />
      <ActionError error={submit.error} />
    </Form>
  );
}
