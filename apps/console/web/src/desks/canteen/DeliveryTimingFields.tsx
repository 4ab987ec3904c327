import { DatePicker, Form, Radio } from 'antd';
import { useTranslation } from 'react-i18next';

/** A delivery at a picked time (Shanghai clock) or as soon as possible, in an order's form. */
export function DeliveryTimingFields({
  timing,
  required,
}: {
  timing?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="timing" label={t('portal.order.timing')}>
        <Radio.Group
          options={[
            { value: 'at', label: t('portal.order.at') },
            { value: 'asap', label: t('portal.order.asap') },
          ]}
        />
      </Form.Item>
      {timing === 'at' && (
        <Form.Item name="requestedTime" label={t('canteen.requestedTime')} required={required}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
      )}
    </>
  );
}
