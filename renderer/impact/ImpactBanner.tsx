/** Beside the delete banner: what the file changes on more objects than the impact thresholds allow. */
import type { ExceededThreshold } from '../../shared/impact/impact-thresholds.js';
import { MEMBER_REMOVALS } from '../../shared/impact/impact-thresholds.js';
import { formatCount } from '../format.js';

interface ImpactBannerProps {
  exceeded: readonly ExceededThreshold[];
  onShow: (key: string) => void;
}

function describe({ key, count, threshold }: ExceededThreshold): string {
  return key === MEMBER_REMOVALS
    ? `${formatCount(count)} members removed from groups (warn above ${formatCount(threshold)})`
    : `${formatCount(count)} objects change ${key} (warn above ${formatCount(threshold)})`;
}

export function ImpactBanner({ exceeded, onShow }: ImpactBannerProps) {
  if (exceeded.length === 0) return null;
  return (
    <div className="strip impact-banner" role="alert" data-testid="impact-banner">
      <strong>Mass changes:</strong>
      {exceeded.map((e) => (
        <span key={e.key}>
          {describe(e)}{' '}
          <button type="button" className="link-button" onClick={() => onShow(e.key)} aria-label={`Show: ${describe(e)}`}>
            Show
          </button>
        </span>
      ))}
    </div>
  );
}
