import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { procurementApi, type Lot } from '../../api/procurement';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';

/** R-INV-2: a quarantined or expired lot is written off with a reason (refused while orders hold it). */
export function WriteOffLot({ lot }: { lot: Lot }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const writeOff = useAction(() => procurementApi.writeOff(lot.lotId, reason), {
    invalidate: [['lots']],
  });
  return (
    <div>
      <Space.Compact>
        <Input
          size="small"
          placeholder={t('common.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <Button
          size="small"
          danger
          onClick={() => writeOff.run(undefined)}
          loading={writeOff.pending}
        >
          {t('proc.writeOff')}
        </Button>
      </Space.Compact>
      <ActionError error={writeOff.error} />
    </div>
  );
}
