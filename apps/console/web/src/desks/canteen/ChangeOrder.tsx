import { Button, Form, Input, InputNumber, Modal, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { portalApi, type PortalOrder } from '../../api/portal';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';
import { buildOrderRequest, dishKey, draftOf, type DraftLine } from '../../lib/order-draft';
import { formatShanghai, pickedShanghaiToIso } from '../../lib/time';
import { DeliveryTimingFields } from './DeliveryTimingFields';

interface Values {
  dishes?: Record<string, DraftLine>;
  ingredients?: Record<string, DraftLine>;
  timing: 'asap' | 'at';
  requestedTime?: Dayjs;
}

/** R-ORD-4: a change replaces the order's content; set a line to 0 to drop it. */
export function ChangeOrder({ order }: { order: PortalOrder }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const timing = Form.useWatch('timing', form);
  const draft = draftOf(order);
  const change = useAction(
    (body: Parameters<typeof portalApi.change>[1]) => portalApi.change(order.id, body),
    {
      form,
      fields: ['requestedTime'],
      invalidate: [['portal-orders'], ['portal-order', order.id]],
      onDone: () => setOpen(false),
    },
  );
  const submit = (v: Values) => {
    const { request, problems } = buildOrderRequest(
      {
        dishes: v.dishes,
        ingredients: v.ingredients,
        timing: v.timing,
        requestedTime: v.requestedTime && pickedShanghaiToIso(v.requestedTime),
        urgent: order.urgent,
        needBy: order.needBy,
      },
      new Date(),
    );
    form.setFields(
      problems
        .filter((p) => p.field === 'requestedTime')
        .map((p) => ({
          name: 'requestedTime' as const,
          errors: [t(`portal.order.${p.reason === 'required' ? 'required' : 'inFuture'}`)],
        })),
    );
    if (request) change.run(request);
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="change-order">
        {t('portal.orders.change')}
      </Button>
      <Modal
        open={open}
        title={t('portal.orders.change')}
        onCancel={() => setOpen(false)}
        okText={t('portal.orders.save')}
        onOk={() => form.submit()}
        confirmLoading={change.pending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          name={`change-${order.id}`}
          onFinish={submit}
          initialValues={{
            ...draft,
            requestedTime: order.requestedTime
              ? dayjs(formatShanghai(order.requestedTime))
              : undefined,
          }}
        >
          {order.lines.map((l) => {
            const path =
              l.kind === 'dish' && l.date && l.meal
                ? ['dishes', dishKey(l.date, l.meal, l.itemId)]
                : ['ingredients', l.itemId];
            return (
              <Space key={l.lineId} align="start">
                <Form.Item
                  name={[...path, 'quantity']}
                  label={`${l.name}${l.date ? ` ${l.date}` : ''}`}
                >
                  <InputNumber
                    min={0}
                    precision={0}
                    aria-label={`${t('portal.order.quantity')} ${l.name}`}
                  />
                </Form.Item>
                <Form.Item name={[...path, 'notes']} label={t('portal.order.notes')}>
                  <Input maxLength={500} />
                </Form.Item>
              </Space>
            );
          })}
          <DeliveryTimingFields timing={timing} />
        </Form>
        <ActionError error={change.error} />
      </Modal>
    </>
  );
}
