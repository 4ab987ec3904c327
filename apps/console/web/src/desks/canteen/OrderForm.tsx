import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { portalApi, type CatalogueMeal, type WeekCatalogue } from '../../api/portal';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';
import { formatYuan } from '../../lib/money';
import {
  buildOrderRequest,
  dishKey,
  type DraftLine,
  type DraftProblem,
} from '../../lib/order-draft';
import { formatShanghai, pickedShanghaiToIso } from '../../lib/time';
import { OrderOutcome } from './OrderOutcome';
import { DeliveryTimingFields } from './DeliveryTimingFields';

interface Values {
  dishes?: Record<string, DraftLine>;
  ingredients?: Record<string, DraftLine>;
  timing: 'asap' | 'at';
  requestedTime?: Dayjs;
  urgent?: boolean;
  needBy?: Dayjs;
}

const REASON_KEY: Record<DraftProblem['reason'], string> = {
  required: 'portal.order.required',
  'positive-integer': 'portal.order.positive',
  'in-future': 'portal.order.inFuture',
  'no-lines': 'portal.order.noLines',
};

/** `dishes.<key>.quantity` → the form's path; the key itself may hold dots. */
function pathOf(field: string): string[] {
  const parts = field.split('.');
  return parts.length < 3 ? parts : [parts[0], parts.slice(1, -1).join('.'), parts.at(-1)!];
}

function MenuTable({ meals }: { meals: CatalogueMeal[] }) {
  const { t } = useTranslation();
  const rows = meals.flatMap((m) =>
    m.dishes.map((d) => ({ ...d, meal: m, key: dishKey(m.date, m.meal, d.dishId) })),
  );
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      data-testid="menu"
      columns={[
        { title: t('kitchen.date'), render: (_, r) => r.meal.date },
        { title: t('kitchen.meal'), render: (_, r) => t(`kitchen.${r.meal.meal}`) },
        {
          title: t('portal.order.startsAt'),
          render: (_, r) => formatShanghai(r.meal.startsAt),
        },
        { title: t('kitchen.name'), dataIndex: 'name' },
        {
          title: t('kitchen.pricePerPortion'),
          dataIndex: 'pricePerPortion',
          render: (v: string) => formatYuan(v),
        },
        {
          title: t('canteen.portions'),
          render: (_, r) =>
            r.meal.orderable ? (
              <Form.Item name={['dishes', r.key, 'quantity']} style={{ margin: 0 }}>
                <InputNumber
                  min={0}
                  precision={0}
                  aria-label={`${t('canteen.portions')} ${r.name} ${r.meal.date} ${t(`kitchen.${r.meal.meal}`)}`}
                />
              </Form.Item>
            ) : (
              <Typography.Text type="secondary">{t('portal.order.closed')}</Typography.Text>
            ),
        },
        {
          title: t('portal.order.notes'),
          render: (_, r) =>
            r.meal.orderable && (
              <Form.Item name={['dishes', r.key, 'notes']} style={{ margin: 0 }}>
                <Input
                  maxLength={500}
                  aria-label={`${t('portal.order.notes')} ${r.name} ${r.meal.date} ${t(`kitchen.${r.meal.meal}`)}`}
                />
              </Form.Item>
            ),
        },
      ]}
    />
  );
}

