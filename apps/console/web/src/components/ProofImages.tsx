import { useQuery } from '@tanstack/react-query';
import { Alert, Image, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { portalApi, type ProofImage } from '../api/portal';

/**
 * One proof image. `<img src>` cannot send the bearer token, so the bytes are fetched with it and
 * shown through an object URL, revoked when the image leaves the page.
 */
function ProofImageView({ image }: { image: ProofImage }) {
  const { t } = useTranslation();
  const bytes = useQuery({
    queryKey: ['proof-image', image.deliveryId, image.id],
    queryFn: () => portalApi.proofImage(image.deliveryId, image.id),
    staleTime: Infinity,
  });
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!bytes.data) return undefined;
    const objectUrl = URL.createObjectURL(bytes.data);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [bytes.data]);
  const label = t(`portal.proof.${image.kind}`);
  if (bytes.error) return <Alert type="error" title={`${label}: ${bytes.error.message}`} />;
  if (!url) return <Spin aria-label={t('portal.proof.loading')} />;
  return (
    <Space orientation="vertical" size={2} data-testid={`proof-image-${image.kind}`}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Image
        src={url}
        alt={label}
        height={120}
        style={{ border: '1px solid #f0f0f0', background: '#fff' }}
      />
    </Space>
  );
}

/** The signature and photo a driver uploaded at hand-over (R-DEL-3), for staff and the canteen. */
export function ProofImages({ deliveryId }: { deliveryId: string }) {
  const { t } = useTranslation();
  const images = useQuery({
    queryKey: ['proof-images', deliveryId],
    queryFn: () => portalApi.proofImages(deliveryId),
  });
  if (images.isPending) return <Spin />;
  if (images.error) return <Alert type="error" title={images.error.message} />;
  if (!images.data.length)
    return <Typography.Text type="secondary">{t('portal.proof.none')}</Typography.Text>;
  return (
    <Space wrap data-testid="proof-images">
      {images.data.map((image) => (
        <ProofImageView key={image.id} image={image} />
      ))}
    </Space>
  );
}
