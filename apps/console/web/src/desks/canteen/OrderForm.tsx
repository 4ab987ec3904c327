import { useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, InputNumber, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ordersApi } from '../../api/orders';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';
import { ApiError } from '../../lib/api-error';
import { formatYuan } from '../../lib/money';
import { pickedShanghaiToIso } from '../../lib/time';

interface Values {
  portions: Record<string, number | null>;
  requestedTime: Dayjs;
}

/** R-ORD-1/5: dishes of the published menu for a day and meal; one key per order, so a retry never orders twice. */
export function OrderForm({ week }: { week: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const key = useRef(crypto.randomUUID());
  const menu = useQuery({
    queryKey: ['menu', week],
    queryFn: () => ordersApi.menu(week),
    retry: (_, e) => !(e instanceof ApiError && e.status === 404),
  });
  const rows = (menu.data?.offerings ?? []).map((o) => ({
    ...o,
    key: `${o.date}|${o.meal}|${o.dishId}`,
    dish: menu.data?.dishes.find((d) => d.dishId === o.dishId),
  }));
  const place = useAction(
    (v: Values) =>
      ordersApi.placeOrder(
        {
          dishes: rows
            .filter((r) => (v.portions?.[r.key] ?? 0) > 0)
            .map((r) => ({
              dishId: r.dishId,
              date: r.date,
              meal: r.meal,
              portions: v.portions[r.key]!,
            })),
          ingredients: [],
          requestedTime: pickedShanghaiToIso(v.requestedTime),
        },
        key.current,
      ),
    {
      form,
      fields: ['requestedTime', 'dishes'],
      invalidate: [['orders']],
      onDone: () => {
        key.current = crypto.randomUUID();
        form.resetFields();
      },
    },
  );
  if (menu.error) return <Alert type="info" title={t('canteen.noMenu')} />;
  return (
    <Form form={form} onFinish={place.run} layout="vertical" name="order">
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('kitchen.date'), dataIndex: 'date' },
          { title: t('kitchen.meal'), dataIndex: 'meal', render: (m: string) => t(`kitchen.${m}`) },
          { title: t('kitchen.name'), render: (_, r) => r.dish?.name },
          {
            title: t('kitchen.pricePerPortion'),
            render: (_, r) => formatYuan(r.dish?.pricePerPortion),
          },
          {
            title: t('canteen.portions'),
            render: (_, r) => (
              <Form.Item name={['portions', r.key]} noStyle>
                <InputNumber
                  min={0}
                  aria-label={`${t('canteen.portions')} ${r.dish?.name ?? r.dishId} ${r.date}`}
                />
              </Form.Item>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }} align="end">
        <Form.Item
          name="requestedTime"
          label={t('canteen.requestedTime')}
          rules={[{ required: true }]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={place.pending}
            data-testid="place-order"
          >
            {t('canteen.place')}
          </Button>
        </Form.Item>
      </Space>
      <ActionError error={place.error} />
    </Form>
  );
}