function IngredientsTable({ ingredients }: { ingredients: WeekCatalogue['ingredients'] }) {
  const { t } = useTranslation();
  if (!ingredients.length) return <Alert type="info" title={t('portal.order.noIngredients')} />;
  return (
    <Table
      size="small"
      rowKey="sku"
      pagination={false}
      dataSource={ingredients}
      data-testid="ingredients"
      columns={[
        { title: t('portal.order.sku'), dataIndex: 'sku' },
        { title: t('kitchen.name'), dataIndex: 'name' },
        {
          title: t('portal.order.unitPrice'),
          render: (_, i) => `${formatYuan(i.price)} / ${i.priceUnitQuantity} ${i.unit}`,
        },
        {
          title: t('portal.order.quantity'),
          render: (_, i) => (
            <Form.Item name={['ingredients', i.sku, 'quantity']} style={{ margin: 0 }}>
              <InputNumber
                min={0}
                precision={0}
                suffix={i.unit}
                aria-label={`${t('portal.order.quantity')} ${i.name}`}
              />
            </Form.Item>
          ),
        },
        {
          title: t('portal.order.notes'),
          render: (_, i) => (
            <Form.Item name={['ingredients', i.sku, 'notes']} style={{ margin: 0 }}>
              <Input maxLength={500} aria-label={`${t('portal.order.notes')} ${i.name}`} />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}

/**
 * R-ORD-1/3/5: the week's published menu by day and meal and the raw ingredients; delivery at a
 * time or as soon as possible; an urgent add-on with its need-by time. Checked before sending;
 * one idempotency key per order, so a retry never orders twice.
 */
export function OrderForm({ week }: { week: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const key = useRef(crypto.randomUUID());
  const [placed, setPlaced] = useState<string>();
  const [noLines, setNoLines] = useState(false);
  const flagged = useRef<string[][]>([]);
  const timing = Form.useWatch('timing', form) ?? 'at';
  const urgent = Form.useWatch('urgent', form) ?? false;
  const catalogue = useQuery({
    queryKey: ['catalogue', week],
    queryFn: () => portalApi.catalogue(week),
    retry: (_, e) => !(e instanceof ApiError && e.status < 500),
  });
  const place = useAction(
    (request: Parameters<typeof portalApi.place>[0]) => portalApi.place(request, key.current),
    {
      form,
      // line problems come back by index (`ingredients[0].quantity`): shown beside the form
      fields: ['requestedTime', 'needBy'],
      invalidate: [['portal-orders']],
      onDone: (order) => {
        key.current = crypto.randomUUID();
        setPlaced(order.id);
        setNoLines(false);
        form.resetFields();
      },
    },
  );
  const submit = (v: Values) => {
    const { request, problems } = buildOrderRequest(
      {
        dishes: v.dishes,
        ingredients: v.ingredients,
        timing: v.timing,
        requestedTime: v.requestedTime && pickedShanghaiToIso(v.requestedTime),
        urgent: v.urgent,
        needBy: v.needBy && pickedShanghaiToIso(v.needBy),
      },
      new Date(),
    );
    setNoLines(problems.some((p) => p.reason === 'no-lines'));
    const next = problems.filter((p) => p.field !== 'lines');
    // the checks are ours, not the form's rules: last time's problems are cleared by hand
    form.setFields([
      ...flagged.current.map((name) => ({ name, errors: [] as string[] })),
      ...next.map((p) => ({ name: pathOf(p.field), errors: [t(REASON_KEY[p.reason])] })),
    ] as Parameters<typeof form.setFields>[0]);
    flagged.current = next.map((p) => pathOf(p.field));
    if (request) {
      setPlaced(undefined);
      place.run(request);
    }
  };
  if (catalogue.isPending) return null;
  if (catalogue.error) return <Alert type="error" title={catalogue.error.message} />;
  const meals = catalogue.data.menu?.meals ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {placed && <OrderOutcome orderId={placed} onDismiss={() => setPlaced(undefined)} />}
      <Form
        form={form}
        onFinish={submit}
        layout="vertical"
        name="order"
        initialValues={{ timing: 'at', urgent: false }}
      >
        <Typography.Title level={5}>{t('portal.order.menu')}</Typography.Title>
        {catalogue.data.menu ? (
          <MenuTable meals={meals} />
        ) : (
          <Alert type="info" title={t('canteen.noMenu')} />
        )}
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('portal.order.ingredients')}
        </Typography.Title>
        <IngredientsTable ingredients={catalogue.data.ingredients} />
        <Space style={{ marginTop: 16 }} align="start" wrap>
          <DeliveryTimingFields timing={timing} required />
          <Form.Item name="urgent" valuePropName="checked" label=" ">
            <Checkbox>{t('portal.order.urgent')}</Checkbox>
          </Form.Item>
          {urgent && (
            <Form.Item name="needBy" label={t('portal.order.needBy')} required>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
          )}
        </Space>
        {noLines && (
          <Alert
            type="warning"
            role="alert"
            data-testid="no-lines"
            title={t('portal.order.noLines')}
            style={{ marginBottom: 8 }}
          />
        )}
        <Button type="primary" htmlType="submit" loading={place.pending} data-testid="place-order">
          {t('canteen.place')}
        </Button>
        <ActionError error={place.error} />
      </Form>
    </Space>
  );
}
